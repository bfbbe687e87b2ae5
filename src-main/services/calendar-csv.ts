// CSV import and export (Hootsuite, Publer, Atelier). csv-parse reads the text (BOM or not, quoted
// fields with commas and newlines); the pure row rules live in core/schedule/csv-rows.ts.
//
// Import is atomic by default: every row is checked first, and one bad row means nothing is
// imported, with every bad row listed by number (spreadsheet numbering: a header is row 1). With
// `skipInvalid` the good rows go in and the bad ones are reported. Times that fall in a DST gap or
// overlap are resolved by the documented rule and reported as `adjusted`.
//
// Export writes two kinds of file (README "Files Atelier writes"):
// - the Atelier CSV is for people and spreadsheets: a UTF-8 BOM (so Excel reads é as é) and
//   formula-safe cells, every post of the selection;
// - Hootsuite and Publer files are for the scheduler: no BOM, each caption exactly as written, and
//   only posts ready to publish (approved or scheduled, not yet past). What was left out is listed,
//   and a caption a spreadsheet would run as a formula, or a time the clocks repeat, is a warning.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { CsvExport, CsvFormat, ImportReport } from '../contract/api/calendar';
import { AtelierError } from '../contract/errors';
import { message, type Message } from '../core/messages';
import { READY_TO_PUBLISH } from '../core/schedule/workflow';
import { looksLikeFormula } from '../core/text/spreadsheet';
import { instantToWallClock } from '../core/time/zones';
import {
  atelierRow,
  ATELIER_HEADER,
  exportCells,
  hootsuiteRow,
  offsetSuffix,
  publerColumns,
  publerRow,
  PUBLER_HEADER,
  type DateOrder,
  type RowResult,
} from '../core/schedule/csv-rows';
import type { NetworkId } from '../core/domain/posts';
import type { CalendarService } from './calendar';
import { selectForExport, type ExportQuery, type ExportSelection } from './calendar-export';
import type { EventBus } from './events';
import type { Library } from './library';

export interface ImportInput {
  clientId: string;
  format: CsvFormat;
  text: string;
  dateFormat?: DateOrder;
  skipInvalid?: boolean;
  /** Networks given to every imported post of a format that has no network column. */
  networks?: NetworkId[];
}

/** The byte-order mark Excel needs to read a CSV as UTF-8 (without it, é shows as Ã©). */
export const UTF8_BOM = '\uFEFF';

/** Parses CSV text into rows of cells, or throws a clear error naming the line. */
export function parseCsvText(text: string): string[][] {
  if (text.includes('\u0000')) throw new AtelierError('invalid_input', 'This file is not CSV text (it contains binary data).', { field: 'file' }, { key: 'csv.binary' });
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const why = (error as Error).message.replace(/^Invalid Record Length: /, '');
    const line = (error as { lines?: number }).lines;
    throw new AtelierError('invalid_input', `This file is not valid CSV: ${why}`, { field: 'file' }, line ? { key: 'csv.invalidAtLine', params: { line } } : { key: 'csv.invalid' });
  }
}

