// Change events fan out from the services to every connected renderer (IPC, WebSocket).
//
// A host runs each call it receives inside `withCall(origin, …)`. Events the call emits while it runs
// are then told apart: listeners get the origin (so a host does not push them to the window that
// asked), and `withCall` hands them back with the answer (so that window gets them inside the one
// response frame). One user action is one request and one response for the window that made it, and
// one event for every other window. Events emitted after the call has answered (a background job it
// started, a timer created inside it) are plain broadcasts again.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventName, EventPayload } from '../contract';

export interface EmittedEvent {
  event: EventName;
  payload: unknown;
}

/** Where the event came from: the host's own token for the window whose call emitted it, if any. */
export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>, origin?: unknown) => void;

interface CallScope {
  readonly origin: unknown;
  readonly caused: EmittedEvent[];
  open: boolean;
}

const scope = new AsyncLocalStorage<CallScope>();

/**
 * Runs one call from `origin` (a socket, a window); resolves to its result and the events it emitted
 * while it ran, in order, for the host to send back with the answer.
 */
export async function withCall<T>(origin: unknown, work: () => Promise<T>): Promise<{ result: T; caused: EmittedEvent[] }> {
  const call: CallScope = { origin, caused: [], open: true };
  try {
    const result = await scope.run(call, work);
    return { result, caused: call.caused };
  } finally {
    call.open = false;
  }
}

export function createEventBus() {
  const listeners = new Set<EventListener>();
  return {
    emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
      const call = scope.getStore();
      const origin = call?.open ? call.origin : undefined;
      if (call?.open) call.caused.push({ event: name, payload });
      for (const listener of [...listeners]) {
        try {
          listener(name, payload, origin);
        } catch (error) {
          // One broken connection must not stop the others from hearing about the change.
          console.error(`[atelier] event listener for ${name} failed:`, error);
        }
      }
    },
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
