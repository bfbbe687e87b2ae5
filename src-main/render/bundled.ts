// Folders shipped with the app (assets/fonts, assets/templates), found from the code's location
// whether it runs from sources, from out/ bundles or from a packaged app.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function moduleDir(): string | null {
  try {
    return path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return typeof __dirname === 'string' ? __dirname : null;
  }
}

/** assets/<name>: $ATELIER_ASSETS_DIR/<name>, else the nearest assets/<name> above this module or the cwd. */
export function findBundledDir(name: 'fonts' | 'templates'): string {
  const env = process.env.ATELIER_ASSETS_DIR;
  if (env && existsSync(path.join(env, name))) return path.join(env, name);
  const starts = [moduleDir(), process.cwd()].filter((d): d is string => Boolean(d));
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 8; i++) {
      const candidate = path.join(dir, 'assets', name);
      if (existsSync(candidate)) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`The bundled folder assets/${name} was not found; set ATELIER_ASSETS_DIR.`);
}
