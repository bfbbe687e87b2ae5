// "Was the last run shut down cleanly?" Each process that opens a library writes a marker file
// (`sessions/<pid>.json`) at open and removes it at clean close. A marker whose process is gone
// means an unclean shutdown (crash, kill, power cut): the next start runs the full checks.
// Markers are per process, so the CLI running next to the desktop app never mistakes it for a crash.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { filesUnder, TEMP_SUFFIX, writeFileAtomic } from '../db/snapshot';
import { diskError } from '../db/storage-errors';

export interface SessionScan {
  /** Markers left by processes that are gone. */
  stale: string[];
  /** Other processes that have this library open right now. */
  live: number[];
}

/** Whether a process with this id runs now (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Another process's marker says it runs; one with our own pid is from an earlier run. */
function alive(pid: number): boolean {
  return pid !== process.pid && processAlive(pid);
}

export function scanSessions(dir: string): SessionScan {
  const result: SessionScan = { stale: [], live: [] };
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return result;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    if (name.endsWith(TEMP_SUFFIX)) {
      // `<pid>.json.tmp`: a marker being written right now by a process that is starting (it must not
      // be removed under it: that made concurrent CLI runs fail with ENOENT), or left by a dead one.
      const writer = Number(name.slice(0, -TEMP_SUFFIX.length).replace(/\.json$/, ''));
      if (alive(writer)) result.live.push(writer);
      else result.stale.push(file);
      continue;
    }
    let pid = Number(name.replace(/\.json$/, ''));
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown };
      if (typeof parsed.pid === 'number') pid = parsed.pid;
    } catch {
      // an unreadable marker still says "someone did not close"
    }
    if (alive(pid)) result.live.push(pid);
    else result.stale.push(file);
  }
  return result;
}

export function writeSessionMarker(dir: string, info: { host: string; openedAt: number }): string {
  const file = path.join(dir, `${process.pid}.json`);
  try {
    writeFileAtomic(file, Buffer.from(JSON.stringify({ pid: process.pid, ...info })));
  } catch (error) {
    // The marker is Atelier's own bookkeeping: a full disk is said about the library, not this file.
    throw diskError(error) ?? error;
  }
  return file;
}

export function removeFiles(files: readonly string[]): void {
  for (const file of files) rmSync(file, { force: true });
}

/**
 * Leftover `*.tmp` files under `root` (interrupted copies and writes) last touched before `before`
 * (epoch ms). Only safe when no other process had the library open at that moment: a process that
 * starts after it writes its marker first, so any temp file of its own is newer.
 */
export function collectTempFiles(root: string, before = Number.POSITIVE_INFINITY): string[] {
  return filesUnder(root)
    .filter((rel) => rel.endsWith(TEMP_SUFFIX))
    .map((rel) => path.join(root, rel))
    .filter((file) => {
      try {
        return statSync(file).mtimeMs < before;
      } catch {
        return false; // gone meanwhile
      }
    });
}
