// Recurring (evergreen) posts: an RFC 5545 RRULE read in the client's wall-clock time.
//
// The rule is expanded by the `rrule` package on "floating" times (UTC fields standing for the
// client's wall clock), then each occurrence is placed in the zone by the documented DST rule. So a
// weekly 09:00 post stays at 09:00 local across DST changes, and an occurrence inside a spring-forward
// gap moves forward by the gap. An end is required: a count or a last date (a plan, not infinity).
import { message, type Message } from '../messages';
import * as rruleModule from 'rrule';
import type { Options } from 'rrule';
import { Temporal } from 'temporal-polyfill';
import { parseWallClock, wallClockToInstant, type WallClockResolution } from '../time/zones';
import { isLocalDate } from './wallclock';

// rrule ships ESM for bundlers and a UMD bundle for Node's own loader (benchmarks, scripts), where the
// namespace only has `default`: take RRule from whichever shape arrived.
type RRuleModule = typeof rruleModule;
const RRule = ('RRule' in rruleModule ? rruleModule : (rruleModule as unknown as { default: RRuleModule }).default).RRule;

export const MAX_OCCURRENCES = 500;

export interface RecurrenceSpec {
  /** The RRULE body, e.g. `FREQ=WEEKLY;BYDAY=MO,TH` (an `RRULE:` prefix is accepted). */
  rule: string;
  /** First occurrence, the client's wall clock `YYYY-MM-DDTHH:mm`. */
  start: string;
  /** End after this many occurrences… */
  count?: number;
  /** …or on this last day (`YYYY-MM-DD`, inclusive, in the client's zone). */
  until?: string;
}

export interface Occurrence {
  /** The occurrence's original wall-clock time: its stable key, even after it is edited. */
  key: string;
  instantMs: number;
  /** Where it really lands (differs from `key` in a spring-forward gap). */
  local: string;
  resolution: WallClockResolution;
}

export type RecurrenceResult = { ok: true; occurrences: Occurrence[] } | { ok: false; problem: Message };

const FORBIDDEN = /(^|;)(DTSTART|COUNT|UNTIL|TZID)=/i;

function floating(p: Temporal.PlainDateTime): Date {
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
}

function fromFloating(d: Date): string {
  return d.toISOString().slice(0, 16);
}

export function expandRecurrence(spec: RecurrenceSpec, zone: string): RecurrenceResult {
  const body = spec.rule.trim().replace(/^RRULE:/i, '');
  if (!body) return { ok: false, problem: message('repeat.empty', undefined, 'The repeat rule is empty.') };
  if (FORBIDDEN.test(body)) return { ok: false, problem: message('repeat.fieldsInRule', undefined, 'Give the start, count and end date as fields, not inside the rule.') };
  const start = parseWallClock(spec.start);
  if (!start) return { ok: false, problem: message('repeat.badStart', { value: spec.start }, `${spec.start} is not a date and time like 2026-12-03T09:30.`) };
  if (spec.count === undefined && spec.until === undefined) return { ok: false, problem: message('repeat.needsEnd', undefined, 'A repeat needs an end: a number of posts or a last date.') };
  if (spec.count !== undefined && spec.until !== undefined) return { ok: false, problem: message('repeat.countOrUntil', undefined, 'Give either a number of posts or a last date, not both.') };
  if (spec.count !== undefined && (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > MAX_OCCURRENCES)) {
    return { ok: false, problem: message('repeat.countRange', { max: MAX_OCCURRENCES }, `The number of posts must be between 1 and ${MAX_OCCURRENCES}.`) };
  }
  if (spec.until !== undefined && !isLocalDate(spec.until)) return { ok: false, problem: message('repeat.badUntil', { value: spec.until }, `${spec.until} is not a date like 2026-12-31.`) };
  let parsed: Partial<Options>;
  try {
    parsed = RRule.parseString(body);
  } catch (error) {
    return { ok: false, problem: message('repeat.invalidRule', undefined, `The repeat rule is not valid RRULE: ${(error as Error).message}`) };
  }
  if (parsed.freq === undefined) return { ok: false, problem: message('repeat.needsFreq', undefined, 'The repeat rule needs a FREQ (e.g. FREQ=WEEKLY).') };
  const options: Partial<Options> = { ...parsed, dtstart: floating(start), tzid: null };
  if (spec.count !== undefined) options.count = spec.count;
  if (spec.until !== undefined) {
    const last = Temporal.PlainDate.from(spec.until);
    options.until = new Date(Date.UTC(last.year, last.month - 1, last.day, 23, 59, 59));
  }
  let dates: Date[];
  try {
    dates = new RRule(options).all((_, i) => i < MAX_OCCURRENCES);
  } catch (error) {
    return { ok: false, problem: message('repeat.cannotExpand', undefined, `The repeat rule cannot be expanded: ${(error as Error).message}`) };
  }
  const occurrences: Occurrence[] = [];
  for (const d of dates) {
    const key = fromFloating(d);
    const resolved = wallClockToInstant(key, zone);
    if (!resolved) continue;
    occurrences.push({ key, instantMs: resolved.instantMs, local: resolved.local, resolution: resolved.resolution });
  }
  if (occurrences.length === 0) return { ok: false, problem: message('repeat.noDates', undefined, 'The repeat rule gives no dates before its end.') };
  return { ok: true, occurrences };
}
