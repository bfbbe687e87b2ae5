// The records of a write to posts, for the `posts.changed` event: the posts as they are after it (the
// calendar's shape, with their card thumbnails), the ones that went to the trash, which are due now,
// and the calendar's undo/redo. Every write path (calendar commands, the post service, the caption
// writer) emits through here, so every window applies the same change without asking again.
import type { EventPayload } from '../contract';
import type { PostChanges } from '../contract/api/calendar';
import type { PostRow } from '../db/repositories/posts';
import type { SchedulingRepository } from '../db/repositories/scheduling';
import { storedMessage } from './calendar-commands';
import { createCalendarReader } from './calendar-read';
import { createThumbnailPaths } from './design-thumbnails';
import type { EventBus } from './events';
import type { Library } from './library';

export function createPostChanges(lib: Library, repo: SchedulingRepository, events: EventBus) {
  const { hydrate } = createCalendarReader(lib, repo);
  const thumbnailsFor = createThumbnailPaths(lib);

  /** The change for posts `ids` as stored now; `added` names the ones this write created. */
  function changesOf(ids: readonly string[], added: ReadonlySet<string> = new Set()): EventPayload<'posts.changed'> {
    const unique = [...new Set(ids)];
    const rows = unique.map((id) => lib.posts.get(id)).filter((r): r is PostRow => r !== undefined);
    const live = rows.filter((r) => r.deleted_at === null);
    const posts = hydrate(live);
    const now = lib.clock.now();
    const undo = repo.lastDone();
    const redo = repo.firstUndone();
    const changes: PostChanges = {
      added: posts.filter((p) => added.has(p.id)),
      updated: posts.filter((p) => !added.has(p.id)),
      // In the trash, or gone altogether.
      removed: unique.filter((id) => !live.some((r) => r.id === id)),
      thumbnails: thumbnailsFor(posts),
      // As `calendar.due` answers: scheduled, and its time has come.
      due: live.filter((r) => r.status === 'scheduled' && r.scheduled_at !== null && r.scheduled_at <= now).map((r) => r.id),
      undo: { undo: undo ? storedMessage(undo.label, undo.message) : null, redo: redo ? storedMessage(redo.label, redo.message) : null },
    };
    return { ids: unique, clientIds: [...new Set(rows.map((r) => r.client_id))], changes };
  }

  return {
    changesOf,
    /** Emits `posts.changed` with the records of posts `ids` (nothing when there are none). */
    emit(ids: readonly string[], added?: ReadonlySet<string>): void {
      if (ids.length === 0) return;
      events.emit('posts.changed', changesOf(ids, added));
    },
  };
}

export type PostChangeEmitter = ReturnType<typeof createPostChanges>;
