// The library's pixels for the renderer, on either host: `/media/thumbs/<sha>`, `/media/previews/<sha>`
// and `/media/files/<sha>` (see core/domain/assets.ts `mediaPath`), and design thumbnails at
// `/media/designs/<designId>/<page>/<revision>` (see core/domain/design-thumbs.ts). The web host answers them behind
// its token; Electron's atelier:// protocol handler can call `resolveMedia` the same way and
// `net.fetch` the file it names.
import { readFile } from 'node:fs/promises';
import { SHA256, type MediaVariant } from '../../core/domain/assets';
import { parseDesignThumbPath } from '../../core/domain/design-thumbs';

const VARIANTS: readonly MediaVariant[] = ['thumbs', 'previews', 'files'];

export interface MediaRequest {
  variant: MediaVariant;
  id: string;
}

/** `/media/<variant>/<sha>` → what is asked for; anything else (or anything odd) → null. */
export function parseMediaPath(pathname: string): MediaRequest | null {
  const match = /^\/media\/([a-z]+)\/([0-9a-f]{64})$/.exec(pathname);
  if (!match) return null;
  const variant = match[1] as MediaVariant;
  if (!VARIANTS.includes(variant) || !SHA256.test(match[2]!)) return null;
  return { variant, id: match[2]! };
}

export interface MediaSource {
  mediaFile(variant: MediaVariant, id: string): Promise<{ file: string; mime: string } | null>;
  /** A design's thumbnail for calendar cards; a source without it answers those paths with 404. */
  designThumbnail?(designId: string, page: number, revision: string, size?: 'small' | 'large'): Promise<{ file: string; mime: string } | null>;
}

/**
 * Headers for a media response. Content-addressed, so cacheable for ever; sandboxed and
 * non-sniffable, so even a file opened directly can never run as a page.
 */
export function mediaHeaders(mime: string, size: number): Record<string, string> {
  return {
    'Content-Type': mime,
    'Content-Length': String(size),
    'Cache-Control': 'private, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** Resolves a media URL path to a file on disk (generating a thumbnail or preview once if needed). */
export async function resolveMedia(source: MediaSource, pathname: string): Promise<{ file: string; mime: string } | null> {
  const design = parseDesignThumbPath(pathname);
  if (design) {
    try {
      return (await source.designThumbnail?.(design.designId, design.page, design.revision, design.size)) ?? null;
    } catch {
      return null;
    }
  }
  const request = parseMediaPath(pathname);
  if (!request) return null;
  try {
    return await source.mediaFile(request.variant, request.id);
  } catch {
    return null;
  }
}

/**
 * A complete answer for a media URL, as a web `Response` — what Electron's `protocol.handle('atelier', …)`
 * returns for `atelier://app/media/…` (call it before the static-file branch):
 *   if (url.pathname.startsWith('/media/')) return mediaResponse(atelier.services.assets, url.pathname);
 */
export async function mediaResponse(source: MediaSource, pathname: string): Promise<Response> {
  const media = await resolveMedia(source, pathname);
  if (!media) return new Response('Not found', { status: 404 });
  try {
    const bytes = await readFile(media.file);
    return new Response(new Uint8Array(bytes), { status: 200, headers: mediaHeaders(media.mime, bytes.length) });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
