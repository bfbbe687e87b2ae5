// Browser mode saves each exported pack under `<library>/exports` for the page to download. Those
// copies are only a hand-over: the maintenance job removes them after a week, so the library folder
// does not grow by a month's visuals at every export. (Desktop exports go where the user chose.)
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const DOWNLOAD_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Removes pack zips older than `maxAgeMs` from `dir`; other files (recovery exports) stay. Returns the names removed. */
export function purgeOldDownloads(dir: string, now: number, maxAgeMs = DOWNLOAD_RETENTION_MS): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.zip')) continue;
    const file = path.join(dir, name);
    try {
      const stat = statSync(file);
      if (stat.isFile() && now - stat.mtimeMs > maxAgeMs) {
        rmSync(file, { force: true });
        removed.push(name);
      }
    } catch {
      // Gone meanwhile, or unreadable: nothing to purge.
    }
  }
  return removed;
}
