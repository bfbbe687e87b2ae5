// KPI arithmetic, shared by the screen, the CLI and the report. Engagements and the engagement
// rate's denominator follow each network (the README's table): reach for Facebook and Instagram
// (Metricool's default), impressions for LinkedIn and X (what those networks report), views for
// TikTok and YouTube. Missing numbers are left out of a rate, never counted as zero.
import type { Metrics } from './parse';
import { median, sumKnown } from './numbers';
import type { InsightNetwork } from './sources';

export type Denominator = 'reach' | 'views';
export const ER_DENOMINATOR: Record<InsightNetwork, Denominator> = {
  facebook: 'reach',
  instagram: 'reach',
  linkedin: 'views',
  x: 'views',
  tiktok: 'views',
  youtube: 'views',
};

/** Which interactions count as engagements on each network. */
export const ENGAGEMENT_PARTS: Record<InsightNetwork, readonly (keyof Metrics)[]> = {
  facebook: ['likes', 'comments', 'shares'],
  instagram: ['likes', 'comments', 'shares', 'saves'],
  linkedin: ['likes', 'comments', 'shares', 'clicks', 'follows'],
  x: ['likes', 'comments', 'shares', 'saves', 'clicks', 'follows'],
  tiktok: ['likes', 'comments', 'shares'],
  youtube: ['likes', 'comments', 'shares'],
};

const isInsightNetwork = (n: string): n is InsightNetwork => n in ER_DENOMINATOR;

/**
 * A post's engagements: X's own "Engagements" total when the file has it, else the sum of the
 * network's parts; Facebook's "Reactions, Comments and Shares" stands in when the parts are absent.
 */
export function engagementsOf(network: string, m: Metrics): number | null {
  if (!isInsightNetwork(network)) return null;
  if (network === 'x' && m.engagements !== null) return m.engagements;
  const parts = sumKnown(ENGAGEMENT_PARTS[network].map((f) => m[f]));
  return parts ?? (network === 'facebook' ? m.engagements : null);
}

/** The rate's denominator for one post (null when the export did not give it). */
export function denominatorOf(network: string, m: Metrics): number | null {
  if (!isInsightNetwork(network)) return null;
  return ER_DENOMINATOR[network] === 'reach' ? m.reach : m.views;
}

/** Engagements ÷ denominator for one post; null without both, or with a zero denominator. */
export function engagementRateOf(network: string, m: Metrics): number | null {
  const e = engagementsOf(network, m);
  const d = denominatorOf(network, m);
  return e !== null && d !== null && d > 0 ? e / d : null;
}

export interface Publication {
  network: string;
  /** Null when the post has no export data yet (published from Atelier, not imported). */
  metrics: Metrics | null;
}

export interface KpiTotals {
  /** Publications: one per post and network (a post on Instagram and Facebook counts twice). */
  posts: number;
  /** Publications with numbers from an export. */
  measured: number;
  reach: number | null;
  /** Views where the network counts views, impressions where it counts those. */
  impressions: number | null;
  engagements: number | null;
  /** Σ engagements ÷ Σ denominators over posts that have both (a fraction: 0.042 = 4.2 %). */
  engagementRate: number | null;
  clicks: number | null;
}

export function totalsOf(items: readonly Publication[]): KpiTotals {
  let reach: number | null = null;
  let impressions: number | null = null;
  let engagements: number | null = null;
  let clicks: number | null = null;
  let rateNumerator = 0;
  let rateDenominator = 0;
  let measured = 0;
  const add = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);
  for (const item of items) {
    if (!item.metrics) continue;
    measured++;
    const m = item.metrics;
    reach = add(reach, m.reach);
    impressions = add(impressions, m.views);
    clicks = add(clicks, m.clicks);
    const e = engagementsOf(item.network, m);
    engagements = add(engagements, e);
    const d = denominatorOf(item.network, m);
    if (e !== null && d !== null && d > 0) {
      rateNumerator += e;
      rateDenominator += d;
    }
  }
  return { posts: items.length, measured, reach, impressions, engagements, engagementRate: rateDenominator > 0 ? rateNumerator / rateDenominator : null, clicks };
}

export interface Change {
  previous: number | null;
  /** current − previous (in the metric's unit; for a rate, in points of the fraction). */
  delta: number | null;
  /** delta ÷ previous; null when there is nothing to compare with. */
  ratio: number | null;
}

export function changeOf(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { previous, delta: null, ratio: null };
  const delta = current - previous;
  return { previous, delta, ratio: previous !== 0 ? delta / previous : null };
}

export interface RankedPost {
  network: string;
  metrics: Metrics;
}

/** Posts under this many views/reach are not ranked by rate: a 2-view post at 50 % says nothing. */
export const RANK_FLOOR = 100;

/**
 * Top posts: by engagement rate among posts with a denominator of at least RANK_FLOOR, then by
 * engagements for the rest. Returns indices into `posts`, best first.
 */
export function rankPosts(posts: readonly RankedPost[], limit: number): number[] {
  const scored = posts.map((p, i) => {
    const d = denominatorOf(p.network, p.metrics);
    const rate = d !== null && d >= RANK_FLOOR ? engagementRateOf(p.network, p.metrics) : null;
    return { i, rate, engagements: engagementsOf(p.network, p.metrics) ?? -1 };
  });
  scored.sort((a, b) => {
    if ((a.rate === null) !== (b.rate === null)) return a.rate === null ? 1 : -1;
    if (a.rate !== null && b.rate !== null && a.rate !== b.rate) return b.rate - a.rate;
    return b.engagements - a.engagements || a.i - b.i;
  });
  return scored.filter((s) => s.engagements >= 0 || s.rate !== null).slice(0, limit).map((s) => s.i);
}

export interface FollowerDay {
  date: string;
  total: number | null;
  gained: number | null;
  lost: number | null;
}

/**
 * Followers gained over [from, to] (inclusive days) on one network: the total at the end minus the
 * total the day before the start when the export has totals (TikTok), else the sum of daily gains
 * minus losses (LinkedIn, which has no losses), else null.
 */
export function followersGainedOf(days: readonly FollowerDay[], from: string, to: string): number | null {
  const inside = days.filter((d) => d.date >= from && d.date <= to);
  const withTotals = days.filter((d) => d.total !== null).sort((a, b) => a.date.localeCompare(b.date));
  const before = withTotals.filter((d) => d.date < from).at(-1);
  const end = withTotals.filter((d) => d.date <= to && d.date >= from).at(-1);
  if (before && end) return end.total! - before.total!;
  if (inside.length === 0) return null;
  return sumKnown(inside.map((d) => (d.gained === null && d.lost === null ? null : (d.gained ?? 0) - (d.lost ?? 0))));
}

export { median };
