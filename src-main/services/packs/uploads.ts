// Browser mode uploads a pack or a media file into `<library>/imports/upload-<pid>-<random>.zip|.bin`, imports it and
// removes it. A process killed meanwhile leaves the file behind: it carries its owner's pid, so
// the next start (or `assets gc`) removes every upload whose process is gone without touching one
// that another running process — or this one — is still importing.
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { processAlive } from '../sessions';

export const IMPORTS_FOLDER = 'imports';
const UPLOAD_NAME = /^upload-(\d+)-[0-9a-f]+\.(zip|bin)(\.part)?$/;

export function importsDir(dataDir: string): string {
  return path.join(dataDir, IMPORTS_FOLDER);
}

/** Uploads this process is receiving or importing now. */
const active = new Set<string>();

/** A fresh upload file for this process (`zip`: a pack, `bin`: a media file); `done()` once it is removed. */
export function beginUpload(dataDir: string, ext: 'zip' | 'bin' = 'zip'): { file: string; done(): void } {
  const name = `upload-${process.pid}-${randomBytes(6).toString('hex')}.${ext}`;
  active.add(name);
  return { file: path.join(importsDir(dataDir), name), done: () => active.delete(name) };
}

/**
 * Removes uploads left by processes that are gone; an upload with our own pid that we are not
 * receiving is from an earlier run that had the same pid. Returns the names removed.
 */
export function collectStaleUploads(dataDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(importsDir(dataDir));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = UPLOAD_NAME.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    const stale = pid === process.pid ? !active.has(name) : !processAlive(pid);
    if (!stale) continue;
    try {
      rmSync(path.join(importsDir(dataDir), name), { force: true });
      removed.push(name);
    } catch {
      // in use on a system that locks open files: the next collection tries again
    }
  }
  return removed;
}
