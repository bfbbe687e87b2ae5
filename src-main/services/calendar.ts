// The calendar: per-client views in each client's wall clock, the workflow with its history,
// private notes, moves and bulk shifts, and undo/redo. The posting queue is calendar-queue.ts,
// recurring series calendar-series.ts; they share calendar-context.ts.
//
// Undo lives here, in the services, as a command log in SQLite (`calendar_ops`): every operation
// records each touched post's state before and after, in the same transaction as the change. So undo
// survives a reload or a crash, works the same from the CLI and every window, and never replays a
// stale renderer snapshot. An undo whose posts were changed since by something else is refused and
// dropped from the log rather than overwriting that change.
import type { CalendarClient, CalendarPost } from '../contract/api/calendar';
import { AtelierError } from '../contract/errors';
import type { PostStatus } from '../core/domain/posts';
import { message, type Message } from '../core/messages';
import { moveToDay, shiftWallClock } from '../core/schedule/wallclock';
import { approve, checkTransition, describeProblem } from '../core/schedule/workflow';
import { instantToWallClock, wallClockToInstant, type WallClockResolution } from '../core/time/zones';
import type { PostRow } from '../db/repositories/posts';
import { recordPermalinks } from '../db/repositories/insights';
import { createSchedulingRepository, type PackDecisionRow } from '../db/repositories/scheduling';
import { createCalendarCommands, sameState, stateOf, storedMessage, toJson, type Change } from './calendar-commands';
import type { CalendarContext } from './calendar-context';
import { createCalendarQueue } from './calendar-queue';
import { createCalendarReader, toCalendarClient } from './calendar-read';
import { createCalendarSeries } from './calendar-series';
import { iso } from './convert';
import type { EventBus } from './events';
import { createPostChanges } from './post-changes';
import type { Library } from './library';

/** Where an unscheduled draft lands when it is dropped on a day. */
export const DEFAULT_DROP_TIME = '09:00';

