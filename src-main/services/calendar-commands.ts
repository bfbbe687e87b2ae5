// The one write path for what the calendar's history records about a post: its time, its status and
// whether it is in the trash. The calendar's own commands (move, shift, queue, status, delete, repeat)
// and the post service (create, and every posts.update that changes time or status — the composer's
// Save) all commit through here, so each such change is checked by the same workflow, recorded in
// the status history, undoable as one step, and detaches an occurrence from its series.
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

export function createCalendarCommands(lib: Library, repo: SchedulingRepository) {
  /** Writes a post's state, with a history entry when its status changes. */
  function applyState(row: PostRow, state: PostState, source: Source, note = ''): void {
    const now = lib.clock.now();
    // `update` skips undefined only, so a null time really unschedules.
    lib.posts.update(row.id, { scheduled_at: state.scheduled_at, status: state.status }, now);
    if (state.deleted_at !== row.deleted_at) lib.posts.setDeleted(row.id, state.deleted_at, now);
    if (state.status !== row.status) {
      repo.addHistory({ post_id: row.id, from_status: row.status, to_status: state.status, source, note, at: now });
    }
  }

  /**
   * Applies changes as one user operation (call inside `lib.write`): written, recorded for undo,
   * per-occurrence edits detached from their series. Changes that change nothing are dropped; an
   * operation with none is not recorded.
   */
  function commit(kind: string, label: string, changes: readonly Change[], note = ''): void {
    const real = changes.filter((c) => !sameState(c.before, c.after));
    for (const change of real) {
      const row = lib.posts.get(change.postId)!;
      applyState(row, change.after, 'user', note);
      const schedule = repo.schedule(change.postId);
      if (schedule?.series_id && change.after.deleted_at === null) repo.patchSchedule(change.postId, { detached: 1 });
    }
    if (real.length > 0) {
      repo.pushOp({ kind, label, changes: JSON.stringify(real), created_at: lib.clock.now() });
    }
  }

  return { applyState, commit };
}

export type CalendarCommands = ReturnType<typeof createCalendarCommands>;
