// The library as the app holds it: open (a session), or in *recovery* when the database is damaged.
// A damaged library does not crash the app: only the recovery, backup and info methods answer, so
// every host can still serve the renderer and offer a restore. A restore closes the session, swaps
// the database file underneath and opens it again.
import { METHOD_NAMES, type Method } from '../contract';
import type { backupMethods, RestoreResult } from '../contract/api/backups';
import type { recoveryMethods, RecoveryStatus } from '../contract/api/recovery';
import { AtelierError, type ErrorReason } from '../contract/errors';
import type { Handlers, HandlersFor } from '../contract/handlers';
import type { Clock } from '../core/ports';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { APP_VERSION } from '../version';
import type { BackupService } from './backups';
import type { EventBus } from './events';
import type { FileGate } from './file-access';
import type { HostKind, LibrarySession } from './library-session';
import type { LibraryPaths, StartupReport } from './library';
import { exportReadable, isCorruption } from './recovery';

/** Methods that answer while the library needs recovery. */
const RECOVERY_SAFE = new Set<Method>(['app.info', 'app.doctor', 'settings.get', 'backups.list', 'backups.restore', 'recovery.status', 'recovery.restoreLatest', 'recovery.export']);

export interface LibraryStateDeps {
  paths: LibraryPaths;
  backups: BackupService;
  events: EventBus;
  /** Opens the database and builds the session on it; throws what `openLibrary` throws. */
  openSession: () => { session: LibrarySession; startup: StartupReport };
}

export function createLibraryState(deps: LibraryStateDeps) {
  const { paths, backups, events } = deps;
  let session: LibrarySession | null = null;
  let problem: { message: string; reason: ErrorReason | null; check: 'quick' | 'full' } | null = null;
  let startup: StartupReport | null = null;

  /** Opens the library, or notes why it needs recovery (any other failure is thrown). */
  function open(): void {
    try {
      const opened = deps.openSession();
      session = opened.session;
      startup = opened.startup;
      problem = null;
    } catch (error) {
      if (!isCorruption(error)) throw error;
      session = null;
      const check = (error as AtelierError).details as { check?: 'quick' | 'full' } | undefined;
      problem = { message: (error as Error).message, reason: (error as AtelierError).reason ?? null, check: check?.check ?? 'quick' };
    }
  }

  function require(): LibrarySession {
    if (!session) throw new AtelierError('io_error', `The library needs recovery: ${problem?.message ?? 'it is closed.'} Restore a backup or export what is readable.`, { recovery: true }, { key: 'library.needsRecovery' });
    return session;
  }

  /** Stops the session's background work and closes the database; `beforeClose` runs in between. */
  function close(beforeClose?: (session: LibrarySession) => void): void {
    session?.stop();
    if (session) beforeClose?.(session);
    session?.lib.close();
    session = null;
  }

  /** Closes the library, swaps the database file, opens it again (whatever happens). */
  function restoreFrom(file: string): RestoreResult {
    close();
    let result: RestoreResult;
    try {
      result = backups.restore(file);
    } finally {
      open();
    }
    events.emit('library.restored', { restored: result.restored });
    return result;
  }

  function status(): RecoveryStatus {
    return {
      state: session ? 'ok' : 'recovery',
      problem: problem?.message ?? null,
      problemReason: problem?.reason ?? null,
      uncleanShutdown: startup?.uncleanShutdown ?? false,
      check: session ? (startup?.check ?? null) : (problem?.check ?? null),
      // Verifying a backup reads it whole: only worth it when a restore is on the table.
      newestBackup: session ? null : backups.newestVerified(),
    };
  }

  /** Damage found while running (SQLITE_CORRUPT on a read): stop using the file, switch to recovery. */
  function markDamaged(error: unknown): void {
    if (!session) return;
    try {
      session.lib.close();
    } catch {
      // closing a damaged file may fail; the state change is what matters
    }
    session = null;
    problem = { message: `The library database ${paths.database} is damaged (${(error as Error).message}).`, reason: { key: 'library.damaged' }, check: 'quick' };
    events.emit('library.damaged', { problem: problem.message });
  }

  return {
    /** The open session, or null while the library needs recovery. */
    get session(): LibrarySession | null {
      return session;
    },
    get problem(): string | null {
      return problem?.message ?? null;
    },
    open,
    require,
    close,
    restoreFrom,
    status,
    markDamaged,
  };
}

