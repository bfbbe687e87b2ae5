// Browser mode: the contract over a WebSocket to the local web host. The page hands its access
// token over in the handshake (a sub-protocol, see token.ts); no cookie carries it.
import { AtelierError } from '../../src-main/contract/errors';
import type { HostClient } from './client';
import { createListeners } from './listeners';
import { putUpload } from './put';
import { unwrap, type DispatchResultLike } from './result';

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface WebSocketHostOptions {
  url: string;
  /** Sub-protocols to offer (the token's among them). */
  protocols?: () => string[];
  /** Called when the connection drops or comes back, for the "reconnecting" banner. */
  onConnectionChange?: (connected: boolean) => void;
}

export function webSocketHost(options: WebSocketHostOptions): HostClient {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  const listeners = createListeners();

  function connect(): void {
    const ws = new WebSocket(options.url, options.protocols?.());
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      options.onConnectionChange?.(true);
      for (const message of queue.splice(0)) ws.send(message);
    };
    ws.onmessage = (event) => {
      let data: { id?: number; event?: string; payload?: unknown; events?: unknown } & DispatchResultLike;
      try {
        data = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (typeof data.event === 'string') {
        listeners.fire(data.event, data.payload);
        return;
      }
      // The events this window's own call caused come inside its answer (the host sends them to
      // no one else here): heard first, so the stores have the change before the call resolves.
      listeners.fireCaused(data.events);
      const waiting = typeof data.id === 'number' ? pending.get(data.id) : undefined;
      if (!waiting) return;
      pending.delete(data.id!);
      try {
        waiting.resolve(unwrap(data));
      } catch (error) {
        waiting.reject(error);
      }
    };
    ws.onclose = () => {
      options.onConnectionChange?.(false);
      // Calls in flight may or may not have run; say so rather than guess.
      for (const [id, waiting] of pending) {
        waiting.reject(new AtelierError('io_error', 'The connection to Atelier was lost.'));
        pending.delete(id);
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  }
  connect();

  return {
    kind: 'web',
    invoke(method, input) {
      const id = nextId++;
      const message = JSON.stringify({ id, method, input });
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        if (socket?.readyState === WebSocket.OPEN) socket.send(message);
        else queue.push(message);
      });
    },
    on(event, callback) {
      return listeners.on(event, callback as (payload: unknown) => void);
    },
    // Bytes do not travel in JSON: they go to the authenticated upload route (the token as a header).
    upload: putUpload,
  };
}
