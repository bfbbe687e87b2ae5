// The insights service: imports, review of matches, KPIs and best times, queue slots from best
// times, and the monthly report. Clock, ids and the library come in; no host code.
import type { In, Out } from '../../contract';
import type { InsightRow, insightMethods } from '../../contract/api/insights';
import { AtelierError } from '../../contract/errors';
import { captionSimilarity } from '../../core/insights/matching';
import { engagementRateOf, engagementsOf } from '../../core/insights/kpis';
import type { NetworkId } from '../../core/domain/posts';
import { addDays, minuteToTime } from '../../core/schedule/wallclock';
import { instantToWallClock, startOfLocalDay } from '../../core/time/zones';
import { createInsightsRepository, type InsightPostRow } from '../../db/repositories/insights';
import type { PostRow } from '../../db/repositories/posts';
import { createSchedulingRepository, type SlotRow } from '../../db/repositories/scheduling';
import type { HandlersFor } from '../../contract/handlers';
import { iso, isoOrNull } from '../convert';
import type { EventBus } from '../events';
import type { Library } from '../library';
import { readExport, storeExports, type ExportInput } from './import';
import { createSummary, metricsOf, periodOf, type SummaryQuery } from './summary';

const DAY_MS = 86_400_000;

export interface InsightDeps {
  lib: Library;
  events: EventBus;
  /** Thumbnail URL paths of posts' designs (the calendar's). */
  thumbnailsFor(posts: PostRow[]): Record<string, string>;
}

