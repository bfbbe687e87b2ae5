// The library files a content pack carries under assets/ (so its designs re-open in another
// Atelier), made location-free: photo metadata (EXIF GPS among it) never leaves in a pack (issue 3).
// A rewritten file has a new hash, hence a new asset id: the pack's designs are remapped to it.
import { message, type Message } from '../../core/messages';
import { createHash } from 'node:crypto';
import { mkdirSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { AtelierError } from '../../contract/errors';
import { pageAssetIds, remapAssetIds, type DesignDocument } from '../../core/design';
import { extForMime, type AssetService } from '../assets';
import { locationFreeImage } from '../media/images';

export interface PackAsset {
  sha256: string;
  /** The file on disk: the library's original, or the rewritten copy in the export's temp folder. */
  file: string;
  /** Its name in the zip: assets/<sha256>.<ext>. */
  name: string;
  mime: string;
  size: number;
}

export interface PackAssets {
  files: PackAsset[];
  /** Library id → id in the pack, for every file that was rewritten. */
  renamed: Map<string, string>;
  /** A design as the pack stores it (asset references renamed). */
  designForPack(doc: DesignDocument): DesignDocument;
}

/**
 * Collects the files the designs use; images with metadata are rewritten into `temp`. Fonts are not
 * among them (designs name font families, and packs carry no font files); SVGs were rasterised to
 * metadata-free PNGs on import, so they pass through unchanged.
 */
export async function collectPackAssets(
  assets: AssetService,
  docs: ReadonlyMap<string, DesignDocument>,
  temp: string,
  warnings: Message[],
  signal?: AbortSignal,
): Promise<PackAssets> {
  const byId = new Map<string, PackAsset>();
  const renamed = new Map<string, string>();
  const seen = new Set<string>();
  const dir = path.join(temp, 'assets');
  for (const [designId, doc] of docs) {
    for (const sha of new Set(doc.pages.flatMap((p) => pageAssetIds(p)))) {
      if (seen.has(sha)) continue;
      seen.add(sha);
      if (signal?.aborted) throw new AtelierError('cancelled', 'The export was cancelled; no file was written.', undefined, { key: 'packs.exportCancelled' });
      const row = assets.find(sha);
      const original = row ? assets.originalFile(sha) : null;
      if (!row || !original) {
        warnings.push(message('packs.imageMissing', { design: doc.name }, `Design ${designId} ("${doc.name}") uses an image that is not in the library (${sha.slice(0, 12)}…); it shows as a placeholder.`));
        continue;
      }
      const ext = extForMime(row.mime);
      let asset: PackAsset = { sha256: sha, file: original, name: `assets/${sha}.${ext}`, mime: row.mime, size: row.size };
      if (row.mime.startsWith('image/')) {
        let clean;
        try {
          clean = await locationFreeImage(await fs.readFile(original));
        } catch (error) {
          warnings.push(
            message(
              'packs.imageNotCleaned',
              { name: row.name },
              `The image "${row.name}" (${sha.slice(0, 12)}…) could not be rewritten without its metadata (${(error as Error).message}); it is left out of the pack, and designs re-opened from the pack show a placeholder for it.`,
            ),
          );
          continue;
        }
        if (clean.stripped) {
          const id = createHash('sha256').update(clean.bytes).digest('hex');
          mkdirSync(dir, { recursive: true });
          const file = path.join(dir, `${id}.${ext}`);
          await fs.writeFile(file, clean.bytes);
          renamed.set(sha, id);
          asset = { sha256: id, file, name: `assets/${id}.${ext}`, mime: row.mime, size: clean.bytes.length };
        }
      }
      // Two originals that differ only by their metadata become one file.
      byId.set(asset.sha256, asset);
    }
  }
  return { files: [...byId.values()], renamed, designForPack: (doc) => (renamed.size > 0 ? remapAssetIds(doc, renamed) : doc) };
}
