// CSV rows ↔ posts for the three formats Atelier reads and writes. Pure: takes parsed cells (the
// services parse the text with csv-parse) and returns what each row means, or why it is wrong.
//
// - Hootsuite bulk format: no header; date-time (`MM/DD/YYYY HH:mm`, or `DD/MM/YYYY HH:mm` with
//   the DMY date format), message, optional link. Hootsuite only takes minutes that are multiples of
//   5, so exported times are rounded UP to the next multiple of 5 (never earlier than planned).
// - Publer: a header row. Publer's current template has twelve fixed columns (PUBLER_HEADER); Atelier
//   writes all twelve and reads columns by header name (Message = Text, Link = Link(s)), so older
//   and longer templates import too. Dates are `YYYY-MM-DD HH:MM` (also `YYYY/MM/DD`); a blank date
//   is an unscheduled draft.
// - Atelier: `date,time,timezone,client,network,status,title,caption,link,labels,design`; lists
//   (network, labels) are separated by `;`. Meant to be opened in a spreadsheet too, so every cell is
//   formula-safe (see core/text/spreadsheet.ts) and the import takes that quote off again.
//
// A wall-clock time that happens twice (the repeated hour when clocks go back) is written with its
// UTC offset — `01:30-04:00` (Atelier), `11/07/2027 01:30 -05:00` (Hootsuite, Publer) — so each of
// the two instants comes back as itself. Any time may carry an offset on import; it must be one the
// zone really has at that wall-clock time.
import { isNetworkId, NETWORKS, POST_STATUSES, type NetworkId, type PostStatus } from '../domain/posts';
import { message, type Message } from '../messages';
import { PREVIEW_STRINGS } from '../packs/preview-strings';
import { escapeFormula, unescapeFormula } from '../text/spreadsheet';
import { truncate } from '../text/truncate';
import {
  instantToWallClock,
  isAmbiguousInstant,
  isValidTimeZone,
  offsetLabelAt,
  parseUtcOffset,
  wallClockAtOffset,
  wallClockToInstant,
  type WallClockResolution,
} from '../time/zones';

export type CsvFormatName = 'hootsuite' | 'publer' | 'atelier';
export type DateOrder = 'MDY' | 'DMY';

export const ATELIER_HEADER = ['date', 'time', 'timezone', 'client', 'network', 'status', 'title', 'caption', 'link', 'labels', 'design'] as const;
/** Publer's current bulk template: twelve fixed columns, blank ones kept (Publer reads by position). */
export const PUBLER_HEADER = ['Date', 'Text', 'Link(s)', 'Media URL(s)', 'Title', 'Label(s)', 'Alt text(s)', 'Comment(s)', 'Board/Album', 'Post subtype', 'CTA', 'Reminder'] as const;

export interface RowPost {
  title: string;
  caption: string;
  link: string;
  status: PostStatus;
  instantMs: number | null;
  /** The wall-clock time as given, when the documented DST rule changed it. */
  adjusted: { given: string; local: string; resolution: WallClockResolution } | null;
  networks: NetworkId[];
  labels: string[];
  designId: string | null;
}

export type RowResult = { ok: true; post: RowPost } | { ok: false; problems: Message[] };

/** A title made from a caption: at most 80 characters (graphemes) and 200 UTF-16 units (a post title's limit). */
export const TITLE_MAX = 80;
export const TITLE_MAX_UNITS = 200;

/** A title from the first line of a message (else the link), for formats that have none. */
export function titleFrom(text: string, link: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim())?.trim() ?? '';
  return truncate(line || link.trim(), TITLE_MAX, { maxUnits: TITLE_MAX_UNITS });
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A wall-clock time in `zone` (with the UTC offset it was written with, if any) → its instant, or a problem. */
function resolveLocal(local: string, offset: string | undefined, zone: string, field: string, problems: Message[], shown: string) {
  if (offset !== undefined) {
    const minutes = parseUtcOffset(offset);
    const exact = minutes === null ? null : wallClockAtOffset(local, minutes, zone);
    if (exact) return { instantMs: exact.instantMs, adjusted: null };
    if (minutes !== null && wallClockToInstant(local, zone)) {
      problems.push(message('csv.offsetMismatch', { field, value: shown, zone, offset }, `${field} "${shown}": ${zone} is never at UTC${offset} at that time`));
      return null;
    }
  }
  const resolved = offset === undefined ? wallClockToInstant(local, zone) : null;
  if (!resolved) {
    problems.push(message('csv.notRealTime', { field, value: shown }, `${field} "${shown}" is not a real date and time`));
    return null;
  }
  return {
    instantMs: resolved.instantMs,
    adjusted: resolved.resolution === 'exact' ? null : { given: local, local: resolved.local, resolution: resolved.resolution },
  };
}

