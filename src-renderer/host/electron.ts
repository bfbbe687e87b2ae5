import type { DispatchResultLike } from './result';
import { unwrap } from './result';
import { importAsBytes, type HostClient } from './client';

/** What the preload exposes as `window.atelier`. */
export interface AtelierBridge {
  invoke(method: string, input?: unknown): Promise<unknown>;
  on(event: string, callback: (payload: unknown) => void): () => void;
  version: string;
}

export function electronHost(bridge: AtelierBridge): HostClient {
  return {
    kind: 'electron',
    async invoke(method, input) {
      return unwrap((await bridge.invoke(method, input)) as DispatchResultLike) as never;
    },
    on(event, callback) {
      return bridge.on(event, callback as (payload: unknown) => void);
    },
    upload(file, meta) {
      return importAsBytes(this, file, meta);
    },
  };
}
