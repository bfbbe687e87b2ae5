import type { DispatchResultLike } from './result';
import { unwrap } from './result';
import { importAsBytes, type HostClient } from './client';
import { createListeners } from './listeners';

/** What the preload exposes as `window.atelier`. */
export interface AtelierBridge {
  invoke(method: string, input?: unknown): Promise<unknown>;
  on(event: string, callback: (payload: unknown) => void): () => void;
  version: string;
}

/**
 * The desktop app's host client. As in browser mode, the main process sends the events a window's
 * own call caused inside the call's answer (and pushes them to the other windows only): this window
 * hears them once, before the call resolves.
 */
export function electronHost(bridge: AtelierBridge): HostClient {
  const listeners = createListeners();
  return {
    kind: 'electron',
    async invoke(method, input) {
      const answer = (await bridge.invoke(method, input)) as DispatchResultLike & { events?: unknown };
      listeners.fireCaused(answer?.events);
      return unwrap(answer) as never;
    },
    on(event, callback) {
      const local = listeners.on(event, callback as (payload: unknown) => void);
      const pushed = bridge.on(event, callback as (payload: unknown) => void);
      return () => {
        local();
        pushed();
      };
    },
    upload(file, meta) {
      return importAsBytes(this, file, meta);
    },
  };
}
