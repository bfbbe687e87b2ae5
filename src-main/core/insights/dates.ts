// Dates and times as the exports write them, and post times recovered from network ids.
// Meta: "09/28/2026 18:12" (US order whatever the UI language, no zone: the account's wall clock).
// X classic: "2015-09-30 18:42 +0000" (UTC). X current: "Sun, Sep 13, 2026" (a day only).
// LinkedIn: "10/20/2025", ISO, or an Excel serial. TikTok: "September 4" (no year, localised).
// YouTube: "Jan 6, 2024". Ids carry the exact instant: X and LinkedIn snowflakes, TikTok video ids.

/** When a row says its post went out: an exact instant, the client's wall clock, or only a day. */
export type PostWhen =
  | { kind: 'instant'; ms: number }
  | { kind: 'local'; wallClock: string }
  | { kind: 'day'; date: string };

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'janvier', 'janv', 'enero', 'ene', 'januar', 'jänner', 'januari', 'gennaio', 'janeiro'],
  ['february', 'feb', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'febrero', 'februar', 'februari', 'febbraio', 'fevereiro', 'fev'],
  ['march', 'mar', 'mars', 'marzo', 'märz', 'maerz', 'mär', 'maart', 'março', 'marco'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maj', 'maggio', 'maio', 'mei'],
  ['june', 'jun', 'juin', 'junio', 'juni', 'giugno', 'junho'],
  ['july', 'jul', 'juillet', 'juil', 'julio', 'juli', 'luglio', 'julho'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augusti', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'setembro', 'set'],
  ['october', 'oct', 'octobre', 'octubre', 'oktober', 'okt', 'ottobre', 'outubro', 'out'],
  ['november', 'nov', 'novembre', 'noviembre', 'novemberr', 'novembro'],
  ['december', 'dec', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dezember', 'dez', 'dicembre', 'dezembro'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1970 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(year: number, month: number, day: number): string | null {
  return isRealDate(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

function monthOf(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

/** Excel's serial day (1900 date system, with its 1900 leap-year bug) → YYYY-MM-DD and minutes. */
export function excelSerialToLocal(serial: number): { date: string; minutes: number } | null {
  if (!Number.isFinite(serial) || serial < 25569 || serial > 120000) return null; // 1970 … 2228
  const ms = Math.round((serial - 25569) * 86_400_000);
  const d = new Date(ms);
  return { date: d.toISOString().slice(0, 10), minutes: d.getUTCHours() * 60 + d.getUTCMinutes() };
}

/**
 * A publish-time cell → when. Day-first is never assumed for slashes: every export that writes
 * dd/mm/yyyy… does not exist; Meta and LinkedIn write MM/DD/YYYY whatever the language.
 * `yearHint` resolves month-day dates without a year (TikTok): the latest such date not after it.
 */
export function parseWhen(raw: unknown, options: { yearHint?: string } = {}): PostWhen | null {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return null;
    // Spreadsheet dates carry no zone: their fields are the wall clock.
    const wall = `${pad(raw.getUTCFullYear(), 4)}-${pad(raw.getUTCMonth() + 1)}-${pad(raw.getUTCDate())}T${pad(raw.getUTCHours())}:${pad(raw.getUTCMinutes())}`;
    return raw.getUTCHours() === 0 && raw.getUTCMinutes() === 0 ? { kind: 'day', date: wall.slice(0, 10) } : { kind: 'local', wallClock: wall };
  }
  if (typeof raw === 'number') {
    const local = excelSerialToLocal(raw);
    if (!local) return null;
    return local.minutes === 0 ? { kind: 'day', date: local.date } : { kind: 'local', wallClock: `${local.date}T${pad(Math.floor(local.minutes / 60))}:${pad(local.minutes % 60)}` };
  }
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (!text) return null;
  let m: RegExpExecArray | null;
  // 2015-09-30 18:42 +0000, 2026-09-01T10:00:00Z, 2026-09-01T10:00:00 (no zone: wall clock), 2026-09-01
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text))) {
    const date = ymd(+m[1]!, +m[2]!, +m[3]!);
    if (!date) return null;
    if (m[4] === undefined) return { kind: 'day', date };
    const hh = +m[4], mm = +m[5]!;
    if (hh > 23 || mm > 59) return null;
    const wall = `${date}T${pad(hh)}:${pad(mm)}`;
    if (!m[7]) return hh === 0 && mm === 0 && !m[6] && /T00:00:00$/.test(text) ? { kind: 'day', date } : { kind: 'local', wallClock: wall };
    const zone = m[7] === 'Z' ? '+00:00' : m[7].length === 5 ? `${m[7].slice(0, 3)}:${m[7].slice(3)}` : m[7];
    const ms = Date.parse(`${wall}:${pad(+(m[6] ?? 0))}${zone}`);
    return Number.isFinite(ms) ? { kind: 'instant', ms } : null;
  }
  // 09/28/2026 18:12[:05] (Meta), 10/20/2025 (LinkedIn)
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i.exec(text))) {
    const date = ymd(+m[3]!, +m[1]!, +m[2]!);
    if (!date) return null;
    if (m[4] === undefined) return { kind: 'day', date };
    let hh = +m[4];
    const mm = +m[5]!;
    if (m[7]) hh = (hh % 12) + (m[7].toLowerCase() === 'pm' ? 12 : 0);
    if (hh > 23 || mm > 59) return null;
    return { kind: 'local', wallClock: `${date}T${pad(hh)}:${pad(mm)}` };
  }
  // Sun, Sep 13, 2026 · Jan 6, 2024 · September 4 · Sep 4, 2026
  if ((m = /^(?:[\p{L}]+\.?,\s*)?([\p{L}]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/u.exec(text))) {
    const month = monthOf(m[1]!);
    if (month) return dayWithYear(month, +m[2]!, m[3], options.yearHint);
  }
  // 6 janv. 2024 · 4 septembre · 5 de setembro · lun. 13 sept. 2026
  if ((m = /^(?:[\p{L}]+\.?,?\s+)?(\d{1,2})\.?\s+(?:de\s+)?([\p{L}]+)\.?(?:\s+(?:de\s+)?(\d{4}))?$/u.exec(text))) {
    const month = monthOf(m[2]!);
    if (month) return dayWithYear(month, +m[1]!, m[3], options.yearHint);
  }
  // 9月6日 (Japanese / Chinese month-day)
  if ((m = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日$/.exec(text))) return dayWithYear(+m[2]!, +m[3]!, m[1], options.yearHint);
  return null;
}

