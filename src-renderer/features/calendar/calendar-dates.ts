// Calendar grids in plain dates (`YYYY-MM-DD`): each post already carries its client's wall-clock
// time, so the grid never converts zones; it only lays days out, starting on the locale's first day (app/week.ts says which).
export const CALENDAR_VIEWS = ['day', 'week', 'month', 'agenda'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

// Plain dates are days since the epoch here (UTC has no DST, so day arithmetic is exact). Cheaper
// than the Temporal polyfill, which showed up in the month view's profile.
const DAY_MS = 86_400_000;
const toDays = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const fromDays = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday (1 = Monday … 7 = Sunday) of a day number (day 0, 1970-01-01, was a Thursday). */
const isoWeekday = (days: number) => ((((days + 3) % 7) + 7) % 7) + 1;
const firstOfMonth = (anchor: string, add = 0) => {
  const month = Number(anchor.slice(5, 7)) - 1 + add;
  return Date.UTC(Number(anchor.slice(0, 4)), month, 1) / DAY_MS;
};

function startOfWeek(days: number, firstDay: number): number {
  return days - ((isoWeekday(days) - firstDay + 7) % 7);
}

/** Is this a real `YYYY-MM-DD` date (not 2026-02-30)? */
export function isPlainDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && fromDays(toDays(value)) === value;
}

/** Adds whole days to a plain date. */
export function addDays(date: string, days: number): string {
  return fromDays(toDays(date) + days);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return toDays(b) - toDays(a);
}

const grids = new Map<string, string[][]>();

/** The weeks (7 dates each) that cover the month of `anchor` (cached: the grid asks on every render). */
export function monthGrid(anchor: string, firstDay: number): string[][] {
  const key = `${anchor.slice(0, 7)}/${firstDay}`;
  const cached = grids.get(key);
  if (cached) return cached;
  const last = firstOfMonth(anchor, 1) - 1;
  const weeks: string[][] = [];
  for (let day = startOfWeek(firstOfMonth(anchor), firstDay); day <= last; ) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++, day++) week.push(fromDays(day));
    weeks.push(week);
  }
  if (grids.size > 100) grids.clear();
  grids.set(key, weeks);
  return weeks;
}

export function weekDays(anchor: string, firstDay: number): string[] {
  const start = startOfWeek(toDays(anchor), firstDay);
  return Array.from({ length: 7 }, (_, i) => fromDays(start + i));
}

/** The days the hour grid shows: the anchor alone in the day view, its week in the week view. */
export function gridDays(view: 'day' | 'week', anchor: string, firstDay: number): string[] {
  return view === 'day' ? [anchor] : weekDays(anchor, firstDay);
}

/** The days a view shows, inclusive. */
export function viewRange(view: CalendarView, anchor: string, firstDay: number): { from: string; to: string } {
  if (view === 'day') return { from: anchor, to: anchor };
  if (view === 'week') {
    const days = weekDays(anchor, firstDay);
    return { from: days[0]!, to: days[6]! };
  }
  if (view === 'agenda') return { from: fromDays(firstOfMonth(anchor)), to: fromDays(firstOfMonth(anchor, 1) - 1) };
  const weeks = monthGrid(anchor, firstDay);
  return { from: weeks[0]![0]!, to: weeks.at(-1)![6]! };
}

export function stepAnchor(view: CalendarView, anchor: string, direction: 1 | -1): string {
  if (view === 'day') return addDays(anchor, direction);
  return view === 'week' ? addDays(anchor, 7 * direction) : fromDays(firstOfMonth(anchor, direction));
}

/** Is `date` among the days `view` shows around `anchor`? */
export function inView(view: CalendarView, anchor: string, firstDay: number, date: string): boolean {
  const { from, to } = viewRange(view, anchor, firstDay);
  return date >= from && date <= to;
}

/**
 * A wall-clock time (`YYYY-MM-DDTHH:mm`) moved by whole minutes on the clock face, as a person
 * counts: 23:50 + 15 min is 00:05 the next day. Daylight-saving gaps are the service's to resolve.
 */
export function addMinutes(localTime: string, minutes: number): string {
  const [h, m] = [Number(localTime.slice(11, 13)), Number(localTime.slice(14, 16))];
  const total = toDays(localTime.slice(0, 10)) * 1440 + h * 60 + m + minutes;
  const day = Math.floor(total / 1440);
  const minute = total - day * 1440;
  return `${fromDays(day)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export function sameMonth(a: string, b: string): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

/** A plain date or wall-clock time as a Date whose UTC fields are those values (for Intl with timeZone UTC). */
export function asUtcDate(local: string): Date {
  return new Date(`${local.length === 10 ? `${local}T00:00` : local}:00Z`);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today in a time zone (the system's when none is given). en-CA writes dates as YYYY-MM-DD. */
export function todayIn(zone?: string): string {
  return nowIn(zone).slice(0, 10);
}

/** The wall-clock time now (`YYYY-MM-DDTHH:mm`) in a time zone, the system's when none is given. */
export function nowIn(zone?: string, now: Date = new Date()): string {
  const key = zone ?? '';
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dayFormats.set(key, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
