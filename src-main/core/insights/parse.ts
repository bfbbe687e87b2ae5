// One table of an export (a CSV, a sheet, a CSV inside a zip) → normalised posts, follower days or
// audience-activity hours. All or nothing: the first cell that cannot be read stops the import with
// its row and column, so a half-understood file never reaches the library.
import type { NetworkId } from '../domain/posts';
import { linkedInIdTime, parseWhen, tiktokIdTime, xIdTime, type PostWhen } from './dates';
import { parseMetric, type MetricKind } from './numbers';
import { headerKey, matchHeader, recogniseOther, SOURCE_NETWORK, type HeaderMatch, type SourceId } from './sources';

export const METRIC_FIELDS = ['views', 'reach', 'likes', 'comments', 'shares', 'saves', 'clicks', 'follows', 'engagements'] as const;
export type MetricField = (typeof METRIC_FIELDS)[number];
/** Missing values are null, never 0. `views` holds impressions where the network counts those (X, LinkedIn). */
export type Metrics = Record<MetricField, number | null>;

export interface ParsedPost {
  /** 1-based line (CSV) or row (sheet) in the file, for messages. */
  row: number;
  network: NetworkId;
  /** The network's own id, kept as text (ids overflow JS numbers). */
  externalId: string;
  permalink: string;
  when: PostWhen | null;
  caption: string;
  postType: string;
  metrics: Metrics;
}

export interface ParsedFollowerDay {
  date: string;
  /** The follower count that day, when the export has it (TikTok). */
  total: number | null;
  gained: number | null;
  lost: number | null;
}

export interface ParsedActivity {
  /** Day and hour as the export writes them; TikTok does not say in which zone. */
  date: string;
  hour: number;
  active: number;
}

export interface ParsedTable {
  source: SourceId;
  network: NetworkId;
  posts: ParsedPost[];
  followers: ParsedFollowerDay[];
  activity: ParsedActivity[];
  /** Metric field → the header it came from, when the export used an older or translated name. */
  renamed: Record<string, string>;
  /** The day the numbers were taken, when the file says (TikTok's Time column). */
  snapshotDate: string | null;
}

/** A problem in the file itself; the service adds the file name and refuses the whole import. */
export class ExportProblem extends Error {
  readonly key: string;
  readonly params: Record<string, string | number>;
  readonly row: number | null;
  readonly column: string | null;
  constructor(message: string, key: string, params: Record<string, string | number> = {}, where: { row?: number; column?: string } = {}) {
    super(message);
    this.name = 'ExportProblem';
    this.key = key;
    this.params = params;
    this.row = where.row ?? null;
    this.column = where.column ?? null;
  }
}

export interface ParseOptions {
  /** `YYYY-MM-DD`: the export's date, to give TikTok's year-less dates their year. */
  exportDate?: string;
  /** Line numbers: a CSV's first record may not be on line 1 (a `sep=,` line). */
  firstLine?: number;
}

/** How far down a header row may sit (LinkedIn puts a note above it, Meta page files two lines). */
const HEADER_SEARCH_ROWS = 10;

export function findHeader(rows: readonly (readonly unknown[])[]): { index: number; match: HeaderMatch } {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const match = matchHeader(rows[i]!);
    if (match) return { index: i, match };
  }
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const other = recogniseOther(rows[i]!);
    if (other) throw new ExportProblem(`it is ${other.what}, not a post export Atelier reads`, other.key);
  }
  const first = rows.find((r) => r.some((c) => String(c ?? '').trim() !== '')) ?? [];
  const shown = first.slice(0, 8).map((c) => String(c ?? '').trim()).filter(Boolean).join(', ');
  throw new ExportProblem(
    `its columns (${shown || 'none'}) are not those of a Facebook, Instagram, LinkedIn, X, TikTok or YouTube export`,
    'insights.unknownColumns',
    { columns: shown || '—' },
  );
}

const text = (v: unknown) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v)).trim();
const isBlankRow = (r: readonly unknown[]) => r.every((c) => text(c) === '');

