// The one write path for what the calendar's history records about a post: its time, its status and
// whether it is in the trash. The calendar's own commands (move, shift, queue, status, delete, repeat)
// and the post service (create, and every posts.update that changes time or status — the composer's
// Save) all commit through here, so each such change is checked by the same workflow, recorded in
// the status history, undoable as one step, and detaches an occurrence from its series.
import { message, type Message } from '../core/messages';
import type { PostRow } from '../db/repositories/posts';
import type { SchedulingRepository, StatusHistoryRow } from '../db/repositories/scheduling';
import type { Library } from './library';

export interface PostState {
  scheduled_at: number | null;
  status: string;
  deleted_at: number | null;
}

export interface Change {
  postId: string;
  before: PostState;
  after: PostState;
}

export type Source = StatusHistoryRow['source'];

export const sameState = (a: PostState, b: PostState) => a.scheduled_at === b.scheduled_at && a.status === b.status && a.deleted_at === b.deleted_at;
export const stateOf = (row: PostRow): PostState => ({ scheduled_at: row.scheduled_at, status: row.status, deleted_at: row.deleted_at });

/** A stored `{ key, params }` beside an English text, back as a Message (rows older than v8 have the text only). */
export function storedMessage(text: string, json: string | null): Message {
  if (json) {
    try {
      const { key, params } = JSON.parse(json) as { key: string; params?: Message['params'] };
      return message(key, params, text);
    } catch {
      // fall through: the English text alone
    }
  }
  return message('legacy', { text }, text);
}

/** A Message as stored beside its English text: the key and params only. */
export const toJson = (m: Message) => JSON.stringify(m.params === undefined ? { key: m.key } : { key: m.key, params: m.params });

export function createCalendarCommands(lib: Library, repo: SchedulingRepository) {
  /**
   * Writes a post's state, with a history entry when its status changes. A note is the user's own
   * text, or a Message when the service writes it (kept translatable).
   */
  function applyState(row: PostRow, state: PostState, source: Source, note: string | Message = ''): void {
    const now = lib.clock.now();
    // `update` skips undefined only, so a null time really unschedules.
    lib.posts.update(row.id, { scheduled_at: state.scheduled_at, status: state.status }, now);
    if (state.deleted_at !== row.deleted_at) lib.posts.setDeleted(row.id, state.deleted_at, now);
    if (state.status !== row.status) {
      const text = typeof note === 'string' ? note : note.text;
      repo.addHistory({ post_id: row.id, from_status: row.status, to_status: state.status, source, note: text.slice(0, 2000), message: typeof note === 'string' ? null : toJson(note), at: now });
    }
  }

  /**
   * Applies changes as one user operation (call inside `lib.write`): written, recorded for undo,
   * per-occurrence edits detached from their series. Changes that change nothing are dropped; an
   * operation with none is not recorded. The label (shown beside Undo/Redo) is a Message, so the
   * studio shows it in its language.
   */
  function commit(kind: string, label: Message, changes: readonly Change[], note: string | Message = ''): void {
    const real = changes.filter((c) => !sameState(c.before, c.after));
    for (const change of real) {
      const row = lib.posts.get(change.postId)!;
      applyState(row, change.after, 'user', note);
      const schedule = repo.schedule(change.postId);
      if (schedule?.series_id && change.after.deleted_at === null) repo.patchSchedule(change.postId, { detached: 1 });
    }
    if (real.length > 0) {
      repo.pushOp({ kind, label: label.text, message: toJson(label), changes: JSON.stringify(real), created_at: lib.clock.now() });
    }
  }

  return { applyState, commit };
}

export type CalendarCommands = ReturnType<typeof createCalendarCommands>;
