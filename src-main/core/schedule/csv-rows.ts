// CSV rows ↔ posts for the three formats Atelier reads and writes. Pure: takes parsed cells (the
// services parse the text with csv-parse) and returns what each row means, or why it is wrong.
//
// - Hootsuite bulk format: no header; date-time (`MM/DD/YYYY HH:mm`, or `DD/MM/YYYY HH:mm` with
//   the DMY date format), message, optional link. Hootsuite only takes minutes that are multiples of
//   5, so exported times are rounded UP to the next multiple of 5 (never earlier than planned).
// - Publer: a header row. Publer documents Date, Text, Link(s), Media URL(s) first and Labels among
//   the rest; Atelier writes `Date,Text,Link(s),Media URL(s),Title,Labels` and reads columns by header
//   name (Message = Text, Link = Link(s)), so Publer's longer templates import too. Dates are
//   `YYYY-MM-DD HH:MM` (also `YYYY/MM/DD`); a blank date is an unscheduled draft.
// - Atelier: `date,time,timezone,client,network,status,title,caption,link,labels,design`; lists
//   (network, labels) are separated by `;`.
import { isNetworkId, isPostStatus, type NetworkId, type PostStatus } from '../domain/posts';
import { instantToWallClock, isValidTimeZone, wallClockToInstant, type WallClockResolution } from '../time/zones';

export type CsvFormatName = 'hootsuite' | 'publer' | 'atelier';
export type DateOrder = 'MDY' | 'DMY';

export const ATELIER_HEADER = ['date', 'time', 'timezone', 'client', 'network', 'status', 'title', 'caption', 'link', 'labels', 'design'] as const;
export const PUBLER_HEADER = ['Date', 'Text', 'Link(s)', 'Media URL(s)', 'Title', 'Labels'] as const;

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

export type RowResult = { ok: true; post: RowPost } | { ok: false; problems: string[] };

const TITLE_MAX = 80;

/** A title from the first line of a message, for formats that have none. */
export function titleFrom(message: string, link: string, row: number): string {
  const line = message.split(/\r?\n/).find((l) => l.trim())?.trim() ?? '';
  const base = line || link.trim() || `Imported post (row ${row})`;
  return base.length > TITLE_MAX ? `${base.slice(0, TITLE_MAX - 1)}…` : base;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function resolveLocal(local: string, zone: string, field: string, problems: string[], shown = local.replace('T', ' ')) {
  const resolved = wallClockToInstant(local, zone);
  if (!resolved) {
    problems.push(`${field} "${shown}" is not a real date and time`);
    return null;
  }
  return {
    instantMs: resolved.instantMs,
    adjusted: resolved.resolution === 'exact' ? null : { given: local, local: resolved.local, resolution: resolved.resolution },
  };
}

const HOOTSUITE_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})$/;

