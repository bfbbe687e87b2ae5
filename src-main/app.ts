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
import { seedDemo } from './services/demo';
import { createEventBus } from './services/events';
import { openLibrary } from './services/library';
import { findBundledFontsDir } from './services/media/fonts';
import { createPostService, postHandlers } from './services/posts';
import { createSystemService, systemHandlers } from './services/system';
import { APP_VERSION } from './version';

export type HostKind = 'electron' | 'web' | 'cli' | 'test';

export interface CreateAtelierOptions {
  dataDir: string;
  host: HostKind;
  clock?: Clock;
  ids?: IdGenerator;
  validateOutput?: boolean;
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
  const assets = createAssetService(lib, events);
  const fontsDir = options.fontsDir !== undefined ? options.fontsDir : (findBundledFontsDir(path.dirname(process.argv[1] ?? '.')) ?? findBundledFontsDir(process.cwd()));
  const brandKits = createBrandKitService(lib, assets, events, { fontsDir });

  // One line per feature: each module maps its slice of the contract to its service.
  const handlers: Handlers = {
    ...systemHandlers({ system, info: () => ({ version: APP_VERSION, schemaVersion: lib.schemaVersion, dataDir: lib.paths.dataDir, host: options.host }), seedDemo: () => seedDemo(lib, clients, posts) }),
    ...clientHandlers(clients),
    ...postHandlers(posts),
    ...assetHandlers(assets),
    ...brandKitHandlers(brandKits),
  };


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

  const dispatch: Dispatch = createDispatcher(handlers, { validateOutput: options.validateOutput });

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
    services: { clients, posts, system, assets, brandKits },
    close: () => {
      if (gcTimer) clearTimeout(gcTimer);
      lib.close();
    },
  };
}

export type Atelier = ReturnType<typeof createAtelier>;
