// The calendar: per-client views in each client's wall clock, the workflow with its history,
// private notes, the posting queue, moves and bulk shifts, recurring series, and undo/redo.
//
// Undo lives here, in the services, as a command log in SQLite (`calendar_ops`): every operation
// records each touched post's state before and after, in the same transaction as the change. So undo
// survives a reload or a crash, works the same from the CLI and every window, and never replays a
// stale renderer snapshot. An undo whose posts were changed since by something else is refused and
// dropped from the log rather than overwriting that change.
import type { CalendarClient, CalendarPost } from '../contract/api/calendar';
import { AtelierError } from '../contract/errors';
import type { NetworkId, PostStatus } from '../core/domain/posts';
import { message, type Message } from '../core/messages';
import { insertAndPush, nextFreeSlot, type QueueSlot } from '../core/schedule/queue';
import { expandRecurrence } from '../core/schedule/recurrence';
import { minuteToTime, moveToDay, shiftWallClock, timeToMinute } from '../core/schedule/wallclock';
import { approve, checkTransition, describeProblem } from '../core/schedule/workflow';
import { instantToWallClock, wallClockToInstant, type WallClockResolution } from '../core/time/zones';
import type { ClientRow } from '../db/repositories/clients';
import type { PostRow } from '../db/repositories/posts';
import { recordPermalinks } from '../db/repositories/insights';
import { createSchedulingRepository } from '../db/repositories/scheduling';
import { createCalendarCommands, sameState, stateOf, storedMessage, toJson, type Change } from './calendar-commands';
import { createCalendarReader, toCalendarClient } from './calendar-read';
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

  const { activeClient, hydrate, range } = createCalendarReader(lib, repo);
  const one = (id: string): CalendarPost => hydrate([lib.posts.get(id)!])[0]!;

  const { applyState, commit } = createCalendarCommands(lib, repo);

  const postChanges = createPostChanges(lib, repo, events);
  /** Every calendar write tells every window what it did, as records (see post-changes.ts). */
  function emitChanged(ids: readonly string[], added?: ReadonlySet<string>): void {
    postChanges.emit(ids, added);
  }

  function queueNetwork(row: PostRow, network: NetworkId | undefined): NetworkId {
    const networks = lib.posts.variants(row.id).map((v) => v.network as NetworkId);
    if (network) {
      if (!networks.includes(network)) {
        throw new AtelierError('invalid_input', `"${row.title}" has no ${network} version; add that network to the post first.`, { field: 'network' }, { key: 'calendar.noNetworkVersion', params: { title: row.title, network } });
      }
      return network;
    }
    if (networks.length === 0) throw new AtelierError('invalid_input', `"${row.title}" has no network yet: the queue is per network.`, { field: 'network' }, { key: 'calendar.noNetwork', params: { title: row.title } });
    return networks[0]!;
  }

  /** The post, its client, the queue network and that network's slots (which must exist). */
  function queueContext(id: string, network: NetworkId | undefined) {
    const row = requireMovable(id);
    const client = activeClient(row.client_id);
    const net = queueNetwork(row, network);
    const slots = slotsOf(client.id, net);
    if (slots.length === 0) throw new AtelierError('conflict', `${client.name} has no ${net} queue slots yet: add some first.`, { field: 'network' }, { key: 'calendar.noSlots', params: { client: client.name, network: net } });
    return { row, client, net, slots };
  }

  function slotsOf(clientId: string, network: string): QueueSlot[] {
    return repo
      .slots(clientId)
      .filter((s) => s.network === network)
      .map((s) => ({ weekday: s.weekday, minuteOfDay: s.minute_of_day }));
  }

  /** After the queue gives a post a time, it becomes scheduled when the workflow allows. */
  function queuedStatus(row: PostRow, client: ClientRow): string {
    return checkTransition(row.status as PostStatus, 'scheduled', { approvalMode: client.approval_mode, hasTime: true }).ok ? 'scheduled' : row.status;
  }

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

    slots: {
      list(clientId: string) {
        activeClient(clientId);
        return repo.slots(clientId).map((s) => ({ id: s.id, clientId, network: s.network as NetworkId, weekday: s.weekday, time: minuteToTime(s.minute_of_day) }));
      },
      add(input: { clientId: string; network: NetworkId; weekday: number; time: string }) {
        const id = lib.write(() => {
          activeClient(input.clientId);
          const minute = timeToMinute(input.time)!;
          const clash = repo.slots(input.clientId).find((s) => s.network === input.network && s.weekday === input.weekday && s.minute_of_day === minute);
          if (clash) throw new AtelierError('conflict', `There is already a ${input.network} slot on that day at ${input.time}.`, { field: 'time' }, { key: 'calendar.slotClash', params: { network: input.network, time: input.time } });
          const row = { id: lib.ids(), client_id: input.clientId, network: input.network, weekday: input.weekday, minute_of_day: minute };
          repo.addSlot(row);
          return row.id;
        });
        return { id, clientId: input.clientId, network: input.network, weekday: input.weekday, time: input.time };
      },
      remove(id: string) {
        lib.write(() => {
          if (!repo.slot(id)) throw new AtelierError('not_found', `No queue slot with id ${id}.`, { id }, { key: 'calendar.slotNotFound' });
          repo.deleteSlot(id);
        });
        return { id };
      },
    },

    addToQueue(id: string, network?: NetworkId): { post: CalendarPost; resolution: WallClockResolution } {
      const resolution = lib.write(() => {
        const { row, client, net, slots } = queueContext(id, network);
        const taken = repo.networkTimes(client.id, net).filter((p) => p.id !== id).map((p) => p.scheduled_at);
        const slot = nextFreeSlot(slots, client.time_zone, lib.clock.now(), taken);
        if (!slot) throw new AtelierError('conflict', `The ${net} queue of ${client.name} is full for the coming year.`, { field: 'network' }, { key: 'calendar.queueFull', params: { network: net, client: client.name } });
        commit('queue', message('undo.queue', { title: row.title }, `Add "${row.title}" to the queue`), [
          { postId: id, before: stateOf(row), after: { ...stateOf(row), scheduled_at: slot.instantMs, status: queuedStatus(row, client) } },
        ]);
        return slot.resolution;
      });
      emitChanged([id]);
      return { post: one(id), resolution };
    },

    insertAndPush(id: string, at: string, network?: NetworkId): { posts: CalendarPost[] } {
      const ids = lib.write(() => {
        const { row, client, net, slots } = queueContext(id, network);
        const atMs = wallClockToInstant(at, client.time_zone);
        if (!atMs) throw new AtelierError('invalid_input', `${at} is not a real date and time.`, { field: 'at' }, { key: 'posts.notRealTime', params: { value: at } });
        const existing = repo
          .networkTimes(client.id, net)
          .filter((p) => p.scheduled_at >= atMs.instantMs && lib.posts.get(p.id)?.status !== 'published')
          .map((p) => ({ id: p.id, instantMs: p.scheduled_at }));
        const moves = insertAndPush(slots, client.time_zone, atMs.instantMs, { id, instantMs: row.scheduled_at }, existing);
        if (!moves) throw new AtelierError('conflict', `The ${net} queue of ${client.name} is full for the coming year.`, { field: 'network' }, { key: 'calendar.queueFull', params: { network: net, client: client.name } });
        const changes: Change[] = moves.map((m) => {
          const r = lib.posts.get(m.postId)!;
          return { postId: m.postId, before: stateOf(r), after: { ...stateOf(r), scheduled_at: m.toMs, status: m.postId === id ? queuedStatus(r, client) : r.status } };
        });
        commit('queue', message('undo.insertAndPush', { title: row.title, count: moves.length - 1 }, `Insert "${row.title}" and push ${moves.length - 1} post(s)`), changes);
        return moves.map((m) => m.postId);
      });
      emitChanged(ids);
      return { posts: hydrate(ids.map((i) => lib.posts.get(i)!)) };
    },

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

    /**
     * Repeats a post by an RRULE from its own date and time. The post is the first occurrence; each
     * other occurrence is a real post (so due reminders, exports and edits just work). Running it
     * again on a series member replaces the occurrences that were not edited one by one.
     */
    repeat(id: string, spec: { rule: string; count?: number; until?: string }) {
      const created = lib.write(() => {
        const row = requireMovable(id);
        const client = activeClient(row.client_id);
        if (row.scheduled_at === null) throw new AtelierError('invalid_input', `Give "${row.title}" a date and time before repeating it.`, { field: 'id' }, { key: 'calendar.repeatNeedsTime', params: { title: row.title } });
        const existing = repo.schedule(id);
        const series = existing?.series_id ? repo.series(existing.series_id) : undefined;
        const start = series?.start_local ?? instantToWallClock(row.scheduled_at, client.time_zone);
        const expanded = expandRecurrence({ rule: spec.rule, start, count: spec.count, until: spec.until }, client.time_zone);
        if (!expanded.ok) throw AtelierError.fromMessage('invalid_input', expanded.problem, { field: 'rule' });
        const now = lib.clock.now();
        const seriesId = series?.id ?? lib.ids();
        if (!series) {
          repo.addSeries({ id: seriesId, client_id: client.id, rule: spec.rule, start_local: start, count: spec.count ?? null, until_date: spec.until ?? null, created_at: now, updated_at: now });
          repo.patchSchedule(id, { series_id: seriesId, occurrence_key: start, detached: 1 });
        } else {
          lib.db
            .prepare('UPDATE post_series SET rule = ?, count = ?, until_date = ?, updated_at = ? WHERE id = ?')
            .run(spec.rule, spec.count ?? null, spec.until ?? null, now, seriesId);
        }
        const members = repo.seriesPosts(seriesId);
        const kept = new Set(members.filter((m) => m.detached === 1 && lib.posts.get(m.post_id)?.deleted_at === null).map((m) => m.occurrence_key));
        const changes: Change[] = [];
        // Occurrences nobody edited are replaced by the new rule's.
        for (const m of members) {
          const r = lib.posts.get(m.post_id);
          if (m.detached === 0 && r && r.deleted_at === null) changes.push({ postId: r.id, before: stateOf(r), after: { ...stateOf(r), deleted_at: now } });
        }
        const template = lib.posts.get(id)!;
        const variants = lib.posts.variants(id);
        const createdIds: string[] = [];
        for (const occurrence of expanded.occurrences) {
          if (kept.has(occurrence.key)) continue;
          const postId = lib.ids();
          lib.posts.insert({ ...template, id: postId, scheduled_at: occurrence.instantMs, notes: '', created_at: now, updated_at: now, deleted_at: null });
          for (const v of variants) lib.posts.insertVariant({ ...v, id: lib.ids(), post_id: postId, created_at: now, updated_at: now });
          repo.patchSchedule(postId, { series_id: seriesId, occurrence_key: occurrence.key, detached: 0, link: repo.schedule(id)?.link ?? '' });
          // Undo of a repeat takes the new occurrences away again.
          changes.push({ postId, before: { ...stateOf(template), scheduled_at: occurrence.instantMs, deleted_at: now }, after: { ...stateOf(template), scheduled_at: occurrence.instantMs, deleted_at: null } });
          createdIds.push(postId);
        }
        for (const c of changes) if (c.after.deleted_at !== null) applyState(lib.posts.get(c.postId)!, c.after, 'user');
        if (changes.length) {
          const label = message('undo.repeat', { title: row.title }, `Repeat "${row.title}"`);
          repo.pushOp({ kind: 'repeat', label: label.text, message: toJson(label), changes: JSON.stringify(changes), created_at: now });
        }
        return { seriesId, ids: createdIds };
      });
      emitChanged([id, ...created.ids], new Set(created.ids));
      return { seriesId: created.seriesId, posts: hydrate([id, ...created.ids].map((i) => lib.posts.get(i)!)) };
    },

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
    repo,
  };
  return service;
}

export type CalendarService = ReturnType<typeof createCalendarService>;
