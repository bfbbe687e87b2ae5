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
import { finishInterruptedRestore } from './backups';
import { collectTempFiles, removeFiles, scanSessions, writeSessionMarker } from './sessions';

export const DATABASE_FILE = 'atelier.db';

export interface LibraryPaths {
  dataDir: string;
  database: string;
  assets: string;
  backups: string;
  /** One marker per process that has the library open (unclean-shutdown detection). */
  sessions: string;
  /** What `recovery.export` writes: the readable rows of a damaged library. */
  exports: string;
}

export function libraryPaths(dataDir: string): LibraryPaths {
  const root = path.resolve(dataDir);
  return {
    dataDir: root,
    database: path.join(root, DATABASE_FILE),
    assets: path.join(root, 'assets'),
    backups: path.join(root, 'backups'),
    sessions: path.join(root, 'sessions'),
    exports: path.join(root, 'exports'),
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
    throw new AtelierError('io_error', `The library folder ${dataDir} is a file, not a folder. Choose another folder with --data-dir or ATELIER_DATA_DIR.`, { dataDir }, { key: 'library.folderIsFile', params: { folder: dataDir } });
  }
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw new AtelierError('io_error', `The library folder ${dataDir} cannot be created or written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, { dataDir }, { key: 'library.folderNotWritable', params: { folder: dataDir } });
  }
}

export interface OpenLibraryOptions {
  dataDir: string;
  clock: Clock;
  ids: IdGenerator;
  /** Who opens it, recorded in the session marker. */
  host?: string;
}

export interface StartupReport {
  /** A previous run did not close the library (crash, kill, power cut). */
  uncleanShutdown: boolean;
  /** quick_check at every start; integrity_check + foreign_key_check after an unclean shutdown. */
  check: 'quick' | 'full';
  /** Interrupted writes (`*.tmp`) removed from the assets and backups folders. */
  tempFilesCollected: number;
}

export function openLibrary(options: OpenLibraryOptions) {
  const paths = libraryPaths(options.dataDir);
  prepareDataDir(paths.dataDir);
  // Other processes' markers as found before we announce ourselves (our own pid's marker, if any,
  // is from an earlier run that had the same pid).
  const sessions = scanSessions(paths.sessions);
  if (sessions.live.length === 0) finishInterruptedRestore(paths);
  const startup: StartupReport = { uncleanShutdown: sessions.stale.length > 0, check: sessions.stale.length > 0 ? 'full' : 'quick', tempFilesCollected: 0 };
  // Our marker goes first: a process starting alongside sees us before it collects any temp file.
  const marker = writeSessionMarker(paths.sessions, { host: options.host ?? 'unknown', openedAt: options.clock.now() });
  let db: Db;
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase({ file: paths.database, backupsDir: paths.backups, now: options.clock.now(), check: startup.check });
    db = opened.db;
  } catch (error) {
    removeFiles([marker]);
    throw error;
  }
  try {
    // Listed first, then the markers looked at: a process that starts after this look writes its
    // marker first and its temp files later, so none of its files can be in the list. Only when
    // nobody else has the library open is a listed temp file surely an interrupted write.
    const temps = [...collectTempFiles(paths.assets), ...collectTempFiles(paths.backups)];
    if (scanSessions(paths.sessions).live.length === 0) {
      removeFiles(temps);
      startup.tempFilesCollected = temps.length;
    }
    // The checks passed: the stale markers have done their job (ours, rewritten, stays).
    removeFiles(sessions.stale.filter((file) => file !== marker));
  } catch (error) {
    db.close();
    removeFiles([marker]);
    throw error;
  }
  let closed = false;
  return {
    startup,
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
        // Housekeeping only: on a full or read-only disk these fail, and the WAL still holds every commit.
        for (const pragma of ['optimize', 'wal_checkpoint(TRUNCATE)']) {
          try {
            db.pragma(pragma);
          } catch (error) {
            console.error(`[atelier] ${pragma} at close failed (${(error as Error).message}); the data is safe in the WAL.`);
          }
        }
      } finally {
        db.close();
        // Only a close that got this far is clean; a crash before it leaves the marker behind.
        removeFiles([marker]);
      }
    },
  };
}

export type Library = ReturnType<typeof openLibrary>;
