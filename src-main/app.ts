// Composition root: one library, its services, the dispatcher and the event bus; every host builds the
// app through here. The open library and its services: services/library-session; recovery state and
// call routing: services/library-state; housekeeping: services/maintenance.
import { randomUUID } from 'node:crypto';
import type { In, Method, Out } from './contract';
import { fromWire } from './contract/errors';
import { systemClock, type Clock, type IdGenerator } from './core/ports';
import { createDispatcher, type Dispatch } from './dispatch';
import { createBackupService, type BackupPolicy } from './services/backups';
import { createEventBus } from './services/events';
import { createFileGate, type FileAccess } from './services/file-access';
import { libraryPaths, openLibrary, prepareDataDir, type Library } from './services/library';
import { openLibrarySession, type HostKind } from './services/library-session';
import { backupAndRecoveryHandlers, createLibraryState, routeCalls } from './services/library-state';
import { runMaintenance, scheduleMaintenance } from './services/maintenance';
import { noNativeShell, type NativeShell } from './services/native';
import { politeScheduler, realScheduler, HOUSEKEEPING_QUIET_MS, type Scheduler } from './services/scheduler';
import { createShutdown } from './services/shutdown';

export interface CreateAtelierOptions {
  dataDir: string;
  host: HostKind;
  clock?: Clock;
  ids?: IdGenerator;
  validateOutput?: boolean;
  /** Long-running hosts (desktop, browser mode): daily backups, a backup on clean quit, the trash purge job. */
  autoBackup?: boolean;
  backupPolicy?: Partial<BackupPolicy>;
  /** The OS locale (Electron: app.getLocale()), for main-process texts when Settings say "system". */
  systemLocale?: string;
  scheduler?: Scheduler;
  /** Long-running hosts (Electron, web) notice writes made by other processes, such as the CLI. */
  watchExternalChanges?: boolean;
  /** Native dialogs and notifications; only the Electron host has them. */
  native?: NativeShell;
  /** Run due reminders (and mark posts missed while closed). Default: on for the desktop and web hosts. */
  dueReminders?: boolean;
  /** Where the bundled fonts are (default: `assets/fonts` found above the running script or the cwd). */
  fontsDir?: string | null;
  /** Collect unreferenced asset files shortly after start (default: on for the desktop and web hosts). */
  autoGc?: boolean;
  /** Which files calls may name: `library` (browser mode's default) or `anywhere` (desktop, CLI, tests). */
  fileAccess?: FileAccess;
  /**
   * Housekeeping (backups, purges, the asset collection) waits until no call has come for this long
   * (default: 2 s on the desktop and web hosts, none elsewhere), so it never holds a click's answer.
   */
  housekeepingQuietMs?: number;
}

/** Short, URL-safe, unique ids (the CLI prints them, users type them). */
export function defaultIds(): string {
  return randomUUID().replace(/-/g, '').slice(0, 20);
}

export function createAtelier(options: CreateAtelierOptions) {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? defaultIds;
  const paths = libraryPaths(options.dataDir);
  const events = createEventBus();
  const native = options.native ?? noNativeShell(options.host === 'web' ? 'browser mode' : `the ${options.host} host`);
  const scheduler = options.scheduler ?? realScheduler;
  const fileAccess: FileAccess = options.fileAccess ?? (options.host === 'web' ? 'library' : 'anywhere');
  const files = createFileGate(paths.dataDir, fileAccess);
  const longRunning = options.host === 'electron' || options.host === 'web';
  // When the last call came (or goes on): housekeeping waits for a quiet moment.
  let callsInFlight = 0;
  let lastCallAt = -Infinity;
  const idleMs = () => (callsInFlight > 0 ? 0 : performance.now() - lastCallAt);
  const housekeeping = politeScheduler(scheduler, idleMs, { quietMs: options.housekeepingQuietMs ?? (longRunning ? HOUSEKEEPING_QUIET_MS : 0) });
  const backups = createBackupService({ paths, clock, policy: options.backupPolicy });

  const state = createLibraryState({
    paths,
    backups,
    events,
    openSession: () => {
      const lib = openLibrary({ dataDir: options.dataDir, clock, ids, host: options.host });
      const session = openLibrarySession(lib, {
        host: options.host,
        clock,
        events,
        native,
        scheduler: housekeeping,
        files,
        dueReminders: options.dueReminders ?? longRunning,
        watchExternalChanges: options.watchExternalChanges ?? false,
        autoGc: options.autoGc ?? longRunning,
        systemLocale: options.systemLocale ?? Intl.DateTimeFormat().resolvedOptions().locale,
        fontsDir: options.fontsDir,
      });
      return { session, startup: lib.startup };
    },
  });
  const handlers = routeCalls(state, { paths, host: options.host, appHandlers: backupAndRecoveryHandlers(state, { backups, paths, clock, files }) });

  prepareDataDir(paths.dataDir);
  state.open();
  let stopMaintenance = options.autoBackup
    ? scheduleMaintenance(housekeeping, () => {
        const session = state.session;
        if (session) runMaintenance({ lib: session.lib, trash: session.services.trash }, backups, clock);
      })
    : null;

  function close(): void {
    stopMaintenance?.();
    stopMaintenance = null;
    state.close((session) => {
      if (!options.autoBackup) return;
      try {
        backups.create(session.lib.db, 'quit');
      } catch (error) {
        console.error('[atelier] backup on quit failed:', error);
      }
    });
  }
  const shutdown = createShutdown({ close });

  // Output validation catches a service returning the wrong shape at its source. It costs a zod parse of
  // every answer, so it runs in tests and development builds (elsewhere with ATELIER_VALIDATE_OUTPUT=1).
  const validateOutput = options.validateOutput ?? (options.host === 'test' || process.env.ATELIER_VALIDATE_OUTPUT === '1');
  const dispatchCall: Dispatch = createDispatcher(handlers, { validateOutput });
  const dispatch: Dispatch = async (method, input) => {
    callsInFlight++;
    try {
      return await dispatchCall(method, input);
    } finally {
      callsInFlight--;
      lastCallAt = performance.now();
    }
  };

  /** Typed in-process call that throws `AtelierError` on failure (CLI, tests, benchmarks). */
  async function call<M extends Method>(method: M, input: In<M>): Promise<Out<M>> {
    const outcome = await dispatch(method, input);
    if (!outcome.ok) throw fromWire(outcome.error);
    return outcome.result as Out<M>;
  }

  return {
    dispatch,
    call,
    events,
    paths,
    backups,
    /** The open library; throws the recovery message while the database is damaged. */
    get library(): Library {
      return state.require().lib;
    },
    get services() {
      return state.require().services;
    },
    status: state.status,
    restoreFrom: state.restoreFrom,
    native,
    /** `library`: calls may name only uploads and the library's own folders (browser mode). */
    fileAccess,
    /** Clean close: a backup first when the host asked for automatic ones, then checkpoint and close. */
    close,
    /** Work to finish before the library closes (autosave flush, …). */
    onBeforeClose: shutdown.onBeforeClose,
    /** Runs the before-close hooks, then closes the library; what every host calls on exit. */
    shutdown: () => shutdown.run(),
  };
}

export type Atelier = ReturnType<typeof createAtelier>;
