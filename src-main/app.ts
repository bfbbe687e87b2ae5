// Composition root: one library, its services, the dispatcher and the event bus.
// Every host (Electron, web, CLI, tests) builds the app through here, so they all behave alike.
import { randomUUID } from 'node:crypto';
import type { In, Method, Out } from './contract';
import { fromWire } from './contract/errors';
import { systemClock, type Clock, type IdGenerator } from './core/ports';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { captionHandlers, createCaptionService } from './services/captions';
import { clientHandlers, createClientService } from './services/clients';
import { seedDemo } from './services/demo';
import { createEventBus } from './services/events';
import { openLibrary } from './services/library';
import { createPostService, postHandlers } from './services/posts';
import { createSpellService } from './services/spell';
import { createSystemService, systemHandlers } from './services/system';
import { APP_VERSION } from './version';

export type HostKind = 'electron' | 'web' | 'cli' | 'test';

export interface CreateAtelierOptions {
  dataDir: string;
  host: HostKind;
  clock?: Clock;
  ids?: IdGenerator;
  validateOutput?: boolean;
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
  const captions = createCaptionService(lib, events, posts);
  const spell = createSpellService();

  // One line per feature: each module maps its slice of the contract to its service.
  const handlers: Handlers = {
    ...systemHandlers({ system, info: () => ({ version: APP_VERSION, schemaVersion: lib.schemaVersion, dataDir: lib.paths.dataDir, host: options.host }), seedDemo: () => seedDemo(lib, clients, posts) }),
    ...clientHandlers(clients),
    ...postHandlers(posts),
    ...captionHandlers(captions, spell),
  };


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
    services: { clients, posts, system, captions, spell },
    close: () => {
      spell.close();
      lib.close();
    },
  };
}

export type Atelier = ReturnType<typeof createAtelier>;
