// Backups: verified database copies plus an incremental, content-addressed copy of the asset files.
// Automatic ones (daily while running, on clean quit) are rotated: the newest of each of the last
// 7 days and of the last 4 weeks stay. Manual backups and databases kept aside by a restore are
// never rotated away. Restores never overwrite: the current database is moved aside first.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupKind, RestoreResult } from '../contract/api/backups';
import { AtelierError } from '../contract/errors';
import type { Clock } from '../core/ports';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { Db } from '../db/open';
import { backupFileName, checkDatabaseFile, copyFileAtomic, filesUnder, fsyncPath, parseBackupFileName, TEMP_SUFFIX, writeVerifiedCopy } from '../db/snapshot';
import { fileMissing } from '../db/storage-errors';
import { iso } from './convert';
import type { LibraryPaths } from './library';
import { scanSessions } from './sessions';

export interface BackupPolicy {
  /** Automatic backups: the newest of each of this many recent days… */
  daily: number;
  /** …and of this many recent weeks. */
  weekly: number;
  /** Copies taken before a schema upgrade. */
  preMigration: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { daily: 7, weekly: 4, preMigration: 5 };
export const DAY_MS = 24 * 60 * 60 * 1000;
const AUTOMATIC: readonly BackupKind[] = ['auto', 'quit'];

export interface BackupServiceOptions {
  paths: LibraryPaths;
  clock: Clock;
  policy?: Partial<BackupPolicy>;
}

/** Asset files live under `assets/sha256/**` and never change, so a copy by path is a copy by hash. */
function assetFiles(root: string): string[] {
  return filesUnder(root).filter((rel) => !rel.endsWith(TEMP_SUFFIX));
}

/** Monday-based week number since the epoch, for the weekly slots. */
function weekOf(ms: number): number {
  return Math.floor((ms / DAY_MS + 3) / 7);
}

/** Which automatic backups rotation keeps: newest per day for `daily` days, newest per week for `weekly` weeks. */
export function selectKept(createdAt: readonly number[], policy: BackupPolicy): Set<number> {
  const newestFirst = [...createdAt].sort((a, b) => b - a);
  const kept = new Set<number>();
  const days = new Set<number>();
  const weeks = new Set<number>();
  for (const at of newestFirst) {
    const day = Math.floor(at / DAY_MS);
    if (!days.has(day) && days.size < policy.daily) {
      days.add(day);
      kept.add(at);
    }
    const week = weekOf(at);
    if (!weeks.has(week) && weeks.size < policy.weekly) {
      weeks.add(week);
      kept.add(at);
    }
  }
  return kept;
}

/** Where a restore stages the incoming database before the swap (see `finishInterruptedRestore`). */
export function restoreIncomingFile(paths: LibraryPaths): string {
  return `${paths.database}.incoming`;
}

/**
 * At start: a restore killed between moving the old database aside and moving the new one in
 * leaves no database but a complete, verified incoming copy — finish the swap. Any other leftover
 * incoming copy is discarded (the old database was never moved).
 */
export function finishInterruptedRestore(paths: LibraryPaths): 'finished' | 'discarded' | null {
  const incoming = restoreIncomingFile(paths);
  rmSync(`${incoming}${TEMP_SUFFIX}`, { force: true });
  if (!existsSync(incoming)) return null;
  if (!existsSync(paths.database)) {
    for (const suffix of ['-wal', '-shm']) rmSync(`${paths.database}${suffix}`, { force: true });
    renameSync(incoming, paths.database);
    return 'finished';
  }
  rmSync(incoming, { force: true });
  return 'discarded';
}

export function createBackupService(options: BackupServiceOptions) {
  const { paths, clock } = options;
  const policy: BackupPolicy = { ...DEFAULT_BACKUP_POLICY, ...options.policy };
  const assetStore = path.join(paths.backups, 'assets');

  function describe(file: string): BackupInfo | null {
    const parsed = parseBackupFileName(path.basename(file));
    if (!parsed) return null;
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      return null;
    }
    return { file: path.basename(file), kind: parsed.kind, createdAt: iso(parsed.createdAt), size, schemaVersion: checkDatabaseFile(file).schemaVersion };
  }

  function list(): BackupInfo[] {
    let names: string[] = [];
    try {
      names = readdirSync(paths.backups);
    } catch {
      return [];
    }
    return names
      .filter((n) => parseBackupFileName(n))
      .map((n) => describe(path.join(paths.backups, n)))
      .filter((b): b is BackupInfo => b !== null)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
  }

  function freeName(dir: string, kind: BackupKind, now: number): string {
    let file = path.join(dir, backupFileName(kind, now));
    for (let n = 1; existsSync(file) || existsSync(`${file}${TEMP_SUFFIX}`); n++) file = path.join(dir, backupFileName(kind, now, n));
    return file;
  }

  /** Copies asset files the store does not hold yet; returns how many. */
  function backupAssets(from = path.join(paths.assets, 'sha256'), to = path.join(assetStore, 'sha256')): number {
    let copied = 0;
    for (const rel of assetFiles(from)) {
      const target = path.join(to, rel);
      if (existsSync(target)) continue;
      copyFileAtomic(path.join(from, rel), target);
      copied++;
    }
    return copied;
  }

