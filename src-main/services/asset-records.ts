// An asset as the contract shows it, from its database row, and the file extension its type is stored under.
import type { Asset } from '../contract/api/library';
import type { AssetListRow } from '../db/repositories/assets';
import { iso, isoOrNull } from './convert';
import { FORMAT_INFO } from './media/detect';

const EXT_BY_MIME = new Map(Object.values(FORMAT_INFO).map((f) => [f.mime, f.ext]));

export function extForMime(mime: string): string {
  return EXT_BY_MIME.get(mime) ?? 'bin';
}

export function toAsset(row: AssetListRow): Asset {
  return {
    id: row.sha256,
    kind: row.kind,
    mime: row.mime,
    size: row.size,
    width: row.width,
    height: row.height,
    name: row.original_name,
    clientId: row.client_id,
    tags: row.tags ? row.tags.split('\u001f') : [],
    fontFamily: row.font_family,
    usage: { posts: row.posts, designs: row.designs, brandKits: row.brand_kits },
    createdAt: iso(row.created_at),
    deletedAt: isoOrNull(row.deleted_at),
  };
}
