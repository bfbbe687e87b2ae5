// Content-addressed files under `<library>/assets`: `sha256/ab/<sha>.<ext>` for originals,
// `thumbs/ab/<sha>.webp` and `previews/ab/<sha>.webp` for derived images. Originals are written to a
// temp file, fsynced, renamed into place (and the folder fsynced) before any database row names them.
import { randomBytes } from 'node:crypto';
import { promises as fs, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { assetRelativePath } from '../../core/domain/assets';

export type Folder = 'sha256' | 'thumbs' | 'previews';

export function createFileStore(root: string) {
  const tmpDir = path.join(root, 'tmp');

  function pathOf(folder: Folder, sha: string, ext: string): string {
    return path.join(root, ...assetRelativePath(folder, sha, ext).split('/'));
  }

  async function fsyncDir(dir: string): Promise<void> {
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(dir, 'r');
      await handle.sync();
    } catch {
      // Some file systems (and Windows) cannot fsync a folder; the rename is still atomic.
    } finally {
      await handle?.close();
    }
  }

  /** Writes `bytes` to its final place unless an identical file is already there. */
  async function put(folder: Folder, sha: string, ext: string, bytes: Uint8Array, options: { durable: boolean }): Promise<{ file: string; created: boolean }> {
    const final = pathOf(folder, sha, ext);
    try {
      if ((await fs.stat(final)).size === bytes.length) return { file: final, created: false };
    } catch {
      // not there yet
    }
    await fs.mkdir(tmpDir, { recursive: true });
    await fs.mkdir(path.dirname(final), { recursive: true });
    const temp = path.join(tmpDir, `${sha.slice(0, 16)}-${randomBytes(6).toString('hex')}.part`);
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      if (options.durable) await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(temp, final);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    if (options.durable) await fsyncDir(path.dirname(final));
    return { file: final, created: true };
  }

  return {
    root,
    pathOf,
    put,
    async read(folder: Folder, sha: string, ext: string): Promise<Buffer> {
      return fs.readFile(pathOf(folder, sha, ext));
    },
    exists(folder: Folder, sha: string, ext: string): boolean {
      try {
        return statSync(pathOf(folder, sha, ext)).isFile();
      } catch {
        return false;
      }
    },
    /** Removes an asset's original and derived files; returns the bytes freed. */
    removeAll(sha: string, ext: string): number {
      let freed = 0;
      for (const [folder, e] of [['sha256', ext], ['thumbs', 'webp'], ['previews', 'webp']] as const) {
        const file = pathOf(folder, sha, e);
        try {
          freed += statSync(file).size;
          rmSync(file, { force: true });
        } catch {
          // already gone
        }
      }
      return freed;
    },
    /** Every file in the store: folder, sha, extension, size and age. */
    scan(): { folder: Folder | 'tmp'; file: string; sha: string; size: number; mtimeMs: number }[] {
      const found: { folder: Folder | 'tmp'; file: string; sha: string; size: number; mtimeMs: number }[] = [];
      for (const folder of ['sha256', 'thumbs', 'previews', 'tmp'] as const) {
        const base = path.join(root, folder);
        let entries: string[];
        try {
          entries = readdirSync(base, { recursive: true }).map(String);
        } catch {
          continue;
        }
        for (const rel of entries) {
          const file = path.join(base, rel);
          try {
            const stats = statSync(file);
            if (!stats.isFile()) continue;
            found.push({ folder, file, sha: path.basename(rel).split(/[.-]/)[0]!, size: stats.size, mtimeMs: stats.mtimeMs });
          } catch {
            // raced with a delete
          }
        }
      }
      return found;
    },
  };
}

export type FileStore = ReturnType<typeof createFileStore>;