export function parseTable(rows: readonly (readonly unknown[])[], options: ParseOptions = {}): ParsedTable {
  const { index, match } = findHeader(rows);
  const { spec, columns, headers } = match;
  const network = SOURCE_NETWORK[spec.id];
  const lineOf = (i: number) => i + (options.firstLine ?? 1);
  const out: ParsedTable = { source: spec.id, network, posts: [], followers: [], activity: [], renamed: {}, snapshotDate: null };
  const width = rows[index]!.length;

  const cell = (row: readonly unknown[], field: string): unknown => (field in columns ? row[columns[field]!] : undefined);
  const metric = (row: readonly unknown[], i: number, field: string, kind: MetricKind = 'count'): number | null => {
    if (!(field in columns)) return null;
    const value = parseMetric(row[columns[field]!], kind);
    if (Number.isNaN(value)) {
      throw new ExportProblem(`row ${lineOf(i)}, column "${headers[field]}": "${text(row[columns[field]!])}" is not a number`, 'insights.badNumber', { row: lineOf(i), column: headers[field]!, value: text(row[columns[field]!]).slice(0, 40) }, { row: lineOf(i), column: headers[field] });
    }
    return value;
  };
  const when = (row: readonly unknown[], i: number, field: string, hint?: string): PostWhen | null => {
    const raw = cell(row, field);
    if (text(raw) === '') return null;
    const parsed = parseWhen(typeof raw === 'string' ? raw : raw, { yearHint: hint });
    if (!parsed) {
      throw new ExportProblem(`row ${lineOf(i)}, column "${headers[field]}": "${text(raw)}" is not a date Atelier can read`, 'insights.badDate', { row: lineOf(i), column: headers[field]!, value: text(raw).slice(0, 40) }, { row: lineOf(i), column: headers[field] });
    }
    return parsed;
  };
  const dayOf = (row: readonly unknown[], i: number, field: string, hint?: string): string => {
    const w = when(row, i, field, hint);
    if (!w) throw new ExportProblem(`row ${lineOf(i)}: the "${headers[field]}" cell is empty`, 'insights.missingCell', { row: lineOf(i), column: headers[field]! }, { row: lineOf(i), column: headers[field] });
    return w.kind === 'day' ? w.date : w.kind === 'local' ? w.wallClock.slice(0, 10) : new Date(w.ms).toISOString().slice(0, 10);
  };

  // Meta's Impressions/Plays became Views: keep whichever the file has, and say so.
  const viewsField = ['views', 'impressions', 'plays'].find((f) => f in columns && ['meta_facebook', 'meta_instagram'].includes(spec.id));
  if (viewsField && viewsField !== 'views') out.renamed.views = headers[viewsField]!;

  // TikTok's Time column is the snapshot date, the same on every row.
  let hint = options.exportDate;
  if (spec.id === 'tiktok_content' && 'snapshot' in columns) {
    const first = rows.slice(index + 1).find((r) => !isBlankRow(r));
    const snap = first ? parseWhen(first[columns.snapshot!]) : null;
    if (snap && snap.kind !== 'instant') {
      out.snapshotDate = snap.kind === 'day' ? snap.date : snap.wallClock.slice(0, 10);
      hint = out.snapshotDate;
    }
  }

  const seen = new Map<string, number>();
  for (let i = index + 1; i < rows.length; i++) {
    let row = rows[i]!;
    if (isBlankRow(row)) continue;
    const line = lineOf(i);
    const post = (p: Omit<ParsedPost, 'row' | 'network'>) => {
      if (!p.externalId) throw new ExportProblem(`row ${line}: no post id or link to recognise the post by`, 'insights.noId', { row: line }, { row: line });
      const earlier = seen.get(p.externalId);
      // The same post twice in one file: the later line is the one the network wrote last.
      if (earlier !== undefined) out.posts.splice(earlier, 1, { ...p, row: line, network });
      else {
        seen.set(p.externalId, out.posts.length);
        out.posts.push({ ...p, row: line, network });
      }
    };
    switch (spec.id) {
      case 'meta_facebook':
      case 'meta_instagram': {
        const title = text(cell(row, 'title'));
        const description = text(cell(row, 'description'));
        const permalink = text(cell(row, 'permalink'));
        const reactionsCommentsShares = metric(row, i, 'reactionsCommentsShares');
        post({
          externalId: stableId(text(cell(row, 'postId')), permalink),
          permalink,
          when: when(row, i, 'publishTime'),
          // Facebook puts the caption in Title on most posts and in Description on some: the longer one.
          caption: title.length >= description.length ? title : description,
          postType: text(cell(row, 'postType')),
          metrics: {
            views: viewsField ? metric(row, i, viewsField) : null,
            reach: metric(row, i, 'reach'),
            likes: metric(row, i, spec.id === 'meta_facebook' ? 'reactions' : 'likes'),
            comments: metric(row, i, 'comments'),
            shares: metric(row, i, 'shares'),
            saves: metric(row, i, 'saves'),
            clicks: 'totalClicks' in columns ? metric(row, i, 'totalClicks') : metric(row, i, 'linkClicks'),
            follows: metric(row, i, 'follows'),
            engagements: reactionsCommentsShares,
          },
        });
        break;
      }
      case 'linkedin_content': {
        const link = text(cell(row, 'link'));
        const activity = /urn:li:(?:activity|share|ugcPost):(\d{15,20})/.exec(link)?.[1];
        const instant = activity ? linkedInIdTime(activity) : null;
        post({
          externalId: activity ?? link,
          permalink: link,
          when: instant !== null ? { kind: 'instant', ms: instant } : when(row, i, 'createdDate'),
          caption: text(cell(row, 'title')),
          postType: text(cell(row, 'contentType')) || text(cell(row, 'postType')),
          metrics: { views: metric(row, i, 'impressions'), reach: null, likes: metric(row, i, 'likes'), comments: metric(row, i, 'comments'), shares: metric(row, i, 'shares'), saves: null, clicks: metric(row, i, 'clicks'), follows: metric(row, i, 'follows'), engagements: null },
        });
        break;
      }
      case 'x_classic':
      case 'x_content': {
        const link = text(cell(row, spec.id === 'x_classic' ? 'permalink' : 'link'));
        const id = stableId(text(cell(row, 'id')), '') || (/\/status(?:es)?\/(\d+)/.exec(link)?.[1] ?? '');
        const instant = spec.id === 'x_classic' ? when(row, i, 'time') : null;
        const fromId = id ? xIdTime(id) : null;
        post({
          externalId: id,
          permalink: link,
          when: instant ?? (fromId !== null ? { kind: 'instant', ms: fromId } : when(row, i, 'date')),
          caption: text(cell(row, 'text')),
          postType: '',
          metrics: { views: metric(row, i, 'impressions'), reach: null, likes: metric(row, i, 'likes'), comments: metric(row, i, 'comments'), shares: metric(row, i, 'shares'), saves: metric(row, i, 'saves'), clicks: metric(row, i, 'clicks'), follows: metric(row, i, 'follows'), engagements: metric(row, i, 'engagements') },
        });
        break;
      }
      case 'tiktok_content': {
        // A title with an unescaped comma shifts the cells: anchor on the video link.
        if (row.length > width) row = realignOnLink(row, columns);
        const link = text(cell(row, 'link'));
        const id = /\/video\/(\d{15,20})/.exec(link)?.[1] ?? '';
        const fromId = id ? tiktokIdTime(id) : null;
        post({
          externalId: id || link,
          permalink: link,
          when: fromId !== null ? { kind: 'instant', ms: fromId } : when(row, i, 'postTime', hint),
          caption: text(cell(row, 'title')),
          postType: 'video',
          metrics: { views: metric(row, i, 'views'), reach: null, likes: metric(row, i, 'likes'), comments: metric(row, i, 'comments'), shares: metric(row, i, 'shares'), saves: metric(row, i, 'saves'), clicks: null, follows: null, engagements: null },
        });
        break;
      }
      case 'youtube': {
        const id = text(cell(row, 'content'));
        if (headerKey(id) === 'total' || headerKey(id) === 'totaux' || headerKey(id) === 'total général') continue;
        post({
          externalId: id,
          permalink: id ? `https://www.youtube.com/watch?v=${id}` : '',
          when: when(row, i, 'publishTime'),
          caption: text(cell(row, 'title')),
          postType: 'video',
          metrics: { views: metric(row, i, 'views'), reach: null, likes: metric(row, i, 'likes'), comments: metric(row, i, 'comments'), shares: metric(row, i, 'shares'), saves: null, clicks: null, follows: metric(row, i, 'follows'), engagements: null },
        });
        break;
      }
      case 'linkedin_followers':
        // "Total followers" is that day's new followers, not a running total; LinkedIn has no unfollows.
        out.followers.push({ date: dayOf(row, i, 'date'), total: null, gained: metric(row, i, 'total'), lost: null });
        break;
      case 'tiktok_followers': {
        const diff = metric(row, i, 'difference');
        out.followers.push({ date: dayOf(row, i, 'date', hint), total: metric(row, i, 'followers'), gained: diff === null ? null : Math.max(diff, 0), lost: diff === null ? null : Math.max(-diff, 0) });
        break;
      }
      case 'tiktok_activity': {
        const hourText = text(cell(row, 'hour'));
        const hour = Number(/^(\d{1,2})/.exec(hourText)?.[1] ?? NaN);
        if (!(hour >= 0 && hour <= 23)) throw new ExportProblem(`row ${line}, column "${headers.hour}": "${hourText}" is not an hour (0-23)`, 'insights.badHour', { row: line, column: headers.hour!, value: hourText.slice(0, 20) }, { row: line, column: headers.hour });
        out.activity.push({ date: dayOf(row, i, 'date', hint), hour, active: metric(row, i, 'active') ?? 0 });
        break;
      }
    }
  }
  if (out.posts.length + out.followers.length + out.activity.length === 0) {
    throw new ExportProblem('it has a header but no data rows', 'insights.noRows');
  }
  return out;
}

/** A Post ID as text; Excel's "1.83E+18" has lost its digits, so the permalink stands in. */
function stableId(id: string, permalink: string): string {
  const clean = id.replace(/^'/, '').trim();
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(clean)) return permalink;
  return clean || permalink;
}

/** Rebuilds a TikTok row shifted by commas in its title: title = everything between Time and the link. */
function realignOnLink(row: readonly unknown[], columns: Record<string, number>): unknown[] {
  const linkAt = row.findIndex((c) => /tiktok\.com\/.+\/video\/\d+/.test(text(c)));
  if (linkAt < 0 || columns.title === undefined || columns.link === undefined) return [...row];
  const fixed: unknown[] = [];
  const titleStart = columns.title;
  for (let c = 0; c < titleStart; c++) fixed[c] = row[c];
  fixed[titleStart] = row.slice(titleStart, linkAt).map(text).join(',');
  const after = row.slice(linkAt);
  after.forEach((v, k) => (fixed[columns.link! + k] = v));
  return fixed;
}