export type LibraryState = ReturnType<typeof createLibraryState>;

/** Backups and recovery: they answer with or without an open library. */
export function backupAndRecoveryHandlers(state: LibraryState, deps: { backups: BackupService; paths: LibraryPaths; clock: Clock; files: FileGate }): HandlersFor<typeof backupMethods & typeof recoveryMethods> {
  const { backups, paths, clock, files } = deps;
  const restoreLatest = () => {
    const newest = backups.newestVerified();
    if (!newest) throw new AtelierError('not_found', `No backup in ${paths.backups} passes its check; export what is readable instead.`, { dir: paths.backups }, { key: 'library.noGoodBackup' });
    return state.restoreFrom(backups.resolve(newest.file));
  };
  return {
    'backups.list': () => ({ dir: paths.backups, backups: backups.list() }),
    'backups.create': ({ out }) => backups.create(state.require().lib.db, 'manual', files.output(out, 'out')),
    // A path elsewhere is read only where the host may name files (browser mode: an upload).
    'backups.restore': ({ file, path, latest }) => (latest ? restoreLatest() : state.restoreFrom(path !== undefined ? files.input(path, 'path') : backups.resolve(file!))),
    'recovery.status': () => state.status(),
    'recovery.restoreLatest': () => {
      if (state.session) throw new AtelierError('conflict', 'The library is healthy; to go back to a backup, choose it in Settings → Backups.', undefined, { key: 'library.healthy' });
      return restoreLatest();
    },
    'recovery.export': () => exportReadable(paths, clock.now()),
  };
}

/**
 * Every call goes to the open session, or, while there is none, to the few methods that answer
 * without a library (enough for the recovery screen and `atelier doctor`). Damage found during a
 * call switches the app to recovery.
 */
export function routeCalls(state: LibraryState, options: { paths: LibraryPaths; host: HostKind; appHandlers: HandlersFor<typeof backupMethods & typeof recoveryMethods> }): Handlers {
  const { paths, appHandlers } = options;
  const withoutLibrary: Partial<Handlers> = {
    'app.info': () => ({ version: APP_VERSION, schemaVersion: 0, dataDir: paths.dataDir, host: options.host }),
    'settings.get': () => ({ language: 'system', theme: 'system' }),
    'app.doctor': () => ({
      ok: false,
      schemaVersion: 0,
      appSchemaVersion: LATEST_SCHEMA_VERSION,
      integrity: state.problem ?? 'closed',
      foreignKeyProblems: 0,
      paths: { dataDir: paths.dataDir, database: paths.database, assets: paths.assets, backups: paths.backups },
      counts: {},
    }),
    ...appHandlers,
  };
  const sessionHandler = (method: Method): ((input: never) => unknown) | undefined => {
    const own = state.session?.handlers as Partial<Record<Method, unknown>> | undefined;
    return (own?.[method] ?? (appHandlers as Partial<Record<Method, unknown>>)[method]) as ((input: never) => unknown) | undefined;
  };
  return Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async (input: never) => {
        if (state.session) {
          try {
            return await sessionHandler(method)!(input);
          } catch (error) {
            if (isCorruption(error)) state.markDamaged(error);
            throw error;
          }
        }
        const fallback = RECOVERY_SAFE.has(method) ? withoutLibrary[method] : undefined;
        if (!fallback) state.require();
        return (fallback as (i: never) => unknown)(input);
      },
    ]),
  ) as unknown as Handlers;
}
