// Fast UTC-offset lookups for the calendar's hot paths (imports, month views, warnings).
//
// The Temporal polyfill takes ~0.4 ms to turn a wall-clock time into an instant, too slow for a
// 10,000-row import. Here each zone-year is probed once with Intl (a sample per day, then a binary
// search to the minute for each change), and every later lookup is a search in that short list of
// transitions. The answers follow the same rule as Temporal's "compatible" disambiguation, which the
// tests check against Temporal itself.

const MINUTE = 60_000;
const DAY = 86_400_000;

interface ZoneYear {
  /** Offset (ms, local − UTC) in force at the start of the year. */
  base: number;
  /** Instants where the offset changes, with the offset from then on, in order. */
  changes: { at: number; offset: number }[];
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const years = new Map<string, ZoneYear>();
const OFFSET = /GMT(?:([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?$/;

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // `longOffset` names the offset itself ("GMT+05:30"): one short string per probe.
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset by asking Intl directly (used to build the tables). */
function probe(ms: number, zone: string): number {
  const m = OFFSET.exec(formatter(zone).format(ms));
  if (!m) throw new Error(`Cannot read the UTC offset of ${zone}`);
  if (!m[1]) return 0;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * ((Number(m[2]) * 60 + Number(m[3] ?? 0)) * MINUTE + Number(m[4] ?? 0) * 1000);
}

function zoneYear(year: number, zone: string): ZoneYear {
  const key = `${zone}|${year}`;
  const cached = years.get(key);
  if (cached) return cached;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const base = probe(start, zone);
  const changes: ZoneYear['changes'] = [];
  let previous = base;
  for (let t = start; t < end; ) {
    const next = Math.min(t + DAY, end);
    const offset = probe(next, zone);
    if (offset !== previous) {
      // The change lies in (t, next]: narrow it to the minute.
      let lo = t;
      let hi = next;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (probe(mid, zone) === previous) lo = mid;
        else hi = mid;
      }
      if (next !== end) changes.push({ at: hi, offset });
      previous = offset;
    }
    t = next;
  }
  const result = { base, changes };
  years.set(key, result);
  return result;
}

/** Years this module answers for; outside them callers use Temporal. */
const FAST_FROM = Date.UTC(1900, 0, 2);
const FAST_TO = Date.UTC(2200, 0, 1);

export function inFastRange(ms: number): boolean {
  return ms >= FAST_FROM && ms < FAST_TO;
}

// The last table used: calendar loops ask about one zone and one year many times in a row.
let last: { zone: string; from: number; to: number; table: ZoneYear } | null = null;

/** The zone's UTC offset at an instant, in milliseconds (local − UTC). */
export function offsetAt(ms: number, zone: string): number {
  let table: ZoneYear;
  if (last && last.zone === zone && ms >= last.from && ms < last.to) table = last.table;
  else {
    const year = new Date(ms).getUTCFullYear();
    table = zoneYear(year, zone);
    last = { zone, from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1), table };
  }
  const { base, changes } = table;
  let offset = base;
  for (const change of changes) {
    if (change.at <= ms) offset = change.offset;
    else break;
  }
  return offset;
}

/**
 * Wall-clock fields (as a UTC timestamp) → instant. `exact`, `ambiguous` (the earlier of two is
 * returned) or `gap` (moved forward by the gap: the offset before the change applies).
 */
export function localToInstant(localMs: number, zone: string): { instantMs: number; kind: 'exact' | 'ambiguous' | 'gap' } {
  const before = offsetAt(localMs - DAY, zone);
  const after = offsetAt(localMs + DAY, zone);
  const candidates: number[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = localMs - offset;
    if (offsetAt(instant, zone) === offset) candidates.push(instant);
  }
  if (candidates.length === 0) {
    // A spring-forward gap: read the time with the offset before the change.
    return { instantMs: localMs - before, kind: 'gap' };
  }
  candidates.sort((a, b) => a - b);
  return { instantMs: candidates[0]!, kind: candidates.length > 1 ? 'ambiguous' : 'exact' };
}
