// Browser mode saves each exported pack under `<library>/exports` for the page to download, and the
// "Due now" checklist renders post images under `exports/posts/<post id>/`. Those copies are only a
// hand-over: the maintenance job removes them after a week, so the library folder does not grow by a
// month's visuals at every export. (Desktop pack exports go where the user chose.)
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const DOWNLOAD_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Removes pack zips and post-image folders older than `maxAgeMs` from `dir`; other files (recovery exports) stay. Returns what was removed. */
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
  for (const name of subfolders(path.join(dir, 'posts'))) {
    const folder = path.join(dir, 'posts', name);
    try {
      if (now - statSync(folder).mtimeMs > maxAgeMs) {
        rmSync(folder, { recursive: true, force: true });
        removed.push(`posts/${name}`);
      }
    } catch {
      // Gone meanwhile.
    }
  }
  return removed;
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return [];
  }
}
