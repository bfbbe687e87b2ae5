// Change events fan out from the services to every connected renderer (IPC, WebSocket).
import type { EventName, EventPayload } from '../contract';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export function createEventBus() {
  const listeners = new Set<EventListener>();
  return {
    emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
      for (const listener of [...listeners]) {
        try {
          listener(name, payload);
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
