// The calendar's read side: posts of a period in each client's wall clock, the unscheduled drafts
// and the plan warnings, hydrated into the contract's CalendarPost. Hot: every month view, every
// export and every command's answer goes through `hydrate`, so it avoids needless allocation.
import type { Post } from '../contract';
import type { CalendarClient, CalendarPost, GridPost, PlanWarning } from '../contract/api/calendar';
import type { NetworkId } from '../core/domain/posts';
import { AtelierError } from '../contract/errors';
import { addDays, dayStart } from '../core/schedule/wallclock';
import { DEFAULT_WARNING_OPTIONS, periodWarnings, type PeriodPost } from '../core/schedule/warnings';
import { instantToWallClock } from '../core/time/zones';
import type { ClientRow } from '../db/repositories/clients';
import type { PostRow, VariantMark } from '../db/repositories/posts';
import type { ScheduleRow, SchedulingRepository } from '../db/repositories/scheduling';
import { iso, isoOrNull } from './convert';
import type { ThumbnailSource } from './design-thumbnails';
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

/** A post as the grids show it, straight from its row and its variants' networks (no texts read). */
export function toGridPost(row: PostRow, zone: string, marks: readonly VariantMark[]): GridPost {
  const networks: NetworkId[] = [];
  for (const m of marks) if (!networks.includes(m.network as NetworkId)) networks.push(m.network as NetworkId);
  return {
    id: row.id,
    clientId: row.client_id,
    title: row.title,
    status: row.status as GridPost['status'],
    scheduledAt: isoOrNull(row.scheduled_at),
    localTime: row.scheduled_at === null ? null : instantToWallClock(row.scheduled_at, zone),
    labels: JSON.parse(row.labels) as string[],
    campaign: row.campaign,
    networks,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** What the plan warnings read of a post. */
function periodPost(post: CalendarPost): PeriodPost {
  return { id: post.id, clientId: post.clientId, status: post.status, scheduledAt: post.scheduledAt, localTime: post.localTime, networks: post.variants.map((v) => v.network) };
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

  /** The rows of a period: each client's posts between its own midnights, and the unscheduled drafts. */
  function periodRows(input: RangeQuery) {
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
    return { clients, rows, unscheduledRows };
  }

  function warningsOf(posts: readonly PeriodPost[], clients: readonly ClientRow[], input: RangeQuery): PlanWarning[] {
    const zones = new Map(clients.map((c) => [c.id, c.time_zone]));
    return periodWarnings(
      posts,
      zones,
      {
        minSpacingMinutes: input.minSpacingMinutes ?? DEFAULT_WARNING_OPTIONS.minSpacingMinutes,
        maxGapDays: input.maxGapDays ?? DEFAULT_WARNING_OPTIONS.maxGapDays,
      },
      input.clientId ? { fromDate: input.from, toDate: input.to } : undefined,
    );
  }

  function range(input: RangeQuery) {
    const { clients, rows, unscheduledRows } = periodRows(input);
    const posts = hydrate(rows);
    const warnings = warningsOf(posts.map(periodPost), clients, input);
    return { clients: clients.map(toCalendarClient), posts, unscheduled: hydrate(unscheduledRows), warnings };
  }

  /**
   * The period as the grids show it (calendar.grid): the same posts and warnings as `range`, each
   * post as its card. `designs` are what the cards' thumbnails are made from (not part of the answer).
   */
  function grid(input: RangeQuery) {
    const { clients, rows, unscheduledRows } = periodRows(input);
    const zones = new Map(clients.map((c) => [c.id, c.time_zone]));
    const all = [...rows, ...unscheduledRows];
    const marks = lib.posts.variantMarksByPost(all.map((r) => r.id));
    const toGrid = (row: PostRow) => toGridPost(row, zones.get(row.client_id) ?? lib.clients.get(row.client_id)?.time_zone ?? 'UTC', marks.get(row.id) ?? []);
    const posts = rows.map(toGrid);
    const designs: ThumbnailSource[] = all.map((r) => ({ id: r.id, variants: (marks.get(r.id) ?? []).map((m) => ({ designId: m.design_id, pageIndex: m.page_index })) }));
    return { clients: clients.map(toCalendarClient), posts, unscheduled: unscheduledRows.map(toGrid), warnings: warningsOf(posts, clients, input), designs };
  }

  return { activeClient, hydrate, range, grid };
}
