// Plan warnings: posts for the same client and network too close together, and gaps of more than N
// days with nothing planned. Days are counted in the client's calendar.
import { instantToWallClock } from '../time/zones';
import { daysBetween } from './wallclock';
import { PLANNED_STATUSES } from './workflow';

export interface WarningPost {
  id: string;
  clientId: string;
  networks: readonly string[];
  instantMs: number;
  /** The post's day in its client's calendar (`YYYY-MM-DD`), when the caller already knows it. */
  localDate?: string;
}

export interface WarningOptions {
  /** Two posts on one network closer than this are flagged. */
  minSpacingMinutes: number;
  /** More than this many whole days without a post is a gap. */
  maxGapDays: number;
}

export const DEFAULT_WARNING_OPTIONS: WarningOptions = { minSpacingMinutes: 120, maxGapDays: 7 };

export type PlanWarning =
  /**
   * A run of posts on one network, each closer than the spacing to the one before: one warning for
   * the run, not one per pair (five posts at 09:00 are one problem). `postIds` in time order, two or
   * more; `minutes` from the first to the last.
   */
  | { kind: 'too_close'; clientId: string; network: string; postIds: string[]; minutes: number }
  | { kind: 'gap'; clientId: string; fromDate: string; toDate: string; days: number };

/**
 * `zones` maps a client id to its zone. `range` (client-local dates, inclusive) also flags an empty
 * start or end of the period.
 */
export function planWarnings(
  posts: readonly WarningPost[],
  zones: ReadonlyMap<string, string>,
  options: WarningOptions = DEFAULT_WARNING_OPTIONS,
  range?: { fromDate: string; toDate: string },
): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const byClient = new Map<string, WarningPost[]>();
  for (const p of posts) {
    const list = byClient.get(p.clientId) ?? [];
    list.push(p);
    byClient.set(p.clientId, list);
  }
  for (const [clientId, list] of byClient) {
    list.sort((a, b) => a.instantMs - b.instantMs || a.id.localeCompare(b.id));
    // Spacing, per network: consecutive posts closer than the spacing chain into one run.
    const runOn = new Map<string, WarningPost[]>();
    const runs: { network: string; posts: WarningPost[] }[] = [];
    for (const p of list) {
      for (const network of p.networks) {
        const run = runOn.get(network);
        const previous = run?.[run.length - 1];
        if (run && previous && Math.round((p.instantMs - previous.instantMs) / 60_000) < options.minSpacingMinutes) run.push(p);
        else {
          const fresh = [p];
          runOn.set(network, fresh);
          runs.push({ network, posts: fresh });
        }
      }
    }
    // Runs were opened in time order, so the warnings read in the order the runs start.
    for (const { network, posts: run } of runs) {
      if (run.length < 2) continue;
      const minutes = Math.round((run[run.length - 1]!.instantMs - run[0]!.instantMs) / 60_000);
      warnings.push({ kind: 'too_close', clientId, network, postIds: run.map((p) => p.id), minutes });
    }
    // Gaps, in the client's calendar days.
    const zone = zones.get(clientId) ?? 'UTC';
    const days = [...new Set(list.map((p) => p.localDate ?? instantToWallClock(p.instantMs, zone).slice(0, 10)))].sort();
    const edges = range ? [range.fromDate, ...days, range.toDate] : days;
    for (let i = 1; i < edges.length; i++) {
      const a = edges[i - 1]!;
      const b = edges[i]!;
      const isStart = range && i === 1;
      const isEnd = range && i === edges.length - 1;
      // Days strictly between two posting days are empty; an edge of the period counts itself.
      const empty = daysBetween(a, b) - 1 + (isStart ? 1 : 0) + (isEnd ? 1 : 0);
      if (empty > options.maxGapDays) warnings.push({ kind: 'gap', clientId, fromDate: a, toDate: b, days: empty });
    }
  }
  return warnings;
}

/** A post as the calendar shows it (the contract's GridPost has these fields). */
export interface PeriodPost {
  id: string;
  clientId: string;
  status: string;
  scheduledAt: string | null;
  localTime: string | null;
  /** The networks of its variants. */
  networks: readonly string[];
}

/**
 * The warnings of a calendar period: its planned posts (every status but missed and cancelled), each
 * on its networks (or on 'any' without one). The services answer `calendar.range` with these, and a
 * window that applies a change to its period works them out again the same way.
 */
export function periodWarnings(
  posts: readonly PeriodPost[],
  zones: ReadonlyMap<string, string>,
  options: WarningOptions = DEFAULT_WARNING_OPTIONS,
  range?: { fromDate: string; toDate: string },
): PlanWarning[] {
  return planWarnings(
    posts
      .filter((p) => (PLANNED_STATUSES as readonly string[]).includes(p.status) && p.scheduledAt !== null && p.localTime !== null)
      .map((p) => ({
        id: p.id,
        clientId: p.clientId,
        networks: p.networks.length ? p.networks : ['any'],
        instantMs: Date.parse(p.scheduledAt!),
        localDate: p.localTime!.slice(0, 10),
      })),
    zones,
    options,
    range,
  );
}
