// Opening a library database: pragmas for durability, then any pending migrations.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AtelierError } from '../contract/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

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
}

export interface OpenDatabaseResult {
  db: Db;
  /** Schema version before and after opening. */
  fromVersion: number;
  toVersion: number;
  /** The copy taken before migrating, when there was something to keep. */
  backupFile: string | null;
}

export function openDatabase(options: OpenDatabaseOptions): OpenDatabaseResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  let db: Db;
  try {
    db = new Database(options.file, { timeout: 5000, readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new AtelierError('io_error', `Cannot open the library database ${options.file}: ${(error as Error).message}`);
  }
  try {
    let current: number;
    try {
      current = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      throw new AtelierError(
        'io_error',
        `${options.file} is not an Atelier library database (${(error as Error).message}).`,
      );
    }
    if (current > latest) {
      throw new AtelierError(
        'newer_version',
        `This library (${options.file}) was saved by a newer version of Atelier (schema ${current}; this version knows up to ${latest}). Update Atelier to open it; nothing was changed.`,
        { schemaVersion: current, supported: latest },
      );
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // better-sqlite3 defaults WAL to NORMAL; user content deserves an fsync per commit.
      db.pragma('synchronous = FULL');
      if (process.platform === 'darwin') db.pragma('fullfsync = ON');
    }
    db.pragma('foreign_keys = ON');

    let backupFile: string | null = null;
    const pending = migrations.filter((m) => m.version > current);
    if (pending.length > 0 && !options.readonly) {
      if (current > 0) backupFile = backupBeforeMigration(db, options, current);
      applyMigrations(db, pending);
    }
    return { db, fromVersion: current, toVersion: options.readonly ? current : Math.max(current, latest), backupFile };
  } catch (error) {
    db.close();
    throw error;
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
      throw new AtelierError('internal', `A migration left ${problems.length} broken references; the library was not changed.`);
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** A consistent copy of the database (VACUUM INTO), checked before we rely on it. */
function backupBeforeMigration(db: Db, options: OpenDatabaseOptions, version: number): string {
  mkdirSync(options.backupsDir, { recursive: true });
  const stamp = new Date(options.now).toISOString().replace(/[:.]/g, '-');
  const final = path.join(options.backupsDir, `pre-migration-v${version}-${stamp}.db`);
  const temp = `${final}.tmp`;
  rmSync(temp, { force: true });
  db.prepare('VACUUM INTO ?').run(temp);
  const copy = new Database(temp, { readonly: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AtelierError('io_error', `The backup taken before upgrading failed its check (${String(check)}); nothing was changed.`);
  } finally {
    copy.close();
  }
  renameSync(temp, final);
  return final;
}

export function databaseExists(file: string): boolean {
  return existsSync(file);
}

export { LATEST_SCHEMA_VERSION };
