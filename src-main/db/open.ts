// Opening a library database: pragmas for durability, then any pending migrations.
import Database from 'better-sqlite3';
import { existsSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { AtelierError } from '../core/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { backupFileName, writeVerifiedCopy } from './snapshot';
import { diskFullAtOpenError } from './storage-errors';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  file: string;
  /** Where the pre-migration backup goes. */
  backupsDir: string;
  /** Epoch ms, for the backup's file name. */
  now: number;
  readonly?: boolean;
  /** Tests pass their own list to exercise upgrades and failures. */
  migrations?: readonly Migration[];
  /**
   * Checked before anything is migrated: `quick` (quick_check) at every start, `full` (integrity_check
   * and foreign_key_check) after an unclean shutdown. A failure throws `io_error` with
   * `details.corrupted = true`, so the host can show the recovery screen instead of crashing.
   */
  check?: 'none' | 'quick' | 'full';
}

export interface OpenDatabaseResult {
  db: Db;
  /** Schema version before and after opening. */
  fromVersion: number;
  toVersion: number;
  /** The copy taken before migrating, when there was something to keep. */
  backupFile: string | null;
}

/** Below this much free space, an I/O failure at open is the full disk talking, not damage. */
const NEARLY_FULL_BYTES = 4 * 1024 * 1024;

function diskNearlyFull(file: string): boolean {
  try {
    const stats = statfsSync(path.dirname(file));
    return stats.bavail * stats.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

/**
 * On a full disk SQLite answers SQLITE_FULL, or a bare "disk I/O error" when the WAL or its shared
 * memory cannot grow: either way the library is not damaged, and the recovery screen would be the
 * wrong answer. Returns the error to throw instead, or null when the disk has room.
 */
function diskFullAtOpen(file: string, error: unknown): AtelierError | null {
  const code = String((error as { code?: unknown })?.code ?? '');
  const ioFailure = code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || /disk I\/O error|disk is full/i.test((error as Error)?.message ?? '');
  if (!ioFailure || (code !== 'SQLITE_FULL' && !diskNearlyFull(file))) return null;
  return diskFullAtOpenError(path.dirname(file), file, code || 'ENOSPC');
}

export function openDatabase(options: OpenDatabaseOptions): OpenDatabaseResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  let db: Db;
  try {
    db = new Database(options.file, { timeout: 5000, readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new AtelierError('io_error', `Cannot open the library database ${options.file}: ${(error as Error).message}`, { file: options.file }, { key: 'library.cannotOpen' });
  }
  try {
    let current: number;
    try {
      current = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      throw (
        diskFullAtOpen(options.file, error) ??
        new AtelierError(
          'io_error',
          `${options.file} is not an Atelier library database (${(error as Error).message}).`,
          { corrupted: true, sqliteCode: (error as { code?: string }).code },
          { key: 'library.notADatabase' },
        )
      );
    }
    if (current > latest) {
      throw new AtelierError(
        'newer_version',
        `This library (${options.file}) was saved by a newer version of Atelier (schema ${current}; this version knows up to ${latest}). Update Atelier to open it; nothing was changed.`,
        { schemaVersion: current, supported: latest },
        { key: 'library.newerVersion' },
      );
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // better-sqlite3 defaults WAL to NORMAL; user content deserves an fsync per commit.
      db.pragma('synchronous = FULL');
      if (process.platform === 'darwin') db.pragma('fullfsync = ON');
    }
    db.pragma('foreign_keys = ON');
    // SQLite's default page cache is 2 MB, a few client-months of a big library: a 64 MB budget keeps
    // the calendar's working set in memory (pages are only allocated as they are read).
    db.pragma('cache_size = -65536');
    if (options.check && options.check !== 'none') runStartupCheck(db, options.file, options.check);

    let backupFile: string | null = null;
    const pending = migrations.filter((m) => m.version > current);
    if (pending.length > 0 && !options.readonly) {
      if (current > 0) backupFile = backupBeforeMigration(db, options, current);
      applyMigrations(db, pending);
    }
    return { db, fromVersion: current, toVersion: options.readonly ? current : Math.max(current, latest), backupFile };
  } catch (error) {
    db.close();
    throw diskFullAtOpen(options.file, error) ?? error;
  }
}

/** All pending migrations in one transaction: the file is either fully old or fully new. */
function applyMigrations(db: Db, pending: readonly Migration[]): void {
  const run = db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  // Foreign keys cannot be toggled inside a transaction; migrations that rebuild tables need them off.
  db.pragma('foreign_keys = OFF');
  try {
    run.immediate();
    const problems = db.pragma('foreign_key_check') as unknown[];
    if (problems.length > 0) {
      throw new AtelierError('internal', `A migration left ${problems.length} broken references; the library was not changed.`, { problems: problems.length }, { key: 'library.migrationFailed' });
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** quick_check, or integrity_check plus foreign_key_check; throws a `corrupted` io_error on any problem. */
function runStartupCheck(db: Db, file: string, mode: 'quick' | 'full'): void {
  let result: string;
  let foreignKeyProblems = 0;
  try {
    const rows = db.pragma(mode === 'quick' ? 'quick_check(5)' : 'integrity_check(5)') as Record<string, string>[];
    result = rows.map((r) => Object.values(r)[0]).join('; ');
    if (mode === 'full') foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
  } catch (error) {
    const full = diskFullAtOpen(file, error);
    if (full) throw full;
    result = (error as Error).message;
  }
  if (result !== 'ok' || foreignKeyProblems > 0) {
    const what = result !== 'ok' ? result : `${foreignKeyProblems} broken references`;
    throw new AtelierError('io_error', `The library database ${file} is damaged (${what}).`, { corrupted: true, check: mode, result, foreignKeyProblems }, { key: 'library.damaged' });
  }
}

/** A consistent copy of the database (VACUUM INTO), checked before we rely on it. */
function backupBeforeMigration(db: Db, options: OpenDatabaseOptions, version: number): string {
  let final = path.join(options.backupsDir, backupFileName('pre-migration', options.now));
  for (let n = 1; existsSync(final); n++) final = path.join(options.backupsDir, backupFileName('pre-migration', options.now, n));
  try {
    writeVerifiedCopy(db, final);
  } catch (error) {
    throw new AtelierError('io_error', `The backup taken before upgrading from schema ${version} could not be made (${(error as Error).message}); nothing was changed.`, { version }, { key: 'library.upgradeBackupFailed' });
  }
  return final;
}

export function databaseExists(file: string): boolean {
  return existsSync(file);
}

export { LATEST_SCHEMA_VERSION };
