// Verified copies of a library database and crash-safe file writes.
// Every copy is written to `<final>.tmp`, fsynced, checked with quick_check and only then renamed,
// so a copy that exists under its final name is complete and readable. A kill at any moment
// leaves at most a `.tmp` file, which the next start removes.
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { BackupKind } from '../core/domain/backups';
import { AtelierError } from '../core/errors';
import type { Db } from './open';
import { fileWriteError } from './storage-errors';

export const TEMP_SUFFIX = '.tmp';

/** Every file under `root`, as paths relative to it (`/`-separated); a missing folder has none. */
export function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, rel: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      const relative = rel ? `${rel}/${name}` : name;
      let isDir: boolean;
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        continue; // removed while we looked
      }
      if (isDir) walk(full, relative);
      else found.push(relative);
    }
  };
  walk(root, '');
  return found;
}

/** fsync a file or a folder (the folder, so a rename survives a power cut). Best effort on folders. */
export function fsyncPath(target: string, folder = false): void {
  let fd: number | undefined;
  try {
    fd = openSync(target, 'r');
    fsyncSync(fd);
  } catch (error) {
    if (!folder) throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What `PRAGMA quick_check` (or `integrity_check`) says about a database file: 'ok' or the first problems. */
export function checkDatabaseFile(file: string, mode: 'quick' | 'full' = 'quick'): { ok: boolean; result: string; schemaVersion: number | null } {
  let copy: Db | undefined;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
    const rows = copy.pragma(mode === 'quick' ? 'quick_check(5)' : 'integrity_check(5)') as { quick_check?: string; integrity_check?: string }[];
    const result = rows.map((r) => r.quick_check ?? r.integrity_check ?? '').join('; ');
    const schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    return { ok: result === 'ok', result, schemaVersion };
  } catch (error) {
    return { ok: false, result: (error as Error).message, schemaVersion: null };
  } finally {
    copy?.close();
  }
}

/**
 * A consistent, compact copy of an open database at `final` (VACUUM INTO), verified before it counts.
 * Throws (and leaves nothing behind) when the copy cannot be written or fails its check.
 */
export function writeVerifiedCopy(db: Db, final: string): void {
  mkdirSync(path.dirname(final), { recursive: true });
  const temp = `${final}${TEMP_SUFFIX}`;
  rmSync(temp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    fsyncPath(temp);
    const check = checkDatabaseFile(temp);
    if (!check.ok) throw new AtelierError('io_error', `The backup copy failed its check (${check.result}); the previous backups are untouched.`, { result: check.result }, { key: 'backups.copyFailedCheck' });
    renameSync(temp, final);
    fsyncPath(path.dirname(final), true);
  } catch (error) {
    rmSync(temp, { force: true });
    throw fileWriteError(error, final);
  }
}

/** Copies a file with the same tmp → fsync → rename discipline. */
export function copyFileAtomic(source: string, final: string): void {
  mkdirSync(path.dirname(final), { recursive: true });
  const temp = `${final}${TEMP_SUFFIX}`;
  try {
    copyFileSync(source, temp);
    fsyncPath(temp);
    renameSync(temp, final);
  } catch (error) {
    rmSync(temp, { force: true });
    throw fileWriteError(error, final);
  }
}

/** Writes bytes to `final` crash-safely: tmp file in the same folder, fsync, rename, fsync the folder. */
export function writeFileAtomic(final: string, bytes: Uint8Array): void {
  mkdirSync(path.dirname(final), { recursive: true });
  const temp = `${final}${TEMP_SUFFIX}`;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'w');
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, final);
    fsyncPath(path.dirname(final), true);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw fileWriteError(error, final);
  }
}

const NAME = /^atelier-(auto|quit|manual|pre-migration|kept-aside)-(\d{8}T\d{9}Z)(?:-(\d+))?\.db$/;

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

/** `atelier-<kind>-<UTC stamp>[-n].db`; the name alone says what and when, so listing needs no index. */
export function backupFileName(kind: BackupKind, now: number, n = 0): string {
  return `atelier-${kind}-${stamp(now)}${n > 0 ? `-${n}` : ''}.db`;
}

export function parseBackupFileName(name: string): { kind: BackupKind; createdAt: number } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const s = match[2]!;
  const createdAt = Date.parse(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`);
  return Number.isNaN(createdAt) ? null : { kind: match[1] as BackupKind, createdAt };
}
