// "Is this really a file inside that folder?" — with symlinks followed, so a link placed inside a
// folder cannot lead a reader out of it. Used by every host for what it serves, and by browser
// mode's file gate for what a call may read.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

function inside(root: string, file: string): boolean {
  return file === root || file.startsWith(root + path.sep);
}

/**
 * The real path and size of `file` when it is a regular file whose real location is still under
 * `root`'s real location; null otherwise (missing, a folder, or a link pointing out).
 * Synchronous on purpose: Electron's asar support covers these calls for sure.
 */
export function realFileInside(root: string, file: string): { file: string; size: number } | null {
  try {
    const realRoot = realpathSync(root);
    const real = realpathSync(file);
    if (!inside(realRoot, real)) return null;
    const stats = statSync(real);
    return stats.isFile() ? { file: real, size: stats.size } : null;
  } catch {
    return null;
  }
}
