// Scheduling rows: status history, private notes, queue slots, recurring series, per-post schedule
// facts and the calendar's undo log.
import type { Db } from '../open';

export interface StatusHistoryRow {
  id: number;
  post_id: string;
  from_status: string | null;
  to_status: string;
  source: 'user' | 'scheduler' | 'undo' | 'redo' | 'import';
  note: string;
  /** JSON `{ key, params }` of a note a service wrote, so it can be shown translated; NULL for the user's own. */
  message: string | null;
  at: number;
}

export interface NoteRow {
  id: string;
  post_id: string;
  body: string;
  /** JSON `{ key, params }` when a service wrote the note (a client's decision); NULL for the user's own. */
  message: string | null;
  created_at: number;
}

export interface SlotRow {
  id: string;
  client_id: string;
  network: string;
  weekday: number;
  minute_of_day: number;
}

export interface SeriesRow {
  id: string;
  client_id: string;
  rule: string;
  start_local: string;
  count: number | null;
  until_date: string | null;
  created_at: number;
  updated_at: number;
}

export interface ScheduleRow {
  post_id: string;
  series_id: string | null;
  occurrence_key: string | null;
  detached: 0 | 1;
  link: string;
  published_url: string;
  due_notified_at: number | null;
}

export interface OpRow {
  seq: number;
  kind: string;
  label: string;
  /** JSON `{ key, params }` of the label, so undo/redo can say what they do in the user's language. */
  message: string | null;
  changes: string;
  state: 'done' | 'undone';
  created_at: number;
}

export interface PackDecisionRow {
  post_id: string;
  client_id: string;
  decided_at: number;
  decision: 'approve' | 'changes_requested';
  applied_at: number;
}

/** How many operations the undo log keeps. */
export const UNDO_DEPTH = 200;