export function importCsv(lib: Library, calendar: CalendarService, events: EventBus, input: ImportInput): ImportReport {
  const client = lib.clients.get(input.clientId);
  if (!client || client.deleted_at !== null) throw new AtelierError('not_found', `No client with id ${input.clientId}.`, { field: 'clientId' }, { key: 'clients.notFound' });
  const rows = parseCsvText(input.text);
  if (rows.length === 0) throw new AtelierError('invalid_input', 'The file has no rows.', { field: 'file' }, { key: 'csv.noRows' });
  const order = input.dateFormat ?? 'MDY';
  let body = rows;
  let firstRow = 1;
  let rule: (cells: string[]) => RowResult;
  if (input.format === 'hootsuite') {
    rule = (cells) => hootsuiteRow(cells, client.time_zone, order);
  } else if (input.format === 'publer') {
    const columns = publerColumns(rows[0]!);
    if ('problem' in columns) throw new AtelierError('invalid_input', `Row 1 is not a Publer header: ${columns.problem}.`, { row: 1 }, { key: 'csv.publerHeader' });
    const width = rows[0]!.length;
    body = rows.slice(1);
    firstRow = 2;
    rule = (cells) => publerRow(cells, client.time_zone, columns, width);
  } else {
    const header = rows[0]!.map((h) => h.trim().toLowerCase());
    if (header.join(',') !== ATELIER_HEADER.join(',')) {
      throw new AtelierError('invalid_input', `Row 1 must be the Atelier header: ${ATELIER_HEADER.join(',')}.`, { row: 1 }, { key: 'csv.atelierHeader', params: { header: ATELIER_HEADER.join(',') } });
    }
    body = rows.slice(1);
    firstRow = 2;
    rule = (cells) => atelierRow(cells, client.time_zone);
  }

  const report: ImportReport = { imported: 0, postIds: [], skipped: [], adjusted: [] };
  const good: { row: number; post: Extract<RowResult, { ok: true }>['post'] }[] = [];
  body.forEach((cells, i) => {
    const row = firstRow + i;
    const result = rule(cells);
    if (result.ok && result.post.designId && !lib.designs.get(result.post.designId)) {
      const value = result.post.designId;
      report.skipped.push({ row, problems: [message('csv.designMissing', { value }, `design "${value}" does not exist in this library`)] });
    } else if (result.ok) {
      good.push({ row, post: result.post });
      if (result.post.adjusted) report.adjusted.push({ row, ...result.post.adjusted });
    } else {
      report.skipped.push({ row, problems: result.problems });
    }
  });
  if (report.skipped.length > 0 && !input.skipInvalid) {
    const shown = report.skipped.slice(0, 20).map((s) => `row ${s.row}: ${s.problems.map((p) => p.text).join('; ')}`);
    const more = report.skipped.length > 20 ? [`… and ${report.skipped.length - 20} more`] : [];
    const numbers = report.skipped.slice(0, 20).map((s) => s.row).join(', ') + (report.skipped.length > 20 ? ', …' : '');
    throw new AtelierError(
      'invalid_input',
      `${report.skipped.length} row(s) are invalid, so nothing was imported (use skip-invalid to import the others):\n${[...shown, ...more].join('\n')}`,
      { rows: report.skipped },
      { key: 'csv.rowsInvalid', params: { count: report.skipped.length, rows: numbers } },
    );
  }

  const extraNetworks = input.networks ?? [];
  report.postIds = lib.write(() => {
    const now = lib.clock.now();
    const ids: string[] = [];
    for (const { post } of good) {
      const id = lib.ids();
      lib.posts.insert({
        id,
        client_id: client.id,
        title: post.title,
        status: post.status,
        caption: post.caption,
        scheduled_at: post.instantMs,
        labels: JSON.stringify(post.labels),
        campaign: '',
        notes: '',
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
      for (const network of new Set([...post.networks, ...extraNetworks])) {
        lib.posts.insertVariant({
          id: lib.ids(),
          post_id: id,
          network,
          caption: post.caption,
          follows_master: 1,
          design_id: post.designId,
          page_index: post.designId ? 0 : null,
          first_comment: '',
          created_at: now,
          updated_at: now,
        });
      }
      if (post.link) calendar.records.setLink(id, post.link);
      calendar.records.imported(id, post.status, now);
      ids.push(id);
    }
    return ids;
  });
  report.imported = report.postIds.length;
  if (report.imported > 0) events.emit('posts.changed', { ids: report.postIds, clientIds: [client.id] });
  return report;
}

export function exportCsv(lib: Library, calendar: CalendarService, query: ExportQuery & { format: CsvFormat; dateFormat?: DateOrder }): CsvExport {
  // Hootsuite cannot carry an undated post, but it is selected so the export can say it was left out.
  const selection = selectForExport(lib, calendar, { ...query, includeUnscheduled: true });
  return csvFromSelection(selection, query.format, { dateFormat: query.dateFormat, now: lib.clock.now() });
}

type LeftOut = CsvExport['leftOut'][number];

/** Why a post does not go into a scheduler file, or null when it does. */
function schedulerLeftOut(post: ExportSelection['posts'][number], format: CsvFormat, now: number): LeftOut['reason'] | null {
  if (!READY_TO_PUBLISH.includes(post.status)) return 'not_ready';
  if (post.scheduledAt === null) return format === 'hootsuite' ? 'no_time' : null; // Publer schedules a blank date itself
  return Date.parse(post.scheduledAt) <= now ? 'past' : null;
}

/** What a scheduler file cannot say safely about a post it carries. */
function schedulerWarnings(post: ExportSelection['posts'][number], format: 'hootsuite' | 'publer'): Message[] {
  const warnings: Message[] = [];
  const scheduler = format === 'hootsuite' ? 'Hootsuite' : 'Publer';
  if (looksLikeFormula(post.caption) || looksLikeFormula(post.title)) {
    warnings.push(
      message(
        'csv.formulaInSchedulerFile',
        { title: post.title, scheduler },
        `"${post.title}": its caption starts like a spreadsheet formula (=, +, -, @). The ${scheduler} file keeps it exactly as written, so upload that file as it is rather than opening it in a spreadsheet.`,
      ),
    );
  }
  const instantMs = post.scheduledAt === null ? null : Date.parse(post.scheduledAt);
  if (instantMs !== null) {
    const offset = offsetSuffix(instantMs, post.timeZone);
    if (offset) {
      const local = instantToWallClock(instantMs, post.timeZone);
      warnings.push(
        message(
          'csv.repeatedHour',
          { title: post.title, whenLocal: local, offset, scheduler },
          `"${post.title}" is at ${local.replace('T', ' ')}, a time that happens twice that night (the clocks go back); the file gives its UTC offset (${offset}). Check that post after uploading to ${scheduler}.`,
        ),
      );
    }
  }
  return warnings;
}

/** The CSV of an already chosen set of posts (content packs pass theirs). */
export function csvFromSelection(selection: ExportSelection, format: CsvFormat, options: { dateFormat?: DateOrder; now: number }): CsvExport {
  const names = new Map(selection.clients.map((c) => [c.id, c.name]));
  const records: string[][] = [];
  if (format === 'publer') records.push([...PUBLER_HEADER]);
  if (format === 'atelier') records.push([...ATELIER_HEADER]);
  const leftOut: LeftOut[] = [];
  const warnings: Message[] = [];
  let count = 0;
  for (const post of selection.posts) {
    if (format !== 'atelier') {
      const reason = schedulerLeftOut(post, format, options.now);
      if (reason) {
        leftOut.push({ postId: post.id, title: post.title, status: post.status, reason });
        continue;
      }
    }
    const cells = exportCells(
      format,
      {
        instantMs: post.scheduledAt ? Date.parse(post.scheduledAt) : null,
        zone: post.timeZone,
        clientName: names.get(post.clientId) ?? '',
        networks: post.variants.map((v) => v.network),
        status: post.status,
        title: post.title,
        caption: post.caption,
        link: post.link,
        labels: post.labels,
        designId: post.variants.find((v) => v.designId)?.designId ?? null,
      },
      options.dateFormat,
    );
    if (!cells) continue;
    if (format !== 'atelier') warnings.push(...schedulerWarnings(post, format));
    records.push(cells);
    count++;
  }
  const csv = stringify(records, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  return { csv: format === 'atelier' ? `${UTF8_BOM}${csv}` : csv, count, leftOut, warnings };
}
