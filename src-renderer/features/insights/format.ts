// Numbers, rates, changes and days as the Insights screen shows them, in the UI language.
import type { Summary } from '../../../src-main/contract/api/insights';

export interface InsightFormats {
  number(v: number | null): string;
  rate(v: number | null): string;
  score(v: number | null): string;
  signed(v: number | null): string;
  /** A KPI's change: a percentage, or points for a rate; '' when there is nothing to compare. */
  change(c: Summary['changes'][keyof Summary['changes']], points?: boolean): { text: string; sign: number };
  weekday(iso: number): string;
  day(date: string): string;
  dateTime(local: string): string;
  month(month: string): string;
}

export function insightFormats(language: string, none: string, pointsLabel: (value: string) => string): InsightFormats {
  const int = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const dec = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const signed = new Intl.NumberFormat(language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const signedPct = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    number: (v) => (v === null ? none : int.format(v)),
    rate: (v) => (v === null ? none : pct.format(v)),
    score: (v) => (v === null ? none : dec.format(v)),
    signed: (v) => (v === null ? none : signed.format(v)),
    change(c, points = false) {
      if (c.delta === null) return { text: '', sign: 0 };
      const text = points ? pointsLabel(signed.format(c.delta * 100)) : c.ratio !== null ? signedPct.format(c.ratio) : signed.format(c.delta);
      return { text, sign: Math.sign(c.delta) };
    },
    weekday: (iso) => weekday.format(Date.UTC(2024, 0, iso)), // 2024-01-01 was a Monday
    day: (date) => day.format(new Date(`${date}T12:00:00Z`)),
    dateTime: (local) => dateTime.format(new Date(`${local}:00Z`)),
    month: (m) => month.format(Date.UTC(+m.slice(0, 4), +m.slice(5, 7) - 1, 15)),
  };
}

export function previousMonth(month: string): string {
  const y = +month.slice(0, 4);
  const m = +month.slice(5, 7);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The months the screen offers, newest first: this month and the three years before it (what the
 * networks' exports reach back to), plus the chosen one if it is older.
 */
export function monthChoices(current: string, chosen: string): string[] {
  const out: string[] = [];
  for (let m = current, i = 0; i < 37; i++, m = previousMonth(m)) out.push(m);
  if (/^\d{4}-\d{2}$/.test(chosen) && !out.includes(chosen)) out.push(chosen);
  return out;
}

/** This month in a zone, `YYYY-MM`. */
export function monthIn(zone: string, now = new Date()): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' }).formatToParts(now).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}`;
}