export function createSchedulingRepository(db: Db) {
  const s = {
    addHistory: db.prepare<Omit<StatusHistoryRow, 'id'>>(
      'INSERT INTO post_status_history (post_id, from_status, to_status, source, note, message, at) VALUES (@post_id, @from_status, @to_status, @source, @note, @message, @at)',
    ),
    history: db.prepare<[string], StatusHistoryRow>('SELECT * FROM post_status_history WHERE post_id = ? ORDER BY at, id'),
    addNote: db.prepare<NoteRow>('INSERT INTO post_notes (id, post_id, body, message, created_at) VALUES (@id, @post_id, @body, @message, @created_at)'),
    notes: db.prepare<[string], NoteRow>('SELECT * FROM post_notes WHERE post_id = ? ORDER BY created_at, id'),
    note: db.prepare<[string], NoteRow>('SELECT * FROM post_notes WHERE id = ?'),
    deleteNote: db.prepare<[string]>('DELETE FROM post_notes WHERE id = ?'),
    addSlot: db.prepare<SlotRow>(
      'INSERT INTO queue_slots (id, client_id, network, weekday, minute_of_day) VALUES (@id, @client_id, @network, @weekday, @minute_of_day)',
    ),
    slots: db.prepare<[string], SlotRow>('SELECT * FROM queue_slots WHERE client_id = ? ORDER BY network, weekday, minute_of_day'),
    slot: db.prepare<[string], SlotRow>('SELECT * FROM queue_slots WHERE id = ?'),
    deleteSlot: db.prepare<[string]>('DELETE FROM queue_slots WHERE id = ?'),
    addSeries: db.prepare<SeriesRow>(
      `INSERT INTO post_series (id, client_id, rule, start_local, count, until_date, created_at, updated_at)
       VALUES (@id, @client_id, @rule, @start_local, @count, @until_date, @created_at, @updated_at)`,
    ),
    series: db.prepare<[string], SeriesRow>('SELECT * FROM post_series WHERE id = ?'),
    schedule: db.prepare<[string], ScheduleRow>('SELECT * FROM post_schedule WHERE post_id = ?'),
    schedules: db.prepare<[string], ScheduleRow>('SELECT * FROM post_schedule WHERE post_id IN (SELECT value FROM json_each(?))'),
    seriesPosts: db.prepare<[string], ScheduleRow>('SELECT * FROM post_schedule WHERE series_id = ? ORDER BY occurrence_key'),
    upsertSchedule: db.prepare<ScheduleRow>(
      `INSERT INTO post_schedule (post_id, series_id, occurrence_key, detached, link, published_url, due_notified_at)
       VALUES (@post_id, @series_id, @occurrence_key, @detached, @link, @published_url, @due_notified_at)
       ON CONFLICT (post_id) DO UPDATE SET series_id = excluded.series_id, occurrence_key = excluded.occurrence_key,
         detached = excluded.detached, link = excluded.link, published_url = excluded.published_url, due_notified_at = excluded.due_notified_at`,
    ),
    addOp: db.prepare<Omit<OpRow, 'seq'>>(
      'INSERT INTO calendar_ops (kind, label, message, changes, state, created_at) VALUES (@kind, @label, @message, @changes, @state, @created_at)',
    ),
    clearRedo: db.prepare("DELETE FROM calendar_ops WHERE state = 'undone'"),
    trimOps: db.prepare<[number]>("DELETE FROM calendar_ops WHERE seq <= (SELECT max(seq) FROM calendar_ops) - ?"),
    lastDone: db.prepare<[], OpRow>("SELECT * FROM calendar_ops WHERE state = 'done' ORDER BY seq DESC LIMIT 1"),
    firstUndone: db.prepare<[], OpRow>("SELECT * FROM calendar_ops WHERE state = 'undone' ORDER BY seq ASC LIMIT 1"),
    setOpState: db.prepare<[string, number]>('UPDATE calendar_ops SET state = ? WHERE seq = ?'),
    deleteOp: db.prepare<[number]>('DELETE FROM calendar_ops WHERE seq = ?'),
    addDecision: db.prepare<PackDecisionRow>(
      'INSERT INTO pack_decisions (post_id, client_id, decided_at, decision, applied_at) VALUES (@post_id, @client_id, @decided_at, @decision, @applied_at)',
    ),
    latestDecision: db.prepare<[string], PackDecisionRow>('SELECT * FROM pack_decisions WHERE post_id = ? ORDER BY decided_at DESC LIMIT 1'),
    decision: db.prepare<[string, number], PackDecisionRow>('SELECT * FROM pack_decisions WHERE post_id = ? AND decided_at = ?'),
    dueUnnotified: db.prepare<[number], { id: string; client_id: string; scheduled_at: number }>(
      `SELECT p.id, p.client_id, p.scheduled_at FROM posts p
       LEFT JOIN post_schedule s ON s.post_id = p.id
       WHERE p.status = 'scheduled' AND p.deleted_at IS NULL AND p.scheduled_at <= ? AND s.due_notified_at IS NULL
         AND EXISTS (SELECT 1 FROM clients c WHERE c.id = p.client_id AND c.deleted_at IS NULL)
       ORDER BY p.scheduled_at, p.id`,
    ),
    nextScheduled: db.prepare<[number], { at: number }>(
      `SELECT min(scheduled_at) AS at FROM posts WHERE status = 'scheduled' AND deleted_at IS NULL AND scheduled_at > ?`,
    ),
    overdue: db.prepare<[number], { id: string; client_id: string }>(
      `SELECT p.id, p.client_id FROM posts p WHERE p.status = 'scheduled' AND p.deleted_at IS NULL AND p.scheduled_at < ?
         AND EXISTS (SELECT 1 FROM clients c WHERE c.id = p.client_id AND c.deleted_at IS NULL)
       ORDER BY p.scheduled_at, p.id`,
    ),
    networkTimes: db.prepare<[string, string], { id: string; scheduled_at: number }>(
      `SELECT p.id, p.scheduled_at FROM posts p JOIN post_variants v ON v.post_id = p.id
       WHERE p.client_id = ? AND v.network = ? AND p.deleted_at IS NULL AND p.scheduled_at IS NOT NULL
         AND p.status NOT IN ('cancelled', 'failed', 'missed')
       ORDER BY p.scheduled_at`,
    ),
  };

  return {
    addHistory(row: Omit<StatusHistoryRow, 'id' | 'message'> & { message?: string | null }): void {
      s.addHistory.run({ message: null, ...row });
    },
    history: (postId: string) => s.history.all(postId),
    addNote: (row: Omit<NoteRow, 'message'> & { message?: string | null }) => void s.addNote.run({ message: null, ...row }),
    notes: (postId: string) => s.notes.all(postId),
    note: (id: string) => s.note.get(id),
    deleteNote: (id: string) => void s.deleteNote.run(id),
    addSlot: (row: SlotRow) => void s.addSlot.run(row),
    slots: (clientId: string) => s.slots.all(clientId),
    slot: (id: string) => s.slot.get(id),
    deleteSlot: (id: string) => void s.deleteSlot.run(id),
    addSeries: (row: SeriesRow) => void s.addSeries.run(row),
    series: (id: string) => s.series.get(id),
    schedule: (postId: string) => s.schedule.get(postId),
    schedules(postIds: readonly string[]): Map<string, ScheduleRow> {
      return new Map(postIds.length ? s.schedules.all(JSON.stringify(postIds)).map((r) => [r.post_id, r]) : []);
    },
    seriesPosts: (seriesId: string) => s.seriesPosts.all(seriesId),
    /** Writes a post's schedule facts, starting from the defaults when it has none yet. */
    patchSchedule(postId: string, patch: Partial<Omit<ScheduleRow, 'post_id'>>): void {
      const current = s.schedule.get(postId) ?? {
        post_id: postId,
        series_id: null,
        occurrence_key: null,
        detached: 0 as const,
        link: '',
        published_url: '',
        due_notified_at: null,
      };
      s.upsertSchedule.run({ ...current, ...patch, post_id: postId });
    },
    /** Records a new operation: the redo stack is cleared and the log trimmed to UNDO_DEPTH. */
    pushOp(row: Omit<OpRow, 'seq' | 'state' | 'message'> & { message?: string | null }): void {
      s.clearRedo.run();
      s.addOp.run({ message: null, ...row, state: 'done' });
      s.trimOps.run(UNDO_DEPTH);
    },
    lastDone: () => s.lastDone.get(),
    firstUndone: () => s.firstUndone.get(),
    setOpState: (seq: number, state: OpRow['state']) => void s.setOpState.run(state, seq),
    deleteOp: (seq: number) => void s.deleteOp.run(seq),
    /** Pack decisions already applied to a post: the same one again, or an older one, changes nothing. */
    addDecision: (row: PackDecisionRow) => void s.addDecision.run(row),
    decision: (postId: string, decidedAt: number) => s.decision.get(postId, decidedAt),
    latestDecision: (postId: string) => s.latestDecision.get(postId),
    dueUnnotified: (nowMs: number) => s.dueUnnotified.all(nowMs),
    nextScheduledAfter: (ms: number) => s.nextScheduled.get(ms)?.at ?? null,
    overdue: (beforeMs: number) => s.overdue.all(beforeMs),
    /** Times already taken on one client's network (for the queue). */
    networkTimes: (clientId: string, network: string) => s.networkTimes.all(clientId, network),
  };
}

export type SchedulingRepository = ReturnType<typeof createSchedulingRepository>;
