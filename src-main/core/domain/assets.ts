// Asset rules shared by the library screen, the services and the CLI: limits, tags, filtering.

export const ASSET_KINDS = ['image', 'font', 'other'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** Largest file Atelier imports, in bytes. */
export const MAX_ASSET_BYTES = 200 * 1024 * 1024;
/** Largest image, in pixels (width × height), checked from the header before anything is decoded. */
export const MAX_IMAGE_PIXELS = 100_000_000;
/** Fonts are small; a bigger "font" is almost certainly something else. */
export const MAX_FONT_BYTES = 40 * 1024 * 1024;
/** Long side of the stored thumbnail and of the editor preview, in pixels. */
export const THUMB_SIZE = 320;
export const PREVIEW_SIZE = 2048;

/** Formats accepted by import, as shown to people. */
export const ACCEPTED_FORMATS = 'PNG, JPEG, WebP, GIF, AVIF, SVG, TTF, OTF, WOFF, WOFF2';

export const SHA256 = /^[0-9a-f]{64}$/;

export const MAX_TAG_LENGTH = 40;

/** Tags are trimmed, lower-cased, inner spaces collapsed; empty ones dropped; duplicates removed. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, MAX_TAG_LENGTH);
    if (tag) seen.add(tag);
  }
  return [...seen].sort();
}

export interface AssetLike {
  id: string;
  kind: AssetKind;
  name: string;
  clientId: string | null;
  tags: readonly string[];
  usage: { posts: number; designs: number; brandKits: number };
  fontFamily: string | null;
}

export interface AssetFilter {
  /** Matches the name, a tag or a font family (case-insensitive, every word must match). */
  search?: string;
  kind?: AssetKind;
  /** A client id; `null` means assets that belong to no client. */
  clientId?: string | null;
  unused?: boolean;
  tag?: string;
}

export function usageCount(asset: Pick<AssetLike, 'usage'>): number {
  return asset.usage.posts + asset.usage.designs + asset.usage.brandKits;
}

/** One predicate for the CLI, the service and the grid, so a search finds the same everywhere. */
export function assetMatcher(filter: AssetFilter): (asset: AssetLike) => boolean {
  const words = (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const tag = filter.tag?.trim().toLowerCase();
  return (asset) => {
    if (filter.kind && asset.kind !== filter.kind) return false;
    if (filter.clientId !== undefined && asset.clientId !== filter.clientId) return false;
    if (filter.unused && usageCount(asset) > 0) return false;
    if (tag && !asset.tags.includes(tag)) return false;
    if (words.length > 0) {
      const haystack = `${asset.name} ${asset.tags.join(' ')} ${asset.fontFamily ?? ''}`.toLowerCase();
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  };
}

/** "1.2 MB" style sizes for people (base 1024, one decimal above KB). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Where a derived or original file lives under the library's assets folder (posix separators). */
export function assetRelativePath(folder: 'sha256' | 'thumbs' | 'previews', sha: string, ext: string): string {
  return `${folder}/${sha.slice(0, 2)}/${sha}.${ext}`;
}

export type MediaVariant = 'thumbs' | 'previews' | 'files';

/**
 * Where the renderer loads an asset's pixels from, on either host: the web host answers these paths
 * behind its token, Electron's atelier:// protocol maps the same paths (see host/shared/media.ts).
 */
export function mediaPath(variant: MediaVariant, sha: string): string {
  return `/media/${variant}/${sha}`;
}
