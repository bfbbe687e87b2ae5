// A file a person asked for by path (a CLI export, a report saved with --out): written crash-safely
// (temp file, fsync, rename), its folder created, and a failure that names the file and what the disk
// said (storage.* reasons). Hosts reach db only through services, so the CLI writes through here.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../db/snapshot';
import { fileWriteError } from '../db/storage-errors';

/** Writes `content` (UTF-8 text or bytes) to `file`; returns the absolute path written. */
export function writeOutputFile(file: string, content: string | Uint8Array): string {
  const target = path.resolve(file);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
  } catch (error) {
    throw fileWriteError(error, target);
  }
  writeFileAtomic(target, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  return target;
}
