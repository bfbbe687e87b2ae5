import type { Atelier } from '../../src-main/app';
import type { EventName } from '../../src-main/contract';
import { importAsBytes, type HostClient } from '../../src-renderer/host/client';
import { unwrap } from '../../src-renderer/host/result';

/** A HostClient that calls a real Atelier's dispatcher in-process, as the IPC and WebSocket hosts do. */
export function inProcessHost(atelier: Atelier): HostClient {
  return {
    kind: 'memory',
    upload(file, meta) {
      return importAsBytes(this, file, meta);
    },
    invoke: async (method, input) => unwrap(await atelier.dispatch(method, input)) as never,
    on: (event, callback) => atelier.events.subscribe((name: EventName, payload) => name === event && callback(payload as never)),
  };
}