/** The UTC offset written after an ambiguous wall-clock time (`-05:00`), or '' when the time alone is clear. */
export function offsetSuffix(instantMs: number, zone: string): string {
  return isAmbiguousInstant(instantMs, zone) ? offsetLabelAt(instantMs, zone) : '';
}

const OFFSET_PART = '(Z|[+-]\\d{2}:?\\d{2})';
const HOOTSUITE_DATE = new RegExp(`^(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})\\s+(\\d{1,2}):(\\d{2})(?:\\s*${OFFSET_PART})?$`, 'i');

/** `MM/DD/YYYY HH:mm` or `DD/MM/YYYY HH:mm` (optionally `±HH:MM`) → `YYYY-MM-DDTHH:mm` and the offset, or null. */
export function parseSlashedDate(text: string, order: DateOrder): { local: string; offset?: string } | null {
  const m = HOOTSUITE_DATE.exec(text.trim());
  if (!m) return null;
  const [a, b, year, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const [month, day] = order === 'MDY' ? [a, b] : [b, a];
  const local = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
  return m[6] ? { local, offset: m[6] } : { local };
}

export function hootsuiteRow(cells: readonly string[], zone: string, order: DateOrder): RowResult {
  if (cells.length < 2 || cells.length > 3) {
    return { ok: false, problems: [message('csv.hootsuiteColumns', { count: cells.length }, `${cells.length} column(s); Hootsuite rows have 2 or 3 (date-time, message, optional link)`)] };
  }
  const problems: Message[] = [];
  const [dateText, text, link = ''] = cells.map((c) => c ?? '') as [string, string, string?];
  const parsed = parseSlashedDate(dateText, order);
  let when = null;
  if (!parsed) {
    const format = `${order === 'MDY' ? 'MM/DD/YYYY' : 'DD/MM/YYYY'} HH:mm`;
    problems.push(message('csv.dateFormat', { field: 'date', value: dateText, format }, `date "${dateText}" is not ${format}`));
  } else when = resolveLocal(parsed.local, parsed.offset, zone, 'date', problems, dateText.trim());
  if (!text.trim() && !link.trim()) problems.push(message('csv.hootsuiteEmpty', undefined, 'message and link are both empty'));
  if (problems.length || !when) return { ok: false, problems };
  return {
    ok: true,
    post: { title: titleFrom(text, link), caption: text, link: link.trim(), status: 'draft', ...when, networks: [], labels: [], designId: null },
  };
}

const PUBLER_DATE = new RegExp(`^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})\\s+(\\d{1,2})[:-](\\d{2})(?:\\s*${OFFSET_PART})?$`, 'i');

/** Column positions by header name, for Publer files. */
export function publerColumns(header: readonly string[]): { date: number; text: number; link: number; title: number; labels: number } | { problem: string } {
  const names = header.map((h) => h.trim().toLowerCase());
  const find = (...options: string[]) => names.findIndex((n) => options.includes(n));
  const columns = { date: find('date'), text: find('text', 'message'), link: find('link(s)', 'link', 'links'), title: find('title'), labels: find('label(s)', 'labels', 'label') };
  if (columns.date < 0 || columns.text < 0) return { problem: 'the header needs at least Date and Text (or Message) columns' };
  return columns;
}

export function publerRow(cells: readonly string[], zone: string, columns: { date: number; text: number; link: number; title: number; labels: number }, width: number): RowResult {
  if (cells.length !== width) return { ok: false, problems: [message('csv.headerColumns', { count: cells.length, width }, `${cells.length} column(s); the header has ${width}`)] };
  const cell = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
  const problems: Message[] = [];
  const dateText = cell(columns.date).trim();
  let when: { instantMs: number | null; adjusted: RowPost['adjusted'] } | null = { instantMs: null, adjusted: null };
  if (dateText) {
    const m = PUBLER_DATE.exec(dateText);
    if (!m) {
      const format = 'YYYY-MM-DD HH:MM';
      problems.push(message('csv.dateFormat', { field: 'Date', value: dateText, format }, `Date "${dateText}" is not ${format}`));
      when = null;
    } else {
      const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
      when = resolveLocal(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`, m[6], zone, 'Date', problems, dateText);
    }
  }
  const text = cell(columns.text);
  const link = cell(columns.link).trim();
  if (!text.trim() && !link) problems.push(message('csv.publerEmpty', undefined, 'Text and Link(s) are both empty'));
  if (problems.length || !when) return { ok: false, problems };
  const labels = splitList(cell(columns.labels), /[,;]/);
  return {
    ok: true,
    post: {
      title: truncate(cell(columns.title).trim(), TITLE_MAX_UNITS, { maxUnits: TITLE_MAX_UNITS }) || titleFrom(text, link),
      caption: text,
      link,
      status: 'draft',
      ...when,
      networks: [],
      labels,
      designId: null,
    },
  };
}

function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

const ATELIER_TIME = /^(\d{2}:\d{2})(Z|[+-]\d{2}:?\d{2})?$/i;

/** A status as people write it: accents, case, spaces and French gender/plural endings do not matter. */
const statusKey = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/s$/, '')
    .replace(/e{1,2}$/, '');

/** Every way a status may be written in the status column: its id, or its English or French name. */
const STATUS_NAMES = new Map<string, PostStatus>(
  POST_STATUSES.flatMap((id) => [id, ...Object.values(PREVIEW_STRINGS).map((strings) => strings.statuses[id])].map((name) => [statusKey(name), id] as const)),
);

/** The status a cell names (`in_review`, `In review`, `En relecture`, `Validé`…), or null. */
export function statusFromCell(text: string): PostStatus | null {
  if (!text.trim()) return 'draft';
  return STATUS_NAMES.get(statusKey(text)) ?? null;
}

export function atelierRow(rawCells: readonly string[], clientZone: string): RowResult {
  if (rawCells.length !== ATELIER_HEADER.length) {
    return { ok: false, problems: [message('csv.atelierColumns', { count: rawCells.length, width: ATELIER_HEADER.length }, `${rawCells.length} column(s); Atelier rows have ${ATELIER_HEADER.length}`)] };
  }
  const cells = rawCells.map((c) => unescapeFormula(c ?? ''));
  const [date, time, timezone, , network, status, title, caption, link, labels, design] = cells as [
    string, string, string, string, string, string, string, string, string, string, string,
  ];
  const problems: Message[] = [];
  const zone = timezone.trim() || clientZone;
  if (!isValidTimeZone(zone)) problems.push(message('csv.unknownZone', { value: timezone }, `timezone "${timezone}" is not a known IANA zone (e.g. Europe/Paris)`));
  let when: { instantMs: number | null; adjusted: RowPost['adjusted'] } | null = { instantMs: null, adjusted: null };
  if (date.trim() || time.trim()) {
    const clock = ATELIER_TIME.exec(time.trim());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) problems.push(message('csv.dateNotIso', { value: date }, `date "${date}" is not YYYY-MM-DD`));
    if (!clock) problems.push(message('csv.timeNotHm', { value: time }, `time "${time}" is not HH:mm`));
    when = problems.length || !clock ? null : resolveLocal(`${date.trim()}T${clock[1]}`, clock[2], zone, 'date', problems, `${date.trim()} ${time.trim()}`);
  }
  const networks = splitList(network.toLowerCase(), /[;|]/);
  const unknownNetworks = networks.filter((n) => !isNetworkId(n));
  if (unknownNetworks.length) {
    const value = unknownNetworks.join(';');
    problems.push(message('csv.unknownNetwork', { value, known: NETWORKS.join(', ') }, `network "${value}" is not one of ${NETWORKS.join(', ')}`));
  }
  const statusName = statusFromCell(status);
  if (!statusName) {
    problems.push(message('csv.unknownStatus', { value: status, statuses: POST_STATUSES.join(', ') }, `status "${status}" is not a workflow status (${POST_STATUSES.join(', ')})`));
  } else if (statusName === 'scheduled' && when && when.instantMs === null) problems.push(message('csv.scheduledNeedsTime', undefined, 'status scheduled needs a date and time'));
  if (!title.trim()) problems.push(message('csv.columnEmpty', { field: 'title' }, 'title is empty'));
  if (title.length > TITLE_MAX_UNITS) problems.push(message('csv.columnTooLong', { field: 'title', max: TITLE_MAX_UNITS }, `title is longer than ${TITLE_MAX_UNITS} characters`));
  const designId = design.trim() || null;
  if (designId && !/^[A-Za-z0-9_-]{1,64}$/.test(designId)) problems.push(message('csv.designId', { value: design }, `design "${design}" is not an Atelier id`));
  if (problems.length || !when) return { ok: false, problems };
  return {
    ok: true,
    post: {
      title: title.trim(),
      caption,
      link: link.trim(),
      status: statusName!,
      ...when,
      networks: [...new Set(networks)] as NetworkId[],
      labels: splitList(labels, /;/),
      designId,
    },
  };
}

/** Rounds a wall-clock time up to the next multiple of 5 minutes (Hootsuite refuses others). */
export function roundUpToFive(instantMs: number): number {
  const step = 5 * 60_000;
  return Math.ceil(instantMs / step) * step;
}

export interface ExportablePost {
  instantMs: number | null;
  zone: string;
  clientName: string;
  networks: readonly string[];
  status: string;
  title: string;
  caption: string;
  link: string;
  labels: readonly string[];
  designId: string | null;
}

/** The wall-clock parts of an instant in a zone, with the UTC offset when that time happens twice. */
function dateParts(instantMs: number, zone: string) {
  const local = instantToWallClock(instantMs, zone);
  return { y: local.slice(0, 4), mo: local.slice(5, 7), d: local.slice(8, 10), time: local.slice(11, 16), offset: offsetSuffix(instantMs, zone) };
}

/**
 * Cells for one exported post, or null when the format cannot carry it (Hootsuite needs a date).
 * Scheduler formats (Hootsuite, Publer) carry the caption exactly as written; the Atelier format is
 * for spreadsheets too, so its cells are formula-safe.
 */
export function exportCells(format: CsvFormatName, post: ExportablePost, order: DateOrder = 'MDY'): string[] | null {
  if (format === 'hootsuite') {
    if (post.instantMs === null) return null;
    const p = dateParts(roundUpToFive(post.instantMs), post.zone);
    const date = order === 'MDY' ? `${p.mo}/${p.d}/${p.y}` : `${p.d}/${p.mo}/${p.y}`;
    return [`${date} ${p.time}${p.offset ? ` ${p.offset}` : ''}`, post.caption, post.link];
  }
  if (format === 'publer') {
    const date = post.instantMs === null ? '' : (({ y, mo, d, time, offset }) => `${y}-${mo}-${d} ${time}${offset ? ` ${offset}` : ''}`)(dateParts(post.instantMs, post.zone));
    const cells = [date, post.caption, post.link, '', post.title, post.labels.join(',')];
    while (cells.length < PUBLER_HEADER.length) cells.push('');
    return cells;
  }
  const p = post.instantMs === null ? null : dateParts(post.instantMs, post.zone);
  return [
    p ? `${p.y}-${p.mo}-${p.d}` : '',
    p ? `${p.time}${p.offset}` : '',
    post.zone,
    post.clientName,
    post.networks.join(';'),
    post.status,
    post.title,
    post.caption,
    post.link,
    post.labels.join(';'),
    post.designId ?? '',
  ].map(escapeFormula);
}
