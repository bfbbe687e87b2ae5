// Moving posts in a client's wall-clock time: to another day keeping the time of day, or shifted
// by whole days and minutes. Days are the client's calendar days (23 or 25 hours across DST).
import { Temporal } from 'temporal-polyfill';
import { instantToWallClock, wallClockToInstant, type ResolvedWallClock } from '../time/zones';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` → whether it is a real calendar date. */
export function isLocalDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d;
}

/** The instant a client's calendar day starts (midnight, or the first minute after a gap at midnight). */
export function dayStart(date: string, zone: string): number | null {
  return isLocalDate(date) ? (wallClockToInstant(`${date}T00:00`, zone)?.instantMs ?? null) : null;
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

// Plain calendar arithmetic on UTC timestamps: no zone is involved, and it is far faster than the
// Temporal polyfill in loops (queue look-ahead, gap warnings).
const DAY_MS = 86_400_000;
const utcDay = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return new Date(utcDay(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcDay(b) - utcDay(a)) / DAY_MS);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date. */
export function isoWeekday(date: string): number {
  return ((new Date(utcDay(date)).getUTCDay() + 6) % 7) + 1;
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
