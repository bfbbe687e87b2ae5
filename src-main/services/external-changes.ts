// Another process (the CLI, a second window) may write to the same library. SQLite's
// `PRAGMA data_version` changes only when *another* connection commits, so polling it is a cheap
// way to tell open windows to reload — this is how a client added with `atelier clients add`
// shows up in a running studio.
import type { EventBus } from './events';
import type { Library } from './library';

export function watchExternalChanges(lib: Library, events: EventBus, intervalMs = 1000): () => void {
  const read = lib.db.prepare<[], { data_version: number }>('PRAGMA data_version');
  let last = read.get()!.data_version;
  const timer = setInterval(() => {
    let current: number;
    try {
      current = read.get()!.data_version;
    } catch {
      return; // closed or busy: try again on the next tick
    }
    if (current !== last) {
      last = current;
      events.emit('clients.changed', { ids: [] });
      events.emit('posts.changed', { ids: [], clientIds: [] });
    }
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
