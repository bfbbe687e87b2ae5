// CSV import and export (Hootsuite, Publer, Atelier). csv-parse reads the text (BOM or not, quoted
// fields with commas and newlines); the pure row rules live in core/schedule/csv-rows.ts.
//
// Import is atomic by default: every row is checked first, and one bad row means nothing is
// imported, with every bad row listed by number (spreadsheet numbering: a header is row 1). With
// `skipInvalid` the good rows go in and the bad ones are reported. Times that fall in a DST gap or
// overlap are resolved by the documented rule and reported as `adjusted`.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { CsvFormat, ImportReport } from '../contract/api/calendar';
import { AtelierError } from '../contract/errors';
import {
  atelierRow,
  ATELIER_HEADER,
  exportCells,
  hootsuiteRow,
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

/** Parses CSV text into rows of cells, or throws a clear error naming the line. */
export function parseCsvText(text: string): string[][] {
  if (text.includes('\u0000')) throw new AtelierError('invalid_input', 'This file is not CSV text (it contains binary data).');
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const message = (error as Error).message.replace(/^Invalid Record Length: /, '');
    throw new AtelierError('invalid_input', `This file is not valid CSV: ${message}`, { field: 'file' });
  }
}

export function importCsv(lib: Library, calendar: CalendarService, events: EventBus, input: ImportInput): ImportReport {
  const client = lib.clients.get(input.clientId);
  if (!client || client.deleted_at !== null) throw new AtelierError('not_found', `No client with id ${input.clientId}.`, { field: 'clientId' });
  const rows = parseCsvText(input.text);
  if (rows.length === 0) throw new AtelierError('invalid_input', 'The file has no rows.', { field: 'file' });
  const order = input.dateFormat ?? 'MDY';
  let body = rows;
  let firstRow = 1;
  let rule: (cells: string[], row: number) => RowResult;
  if (input.format === 'hootsuite') {
    rule = (cells, row) => hootsuiteRow(cells, row, client.time_zone, order);
  } else if (input.format === 'publer') {
    const columns = publerColumns(rows[0]!);
    if ('problem' in columns) throw new AtelierError('invalid_input', `Row 1 is not a Publer header: ${columns.problem}.`, { row: 1 });
    const width = rows[0]!.length;
    body = rows.slice(1);
    firstRow = 2;
    rule = (cells, row) => publerRow(cells, row, client.time_zone, columns, width);
  } else {
    const header = rows[0]!.map((h) => h.trim().toLowerCase());
    if (header.join(',') !== ATELIER_HEADER.join(',')) {
      throw new AtelierError('invalid_input', `Row 1 must be the Atelier header: ${ATELIER_HEADER.join(',')}.`, { row: 1 });
    }
    body = rows.slice(1);
    firstRow = 2;
    rule = (cells, row) => atelierRow(cells, row, client.time_zone);
  }

  const report: ImportReport = { imported: 0, postIds: [], skipped: [], adjusted: [] };
  const good: { row: number; post: Extract<RowResult, { ok: true }>['post'] }[] = [];
  body.forEach((cells, i) => {
    const row = firstRow + i;
    const result = rule(cells, row);
    if (result.ok && result.post.designId && !lib.designs.get(result.post.designId)) {
      report.skipped.push({ row, problems: [`design "${result.post.designId}" does not exist in this library`] });
    } else if (result.ok) {
      good.push({ row, post: result.post });
      if (result.post.adjusted) report.adjusted.push({ row, ...result.post.adjusted });
    } else {
      report.skipped.push({ row, problems: result.problems });
    }
  });
  if (report.skipped.length > 0 && !input.skipInvalid) {
    const shown = report.skipped.slice(0, 20).map((s) => `row ${s.row}: ${s.problems.join('; ')}`);
    const more = report.skipped.length > 20 ? [`… and ${report.skipped.length - 20} more`] : [];
    throw new AtelierError(
      'invalid_input',
      `${report.skipped.length} row(s) are invalid, so nothing was imported (use skip-invalid to import the others):\n${[...shown, ...more].join('\n')}`,
      { rows: report.skipped },
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
      if (post.link) calendar.repo.patchSchedule(id, { link: post.link });
      calendar.repo.addHistory({ post_id: id, from_status: null, to_status: post.status, source: 'import', note: '', at: now });
      ids.push(id);
    }
    return ids;
  });
  report.imported = report.postIds.length;
  if (report.imported > 0) events.emit('posts.changed', { ids: report.postIds, clientIds: [client.id] });
  return report;
}

export function exportCsv(lib: Library, calendar: CalendarService, query: ExportQuery & { format: CsvFormat; dateFormat?: DateOrder }): { csv: string; count: number } {
  const selection = selectForExport(lib, calendar, { ...query, includeUnscheduled: query.format !== 'hootsuite' });
  return csvFromSelection(selection, query.format, query.dateFormat);
}

/** The CSV of an already chosen set of posts (content packs pass theirs). */
export function csvFromSelection(selection: ExportSelection, format: CsvFormat, dateFormat?: DateOrder): { csv: string; count: number } {
  const query = { format, dateFormat };
  const names = new Map(selection.clients.map((c) => [c.id, c.name]));
  const records: string[][] = [];
  if (query.format === 'publer') records.push([...PUBLER_HEADER]);
  if (query.format === 'atelier') records.push([...ATELIER_HEADER]);
  let count = 0;
  for (const post of selection.posts) {
    const cells = exportCells(
      query.format,
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
      query.dateFormat,
    );
    if (!cells) continue;
    records.push(cells);
    count++;
  }
  return { csv: stringify(records, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ }), count };
}
