// "Was the last run shut down cleanly?" Each process that opens a library writes a marker file
// (`sessions/<pid>.json`) at open and removes it at clean close. A marker whose process is gone
// means an unclean shutdown (crash, kill, power cut): the next start runs the full checks.
// Markers are per process, so the CLI running next to the desktop app never mistakes it for a crash.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { TEMP_SUFFIX, writeFileAtomic } from '../db/snapshot';

export interface SessionScan {
  /** Markers left by processes that are gone. */
  stale: string[];
  /** Other processes that have this library open right now. */
  live: number[];
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false; // a marker with our own pid is from an earlier run
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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
      result.stale.push(file);
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
  writeFileAtomic(file, Buffer.from(JSON.stringify({ pid: process.pid, ...info })));
  return file;
}

export function removeFiles(files: readonly string[]): void {
  for (const file of files) rmSync(file, { force: true });
}

/** Leftover `*.tmp` files under `root` (interrupted copies and writes). Only safe when no other process runs. */
export function collectTempFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(file).isDirectory();
      } catch {
        continue;
      }
      if (isDir) walk(file);
      else if (name.endsWith(TEMP_SUFFIX)) found.push(file);
    }
  };
  walk(root);
  return found;
}
