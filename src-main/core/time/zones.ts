// Time-zone maths for client calendars. Pure: runs in the renderer, the services and the CLI.
//
// Instants are stored in UTC; a client's calendar shows its own wall-clock time. Converting a
// wall-clock time to an instant follows RFC 5545 / Temporal's "compatible" rule, which we document
// to users: a time skipped by a spring-forward change moves forward by the gap (02:30 → 03:30),
// and a time that happens twice at a fall-back change means the first (earlier) occurrence.
import { Temporal } from 'temporal-polyfill';
import { inFastRange, localToInstant, offsetAt as offsetMsAt } from './offsets';

export type WallClockResolution = 'exact' | 'shifted_forward' | 'ambiguous_earlier';

export interface ResolvedWallClock {
  /** Epoch milliseconds (UTC). */
  instantMs: number;
  /** The wall-clock time the instant really shows in the zone, `YYYY-MM-DDTHH:mm`. */
  local: string;
  resolution: WallClockResolution;
}

const zoneCache = new Map<string, boolean>();

/** True when `zone` is an IANA time-zone name this runtime knows (e.g. `Europe/Paris`, `UTC`). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  const cached = zoneCache.get(zone);
  if (cached !== undefined) return cached;
  let ok = false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    ok = true;
  } catch {
    ok = false;
  }
  zoneCache.set(zone, ok);
  return ok;
}

/** Every IANA zone the runtime lists, for pickers. */
export function listTimeZones(): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf;
  const zones = supported ? supported('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

/** Parses `YYYY-MM-DDTHH:mm`; returns null when the text is not a real calendar date and time. */
export function parseWallClock(text: string): Temporal.PlainDateTime | null {
  const m = WALL_CLOCK.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  try {
    return Temporal.PlainDateTime.from({ year, month, day, hour, minute }, { overflow: 'reject' });
  } catch {
    return null;
  }
}

/** Wall-clock time in `zone` → UTC instant, resolving DST gaps and overlaps by the documented rule. */
export function wallClockToInstant(local: string, zone: string): ResolvedWallClock | null {
  const fast = fastWallClockToInstant(local, zone);
  if (fast !== undefined) return fast;
  const pdt = parseWallClock(local);
  if (!pdt || !isValidTimeZone(zone)) return null;
  const zoned = pdt.toZonedDateTime(zone, { disambiguation: 'compatible' });
  const earlier = pdt.toZonedDateTime(zone, { disambiguation: 'earlier' });
  const later = pdt.toZonedDateTime(zone, { disambiguation: 'later' });
  const shownLocal = formatPlain(zoned.toPlainDateTime());
  let resolution: WallClockResolution = 'exact';
  if (shownLocal !== formatPlain(pdt)) resolution = 'shifted_forward';
  else if (earlier.epochMilliseconds !== later.epochMilliseconds) resolution = 'ambiguous_earlier';
  return { instantMs: zoned.epochMilliseconds, local: shownLocal, resolution };
}

/** The same answer from cached offset tables (see offsets.ts); undefined when out of its range. */
function fastWallClockToInstant(local: string, zone: string): ResolvedWallClock | null | undefined {
  const m = WALL_CLOCK.exec(local.trim());
  if (!m) return null;
  if (!isValidTimeZone(zone)) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || day < 1) return null;
  const localMs = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(localMs);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null; // 30 February
  if (year < 1000 || !inFastRange(localMs)) return undefined;
  const { instantMs, kind } = localToInstant(localMs, zone);
  const shown = kind === 'gap' ? formatUtcFields(instantMs + offsetMsAt(instantMs, zone)) : formatUtcFields(localMs);
  return { instantMs, local: shown, resolution: kind === 'gap' ? 'shifted_forward' : kind === 'ambiguous' ? 'ambiguous_earlier' : 'exact' };
}

// Only called inside the fast range (years 1900–2199), where toISOString has a 4-digit year: one
// string instead of five padded pieces, which matters in month views of hundreds of posts.
function formatUtcFields(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** UTC instant → wall-clock `YYYY-MM-DDTHH:mm` in `zone`. Hot in the calendar: one cached Intl formatter per zone. */
export function instantToWallClock(instantMs: number, zone: string): string {
  if (inFastRange(instantMs) && isValidTimeZone(zone)) return formatUtcFields(instantMs + offsetMsAt(instantMs, zone));
  let format = wallClockFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    wallClockFormats.set(zone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(instantMs)) parts[part.type] = part.value;
  const year = Number(parts.year);
  if (!Number.isFinite(year) || year < 1 || year > 9999) {
    return formatPlain(Temporal.Instant.fromEpochMilliseconds(instantMs).toZonedDateTimeISO(zone).toPlainDateTime());
  }
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * Whether the wall-clock time an instant shows in `zone` happens twice (the hour repeated when the
 * clocks go back). Such a time alone does not say which of the two instants it means, so files
 * write it with its UTC offset (CSV) or in UTC (ICS).
 */
export function isAmbiguousInstant(instantMs: number, zone: string): boolean {
  return wallClockToInstant(instantToWallClock(instantMs, zone), zone)?.resolution === 'ambiguous_earlier';
}

const OFFSET = /^(?:Z|([+-])(\d{2}):?(\d{2}))$/i;

/** `+02:00`, `-0500` or `Z` → minutes east of UTC, or null. */
export function parseUtcOffset(text: string): number | null {
  const m = OFFSET.exec(text.trim());
  if (!m) return null;
  if (!m[1]) return 0;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 18 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * A wall-clock time in `zone` with the UTC offset it was written with → that exact instant; null
 * when `zone` never shows that time at that offset (the offset names one of the two instants of a
 * repeated hour, never a different time).
 */
export function wallClockAtOffset(local: string, offsetMinutes: number, zone: string): ResolvedWallClock | null {
  const pdt = parseWallClock(local);
  if (!pdt || !isValidTimeZone(zone)) return null;
  const instantMs = Date.UTC(pdt.year, pdt.month - 1, pdt.day, pdt.hour, pdt.minute) - offsetMinutes * 60_000;
  const shown = formatPlain(pdt);
  return instantToWallClock(instantMs, zone) === shown ? { instantMs, local: shown, resolution: 'exact' } : null;
}

/** The UTC offset of `zone` at an instant, as `+02:00` (offsets.ts's `offsetAt` in milliseconds, written out). */
export function offsetLabelAt(instantMs: number, zone: string): string {
  if (!inFastRange(instantMs)) return Temporal.Instant.fromEpochMilliseconds(instantMs).toZonedDateTimeISO(zone).offset;
  const minutes = Math.round(offsetMsAt(instantMs, zone) / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** First instant of the calendar month containing `yearMonth` (`YYYY-MM`) in `zone`, and of the next one. */
export function monthRange(yearMonth: string, zone: string): { fromMs: number; toMs: number } {
  const ym = Temporal.PlainYearMonth.from(yearMonth);
  const start = ym.toPlainDate({ day: 1 }).toZonedDateTime({ timeZone: zone });
  const end = ym.add({ months: 1 }).toPlainDate({ day: 1 }).toZonedDateTime({ timeZone: zone });
  return { fromMs: start.epochMilliseconds, toMs: end.epochMilliseconds };
}

/** A calendar date `YYYY-MM-DD` in `zone` → the instant its day starts. */
export function startOfLocalDay(date: string, zone: string): number | null {
  try {
    return Temporal.PlainDate.from(date, { overflow: 'reject' }).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  } catch {
    return null;
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatPlain(p: Temporal.PlainDateTime): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
