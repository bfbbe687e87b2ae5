// Composition root: one library, its services, the dispatcher and the event bus.
// Every host (Electron, web, CLI, tests) builds the app through here, so they all behave alike.
//
// The library is opened as a *session* that can be closed and reopened (a restore swaps the
// database file underneath). When the database is damaged the app starts in *recovery* state
// instead of crashing: only the recovery, backup and info methods answer, so every host can still
// serve the renderer and offer a restore.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { In, Method, Out } from './contract';
import { METHOD_NAMES } from './contract';
import type { backupMethods, RestoreResult } from './contract/api/backups';
import type { recoveryMethods, RecoveryStatus } from './contract/api/recovery';
import { AtelierError, fromWire, type ErrorReason } from './contract/errors';
import { systemClock, type Clock, type IdGenerator } from './core/ports';
import { designAssetIds } from './core/design';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { createDispatcher, type Dispatch, type Handlers, type HandlersFor } from './dispatch';
import { assetHandlers, createAssetService, extForMime } from './services/assets';
import { collectImportDebris } from './services/import-debris';
import { createBackupService, DAY_MS, type BackupPolicy } from './services/backups';
import { brandKitHandlers, createBrandKitService } from './services/brand-kits';
import { createCalendarService } from './services/calendar';
import { calendarHandlers } from './services/calendar-handlers';
import { createDesignThumbnails } from './services/design-thumbnails';
import { createBackgroundRenderer } from './render/background';
import { captionHandlers, createCaptionService } from './services/captions';
import { clientHandlers, createClientService } from './services/clients';
import { seedDemo } from './services/demo';
import { createDesignService, designHandlers } from './services/designs';
import { createDueScheduler } from './services/due-scheduler';
import { createEventBus } from './services/events';
import { watchExternalChanges } from './services/external-changes';
import { createFileGate, type FileAccess } from './services/file-access';
import { libraryPaths, openLibrary, prepareDataDir, type Library, type StartupReport } from './services/library';
import { findBundledFontsDir } from './services/media/fonts';
import { nativeHandlers, noNativeShell, type NativeShell } from './services/native';
import { createInsightService, insightHandlers } from './services/insights';
import { createReportService, packReport } from './services/insights/report-service';
import { createPackService, exportsDir, packHandlers } from './services/packs';
import { createPostService, postHandlers } from './services/posts';
import { createPublishingService, publishingHandlers } from './services/publishing';
import { createShutdown } from './services/shutdown';
import { exportReadable, isCorruption } from './services/recovery';
import { createSpellService } from './services/spell';
import { dueNotification, uiLanguage } from './services/notification-text';
import { createSystemService, systemHandlers } from './services/system';
import { purgeOldDownloads } from './services/packs/downloads';
import { createTrashService, trashHandlers } from './services/trash';
import { APP_VERSION } from './version';

export type HostKind = 'electron' | 'web' | 'cli' | 'test';

/** Repeating work (the daily backup, the trash purge); tests pass a manual one. */
export interface Scheduler {
  every(ms: number, task: () => void): () => void;
  /** Once, after `ms`. */
  after(ms: number, task: () => void): () => void;
}

