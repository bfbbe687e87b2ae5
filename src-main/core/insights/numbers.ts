// Numbers as the networks' exports write them, in any locale: "1,234" (EN), "1 234" with a
// no-break or narrow no-break space (FR), "1.234" (DE/ES/PT), "1.2K" (TikTok), "424.0" (old X),
// "3,4 %" (a percentage), and the many ways of saying "no data" — which is missing, never zero.

/** Cells that mean "no data": blank, dashes, N/A, TikTok's `undefined`. */
const MISSING = new Set(['', '-', '–', '—', '--', 'n/a', 'na', 'n.a.', 'undefined', 'null', 'none', 'nan']);
const SPACES = /[\s\u00a0\u2007\u2009\u202f\u200b\ufeff']/g;
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

export type MetricKind = 'count' | 'decimal';

/**
 * A cell → a number, or null when the cell says there is no data.
 * `count` columns read "1.250" as 1250 (a thousands dot); `decimal` columns read it as 1.25.
 * A trailing % divides by 100, so "5.2%" and "0.052" are the same rate.
 * Returns NaN for text that is not a number at all (the caller names the row and column).
 */
export function parseMetric(raw: unknown, kind: MetricKind = 'count'): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'boolean') return NaN;
  let text = String(raw).trim();
  if (MISSING.has(text.toLowerCase())) return null;
  let factor = 1;
  if (text.endsWith('%')) {
    factor = 0.01;
    text = text.slice(0, -1);
  }
  text = text.replace(SPACES, '');
  const suffix = /([kmb])$/i.exec(text);
  if (suffix) {
    factor *= SUFFIX[suffix[1]!.toLowerCase()]!;
    text = text.slice(0, -1);
  }
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('−')) {
    sign = -1;
    text = text.slice(1);
  } else if (text.startsWith('+')) text = text.slice(1);
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return NaN;
  const value = Number(normaliseSeparators(text, kind, suffix !== null || factor !== 1));
  return Number.isFinite(value) ? sign * value * factor : NaN;
}

/** Decides which of "," and "." is the decimal mark and returns a plain JS number string. */
function normaliseSeparators(text: string, kind: MetricKind, fractional: boolean): string {
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the later one is the decimal mark ("1,234.5" or "1.234,5").
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    return text.split(thousands).join('').replace(decimal, '.');
  }
  const mark = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
  if (!mark) return text;
  const groups = text.split(mark);
  const thousandsShape = groups.length > 1 && /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
  if (groups.length > 2) return thousandsShape ? groups.join('') : 'x';
  // One mark. "1,234" is a thousands comma; "1.234" is one too in a count column (German style),
  // but a decimal point in a rate, after a K suffix or before a %.
  if (thousandsShape && (mark === ',' ? !fractional : kind === 'count' && !fractional)) return groups.join('');
  return `${groups[0]}.${groups[1]}`;
}

/** Sum of the known values; null when none is known (missing is not zero). */
export function sumKnown(values: readonly (number | null | undefined)[]): number | null {
  let total: number | null = null;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) total = (total ?? 0) + v;
  return total;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
