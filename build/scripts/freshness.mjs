// Is out/ older than the sources? `npm start` and the CLI launcher rebuild only when it is.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIsStale(root) {
  const stamp = path.join(root, 'out', '.build-stamp');
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const sources = ['src-main', 'src-renderer', 'assets', 'package.json', 'vite.config.ts'].map((p) => path.join(root, p));
  return sources.some((p) => (existsSync(p) ? (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs) > built : false));
}