export function createCalendarService(lib: Library, events: EventBus) {
  const repo = createSchedulingRepository(lib.db);
  let missedAtStart: string[] = [];

  function requirePost(id: string): PostRow {
    const row = lib.posts.get(id);
    if (!row || row.deleted_at !== null) throw new AtelierError('not_found', `No post with id ${id}.`, { id }, { key: 'posts.notFound' });
    return row;
  }
  function requireMovable(id: string): PostRow {
    const row = requirePost(id);
    if (row.status === 'published') throw new AtelierError('conflict', `"${row.title}" is already published; it cannot move.`, { id }, { key: 'calendar.publishedCannotMove', params: { title: row.title } });
    return row;
  }

  const { activeClient, hydrate, range, grid } = createCalendarReader(lib, repo);
  const one = (id: string): CalendarPost => hydrate([lib.posts.get(id)!])[0]!;

  const { applyState, commit } = createCalendarCommands(lib, repo);

  const postChanges = createPostChanges(lib, repo, events);
  /** Every calendar write tells every window what it did, as records (see post-changes.ts). */
  function emitChanged(ids: readonly string[], added?: ReadonlySet<string>): void {
    postChanges.emit(ids, added);
  }

  const context: CalendarContext = { lib, repo, events, requirePost, requireMovable, activeClient, hydrate, one, commit, applyState, emitChanged };
  const queue = createCalendarQueue(context);
  const series = createCalendarSeries(context);

  function applyOp(direction: 'undo' | 'redo'): { label: Message | null; postIds: string[] } {
    const outcome = lib.write(() => {
      const op = direction === 'undo' ? repo.lastDone() : repo.firstUndone();
      if (!op) return { label: null, postIds: [] as string[], stale: [] as string[] };
      const label = storedMessage(op.label, op.message);
      const changes = JSON.parse(op.changes) as Change[];
      const stale = changes.filter((c) => {
        const row = lib.posts.get(c.postId);
        return !row || !sameState(stateOf(row), direction === 'undo' ? c.after : c.before);
      });
      if (stale.length > 0) {
        repo.deleteOp(op.seq);
        return { label, postIds: [] as string[], stale: stale.map((c) => lib.posts.get(c.postId)?.title ?? c.postId) };
      }
      for (const c of changes) applyState(lib.posts.get(c.postId)!, direction === 'undo' ? c.before : c.after, direction);
      repo.setOpState(op.seq, direction === 'undo' ? 'undone' : 'done');
      return { label, postIds: changes.map((c) => c.postId), stale: [] as string[] };
    });
    if (outcome.stale.length > 0) {
      // The step left the history: windows learn the new undo/redo with the refusal.
      events.emit('posts.changed', postChanges.changesOf([]));
      const posts = outcome.stale.map((title) => `“${title}”`).join(', ');
      throw new AtelierError(
        'conflict',
        `Cannot ${direction} "${outcome.label?.text}": ${outcome.stale.join(', ')} changed since. That step was dropped from the history.`,
        { posts: outcome.stale },
        { key: direction === 'undo' ? 'calendar.undoStale' : 'calendar.redoStale', params: { posts } },
      );
    }
    emitChanged(outcome.postIds);
    return { label: outcome.label, postIds: outcome.postIds };
  }

  const service = {
    range,
    grid,
    /** One post, whole (calendar.post: the post a window opens from the grid). */
    post: (id: string): CalendarPost => hydrate([requirePost(id)])[0]!,

    setApprovalMode(clientId: string, mode: 'none' | 'required'): CalendarClient {
      const row = lib.write(() => {
        activeClient(clientId);
        lib.clients.update(clientId, { approval_mode: mode }, lib.clock.now());
        return activeClient(clientId);
      });
      events.emit('clients.changed', { ids: [clientId] });
      return toCalendarClient(row);
    },

    /** Moves a post along the workflow. Approving a post that is already approved, scheduled or published changes nothing. */
    setStatus(id: string, wanted: PostStatus, note: string | Message = ''): CalendarPost {
      lib.write(() => {
        const row = requirePost(id);
        const client = activeClient(row.client_id);
        const from = row.status as PostStatus;
        const status = wanted === 'approved' ? approve(from) : wanted;
        if (wanted === 'approved' && status === from) return;
        const check = checkTransition(from, status, { approvalMode: client.approval_mode, hasTime: row.scheduled_at !== null });
        if (!check.ok) throw AtelierError.fromMessage('conflict', describeProblem(check.problem, row.title, from, status), { field: 'status', problem: check.problem });
        const label = message('undo.status', { title: row.title, fromStatus: from, toStatus: status }, `${row.title}: ${from} → ${status}`);
        commit('status', label, [{ postId: id, before: stateOf(row), after: { ...stateOf(row), status } }], note);
      });
      emitChanged([id]);
      return one(id);
    },

    statusHistory(id: string) {
      if (!lib.posts.get(id)) throw new AtelierError('not_found', `No post with id ${id}.`, { id }, { key: 'posts.notFound' });
      return repo.history(id).map((h) => ({
        from: h.from_status as PostStatus | null,
        to: h.to_status as PostStatus,
        source: h.source,
        note: h.note,
        message: h.message ? storedMessage(h.note, h.message) : null,
        at: iso(h.at),
      }));
    },

    notes: {
      list(postId: string) {
        requirePost(postId);
        return repo.notes(postId).map((n) => ({ id: n.id, postId: n.post_id, body: n.body, message: n.message ? storedMessage(n.body, n.message) : null, createdAt: iso(n.created_at) }));
      },
      /** A private note: the user's text, or a Message a service writes (kept translatable). */
      add(postId: string, body: string | Message) {
        const row = lib.write(() => {
          requirePost(postId);
          const text = (typeof body === 'string' ? body : body.text).trim().slice(0, 20_000);
          const note = { id: lib.ids(), post_id: postId, body: text, message: typeof body === 'string' ? null : toJson(body), created_at: lib.clock.now() };
          repo.addNote(note);
          return note;
        });
        return { id: row.id, postId, body: row.body, message: row.message ? storedMessage(row.body, row.message) : null, createdAt: iso(row.created_at) };
      },
      remove(id: string) {
        lib.write(() => {
          if (!repo.note(id)) throw new AtelierError('not_found', `No note with id ${id}.`, { id }, { key: 'calendar.noteNotFound' });
          repo.deleteNote(id);
        });
        return { id };
      },
    },

    slots: queue.slots,
    addToQueue: queue.addToQueue,
    insertAndPush: queue.insertAndPush,

    move(id: string, target: { date?: string; at?: string }): { post: CalendarPost; resolution: WallClockResolution } {
      const resolution = lib.write(() => {
        const row = requireMovable(id);
        const client = activeClient(row.client_id);
        let resolved;
        if (target.at) resolved = wallClockToInstant(target.at, client.time_zone);
        else if (row.scheduled_at === null) resolved = wallClockToInstant(`${target.date}T${DEFAULT_DROP_TIME}`, client.time_zone);
        else resolved = moveToDay(row.scheduled_at, client.time_zone, target.date!);
        if (!resolved) {
          const value = target.at ?? target.date ?? '';
          throw new AtelierError('invalid_input', `${value} is not a real date.`, { field: target.at ? 'at' : 'date' }, { key: 'calendar.notRealDate', params: { value } });
        }
        const local = instantToWallClock(resolved.instantMs, client.time_zone);
        commit('move', message('undo.move', { title: row.title, whenLocal: local }, `Move "${row.title}" to ${local.replace('T', ' ')}`), [{ postId: id, before: stateOf(row), after: { ...stateOf(row), scheduled_at: resolved.instantMs } }]);
        return resolved.resolution;
      });
      emitChanged([id]);
      return { post: one(id), resolution };
    },

    shift(ids: readonly string[], days: number, minutes = 0) {
      const adjusted: { id: string; local: string; resolution: WallClockResolution }[] = [];
      const unique = [...new Set(ids)];
      lib.write(() => {
        const changes: Change[] = unique.map((id) => {
          const row = requireMovable(id);
          if (row.scheduled_at === null) throw new AtelierError('invalid_input', `"${row.title}" has no date to shift.`, { id }, { key: 'calendar.noDateToShift', params: { title: row.title } });
          const zone = activeClient(row.client_id).time_zone;
          const moved = shiftWallClock(row.scheduled_at, zone, { days, minutes });
          if (moved.resolution !== 'exact') adjusted.push({ id, local: moved.local, resolution: moved.resolution });
          return { postId: id, before: stateOf(row), after: { ...stateOf(row), scheduled_at: moved.instantMs } };
        });
        const amount = [days ? `${days} day(s)` : '', minutes ? `${minutes} min` : ''].filter(Boolean).join(' ') || '0';
        const key = minutes ? (days ? 'undo.shiftDaysMinutes' : 'undo.shiftMinutes') : 'undo.shiftDays';
        commit('shift', message(key, { count: unique.length, days, minutes }, `Shift ${unique.length} post(s) by ${amount}`), changes);
      });
      emitChanged(unique);
      return { posts: hydrate(unique.map((i) => lib.posts.get(i)!)), adjusted };
    },

    remove(ids: readonly string[]): { count: number } {
      const unique = [...new Set(ids)];
      lib.write(() => {
        const now = lib.clock.now();
        const changes = unique.map((id) => {
          const row = requirePost(id);
          return { postId: id, before: stateOf(row), after: { ...stateOf(row), deleted_at: now } };
        });
        const title = lib.posts.get(unique[0]!)!.title;
        commit('delete', unique.length === 1 ? message('undo.deleteOne', { title }, `Delete "${title}"`) : message('undo.deleteMany', { count: unique.length }, `Delete ${unique.length} posts`), changes);
      });
      emitChanged(unique);
      return { count: unique.length };
    },

    undo: () => applyOp('undo'),
    redo: () => applyOp('redo'),
    undoState(): { undo: Message | null; redo: Message | null } {
      const undo = repo.lastDone();
      const redo = repo.firstUndone();
      return { undo: undo ? storedMessage(undo.label, undo.message) : null, redo: redo ? storedMessage(redo.label, redo.message) : null };
    },

    due(): CalendarPost[] {
      return hydrate(lib.posts.list({ statuses: ['scheduled'], toMs: lib.clock.now() + 1 }));
    },

    missed(): CalendarPost[] {
      return hydrate(missedAtStart.map((id) => lib.posts.get(id)).filter((r): r is PostRow => r !== undefined && r.status === 'missed' && r.deleted_at === null));
    },

    /** At start: scheduled posts whose time passed (more than `graceMs` ago) while the app was closed become missed. */
    markMissedAtStart(graceMs: number): string[] {
      const ids = lib.write(() => {
        const overdue = repo.overdue(lib.clock.now() - graceMs);
        for (const p of overdue) {
          const row = lib.posts.get(p.id)!;
          applyState(row, { ...stateOf(row), status: 'missed' }, 'scheduler', message('history.missedWhileClosed', undefined, 'Its time passed while Atelier was closed.'));
        }
        return overdue.map((p) => p.id);
      });
      missedAtStart = ids;
      emitChanged(ids);
      return ids;
    },

    markPublished(id: string, url?: string, permalinks: readonly { network: string; url: string }[] = []): CalendarPost {
      lib.write(() => {
        const row = requirePost(id);
        const check = checkTransition(row.status as PostStatus, 'published', { approvalMode: 'none', hasTime: row.scheduled_at !== null });
        if (!check.ok) throw AtelierError.fromMessage('conflict', describeProblem(check.problem, row.title, row.status as PostStatus, 'published'), { field: 'status' });
        const first = url ?? permalinks[0]?.url ?? '';
        commit('status', message('undo.publish', { title: row.title }, `Publish "${row.title}"`), [{ postId: id, before: stateOf(row), after: { ...stateOf(row), status: 'published' } }], first);
        repo.patchSchedule(id, { published_url: first });
        // Insights find this post in the networks' exports by these links.
        recordPermalinks(lib.db, id, url ? [...permalinks, { network: null, url }] : permalinks, lib.clock.now());
      });
      emitChanged([id]);
      return one(id);
    },

    repeat: series.repeat,

    /** Marks due posts as notified and returns them, once each (the scheduler emits `post.due`). */
    takeDue(): { ids: string[]; clientIds: string[] } {
      return lib.write(() => {
        const due = repo.dueUnnotified(lib.clock.now());
        for (const p of due) repo.patchSchedule(p.id, { due_notified_at: lib.clock.now() });
        return { ids: due.map((p) => p.id), clientIds: [...new Set(due.map((p) => p.client_id))] };
      });
    },
    nextScheduledAfter: (ms: number) => repo.nextScheduledAfter(ms),
    hydrate,
    /**
     * For writers that add posts in their own transaction (CSV import, a client's pack decisions):
     * the scheduling records that go with them. They emit their own change events.
     */
    records: {
      setLink: (postId: string, link: string) => repo.patchSchedule(postId, { link }),
      imported: (postId: string, status: PostRow['status'], at: number) => repo.addHistory({ post_id: postId, from_status: null, to_status: status, source: 'import', note: '', at }),
      latestDecision: (postId: string) => repo.latestDecision(postId),
      addDecision: (row: PackDecisionRow) => repo.addDecision(row),
    },
  };
  return service;
}

export type CalendarService = ReturnType<typeof createCalendarService>;
