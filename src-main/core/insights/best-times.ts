// Best times to post: a weekday × hour grid in the client's zone, from the client's own posts.
// Each post is scored by its engagement rate over the client's median rate on that network (so
// account size and drift cancel out); a cell's score is the median of its posts' scores. Cells with
// fewer than MIN_POSTS posts are shown but flagged as weak evidence. TikTok's follower activity (when
// followers are online) is a second layer, normalised to its busiest hour.
import { median } from './numbers';

export const MIN_POSTS = 3;

export interface TimedRate {
  network: string;
  /** ISO weekday 1 (Monday) … 7, and hour 0-23, in the client's zone. */
  weekday: number;
  hour: number;
  rate: number;
}

export type Confidence = 'high' | 'medium' | 'low';

export interface TimeCell {
  weekday: number;
  hour: number;
  posts: number;
  /** Median of (post rate ÷ the network's median rate): 1 = typical, 1.5 = half as good again. */
  score: number | null;
  confidence: Confidence;
  /** TikTok active followers in that hour, 0-1 of the busiest hour; null without data. */
  audience: number | null;
}

export interface BestTimes {
  cells: TimeCell[];
  /** Best first: cells with enough posts by score, then the weak ones. */
  top: TimeCell[];
  /** How many posts had a time of day and a rate. */
  posts: number;
}

export function confidenceOf(posts: number): Confidence {
  return posts >= 5 ? 'high' : posts >= MIN_POSTS ? 'medium' : 'low';
}

export interface ActivityHour {
  weekday: number;
  hour: number;
  active: number;
}

export function bestTimesOf(rates: readonly TimedRate[], activity: readonly ActivityHour[] = [], limit = 5): BestTimes {
  const medians = new Map<string, number>();
  for (const network of new Set(rates.map((r) => r.network))) {
    const m = median(rates.filter((r) => r.network === network).map((r) => r.rate));
    if (m !== null && m > 0) medians.set(network, m);
  }
  const scores = new Map<number, number[]>();
  let counted = 0;
  for (const r of rates) {
    const base = medians.get(r.network);
    if (base === undefined) continue;
    counted++;
    const key = (r.weekday - 1) * 24 + r.hour;
    (scores.get(key) ?? scores.set(key, []).get(key)!).push(r.rate / base);
  }
  // Audience: the mean active followers of each weekday × hour, over the days the export covers.
  const audienceSums = new Map<number, { sum: number; n: number }>();
  for (const a of activity) {
    const key = (a.weekday - 1) * 24 + a.hour;
    const s = audienceSums.get(key) ?? { sum: 0, n: 0 };
    s.sum += a.active;
    s.n++;
    audienceSums.set(key, s);
  }
  const means = new Map([...audienceSums].map(([k, s]) => [k, s.sum / s.n]));
  const busiest = Math.max(0, ...means.values());
  const cells: TimeCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const key = (weekday - 1) * 24 + hour;
      const list = scores.get(key) ?? [];
      const mean = means.get(key);
      cells.push({ weekday, hour, posts: list.length, score: median(list), confidence: confidenceOf(list.length), audience: mean === undefined || busiest === 0 ? null : mean / busiest });
    }
  }
  const scored = cells.filter((c) => c.score !== null);
  const byScore = (a: TimeCell, b: TimeCell) => b.score! - a.score! || b.posts - a.posts || (b.audience ?? 0) - (a.audience ?? 0) || a.weekday - b.weekday || a.hour - b.hour;
  const strong = scored.filter((c) => c.posts >= MIN_POSTS).sort(byScore);
  const weak = scored.filter((c) => c.posts < MIN_POSTS).sort(byScore);
  let top = [...strong, ...weak];
  // No post has a time of day yet (TikTok only): the audience's busiest hours.
  if (top.length === 0) top = cells.filter((c) => c.audience !== null).sort((a, b) => b.audience! - a.audience! || a.weekday - b.weekday || a.hour - b.hour);
  return { cells, top: top.slice(0, limit), posts: counted };
}
