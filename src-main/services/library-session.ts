// One open library and the services built on it: what a session of the app holds between opening
// the database and closing it (a restore closes one session and opens the next). The background
// work tied to the library (due reminders, their notifications, watching other processes' writes,
// the asset collection after start) starts here and stops before the database closes.
import path from 'node:path';
import type { backupMethods } from '../contract/api/backups';
import type { recoveryMethods } from '../contract/api/recovery';
import type { Handlers } from '../contract/handlers';
import { designAssetIds } from '../core/design';
import type { Clock } from '../core/ports';
import { createBackgroundRenderer } from '../render/background';
import { APP_VERSION } from '../version';
import { assetHandlers, createAssetService } from './assets';
import { brandKitHandlers, createBrandKitService } from './brand-kits';
import { createCalendarService } from './calendar';
import { calendarHandlers } from './calendar-handlers';
import { captionHandlers, createCaptionService } from './captions';
import { clientHandlers, createClientService } from './clients';
import { seedDemo } from './demo';
import { createDesignThumbnails } from './design-thumbnails';
import { createDesignService, designHandlers } from './designs';
import { notifyDuePosts } from './due-notifications';
import { createDueScheduler } from './due-scheduler';
import type { EventBus } from './events';
import { watchExternalChanges } from './external-changes';
import type { FileGate } from './file-access';
import { createInsightService, insightHandlers } from './insights';
import { createReportService, packReport } from './insights/report-service';
import type { Library } from './library';
import { scheduleAssetGc } from './maintenance';
import { findBundledFontsDir } from './media/fonts';
import { nativeHandlers, type NativeShell } from './native';
import { createPackService, packHandlers } from './packs';
import { createPostService, postHandlers } from './posts';
import { createPublishingService, publishingHandlers } from './publishing';
import type { Scheduler } from './scheduler';
import { createSpellService } from './spell';
import { createSystemService, systemHandlers } from './system';
import { createTrashService, trashHandlers } from './trash';

export type HostKind = 'electron' | 'web' | 'cli' | 'test';

/** What the session's methods answer: everything but backups and recovery, which outlive a session. */
export type SessionHandlers = Omit<Handlers, keyof typeof backupMethods | keyof typeof recoveryMethods>;

export interface SessionOptions {
  host: HostKind;
  clock: Clock;
  events: EventBus;
  native: NativeShell;
  scheduler: Scheduler;
  /** Which files calls may name. */
  files: FileGate;
  /** Run due reminders (and mark posts missed while closed). */
  dueReminders: boolean;
  /** Notice writes made by other processes, such as the CLI. */
  watchExternalChanges: boolean;
  /** Collect unreferenced asset files shortly after opening. */
  autoGc: boolean;
  /** The OS locale, for notification texts when Settings say "system". */
  systemLocale: string;
  /** Where the bundled fonts are; undefined: `assets/fonts` found above the running script or the cwd. */
  fontsDir?: string | null;
}

export function openLibrarySession(lib: Library, options: SessionOptions) {
  const { events, native, clock } = options;
  const clients = createClientService(lib, events);
  const posts = createPostService(lib, events);
  const system = createSystemService(lib, events);
  const trash = createTrashService(lib, { clients, posts });
  const calendar = createCalendarService(lib, events);
  const dueScheduler = createDueScheduler(calendar, events, { clock });
  const assets = createAssetService(lib, events);
  // What a killed pack import left (its upload, asset rows it never committed) goes at every start.
  try {
    assets.cleanUpInterruptedImports();
  } catch (error) {
    console.error('[atelier] clean-up of interrupted imports failed:', error);
  }
  const fontsDir = options.fontsDir !== undefined ? options.fontsDir : (findBundledFontsDir(path.dirname(process.argv[1] ?? '.')) ?? findBundledFontsDir(process.cwd()));
  const brandKits = createBrandKitService(lib, assets, events, { fontsDir });
  const designs = createDesignService(lib, events, { onStored: (designId, doc) => assets.syncRefs('design', designId, designAssetIds(doc)), findAsset: assets.find });
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
  const { files } = options;
  const packs = createPackService({
    lib,
    events,
    calendar,
    designs,
    assets,
    fontsDir,
    files,
    monthlyReport: packReport(insights, report),
  });
  /** What hosts serve under /media/: the asset library's pixels and design thumbnails. */
  const media = { mediaFile: assets.mediaFile, designThumbnail: thumbnails.file };

  // One line per feature: each module maps its slice of the contract to its service.
  const handlers: SessionHandlers = {
    ...systemHandlers({ system, info: () => ({ version: APP_VERSION, schemaVersion: lib.schemaVersion, dataDir: lib.paths.dataDir, host: options.host }), seedDemo: () => seedDemo(lib, clients, posts) }),
    ...clientHandlers(clients),
    ...postHandlers(posts),
    ...trashHandlers(trash),
    ...nativeHandlers(native),
    ...calendarHandlers(calendar, lib, events, thumbnails),
    ...assetHandlers(assets, files),
    ...brandKitHandlers(brandKits),
    ...designHandlers(designs, thumbnails),
    ...packHandlers(packs),
    ...publishingHandlers(publishing),
    ...captionHandlers(captions, spell),
    ...insightHandlers(insights, report),
  };

  // Background work tied to this open library, stopped before it closes.
  const stoppers: (() => void)[] = [() => spell.close(), () => packs.stop(), () => void renderer.close()];
  if (options.dueReminders) {
    dueScheduler.start();
    stoppers.push(() => dueScheduler.stop());
  }
  if (options.watchExternalChanges) stoppers.push(watchExternalChanges(lib, events));
  stoppers.push(
    notifyDuePosts({
      events,
      native,
      titleOf: (id) => lib.posts.get(id)?.title ?? null,
      languageSetting: () => system.settings().language,
      systemLocale: options.systemLocale,
    }),
  );
  if (options.autoGc) stoppers.push(scheduleAssetGc(options.scheduler, assets));

  return {
    lib,
    handlers,
    services: { clients, posts, system, trash, calendar, dueScheduler, assets, brandKits, designs, captions, spell, packs, thumbnails, media, insights },
    stop(): void {
      for (const stop of stoppers.splice(0)) stop();
    },
  };
}

export type LibrarySession = ReturnType<typeof openLibrarySession>;
