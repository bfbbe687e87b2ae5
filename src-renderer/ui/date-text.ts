// Dates and times typed and shown the way the studio's language writes them — 06/01/2027 and
// 09:30 in French, 01/06/2027 and 9:30 AM in English — whatever language the browser itself runs
// in (a native <input type="date"> follows the browser, not the app). Values stay ISO
// (`YYYY-MM-DD`, `HH:mm`) for everything else.

export type DatePart = 'day' | 'month' | 'year';

/** The order of day, month and year in the language's short numeric date, and its separator. */
export function dateOrder(language: string): { order: DatePart[]; separator: string } {
  const parts = new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(Date.UTC(2027, 0, 6));
  const order = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type as DatePart);
  const separator = parts.find((p) => p.type === 'literal')?.value ?? '/';
  return { order, separator };
}

/** Whether the language writes times on a 12-hour clock (English: 9:30 AM). */
export function uses12Hours(language: string): boolean {
  return new Intl.DateTimeFormat(language, { hour: 'numeric', timeZone: 'UTC' }).formatToParts(0).some((p) => p.type === 'dayPeriod');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 1000 && year <= 9999 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `YYYY-MM-DD` → the language's numeric date (06/01/2027), or '' for ''. */
export function formatDate(iso: string, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  const { order, separator } = dateOrder(language);
  const values: Record<DatePart, string> = { year: m[1]!, month: m[2]!, day: m[3]! };
  return order.map((p) => values[p]).join(separator);
}

/** What a person typed, read in the language's order (ISO `2027-01-06` is understood too) → `YYYY-MM-DD`, or null. */
export function parseDate(text: string, language: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const groups = iso ? null : trimmed.split(/[^\d]+/).filter(Boolean);
  let year: number, month: number, day: number;
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else {
    if (!groups || groups.length !== 3) return null;
    const { order } = dateOrder(language);
    const value = (part: DatePart) => Number(groups[order.indexOf(part)]);
    [year, month, day] = [value('year'), value('month'), value('day')];
    if (groups[order.indexOf('year')]!.length === 2) year += 2000;
  }
  return realDate(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

/** `HH:mm` → the language's time (09:30, or 9:30 AM), or '' for ''. */
export function formatTime(hm: string, language: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hm);
  if (!m) return '';
  return new Intl.DateTimeFormat(language, { hour: uses12Hours(language) ? 'numeric' : '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2000, 0, 1, Number(m[1]), Number(m[2])));
}

/**
 * A typed time → `HH:mm`, or null. Takes 24-hour times (14:30, 14h30, 1430, 9) and, in any
 * language, a trailing am/pm (2:30 pm); the language's own day-period words count too.
 */
export function parseTime(text: string, language: string): string | null {
  const periods = new Intl.DateTimeFormat(language, { hour: 'numeric', hour12: true, timeZone: 'UTC' });
  const am = periods.formatToParts(Date.UTC(2000, 0, 1, 9)).find((p) => p.type === 'dayPeriod')?.value.toLowerCase().replace(/\./g, '') ?? 'am';
  const pm = periods.formatToParts(Date.UTC(2000, 0, 1, 21)).find((p) => p.type === 'dayPeriod')?.value.toLowerCase().replace(/\./g, '') ?? 'pm';
  const cleaned = text.trim().toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ');
  const m = /^(\d{1,2})(?:\s*[:h]\s*(\d{2})|(\d{2}))?\s*([a-z]+)?$/.exec(cleaned);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? m[3] ?? '0');
  const period = m[4];
  if (period) {
    const isPm = period === pm || period === 'pm' || period === 'p';
    const isAm = period === am || period === 'am' || period === 'a';
    if ((!isPm && !isAm) || hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (isPm ? 12 : 0);
  }
  return hour <= 23 && minute <= 59 ? `${pad(hour)}:${pad(minute)}` : null;
}
