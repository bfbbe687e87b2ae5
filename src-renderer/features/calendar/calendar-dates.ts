// Calendar grids in plain dates (`YYYY-MM-DD`): each post already carries its client's wall-clock
// time, so the grid never converts zones; it only lays days out, starting on the locale's first day.
import { Temporal } from 'temporal-polyfill';

export type CalendarView = 'month' | 'week' | 'agenda';

/** ISO weekday (1 = Monday … 7 = Sunday) the locale starts its weeks on. */
export function firstDayOfWeek(locale: string): number {
  try {
    const loc = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const info = loc.getWeekInfo?.() ?? loc.weekInfo;
    if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay;
  } catch {
    // An unknown locale falls through to the ISO rule.
  }
  return /^en-(US|CA)|^ja|^he|^pt-BR/i.test(locale) ? 7 : 1;
}

function startOfWeek(date: Temporal.PlainDate, firstDay: number): Temporal.PlainDate {
  return date.subtract({ days: (date.dayOfWeek - firstDay + 7) % 7 });
}

/** The weeks (7 dates each) that cover the month of `anchor`. */
export function monthGrid(anchor: string, firstDay: number): string[][] {
  const first = Temporal.PlainDate.from(anchor).with({ day: 1 });
  const last = first.add({ months: 1 }).subtract({ days: 1 });
  const weeks: string[][] = [];
  for (let day = startOfWeek(first, firstDay); Temporal.PlainDate.compare(day, last) <= 0; ) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++, day = day.add({ days: 1 })) week.push(day.toString());
    weeks.push(week);
  }
  return weeks;
}

export function weekDays(anchor: string, firstDay: number): string[] {
  const start = startOfWeek(Temporal.PlainDate.from(anchor), firstDay);
  return Array.from({ length: 7 }, (_, i) => start.add({ days: i }).toString());
}

/** The days a view shows, inclusive. */
export function viewRange(view: CalendarView, anchor: string, firstDay: number): { from: string; to: string } {
  if (view === 'week') {
    const days = weekDays(anchor, firstDay);
    return { from: days[0]!, to: days[6]! };
  }
  const first = Temporal.PlainDate.from(anchor).with({ day: 1 });
  if (view === 'agenda') return { from: first.toString(), to: first.add({ months: 1 }).subtract({ days: 1 }).toString() };
  const weeks = monthGrid(anchor, firstDay);
  return { from: weeks[0]![0]!, to: weeks.at(-1)![6]! };
}

export function stepAnchor(view: CalendarView, anchor: string, direction: 1 | -1): string {
  const date = Temporal.PlainDate.from(anchor);
  return (view === 'week' ? date.add({ weeks: direction }) : date.with({ day: 1 }).add({ months: direction })).toString();
}

export function sameMonth(a: string, b: string): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

/** A plain date or wall-clock time as a Date whose UTC fields are those values (for Intl with timeZone UTC). */
export function asUtcDate(local: string): Date {
  return new Date(`${local.length === 10 ? `${local}T00:00` : local}:00Z`);
}

export function todayIn(zone?: string): string {
  return Temporal.Now.plainDateISO(zone).toString();
}
