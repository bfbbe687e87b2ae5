// Content-addressed files under `<library>/assets`: `sha256/ab/<sha>.<ext>` for originals,
// `thumbs/ab/<sha>.webp` and `previews/ab/<sha>.webp` for derived images. Originals are written to a
// temp file, fsynced, renamed into place (and the folder fsynced) before any database row names them.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assetRelativePath } from '../../core/domain/assets';
import { ignoreCleanupFailure } from '../../core/promises';

/** A file written to the store's temp folder, with the hash and size of what it holds. */
export interface StagedFile {
  temp: string;
  sha: string;
  size: number;
}

export class StagedTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes`);
  }
}

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

  /** Writes `bytes` to a new temp file (fsynced when durable); returns its path. Creates no folder. */
  async function stage(bytes: Uint8Array, options: { durable: boolean }): Promise<string> {
    await fs.mkdir(tmpDir, { recursive: true });
    const temp = tempPath();
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      if (options.durable) await handle.sync();
    } catch (error) {
      await handle.close().catch(ignoreCleanupFailure); // the write's own error is the one thrown
      await fs.rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    return temp;
  }

  /** A fresh temp file name in the store (same disk as the final place, so a commit is a rename). */
  function tempPath(): string {
    return path.join(tmpDir, `${randomBytes(8).toString('hex')}.part`);
  }

  /**
   * Streams `source` into a new temp file, hashing as it goes: memory stays at one chunk whatever the
   * size. More than `maxBytes` stops it (StagedTooLarge) and leaves nothing behind.
   */
  async function stageStream(source: Readable, options: { durable: boolean; maxBytes: number }): Promise<StagedFile> {
    await fs.mkdir(tmpDir, { recursive: true });
    const temp = tempPath();
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > options.maxBytes) return done(new StagedTooLarge(options.maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, tap, createWriteStream(temp, { flags: 'wx' }));
      if (options.durable) {
        const handle = await fs.open(temp, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      }
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    return { temp, sha: hash.digest('hex'), size };
  }

  /** Moves a staged file to its content address (and fsyncs the folder when durable). */
  async function commit(temp: string, folder: Folder, sha: string, ext: string, options: { durable: boolean }): Promise<string> {
    const final = pathOf(folder, sha, ext);
    try {
      await fs.mkdir(path.dirname(final), { recursive: true });
      await fs.rename(temp, final);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    if (options.durable) await fsyncDir(path.dirname(final));
    return final;
  }

  /** True when the file at the address is there with the expected size (a cut-short copy is rewritten). */
  async function hasComplete(folder: Folder, sha: string, ext: string, size: number): Promise<boolean> {
    try {
      return (await fs.stat(pathOf(folder, sha, ext))).size === size;
    } catch {
      return false;
    }
  }

  /** Writes `bytes` to its final place unless an identical file is already there. */
  async function put(folder: Folder, sha: string, ext: string, bytes: Uint8Array, options: { durable: boolean }): Promise<{ file: string; created: boolean }> {
    if (await hasComplete(folder, sha, ext, bytes.length)) return { file: pathOf(folder, sha, ext), created: false };
    return { file: await commit(await stage(bytes, options), folder, sha, ext, options), created: true };
  }

  // The temp folder and the 256 fan-out folders of originals and thumbnails exist from the start (made
  // once per library), so an import never creates a folder: a refused file leaves no trace at all, and
  // the write of an original can run alongside its decode.
  try {
    mkdirSync(tmpDir, { recursive: true });
    for (const folder of ['sha256', 'thumbs'] as const) {
      if (statSync(path.join(root, folder, 'ff'), { throwIfNoEntry: false })?.isDirectory()) continue;
      for (let i = 0; i < 256; i++) mkdirSync(path.join(root, folder, i.toString(16).padStart(2, '0')), { recursive: true });
    }
  } catch {
    // a read-only library can still be browsed; writing will say what is wrong
  }

  return {
    root,
    pathOf,
    put,
    stage,
    stageStream,
    tempPath,
    /** Removes a staged file that will not be committed. */
    async discard(temp: string): Promise<void> {
      await fs.rm(temp, { force: true });
    },
    commit,
    hasComplete,
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
