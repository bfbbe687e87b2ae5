// Resolves asset ids (sha256) to bytes from a library's content-addressed store
// (assets/sha256/ab/abcdef….ext). A missing file resolves to null: the renderer draws a placeholder.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AssetResolver } from './render';

export function libraryAssetResolver(assetsDir: string): AssetResolver {
  return async (assetId) => {
    if (!/^[0-9a-f]{64}$/.test(assetId)) return null;
    const dir = path.join(assetsDir, 'sha256', assetId.slice(0, 2));
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return null;
    }
    const name = names.find((n) => n === assetId || n.startsWith(`${assetId}.`));
    return name ? readFile(path.join(dir, name)) : null;
  };
}
