// A library is one folder: the SQLite file, content-addressed assets and backups.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AtelierError } from '../contract/errors';
import type { Clock, IdGenerator } from '../core/ports';
import { openDatabase, type Db } from '../db/open';
import { createClientsRepository } from '../db/repositories/clients';
import { createDesignsRepository } from '../db/repositories/designs';
import { createPostsRepository } from '../db/repositories/posts';
import { createSettingsRepository } from '../db/repositories/settings';

export const DATABASE_FILE = 'atelier.db';

export interface LibraryPaths {
  dataDir: string;
  database: string;
  assets: string;
  backups: string;
}

export function libraryPaths(dataDir: string): LibraryPaths {
  const root = path.resolve(dataDir);
  return {
    dataDir: root,
    database: path.join(root, DATABASE_FILE),
    assets: path.join(root, 'assets'),
    backups: path.join(root, 'backups'),
  };
}

/** Makes sure the library folder exists and can be written, with a message that says what is wrong. */
export function prepareDataDir(dataDir: string): void {
  let stats;
  try {
    stats = statSync(dataDir);
  } catch {
    stats = undefined;
  }
  if (stats && !stats.isDirectory()) {
    throw new AtelierError('io_error', `The library folder ${dataDir} is a file, not a folder. Choose another folder with --data-dir or ATELIER_DATA_DIR.`);
  }
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw new AtelierError('io_error', `The library folder ${dataDir} cannot be created or written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}

export interface OpenLibraryOptions {
  dataDir: string;
  clock: Clock;
  ids: IdGenerator;
}

export function openLibrary(options: OpenLibraryOptions) {
  const paths = libraryPaths(options.dataDir);
  prepareDataDir(paths.dataDir);
  const opened = openDatabase({ file: paths.database, backupsDir: paths.backups, now: options.clock.now() });
  const db: Db = opened.db;
  let closed = false;
  return {
    db,
    paths,
    clock: options.clock,
    ids: options.ids,
    schemaVersion: opened.toVersion,
    migratedFrom: opened.fromVersion,
    preMigrationBackup: opened.backupFile,
    clients: createClientsRepository(db),
    posts: createPostsRepository(db),
    designs: createDesignsRepository(db),
    settings: createSettingsRepository(db),
    /** Runs `fn` in one write transaction (BEGIN IMMEDIATE, so two writers never deadlock). */
    write<T>(fn: () => T): T {
      return db.transaction(fn).immediate();
    },
    close(): void {
      if (closed) return;
      closed = true;
      try {
        db.pragma('optimize');
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    },
  };
}

export type Library = ReturnType<typeof openLibrary>;
