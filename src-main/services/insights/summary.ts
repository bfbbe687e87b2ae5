// KPIs for a client and period: the imported posts published in it (plus posts marked published in
// Atelier that no export has covered yet), follower figures, planned-vs-published adherence, top
// posts, and best times — with the same figures for the period before.
import type { Summary } from '../../contract/api/insights';
import { AtelierError } from '../../contract/errors';
import { bestTimesOf, type ActivityHour, type TimedRate } from '../../core/insights/best-times';
import { weekdayOf } from '../../core/insights/dates';
import { changeOf, ER_DENOMINATOR, engagementRateOf, engagementsOf, followersGainedOf, rankPosts, totalsOf, type KpiTotals, type Publication } from '../../core/insights/kpis';
import type { Metrics } from '../../core/insights/parse';
import { INSIGHT_NETWORKS, type InsightNetwork } from '../../core/insights/sources';
import { addDays, daysBetween } from '../../core/schedule/wallclock';
import { instantToWallClock, startOfLocalDay } from '../../core/time/zones';
import { METRIC_COLUMNS, type FollowerRow, type InsightPostRow, type InsightsRepository } from '../../db/repositories/insights';
import type { ClientRow } from '../../db/repositories/clients';
import type { PostRow } from '../../db/repositories/posts';
import { iso } from '../convert';
import type { Library } from '../library';

export interface SummaryQuery {
  clientId: string;
  month?: string;
  from?: string;
  to?: string;
  network?: InsightNetwork;
  label?: string;
  campaign?: string;
}

/** How far back best times look from the end of the period. */
export const BEST_TIMES_DAYS = 180;

export function metricsOf(row: Pick<InsightPostRow, (typeof METRIC_COLUMNS)[number]>): Metrics {
  return { views: row.views, reach: row.reach, likes: row.likes, comments: row.comments, shares: row.shares, saves: row.saves, clicks: row.clicks, follows: row.follows, engagements: row.engagements };
}

/** Inclusive local days of a month or a from/to query, and the period of the same length before. */
export function periodOf(query: { month?: string; from?: string; to?: string }): { from: string; to: string; previous: { from: string; to: string } } {
  if (query.month) {
    const from = `${query.month}-01`;
    const to = addDays(addDays(from, 32).slice(0, 8) + '01', -1);
    const prevTo = addDays(from, -1);
    return { from, to, previous: { from: `${prevTo.slice(0, 8)}01`, to: prevTo } };
  }
  const from = query.from!;
  const to = query.to!;
  const length = daysBetween(from, to) + 1;
  return { from, to, previous: { from: addDays(from, -length), to: addDays(from, -1) } };
}

interface Scope {
  client: ClientRow;
  query: SummaryQuery;
  /** Deleted posts and posts of other labels/campaigns are out when a filter asks for them. */
  postAllowed(postId: string | null): boolean;
}