export const realScheduler: Scheduler = {
  every(ms, task) {
    const timer = setInterval(task, ms);
    timer.unref?.();
    return () => clearInterval(timer);
  },
  after(ms, task) {
    const timer = setTimeout(task, ms);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

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
}

/** Short, URL-safe, unique ids (the CLI prints them, users type them). */
export function defaultIds(): string {
  return randomUUID().replace(/-/g, '').slice(0, 20);
}

/** How often the app looks whether a daily backup or a purge is due. */
export const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;
/** How long after start the first backup and purge check runs. */
export const FIRST_MAINTENANCE_DELAY_MS = 5_000;
/** Methods that answer while the library needs recovery. */
const RECOVERY_SAFE = new Set<Method>(['app.info', 'app.doctor', 'settings.get', 'backups.list', 'backups.restore', 'recovery.status', 'recovery.restoreLatest', 'recovery.export']);

function openSession(
  lib: Library,
  options: CreateAtelierOptions,
  events: ReturnType<typeof createEventBus>,
  appHandlers: HandlersFor<typeof backupMethods & typeof recoveryMethods>,
  native: NativeShell,
  clock: Clock,
) {
  const longRunning = options.host === 'electron' || options.host === 'web';
  const clients = createClientService(lib, events);
  const posts = createPostService(lib, events);
  const system = createSystemService(lib, events);
  const trash = createTrashService(lib, { clients, posts });
  const calendar = createCalendarService(lib, events);
  const dueScheduler = createDueScheduler(calendar, events, { clock });
  const assets = createAssetService(lib, events);
  // What a killed pack import left (its upload, asset rows it never committed) goes at every start.
  try {
    collectImportDebris(lib, assets.repo, assets.files, extForMime);
  } catch (error) {
    console.error('[atelier] clean-up of interrupted imports failed:', error);
  }
  const fontsDir = options.fontsDir !== undefined ? options.fontsDir : (findBundledFontsDir(path.dirname(process.argv[1] ?? '.')) ?? findBundledFontsDir(process.cwd()));
  const brandKits = createBrandKitService(lib, assets, events, { fontsDir });
  // Images a design uses are references in the asset library (ids it does not know — a template's
  // placeholder, an image from another library — are left out rather than refused).
  const knownAssets = lib.db.prepare<[string], { sha256: string }>('SELECT sha256 FROM assets WHERE sha256 IN (SELECT value FROM json_each(?))');
  const designs = createDesignService(lib, events, {
    onStored: (designId, doc) => {
      // Autosave stores a design every second while someone edits: record only real changes.
      const known = knownAssets.all(JSON.stringify(designAssetIds(doc))).map((r) => r.sha256).sort();
      const current = [...assets.repo.refsOf('design', designId)].sort();
      if (known.join() !== current.join()) assets.setRefs('design', designId, known);
    },
  });
  const captions = createCaptionService(lib, events, posts);
  const spell = createSpellService();
  // Thumbnails and a due post's images are drawn in a worker started on demand, never here.
  const renderer = createBackgroundRenderer();
  const publishing = createPublishingService({ lib, calendar, designs, native, renderer, fontsDir });
  const thumbnails = createDesignThumbnails(lib, {
    renderer,
    fontsDir: fontsDir ?? undefined,
    previewFile: async (id) => (await assets.mediaFile('previews', id))?.file ?? null,
  });
  const insights = createInsightService({
    lib,
    events,
    thumbnailsFor: (rows) => {
      const variants = lib.posts.variantsByPost(rows.map((r) => r.id));
      return thumbnails.pathsFor(rows.map((r) => ({ id: r.id, variants: (variants.get(r.id) ?? []).map((v) => ({ designId: v.design_id, pageIndex: v.page_index })) })));
    },
  });
  const report = createReportService({ lib, insights, brandKits, assets, thumbnails, fontsDir });
  const packs = createPackService({
    lib,
    events,
    calendar,
    designs,
    assets,
    fontsDir,
    files: createFileGate(lib.paths.dataDir, fileAccessOf(options)),
    monthlyReport: packReport(insights, report),
  });
  /** What hosts serve under /media/: the asset library's pixels and design thumbnails. */
  const media = { mediaFile: assets.mediaFile, designThumbnail: thumbnails.file };

  // One line per feature: each module maps its slice of the contract to its service.
  const handlers: Handlers = {
    ...systemHandlers({ system, info: () => ({ version: APP_VERSION, schemaVersion: lib.schemaVersion, dataDir: lib.paths.dataDir, host: options.host }), seedDemo: () => seedDemo(lib, clients, posts) }),
    ...clientHandlers(clients),
    ...postHandlers(posts),
    ...trashHandlers(trash),
    ...nativeHandlers(native),
    ...calendarHandlers(calendar, lib, events, thumbnails),
    ...assetHandlers(assets),
    ...brandKitHandlers(brandKits),
    ...designHandlers(designs, thumbnails),
    ...packHandlers(packs),
    ...publishingHandlers(publishing),
    ...appHandlers,
    ...captionHandlers(captions, spell),
    ...insightHandlers(insights, report),
  };

  // Background work tied to this open library, stopped before it closes.
  const stoppers: (() => void)[] = [() => spell.close(), () => packs.stop(), () => void renderer.close()];
  if (options.dueReminders ?? longRunning) {
    dueScheduler.start();
    stoppers.push(() => dueScheduler.stop());
  }
  if (options.watchExternalChanges) stoppers.push(watchExternalChanges(lib, events));
  // Due reminders reach the OS as notifications where the host has them (the desktop app).
  stoppers.push(
    events.subscribe((name, payload) => {
      if (name !== 'post.due') return;
      const ids = (payload as { ids: string[] }).ids;
      const titles = ids.slice(0, 3).map((id) => lib.posts.get(id)?.title ?? id);
      const language = uiLanguage(system.settings().language, options.systemLocale ?? Intl.DateTimeFormat().resolvedOptions().locale);
      native.notify(dueNotification(language, titles, ids.length));
    }),
  );
  // Unreferenced files are collected after a grace period, once per start, off the start-up path.
  if (options.autoGc ?? longRunning) {
    const gcTimer = setTimeout(() => {
      try {
        assets.collectGarbage();
      } catch (error) {
        console.error('[atelier] asset gc failed:', error);
      }
    }, 10_000).unref();
    stoppers.push(() => clearTimeout(gcTimer));
  }

  return {
    lib,
    handlers,
    services: { clients, posts, system, trash, calendar, dueScheduler, assets, brandKits, designs, captions, spell, packs, thumbnails, media, insights },
    stop(): void {
      for (const stop of stoppers.splice(0)) stop();
    },
  };
}

type Session = ReturnType<typeof openSession>;

function fileAccessOf(options: CreateAtelierOptions): FileAccess {
  return options.fileAccess ?? (options.host === 'web' ? 'library' : 'anywhere');
}

export function createAtelier(options: CreateAtelierOptions) {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? defaultIds;
  const paths = libraryPaths(options.dataDir);
  const events = createEventBus();
  const native = options.native ?? noNativeShell(options.host === 'web' ? 'browser mode' : `the ${options.host} host`);
  const backups = createBackupService({ paths, clock, policy: options.backupPolicy });
  let session: Session | null = null;
  let problem: { message: string; reason: ErrorReason | null; check: 'quick' | 'full' } | null = null;
  let startup: StartupReport | null = null;
  let stopMaintenance: (() => void) | null = null;

  function open(): void {
    try {
      const lib = openLibrary({ dataDir: options.dataDir, clock, ids, host: options.host });
      startup = lib.startup;
      session = openSession(lib, options, events, appHandlers, native, clock);
      problem = null;
    } catch (error) {
      if (!isCorruption(error)) throw error;
      session = null;
      const check = (error as AtelierError).details as { check?: 'quick' | 'full' } | undefined;
      problem = { message: (error as Error).message, reason: (error as AtelierError).reason ?? null, check: check?.check ?? 'quick' };
    }
  }

  function requireSession(): Session {
    if (!session) throw new AtelierError('io_error', `The library needs recovery: ${problem?.message ?? 'it is closed.'} Restore a backup or export what is readable.`, { recovery: true }, { key: 'library.needsRecovery' });
    return session;
  }

  /** Closes the library, swaps the database file, opens it again (whatever happens). */
  function restoreFrom(file: string): RestoreResult {
    session?.stop();
    session?.lib.close();
    session = null;
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

  const appHandlers: HandlersFor<typeof backupMethods & typeof recoveryMethods> = {
    'backups.list': () => ({ dir: paths.backups, backups: backups.list() }),
    'backups.create': () => {
      const made = backups.create(requireSession().lib.db, 'manual');
      return { backup: made.backup, assetsCopied: made.assetsCopied };
    },
    'backups.restore': ({ file }) => restoreFrom(backups.resolve(file)),
    'recovery.status': () => status(),
    'recovery.restoreLatest': () => {
      if (session) throw new AtelierError('conflict', 'The library is healthy; to go back to a backup, choose it in Settings → Backups.', undefined, { key: 'library.healthy' });
      const newest = backups.newestVerified();
      if (!newest) throw new AtelierError('not_found', `No backup in ${paths.backups} passes its check; export what is readable instead.`, { dir: paths.backups }, { key: 'library.noGoodBackup' });
      return restoreFrom(backups.resolve(newest.file));
    },
    'recovery.export': () => exportReadable(paths, clock.now()),
  };

  /** Without a library, a few methods still answer: enough for the recovery screen and `atelier doctor`. */
  const recoveryHandlers: Partial<Handlers> = {
    'app.info': () => ({ version: APP_VERSION, schemaVersion: 0, dataDir: paths.dataDir, host: options.host }),
    'settings.get': () => ({ language: 'system', theme: 'system' }),
    'app.doctor': () => ({
      ok: false,
      schemaVersion: 0,
      appSchemaVersion: LATEST_SCHEMA_VERSION,
      integrity: problem?.message ?? 'closed',
      foreignKeyProblems: 0,
      paths: { dataDir: paths.dataDir, database: paths.database, assets: paths.assets, backups: paths.backups },
      counts: {},
    }),
    ...appHandlers,
  };

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

  // Every call goes to the open session, or to the recovery handlers while there is none.
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async (input: never) => {
        if (session) {
          try {
            return await (session.handlers[method] as (i: never) => unknown)(input);
          } catch (error) {
            if (isCorruption(error)) markDamaged(error);
            throw error;
          }
        }
        const fallback = RECOVERY_SAFE.has(method) ? recoveryHandlers[method] : undefined;
        if (!fallback) requireSession();
        return (fallback as (i: never) => unknown)(input);
      },
    ]),
  ) as unknown as Handlers;

  /** Daily backup, trash purge, old browser-mode downloads: soon after start, then hourly. Never throws into a timer. */
  function maintenance(): void {
    if (!session) return;
    try {
      session.services.trash.purge();
      purgeOldDownloads(exportsDir(session.lib), clock.now());
      const last = backups.lastAutomaticAt();
      if (last === null || clock.now() - last >= DAY_MS) backups.create(session.lib.db, 'auto');
    } catch (error) {
      console.error('[atelier] scheduled backup or purge failed:', error);
    }
  }

  prepareDataDir(paths.dataDir);
  open();
  if (options.autoBackup) {
    // The first check waits a little: a daily backup copies and verifies the whole database, which
    // for a big library would hold the window back at start.
    const scheduler = options.scheduler ?? realScheduler;
    const stops = [scheduler.after(FIRST_MAINTENANCE_DELAY_MS, maintenance), scheduler.every(MAINTENANCE_INTERVAL_MS, maintenance)];
    stopMaintenance = () => stops.forEach((stop) => stop());
  }

  function close(): void {
    stopMaintenance?.();
    stopMaintenance = null;
    session?.stop();
    if (session && options.autoBackup) {
      try {
        backups.create(session.lib.db, 'quit');
      } catch (error) {
        console.error('[atelier] backup on quit failed:', error);
      }
    }
    session?.lib.close();
    session = null;
  }
  const shutdown = createShutdown({ close });

  // Output validation catches a service returning the wrong shape at its source. It costs a zod
  // parse of every answer (a month of 500 posts), so it runs in tests and development builds, and is
  // off in browser mode and the CLI unless ATELIER_VALIDATE_OUTPUT=1.
  const validateOutput = options.validateOutput ?? (options.host === 'test' || process.env.ATELIER_VALIDATE_OUTPUT === '1');
  const dispatch: Dispatch = createDispatcher(handlers, { validateOutput });

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
      return requireSession().lib;
    },
    get services() {
      return requireSession().services;
    },
    status,
    restoreFrom,
    native,
    /** `library`: calls may name only uploads and the library's own folders (browser mode). */
    fileAccess: fileAccessOf(options),
    /** Clean close: a backup first when the host asked for automatic ones, then checkpoint and close. */
    close,
    /** Work to finish before the library closes (autosave flush, …). */
    onBeforeClose: shutdown.onBeforeClose,
    /** Runs the before-close hooks, then closes the library; what every host calls on exit. */
    shutdown: () => shutdown.run(),
  };
}

export type Atelier = ReturnType<typeof createAtelier>;
