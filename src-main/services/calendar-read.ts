// The calendar's read side: posts of a period in each client's wall clock, the unscheduled drafts
// and the plan warnings, hydrated into the contract's CalendarPost. Hot: every month view, every
// export and every command's answer goes through `hydrate`, so it avoids needless allocation.
import type { Post } from '../contract';
import type { CalendarClient, CalendarPost, PlanWarning } from '../contract/api/calendar';
import { AtelierError } from '../contract/errors';
import { addDays, dayStart } from '../core/schedule/wallclock';
import { DEFAULT_WARNING_OPTIONS, periodWarnings } from '../core/schedule/warnings';
import type { ClientRow } from '../db/repositories/clients';
import type { PostRow } from '../db/repositories/posts';
import type { ScheduleRow, SchedulingRepository } from '../db/repositories/scheduling';
import type { Library } from './library';
import { toPost } from './posts';

export interface RangeQuery {
  clientId?: string;
  from: string;
  to: string;
  minSpacingMinutes?: number;
  maxGapDays?: number;
}

export function toCalendarPost(post: Post, schedule: ScheduleRow | undefined): CalendarPost {
  // Spelled out rather than spread: a month view builds hundreds of these, and a spread of this
  // many fields makes V8 allocate a much bigger object.
  return {
    id: post.id,
    clientId: post.clientId,
    title: post.title,
    status: post.status,
    caption: post.caption,
    scheduledAt: post.scheduledAt,
    timeZone: post.timeZone,
    localTime: post.localTime,
    labels: post.labels,
    campaign: post.campaign,
    notes: post.notes,
    variants: post.variants,
    createdAt: post.createdAt,
    updatedAt: post.updatedAt,
    deletedAt: post.deletedAt,
    seriesId: schedule?.series_id ?? null,
    occurrenceKey: schedule?.occurrence_key ?? null,
    link: schedule?.link ?? '',
    publishedUrl: schedule?.published_url ?? '',
  };
}

export function toCalendarClient(row: ClientRow): CalendarClient {
  return { id: row.id, name: row.name, timeZone: row.time_zone, color: row.color, approvalMode: row.approval_mode };
}

export function createCalendarReader(lib: Library, repo: SchedulingRepository) {
  function activeClient(id: string): ClientRow {
    const client = lib.clients.get(id);
    if (!client || client.deleted_at !== null) throw new AtelierError('not_found', `No client with id ${id}.`, { field: 'clientId', id }, { key: 'clients.notFound' });
    return client;
  }

  function hydrate(rows: readonly PostRow[]): CalendarPost[] {
    const zones = new Map<string, string>();
    const ids = rows.map((r) => r.id);
    const variants = lib.posts.variantsByPost(ids);
    const schedules = repo.schedules(ids);
    return rows.map((row) => {
      let zone = zones.get(row.client_id);
      if (zone === undefined) {
        zone = lib.clients.get(row.client_id)?.time_zone ?? 'UTC';
        zones.set(row.client_id, zone);
      }
      return toCalendarPost(toPost(row, zone, variants.get(row.id) ?? []), schedules.get(row.id));
    });
  }

  function range(input: RangeQuery) {
    const clients = input.clientId ? [activeClient(input.clientId)] : lib.clients.list();
    if (input.to < input.from) throw new AtelierError('invalid_input', 'The end of the period comes before its start.', { field: 'to' }, { key: 'period.endBeforeStart' });
    const bounds = new Map<string, { fromMs: number; toMs: number }>();
    for (const c of clients) {
      const fromMs = dayStart(input.from, c.time_zone);
      const toMs = dayStart(addDays(input.to, 1), c.time_zone);
      if (fromMs === null || toMs === null) throw new AtelierError('invalid_input', `${input.from} … ${input.to} is not a real period.`, { field: 'from' }, { key: 'period.notReal', params: { from: input.from, to: input.to } });
      bounds.set(c.id, { fromMs, toMs });
    }
    let rows: PostRow[] = [];
    if (clients.length > 0) {
      const all = [...bounds.values()];
      rows = lib.posts
        .list({ clientId: input.clientId, fromMs: Math.min(...all.map((b) => b.fromMs)), toMs: Math.max(...all.map((b) => b.toMs)) })
        .filter((r) => {
          const b = bounds.get(r.client_id);
          return b !== undefined && r.scheduled_at! >= b.fromMs && r.scheduled_at! < b.toMs;
        });
    }
    const unscheduledRows = lib.posts
      .list({ clientId: input.clientId, fromMs: 0, toMs: 0, includeUnscheduled: true })
      .filter((r) => r.scheduled_at === null && r.status !== 'cancelled');
    const posts = hydrate(rows);
    const zones = new Map(clients.map((c) => [c.id, c.time_zone]));
    const warnings: PlanWarning[] = periodWarnings(
      posts,
      zones,
      {
        minSpacingMinutes: input.minSpacingMinutes ?? DEFAULT_WARNING_OPTIONS.minSpacingMinutes,
        maxGapDays: input.maxGapDays ?? DEFAULT_WARNING_OPTIONS.maxGapDays,
      },
      input.clientId ? { fromDate: input.from, toDate: input.to } : undefined,
    );
    return { clients: clients.map(toCalendarClient), posts, unscheduled: hydrate(unscheduledRows), warnings };
  }

  return { activeClient, hydrate, range };
}
