// Event listeners of a host client, by event name. Both adapters use it: events pushed by the host
// (to every other window) and the events a window's own call caused, which come inside that call's
// answer and are heard before the call resolves, so the stores have the change when it returns.

export interface Listeners {
  on(event: string, callback: (payload: unknown) => void): () => void;
  fire(event: string, payload: unknown): void;
  /** Fires the `events` an answer carries (`[{ event, payload }]`); anything else is ignored. */
  fireCaused(events: unknown): void;
}

export function createListeners(): Listeners {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  function fire(event: string, payload: unknown): void {
    for (const cb of [...(listeners.get(event) ?? [])]) {
      try {
        cb(payload);
      } catch (error) {
        // One broken listener must not keep the others, or the call's answer, from arriving.
        console.error(`[atelier] ${event} listener failed:`, error);
      }
    }
  }
  return {
    on(event, callback) {
      const set = listeners.get(event) ?? new Set();
      set.add(callback);
      listeners.set(event, set);
      return () => set.delete(callback);
    },
    fire,
    fireCaused(events) {
      if (!Array.isArray(events)) return;
      for (const caused of events as { event?: unknown; payload?: unknown }[]) {
        if (typeof caused?.event === 'string') fire(caused.event, caused.payload);
      }
    },
  };
}
