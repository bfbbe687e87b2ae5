// The library's pixels for the renderer, on either host: `/media/thumbs/<sha>`, `/media/previews/<sha>`
// and `/media/files/<sha>` (see core/domain/assets.ts `mediaPath`). The web host answers them behind
// its token; Electron's atelier:// protocol handler can call `resolveMedia` the same way and
// `net.fetch` the file it names.
import { SHA256, type MediaVariant } from '../../core/domain/assets';

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
  const request = parseMediaPath(pathname);
  if (!request) return null;
  try {
    return await source.mediaFile(request.variant, request.id);
  } catch {
    return null;
  }
}