function dayWithYear(month: number, day: number, year: string | undefined, hint: string | undefined): PostWhen | null {
  if (year) {
    const date = ymd(+year, month, day);
    return date ? { kind: 'day', date } : null;
  }
  if (!hint) return null;
  // No year (TikTok): the latest such day on or before the export date.
  const hintYear = +hint.slice(0, 4);
  for (const y of [hintYear, hintYear - 1]) {
    const date = ymd(y, month, day);
    if (date && date <= hint) return { kind: 'day', date };
  }
  return null;
}

const TWITTER_EPOCH = 1288834974657n;

/** X (Twitter) snowflake id → its creation instant (ids after late 2010). */
export function xIdTime(id: string): number | null {
  if (!/^\d{15,20}$/.test(id)) return null;
  const ms = Number((BigInt(id) >> 22n) + TWITTER_EPOCH);
  return plausible(ms);
}

/** LinkedIn activity id (urn:li:activity:<id>) → its instant: the upper 41 bits are epoch ms. */
export function linkedInIdTime(id: string): number | null {
  if (!/^\d{15,20}$/.test(id)) return null;
  return plausible(Number(BigInt(id) >> 22n));
}

/** TikTok video id → its upload instant: the upper 32 bits are epoch seconds. */
export function tiktokIdTime(id: string): number | null {
  if (!/^\d{15,20}$/.test(id)) return null;
  return plausible(Number(BigInt(id) >> 32n) * 1000);
}

/** Between 2010 and 2100, or not a time at all. */
function plausible(ms: number): number | null {
  return ms > 1_262_304_000_000 && ms < 4_102_444_800_000 ? ms : null;
}

/** YYYY-MM-DD → ISO weekday 1 (Monday) … 7. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** `YYYY-MM` → the month before and after. */
export function shiftMonth(month: string, by: number): string {
  const y = +month.slice(0, 4);
  const m = +month.slice(5, 7) - 1 + by;
  const year = y + Math.floor(m / 12);
  return `${pad(year, 4)}-${pad((((m % 12) + 12) % 12) + 1)}`;
}
