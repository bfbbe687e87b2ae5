// The imported fonts a design uses: its text's families that the library holds as font assets, as
// files the headless renderer registers (and the print PDF embeds). Bundled families need none.
import path from 'node:path';
import { pageFontFamilies, type DesignDocument } from '../core/design';
import { assetRelativePath } from '../core/domain/assets';
import { extForMime } from './asset-records';
import type { Library } from './library';

export function fontFilesFor(lib: Pick<Library, 'db' | 'paths'>, doc: Pick<DesignDocument, 'pages'>): { family: string; file: string }[] {
  const families = [...new Set(doc.pages.flatMap((p) => pageFontFamilies(p)))];
  if (families.length === 0) return [];
  const rows = lib.db
    .prepare<[string], { sha256: string; mime: string; font_family: string }>(
      `SELECT sha256, mime, font_family FROM assets
       WHERE kind = 'font' AND deleted_at IS NULL AND font_family IN (SELECT value FROM json_each(?))
       ORDER BY created_at`,
    )
    .all(JSON.stringify(families));
  return rows.map((r) => ({ family: r.font_family, file: fontAssetFile(lib.paths.assets, r.sha256, r.mime) }));
}

function fontAssetFile(assetsDir: string, sha256: string, mime: string): string {
  return path.join(assetsDir, ...assetRelativePath('sha256', sha256, extForMime(mime)).split('/'));
}

/** The same, chosen among font assets as `assets.list` gives them (newest first): what the CLI renders with. */
export function fontFilesAmong(assetsDir: string, fonts: readonly { id: string; mime: string; fontFamily: string | null }[], doc: Pick<DesignDocument, 'pages'>): { family: string; file: string }[] {
  const families = new Set(doc.pages.flatMap((p) => pageFontFamilies(p)));
  return [...fonts]
    .reverse()
    .filter((f): f is typeof f & { fontFamily: string } => f.fontFamily !== null && families.has(f.fontFamily))
    .map((f) => ({ family: f.fontFamily, file: fontAssetFile(assetsDir, f.id, f.mime) }));
}