export function createSummary(lib: Library, repo: InsightsRepository, thumbnailsFor: (posts: PostRow[]) => Record<string, string>) {
  // Published in Atelier and not (yet) covered by an export row for that network.
  const uncoveredInRange = lib.db.prepare<[string, number, number], { id: string; network: string | null }>(
    `SELECT p.id, v.network FROM posts p LEFT JOIN post_variants v ON v.post_id = p.id
     WHERE p.client_id = ? AND p.deleted_at IS NULL AND p.status = 'published' AND p.scheduled_at >= ? AND p.scheduled_at < ?
       AND NOT EXISTS (SELECT 1 FROM insight_posts i WHERE i.post_id = p.id AND i.network = coalesce(v.network, 'other'))`,
  );
  const fromExportInRange = lib.db.prepare<[string, number, number], { n: number }>(
    `SELECT count(DISTINCT post_id) AS n FROM insight_posts WHERE client_id = ? AND match = 'created' AND published_at >= ? AND published_at < ?`,
  );
  const plannedInRange = lib.db.prepare<[string, number, number], { id: string; status: string; networks: string }>(
    `SELECT p.id, p.status, (SELECT json_group_array(network) FROM post_variants v WHERE v.post_id = p.id) AS networks FROM posts p
     WHERE p.client_id = ? AND p.deleted_at IS NULL AND p.scheduled_at >= ? AND p.scheduled_at < ?
       AND p.status IN ('approved', 'scheduled', 'published', 'missed', 'failed')
       AND NOT EXISTS (SELECT 1 FROM insight_posts i WHERE i.post_id = p.id AND i.match = 'created')`,
  );
  const labelsOf = lib.db.prepare<[string], { label: string }>(
    `SELECT DISTINCT j.value AS label FROM posts p, json_each(p.labels) j WHERE p.client_id = ? AND p.deleted_at IS NULL ORDER BY 1`,
  );
  const campaignsOf = lib.db.prepare<[string], { campaign: string }>(
    `SELECT DISTINCT campaign FROM posts WHERE client_id = ? AND deleted_at IS NULL AND campaign <> '' ORDER BY 1`,
  );
  const latestExports = lib.db.prepare<[string], { network: string; export_date: number }>(
    'SELECT network, max(export_date) AS export_date FROM insight_posts WHERE client_id = ? GROUP BY network ORDER BY network',
  );

  function scopeOf(query: SummaryQuery): Scope {
    const client = lib.clients.get(query.clientId);
    if (!client || client.deleted_at !== null) throw new AtelierError('not_found', `No client with id ${query.clientId}.`, { field: 'clientId' }, { key: 'clients.notFound' });
    const cache = new Map<string, boolean>();
    return {
      client,
      query,
      postAllowed(postId) {
        if (!query.label && !query.campaign) return true;
        if (!postId) return false;
        let ok = cache.get(postId);
        if (ok === undefined) {
          const post = lib.posts.get(postId);
          ok = Boolean(post && post.deleted_at === null && (!query.label || (JSON.parse(post.labels) as string[]).includes(query.label)) && (!query.campaign || post.campaign === query.campaign));
          cache.set(postId, ok);
        }
        return ok;
      },
    };
  }

  function bounds(client: ClientRow, from: string, to: string): { fromMs: number; toMs: number } {
    return { fromMs: startOfLocalDay(from, client.time_zone)!, toMs: startOfLocalDay(addDays(to, 1), client.time_zone)! };
  }

  function rowsIn(scope: Scope, from: string, to: string): InsightPostRow[] {
    const { fromMs, toMs } = bounds(scope.client, from, to);
    return repo.range(scope.client.id, fromMs, toMs).filter((r) => (!scope.query.network || r.network === scope.query.network) && scope.postAllowed(r.post_id));
  }

  function publications(scope: Scope, from: string, to: string, rows: InsightPostRow[]): Publication[] {
    const { fromMs, toMs } = bounds(scope.client, from, to);
    const items: Publication[] = rows.map((r) => ({ network: r.network, metrics: metricsOf(r) }));
    // Published in Atelier, not (yet) in an export: counted as a post, without numbers.
    for (const p of uncoveredInRange.all(scope.client.id, fromMs, toMs)) {
      const network = p.network ?? 'other';
      if (scope.query.network && network !== scope.query.network) continue;
      if (!scope.postAllowed(p.id)) continue;
      items.push({ network, metrics: null });
    }
    return items;
  }

  function followersGained(scope: Scope, followers: FollowerRow[], rows: InsightPostRow[], from: string, to: string, network?: string): number | null {
    const networks = network ? [network] : INSIGHT_NETWORKS.filter((n) => !scope.query.network || n === scope.query.network);
    let total: number | null = null;
    for (const n of networks) {
      let gained = followersGainedOf(followers.filter((f) => f.network === n).map((f) => ({ date: f.day, total: f.total, gained: f.gained, lost: f.lost })), from, to);
      // Without follower figures, the follows the exports credit to posts (Instagram, LinkedIn, X, YouTube).
      if (gained === null) {
        const follows = rows.filter((r) => r.network === n && r.follows !== null).map((r) => r.follows!);
        gained = follows.length ? follows.reduce((a, b) => a + b, 0) : null;
      }
      if (gained !== null) total = (total ?? 0) + gained;
    }
    return total;
  }

  function adherence(scope: Scope, from: string, to: string) {
    const { fromMs, toMs } = bounds(scope.client, from, to);
    const planned = plannedInRange.all(scope.client.id, fromMs, toMs).filter((p) => (!scope.query.network || (JSON.parse(p.networks) as string[]).includes(scope.query.network)) && scope.postAllowed(p.id));
    const published = planned.filter((p) => p.status === 'published').length;
    const fromExport = fromExportInRange.get(scope.client.id, fromMs, toMs)!.n;
    return { planned: planned.length, published, rate: planned.length ? published / planned.length : null, fromExport };
  }

  function totalsFor(scope: Scope, from: string, to: string, followers: FollowerRow[]): KpiTotals & { followersGained: number | null; rows: InsightPostRow[]; pubs: Publication[] } {
    const rows = rowsIn(scope, from, to);
    const pubs = publications(scope, from, to, rows);
    return { ...totalsOf(pubs), followersGained: followersGained(scope, followers, rows, from, to), rows, pubs };
  }

  return function summary(query: SummaryQuery): Summary {
    const scope = scopeOf(query);
    const { client } = scope;
    const zone = client.time_zone;
    const period = periodOf(query);
    const followers = repo.followers(client.id);
    const current = totalsFor(scope, period.from, period.to, followers);
    const previous = totalsFor(scope, period.previous.from, period.previous.to, followers);
    const strip = ({ rows: _rows, pubs: _pubs, ...t }: typeof current) => t;

    const networks = INSIGHT_NETWORKS.filter((n) => !query.network || n === query.network)
      .map((network) => {
        const rows = current.rows.filter((r) => r.network === network);
        const pubs = current.pubs.filter((p) => p.network === network);
        return { network, denominator: ER_DENOMINATOR[network], ...totalsOf(pubs), followersGained: followersGained(scope, followers, rows, period.from, period.to, network) };
      })
      .filter((n) => n.posts > 0 || n.followersGained !== null);

    const measured = current.rows;
    const topIndices = rankPosts(measured.map((r) => ({ network: r.network, metrics: metricsOf(r) })), 5);
    const topRows = topIndices.map((i) => measured[i]!);
    const topPostRows = topRows.map((r) => (r.post_id ? lib.posts.get(r.post_id) : undefined)).filter((p): p is PostRow => p !== undefined);
    const thumbs = thumbnailsFor(topPostRows);
    const topPosts = topRows.map((r) => {
      const post = r.post_id ? lib.posts.get(r.post_id) : undefined;
      const m = metricsOf(r);
      return {
        insightId: r.id,
        postId: post && post.deleted_at === null ? post.id : null,
        network: r.network as Summary['topPosts'][number]['network'],
        title: post?.title ?? r.caption.split('\n')[0]!.slice(0, 80),
        caption: r.caption,
        localTime: r.published_at === null ? null : instantToWallClock(r.published_at, zone),
        precision: r.precision,
        permalink: r.permalink,
        views: m.views,
        reach: m.reach,
        engagements: engagementsOf(r.network, m),
        engagementRate: engagementRateOf(r.network, m),
        thumbnail: post ? (thumbs[post.id] ?? null) : null,
      };
    });

    // Per day of the period: posts, engagements, followers gained.
    const days: Summary['daily'] = [];
    for (let d = period.from; d <= period.to; d = addDays(d, 1)) days.push({ date: d, posts: 0, engagements: null, followersGained: null });
    const byDay = new Map(days.map((d) => [d.date, d]));
    for (const r of current.rows) {
      if (r.published_at === null) continue;
      const day = byDay.get(instantToWallClock(r.published_at, zone).slice(0, 10));
      if (!day) continue;
      day.posts++;
      const e = engagementsOf(r.network, metricsOf(r));
      if (e !== null) day.engagements = (day.engagements ?? 0) + e;
    }
    for (const day of days) day.followersGained = followersGained(scope, followers, [], day.date, day.date);

    // Best times: the client's own posts of the last months with an exact time, and TikTok's audience.
    const end = bounds(client, period.from, period.to).toMs;
    const since = end - BEST_TIMES_DAYS * 86_400_000;
    const rates: TimedRate[] = [];
    for (const r of repo.timedIn(client.id, since, end)) {
      if (r.published_at === null) continue;
      if (query.network && r.network !== query.network) continue;
      const rate = engagementRateOf(r.network, metricsOf(r));
      if (rate === null) continue;
      const local = instantToWallClock(r.published_at, zone);
      rates.push({ network: r.network, weekday: weekdayOf(local.slice(0, 10)), hour: Number(local.slice(11, 13)), rate });
    }
    const activity: ActivityHour[] = !query.network || query.network === 'tiktok' ? repo.activity(client.id).map((a) => ({ weekday: weekdayOf(a.day), hour: a.hour, active: a.active })) : [];
    const best = bestTimesOf(rates, activity, 5);

    const keys = ['posts', 'reach', 'impressions', 'engagements', 'engagementRate', 'clicks', 'followersGained'] as const;
    const changes = Object.fromEntries(keys.map((k) => [k, changeOf(current[k], previous[k])])) as Summary['changes'];
    return {
      clientId: client.id,
      clientName: client.name,
      timeZone: zone,
      period: { from: period.from, to: period.to },
      previousPeriod: period.previous,
      filters: { network: query.network ?? null, label: query.label ?? null, campaign: query.campaign ?? null },
      ...strip(current),
      previous: strip(previous),
      changes,
      adherence: adherence(scope, period.from, period.to),
      previousAdherence: adherence(scope, period.previous.from, period.previous.to),
      networks: networks as Summary['networks'],
      topPosts,
      daily: days,
      bestTimes: best.top.map((c) => ({ ...c, time: `${String(c.hour).padStart(2, '0')}:00` })),
      heatmap: { cells: best.cells, posts: best.posts },
      exports: latestExports.all(client.id).map((e) => ({ network: e.network as Summary['exports'][number]['network'], exportDate: iso(e.export_date) })),
      labels: labelsOf.all(client.id).map((l) => l.label),
      campaigns: campaignsOf.all(client.id).map((c) => c.campaign),
    };
  };
}