export function createInsightService(deps: InsightDeps) {
  const { lib, events } = deps;
  const repo = createInsightsRepository(lib.db);
  const scheduling = createSchedulingRepository(lib.db);
  const summary = createSummary(lib, repo, deps.thumbnailsFor);

  function activeClient(id: string) {
    const client = lib.clients.get(id);
    if (!client || client.deleted_at !== null) throw new AtelierError('not_found', `No client with id ${id}.`, { field: 'clientId', id }, { key: 'clients.notFound' });
    return client;
  }

  function toRow(r: InsightPostRow, zone: string): InsightRow {
    const post = r.post_id ? lib.posts.get(r.post_id) : undefined;
    const m = metricsOf(r);
    return {
      id: r.id,
      clientId: r.client_id,
      network: r.network as NetworkId,
      externalId: r.external_id,
      permalink: r.permalink,
      caption: r.caption,
      publishedAt: isoOrNull(r.published_at),
      localTime: r.published_at === null ? null : instantToWallClock(r.published_at, zone),
      precision: r.precision,
      match: r.match,
      matchScore: r.match_score,
      post: post && post.deleted_at === null ? { id: post.id, title: post.title, status: post.status, localTime: post.scheduled_at === null ? null : instantToWallClock(post.scheduled_at, zone) } : null,
      metrics: m,
      engagements: engagementsOf(r.network, m),
      engagementRate: engagementRateOf(r.network, m),
      exportDate: iso(r.export_date),
    };
  }

  function requireRow(id: string): InsightPostRow {
    const row = repo.get(id);
    if (!row) throw new AtelierError('not_found', `No imported post with id ${id}.`, { id }, { key: 'insights.rowNotFound' });
    return row;
  }

  return {
    repo,
    summary,

    /** Reads every file first; any refusal leaves the library as it was. */
    async import(clientId: string, files: readonly ExportInput[]): Promise<Out<'insights.import'>> {
      activeClient(clientId);
      const now = lib.clock.now();
      const read: Awaited<ReturnType<typeof readExport>>[] = [];
      for (const file of files) read.push(await readExport(file, now));
      const { reports, postIds } = lib.write(() => {
        activeClient(clientId);
        return storeExports({ lib, repo }, clientId, read);
      });
      if (postIds.size) events.emit('posts.changed', { ids: [...postIds], clientIds: [clientId] });
      events.emit('insights.changed', { clientIds: [clientId] });
      return { files: reports, postIds: [...postIds] };
    },

    imports(clientId: string): Out<'insights.imports'> {
      activeClient(clientId);
      return repo.imports(clientId).map((r) => ({ id: r.id, file: r.file_name, sources: JSON.parse(r.sources) as Out<'insights.imports'>[number]['sources'], exportDate: iso(r.export_date), importedAt: iso(r.imported_at), posts: r.posts, added: r.added, updated: r.updated }));
    },

    rows(query: { clientId: string; month?: string; from?: string; to?: string; network?: string }): InsightRow[] {
      const client = activeClient(query.clientId);
      const period = periodOf(query);
      const fromMs = startOfLocalDay(period.from, client.time_zone)!;
      const toMs = startOfLocalDay(addDays(period.to, 1), client.time_zone)!;
      return repo
        .range(client.id, fromMs, toMs)
        .filter((r) => !query.network || r.network === query.network)
        .map((r) => toRow(r, client.time_zone));
    },

    candidates(id: string): Out<'insights.candidates'> {
      const row = requireRow(id);
      const client = activeClient(row.client_id);
      const at = row.published_at ?? lib.clock.now();
      const posts = lib.db
        .prepare<[string, string, number, number], PostRow & { vcaption: string | null }>(
          `SELECT p.*, v.caption AS vcaption FROM posts p LEFT JOIN post_variants v ON v.post_id = p.id AND v.network = ?
           WHERE p.client_id = ? AND p.deleted_at IS NULL AND p.scheduled_at >= ? AND p.scheduled_at < ?
           ORDER BY abs(p.scheduled_at - ${Number(at)}) LIMIT 50`,
        )
        .all(row.network, client.id, at - 3 * DAY_MS, at + 4 * DAY_MS);
      return posts.map((p) => ({
        id: p.id,
        title: p.title,
        status: p.status,
        localTime: p.scheduled_at === null ? null : instantToWallClock(p.scheduled_at, client.time_zone),
        similarity: Math.round(captionSimilarity(row.caption, p.vcaption ?? p.caption) * 100) / 100,
      }));
    },

    /**
     * Confirms (same post), changes (another post) or undoes (null) a match. A post that was made
     * from the export and is no longer needed goes to the trash; null makes one.
     */
    setMatch(id: string, postId: string | null): InsightRow {
      const result = lib.write(() => {
        const row = requireRow(id);
        const client = activeClient(row.client_id);
        const now = lib.clock.now();
        const previous = row.post_id;
        const wasCreated = row.match === 'created';
        const touched = new Set<string>(previous ? [previous] : []);
        if (postId !== null) {
          const post = lib.posts.get(postId);
          if (!post || post.deleted_at !== null) throw new AtelierError('not_found', `No post with id ${postId}.`, { field: 'postId', id: postId }, { key: 'posts.notFound' });
          if (post.client_id !== client.id) throw new AtelierError('invalid_input', `"${post.title}" belongs to another client.`, { field: 'postId' }, { key: 'insights.otherClient', params: { title: post.title } });
          const clash = repo.byPost(postId).find((r) => r.network === row.network && r.id !== row.id);
          if (clash) throw new AtelierError('conflict', `"${post.title}" is already matched to another ${row.network} post of the export.`, { field: 'postId' }, { key: 'insights.alreadyMatched', params: { title: post.title, network: row.network } });
          repo.setMatch(row.id, postId, postId === previous && wasCreated ? 'created' : 'confirmed', null, now);
          if (post.status !== 'published') {
            lib.posts.update(postId, { status: 'published' }, now);
            scheduling.addHistory({ post_id: postId, from_status: post.status, to_status: 'published', source: 'user', note: '', at: now });
          }
          touched.add(postId);
          if (previous && previous !== postId && wasCreated) {
            lib.posts.setDeleted(previous, now, now);
          }
        } else if (!wasCreated) {
          // Not this post after all: the row becomes a published post of its own.
          const created = lib.ids();
          const firstLine = row.caption.split(/\r?\n/).find((l) => l.trim())?.trim() ?? '';
          const title = (firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine) || `${row.network} ${row.external_id}`.slice(0, 200);
          lib.posts.insert({ id: created, client_id: client.id, title, status: 'published', caption: row.caption, scheduled_at: row.published_at ?? now, labels: '[]', campaign: '', notes: '', created_at: now, updated_at: now, deleted_at: null });
          lib.posts.insertVariant({ id: lib.ids(), post_id: created, network: row.network, caption: row.caption, follows_master: 1, design_id: null, page_index: null, first_comment: '', created_at: now, updated_at: now });
          scheduling.addHistory({ post_id: created, from_status: null, to_status: 'published', source: 'user', note: '', at: now });
          repo.setMatch(row.id, created, 'created', null, now);
          touched.add(created);
        }
        return { row: repo.get(id)!, zone: client.time_zone, touched };
      });
      events.emit('posts.changed', { ids: [...result.touched], clientIds: [result.row.client_id] });
      events.emit('insights.changed', { clientIds: [result.row.client_id] });
      return toRow(result.row, result.zone);
    },

    useAsSlots(input: In<'insights.useAsSlots'>): Out<'insights.useAsSlots'> {
      const out = lib.write(() => {
        activeClient(input.clientId);
        const existing = scheduling.slots(input.clientId);
        const added: SlotRow[] = [];
        let kept = 0;
        for (const slot of input.slots) {
          const minute = slot.hour * 60;
          if (existing.some((s) => s.network === input.network && s.weekday === slot.weekday && s.minute_of_day === minute) || added.some((a) => a.weekday === slot.weekday && a.minute_of_day === minute)) {
            kept++;
            continue;
          }
          const row = { id: lib.ids(), client_id: input.clientId, network: input.network, weekday: slot.weekday, minute_of_day: minute };
          scheduling.addSlot(row);
          added.push(row);
        }
        return { added, kept };
      });
      return { added: out.added.map((s) => ({ id: s.id, clientId: s.client_id, network: s.network as NetworkId, weekday: s.weekday, time: minuteToTime(s.minute_of_day) })), existing: out.kept };
    },

    /** The permalinks recorded for a post (one per network). */
    permalinks: (postId: string) => repo.permalinksOf(postId),
  };
}

export type InsightService = ReturnType<typeof createInsightService>;

export function insightHandlers(insights: InsightService, report: (input: In<'insights.report'>) => Promise<Out<'insights.report'>>): HandlersFor<typeof insightMethods> {
  return {
    'insights.import': ({ clientId, files }) => insights.import(clientId, files),
    'insights.imports': ({ clientId }) => insights.imports(clientId),
    'insights.summary': (input) => insights.summary(input as SummaryQuery),
    'insights.rows': (input) => insights.rows(input),
    'insights.candidates': ({ id }) => insights.candidates(id),
    'insights.setMatch': ({ id, postId }) => insights.setMatch(id, postId),
    'insights.useAsSlots': (input) => insights.useAsSlots(input),
    'insights.report': (input) => report(input),
  };
}
