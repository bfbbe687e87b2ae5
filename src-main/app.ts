// Composition root: one library, its services, the dispatcher and the event bus.
// Every host (Electron, web, CLI, tests) builds the app through here, so they all behave alike.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { In, Method, Out } from './contract';
import { fromWire } from './contract/errors';
import { systemClock, type Clock, type IdGenerator } from './core/ports';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { assetHandlers, createAssetService } from './services/assets';
import { brandKitHandlers, createBrandKitService } from './services/brand-kits';
import { clientHandlers, createClientService } from './services/clients';
import { createCalendarService } from './services/calendar';
import { calendarHandlers } from './services/calendar-handlers';
import { seedDemo } from './services/demo';
import { createDueScheduler } from './services/due-scheduler';
import { createDesignService, designHandlers } from './services/designs';
import { createEventBus } from './services/events';
import { watchExternalChanges } from './services/external-changes';
import { openLibrary } from './services/library';
import { nativeHandlers, noNativeShell, type NativeShell } from './services/native';
import { findBundledFontsDir } from './services/media/fonts';
import { createPostService, postHandlers } from './services/posts';
import { createShutdown } from './services/shutdown';
import { createSystemService, systemHandlers } from './services/system';
import { APP_VERSION } from './version';

export type HostKind = 'electron' | 'web' | 'cli' | 'test';

export interface CreateAtelierOptions {
  dataDir: string;
  host: HostKind;
  clock?: Clock;
  ids?: IdGenerator;
  validateOutput?: boolean;
  /** Long-running hosts (Electron, web) notice writes made by other processes, such as the CLI. */
  watchExternalChanges?: boolean;
  /** Native dialogs and notifications; only the Electron host has them. */
  native?: NativeShell;
  /** Run due reminders (and mark posts missed while closed). Default: on for the desktop and web hosts. */
  scheduler?: boolean;
  /** Where the bundled fonts are (default: `assets/fonts` found above the running script or the cwd). */
  fontsDir?: string | null;
  /** Collect unreferenced asset files shortly after start (default: on for the desktop and web hosts). */
  autoGc?: boolean;
}

/** Short, URL-safe, unique ids (the CLI prints them, users type them). */
export function defaultIds(): string {
  return randomUUID().replace(/-/g, '').slice(0, 20);
}

export function createAtelier(options: CreateAtelierOptions) {
  const clock = options.clock ?? systemClock;
  const lib = openLibrary({ dataDir: options.dataDir, clock, ids: options.ids ?? defaultIds });
  const events = createEventBus();
  const clients = createClientService(lib, events);
  const posts = createPostService(lib, events);
  const system = createSystemService(lib, events);
  const native = options.native ?? noNativeShell(options.host === 'web' ? 'browser mode' : `the ${options.host} host`);
  const calendar = createCalendarService(lib, events);
  const dueScheduler = createDueScheduler(calendar, events, { clock });
  // Background work to stop before the database closes.
  const stoppers: (() => void)[] = [() => dueScheduler.stop()];
  const closeLibrary = () => {
    for (const stop of stoppers.splice(0)) stop();
    lib.close();
  };
  const shutdown = createShutdown({ close: closeLibrary });
  const assets = createAssetService(lib, events);
  const fontsDir = options.fontsDir !== undefined ? options.fontsDir : (findBundledFontsDir(path.dirname(process.argv[1] ?? '.')) ?? findBundledFontsDir(process.cwd()));
  const brandKits = createBrandKitService(lib, assets, events, { fontsDir });
  const designs = createDesignService(lib, events);

  // One line per feature: each module maps its slice of the contract to its service.
  const handlers: Handlers = {
    ...systemHandlers({ system, info: () => ({ version: APP_VERSION, schemaVersion: lib.schemaVersion, dataDir: lib.paths.dataDir, host: options.host }), seedDemo: () => seedDemo(lib, clients, posts) }),
    ...clientHandlers(clients),
    ...postHandlers(posts),
    ...nativeHandlers(native),
    ...calendarHandlers(calendar, lib, events),
    ...assetHandlers(assets),
    ...brandKitHandlers(brandKits),
    ...designHandlers(designs),
  };

  if (options.watchExternalChanges) stoppers.push(watchExternalChanges(lib, events));
  // Due reminders reach the OS as notifications where the host has them (the desktop app).
  stoppers.push(
    events.subscribe((name, payload) => {
      if (name !== 'post.due') return;
      const ids = (payload as { ids: string[] }).ids;
      const titles = ids.slice(0, 3).map((id) => lib.posts.get(id)?.title ?? id);
      native.notify({ title: ids.length === 1 ? 'A post is due' : `${ids.length} posts are due`, body: titles.join('\n') });
    }),
  );

  // Unreferenced files are collected after a grace period, once per start, off the start-up path.
  const gcTimer = (options.autoGc ?? (options.host === 'electron' || options.host === 'web'))
    ? setTimeout(() => {
        try {
          assets.collectGarbage();
        } catch (error) {
          console.error('[atelier] asset gc failed:', error);
        }
      }, 10_000).unref()
    : null;
  if (gcTimer) stoppers.push(() => clearTimeout(gcTimer));

  const dispatch: Dispatch = createDispatcher(handlers, { validateOutput: options.validateOutput });
  if (options.scheduler ?? (options.host === 'electron' || options.host === 'web')) dueScheduler.start();

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
    library: lib,
    services: { clients, posts, system, calendar, dueScheduler, assets, brandKits, designs },
    native,
    /** Work to finish before the library closes (autosave flush, …). */
    onBeforeClose: shutdown.onBeforeClose,
    /** Runs the before-close hooks, then closes the library; what every host calls on exit. */
    shutdown: () => shutdown.run(),
    close: closeLibrary,
  };
}

export type Atelier = ReturnType<typeof createAtelier>;