  function rotate(): string[] {
    const all = list();
    const removed: string[] = [];
    const automatic = all.filter((b) => AUTOMATIC.includes(b.kind));
    const keep = selectKept(automatic.map((b) => Date.parse(b.createdAt)), policy);
    const seen = new Set<number>();
    for (const b of automatic) {
      const at = Date.parse(b.createdAt);
      // Two backups in the same millisecond: keep only the first.
      if (keep.has(at) && !seen.has(at)) {
        seen.add(at);
        continue;
      }
      removed.push(b.file);
    }
    removed.push(...all.filter((b) => b.kind === 'pre-migration').slice(policy.preMigration).map((b) => b.file));
    for (const file of removed) rmSync(path.join(paths.backups, file), { force: true });
    return removed;
  }

  return {
    policy,
    list,
    rotate,
    backupAssets,
    /** A verified copy of the open database (plus new asset files). `out` writes it elsewhere (not rotated). */
    create(db: Db, kind: BackupKind, out?: string): { backup: BackupInfo; path: string; assetsCopied: number } {
      const now = clock.now();
      const target = out ? path.resolve(out) : freeName(paths.backups, kind, now);
      if (out && existsSync(target)) throw new AtelierError('conflict', `${target} already exists; choose another file name (backups never overwrite).`, { field: 'out' }, { key: 'backups.exists', params: { file: target } });
      writeVerifiedCopy(db, target);
      const assetsCopied = out ? 0 : backupAssets();
      if (!out && AUTOMATIC.includes(kind)) rotate();
      const info = describe(target) ?? { file: path.basename(target), kind, createdAt: iso(now), size: statSync(target).size, schemaVersion: LATEST_SCHEMA_VERSION };
      return { backup: info, path: target, assetsCopied };
    },
    /** The newest automatic or manual backup: when the daily timer should fire next. */
    lastAutomaticAt(): number | null {
      const newest = list().find((b) => b.kind !== 'kept-aside' && b.kind !== 'pre-migration');
      return newest ? Date.parse(newest.createdAt) : null;
    },
    /** The newest backup that passes quick_check (never a database a restore moved aside). */
    newestVerified(): BackupInfo | null {
      for (const b of list()) {
        if (b.kind === 'kept-aside') continue;
        const check = checkDatabaseFile(path.join(paths.backups, b.file));
        if (check.ok && check.schemaVersion !== null && check.schemaVersion > 0 && check.schemaVersion <= LATEST_SCHEMA_VERSION) return b;
      }
      return null;
    },
    resolve(file: string): string {
      const full = path.join(paths.backups, path.basename(file));
      if (!parseBackupFileName(path.basename(file)) || !existsSync(full)) throw new AtelierError('not_found', `No backup named ${file} in ${paths.backups}.`, { file }, { key: 'backups.notFound', params: { file: path.basename(file) } });
      return full;
    },
    /**
     * Replaces the library database with `source`. The library must be closed. The copy is checked
     * first; the current database (with its WAL) is renamed into the backups folder, never deleted.
     */
    restore(source: string): RestoreResult {
      const others = scanSessions(paths.sessions).live;
      if (others.length > 0) throw new AtelierError('conflict', `Atelier is still open in another window or command (process ${others.join(', ')}); close it, then restore.`, { processes: others }, { key: 'backups.stillOpen' });
      if (!existsSync(source)) throw fileMissing(source);
      const check = checkDatabaseFile(source, 'full');
      if (!check.ok) throw new AtelierError('invalid_input', `${source} is not a readable Atelier backup (${check.result}); nothing was changed.`, { file: source }, { key: 'backups.unreadable', params: { file: path.basename(source) } });
      if (check.schemaVersion === null || check.schemaVersion < 1) throw new AtelierError('invalid_input', `${source} is not an Atelier library; nothing was changed.`, { file: source }, { key: 'backups.notALibrary', params: { file: path.basename(source) } });
      if (check.schemaVersion > LATEST_SCHEMA_VERSION) {
        throw new AtelierError('newer_version', `${source} was saved by a newer version of Atelier (schema ${check.schemaVersion}); update Atelier to restore it. Nothing was changed.`, { file: source }, { key: 'backups.newer', params: { file: path.basename(source) } });
      }
      // A consistent copy through SQLite, not a byte copy: a database kept aside may still have
      // commits in its WAL, and those must come back too.
      const incoming = restoreIncomingFile(paths);
      const reader = new Database(source, { readonly: true, fileMustExist: true });
      try {
        writeVerifiedCopy(reader, incoming);
      } finally {
        reader.close();
      }
      let keptAside: string | null = null;
      if (existsSync(paths.database)) {
        keptAside = freeName(paths.backups, 'kept-aside', clock.now());
        for (const suffix of ['', '-wal', '-shm']) {
          if (existsSync(`${paths.database}${suffix}`)) renameSync(`${paths.database}${suffix}`, `${keptAside}${suffix}`);
        }
      } else {
        for (const suffix of ['-wal', '-shm']) rmSync(`${paths.database}${suffix}`, { force: true });
      }
      renameSync(incoming, paths.database);
      fsyncPath(paths.dataDir, true);
      const assetsRestored = backupAssets(path.join(assetStore, 'sha256'), path.join(paths.assets, 'sha256'));
      return { restored: source, keptAside, assetsRestored };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