/** `MM/DD/YYYY HH:mm` or `DD/MM/YYYY HH:mm` → `YYYY-MM-DDTHH:mm`, or null. */
export function parseSlashedDate(text: string, order: DateOrder): string | null {
  const m = HOOTSUITE_DATE.exec(text.trim());
  if (!m) return null;
  const [a, b, year, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const [month, day] = order === 'MDY' ? [a, b] : [b, a];
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}

export function hootsuiteRow(cells: readonly string[], row: number, zone: string, order: DateOrder): RowResult {
  if (cells.length < 2 || cells.length > 3) return { ok: false, problems: [`${cells.length} column(s); Hootsuite rows have 2 or 3 (date-time, message, optional link)`] };
  const problems: string[] = [];
  const [dateText, message, link = ''] = cells.map((c) => c ?? '') as [string, string, string?];
  const local = parseSlashedDate(dateText, order);
  let when = null;
  if (!local) problems.push(`date "${dateText}" is not ${order === 'MDY' ? 'MM/DD/YYYY' : 'DD/MM/YYYY'} HH:mm`);
  else when = resolveLocal(local, zone, 'date', problems, dateText.trim());
  if (!message.trim() && !link.trim()) problems.push('message and link are both empty');
  if (problems.length || !when) return { ok: false, problems };
  return {
    ok: true,
    post: { title: titleFrom(message, link, row), caption: message, link: link.trim(), status: 'draft', ...when, networks: [], labels: [], designId: null },
  };
}

const PUBLER_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s+(\d{1,2})[:-](\d{2})$/;

/** Column positions by header name, for Publer files. */
export function publerColumns(header: readonly string[]): { date: number; text: number; link: number; title: number; labels: number } | { problem: string } {
  const names = header.map((h) => h.trim().toLowerCase());
  const find = (...options: string[]) => names.findIndex((n) => options.includes(n));
  const columns = { date: find('date'), text: find('text', 'message'), link: find('link(s)', 'link', 'links'), title: find('title'), labels: find('labels', 'label') };
  if (columns.date < 0 || columns.text < 0) return { problem: 'the header needs at least Date and Text (or Message) columns' };
  return columns;
}

export function publerRow(cells: readonly string[], row: number, zone: string, columns: { date: number; text: number; link: number; title: number; labels: number }, width: number): RowResult {
  if (cells.length !== width) return { ok: false, problems: [`${cells.length} column(s); the header has ${width}`] };
  const cell = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
  const problems: string[] = [];
  const dateText = cell(columns.date).trim();
  let when: { instantMs: number | null; adjusted: RowPost['adjusted'] } | null = { instantMs: null, adjusted: null };
  if (dateText) {
    const m = PUBLER_DATE.exec(dateText);
    if (!m) {
      problems.push(`Date "${dateText}" is not YYYY-MM-DD HH:MM`);
      when = null;
    } else {
      const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
      when = resolveLocal(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`, zone, 'Date', problems, dateText);
    }
  }
  const text = cell(columns.text);
  const link = cell(columns.link).trim();
  if (!text.trim() && !link) problems.push('Text and Link(s) are both empty');
  if (problems.length || !when) return { ok: false, problems };
  const labels = splitList(cell(columns.labels), /[,;]/);
  return {
    ok: true,
    post: { title: cell(columns.title).trim() || titleFrom(text, link, row), caption: text, link, status: 'draft', ...when, networks: [], labels, designId: null },
  };
}

function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function atelierRow(cells: readonly string[], _row: number, clientZone: string): RowResult {
  if (cells.length !== ATELIER_HEADER.length) return { ok: false, problems: [`${cells.length} column(s); Atelier rows have ${ATELIER_HEADER.length}`] };
  const [date, time, timezone, , network, status, title, caption, link, labels, design] = cells.map((c) => c ?? '') as string[] as [
    string, string, string, string, string, string, string, string, string, string, string,
  ];
  const problems: string[] = [];
  const zone = timezone.trim() || clientZone;
  if (!isValidTimeZone(zone)) problems.push(`timezone "${timezone}" is not a known IANA zone (e.g. Europe/Paris)`);
  let when: { instantMs: number | null; adjusted: RowPost['adjusted'] } | null = { instantMs: null, adjusted: null };
  if (date.trim() || time.trim()) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) problems.push(`date "${date}" is not YYYY-MM-DD`);
    if (!/^\d{2}:\d{2}$/.test(time.trim())) problems.push(`time "${time}" is not HH:mm`);
    when = problems.length ? null : resolveLocal(`${date.trim()}T${time.trim()}`, zone, 'date', problems);
  }
  const networks = splitList(network.toLowerCase(), /[;|]/);
  const unknownNetworks = networks.filter((n) => !isNetworkId(n));
  if (unknownNetworks.length) problems.push(`network "${unknownNetworks.join(';')}" is not one of x, bluesky, threads, mastodon, instagram, facebook, linkedin, tiktok, pinterest, youtube`);
  const statusName = status.trim().toLowerCase().replace(/[- ]/g, '_') || 'draft';
  if (!isPostStatus(statusName)) problems.push(`status "${status}" is not a workflow status`);
  else if (statusName === 'scheduled' && when && when.instantMs === null) problems.push('status scheduled needs a date and time');
  if (!title.trim()) problems.push('title is empty');
  if (title.length > 200) problems.push('title is longer than 200 characters');
  const designId = design.trim() || null;
  if (designId && !/^[A-Za-z0-9_-]{1,64}$/.test(designId)) problems.push(`design "${design}" is not an Atelier id`);
  if (problems.length || !when) return { ok: false, problems };
  return {
    ok: true,
    post: {
      title: title.trim(),
      caption,
      link: link.trim(),
      status: statusName as PostStatus,
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

function dateParts(instantMs: number, zone: string) {
  const local = instantToWallClock(instantMs, zone);
  return { y: local.slice(0, 4), mo: local.slice(5, 7), d: local.slice(8, 10), time: local.slice(11, 16) };
}

/** Cells for one exported post, or null when the format cannot carry it (Hootsuite needs a date). */
export function exportCells(format: CsvFormatName, post: ExportablePost, order: DateOrder = 'MDY'): string[] | null {
  if (format === 'hootsuite') {
    if (post.instantMs === null) return null;
    const p = dateParts(roundUpToFive(post.instantMs), post.zone);
    const date = order === 'MDY' ? `${p.mo}/${p.d}/${p.y}` : `${p.d}/${p.mo}/${p.y}`;
    return [`${date} ${p.time}`, post.caption, post.link];
  }
  if (format === 'publer') {
    const date = post.instantMs === null ? '' : (({ y, mo, d, time }) => `${y}-${mo}-${d} ${time}`)(dateParts(post.instantMs, post.zone));
    return [date, post.caption, post.link, '', post.title, post.labels.join(',')];
  }
  const p = post.instantMs === null ? null : dateParts(post.instantMs, post.zone);
  return [
    p ? `${p.y}-${p.mo}-${p.d}` : '',
    p ? p.time : '',
    post.zone,
    post.clientName,
    post.networks.join(';'),
    post.status,
    post.title,
    post.caption,
    post.link,
    post.labels.join(';'),
    post.designId ?? '',
  ];
}
