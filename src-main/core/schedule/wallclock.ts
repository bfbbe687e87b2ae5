// Moving posts in a client's wall-clock time: to another day keeping the time of day, or shifted
// by whole days and minutes. Days are the client's calendar days (23 or 25 hours across DST).
import { Temporal } from 'temporal-polyfill';
import { instantToWallClock, wallClockToInstant, type ResolvedWallClock } from '../time/zones';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` → whether it is a real calendar date. */
export function isLocalDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** The post's wall-clock time of day moved onto `date` (the client's calendar day). */
export function moveToDay(instantMs: number, zone: string, date: string): ResolvedWallClock | null {
  if (!isLocalDate(date)) return null;
  const local = instantToWallClock(instantMs, zone);
  return wallClockToInstant(`${date}T${local.slice(11)}`, zone);
}

/** Shifts a wall-clock time by whole days and minutes in the client's zone. */
export function shiftWallClock(instantMs: number, zone: string, shift: { days?: number; minutes?: number }): ResolvedWallClock {
  const local = Temporal.PlainDateTime.from(instantToWallClock(instantMs, zone));
  const moved = local.add({ days: shift.days ?? 0 }).add({ minutes: shift.minutes ?? 0 });
  return wallClockToInstant(formatLocal(moved), zone)!;
}

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Whole calendar days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b), { largestUnit: 'days' }).days;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date. */
export function isoWeekday(date: string): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

export function formatLocal(p: Temporal.PlainDateTime): string {
  return p.toString({ smallestUnit: 'minute' });
}

/** `HH:mm` for a minute of the day. */
export function minuteToTime(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/** `HH:mm` → minute of the day, or null. */
export function timeToMinute(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}
