// An export file's bytes → its tables. What the file is comes from its bytes, not its name: a zip
// (TikTok and YouTube downloads, or an .xlsx workbook), an old binary .xls (LinkedIn), or CSV text
// (UTF-8 with or without BOM, UTF-16 with BOM, comma, semicolon or tab separated, an Excel
// `sep=` line). Zips are checked entry by entry before anything is inflated.
import { parse as parseCsv } from 'csv-parse/sync';
import * as XLSX from '@e965/xlsx';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ExportProblem } from '../../core/insights/parse';
import { entryProblem, type ZipLimits } from '../packs/zip-reader';

/** One table of cells, with where it came from and the line its first row is on. */
export interface RawTable {
  /** "Content.csv" inside a zip, a sheet name in a workbook, or '' for a plain CSV. */
  part: string;
  rows: unknown[][];
  firstLine: number;
}

export const MAX_EXPORT_BYTES = 50 * 1024 * 1024;

const ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  maxEntries: 2000,
  ratioFloorBytes: 1024 * 1024,
};

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isCfb = (b: Uint8Array) => b.length > 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export async function readTables(bytes: Buffer): Promise<RawTable[]> {
  if (bytes.length === 0) throw new ExportProblem('the file is empty', 'insights.empty');
  if (bytes.length > MAX_EXPORT_BYTES) throw new ExportProblem(`the file is larger than ${MAX_EXPORT_BYTES / 1024 / 1024} MB`, 'insights.tooLarge', { limit: MAX_EXPORT_BYTES / 1024 / 1024 });
  if (isCfb(bytes)) return readWorkbook(bytes);
  if (isZip(bytes)) {
    const entries = await listZip(bytes);
    if (entries.has('[Content_Types].xml') || [...entries.keys()].some((n) => n.startsWith('xl/'))) return readWorkbook(bytes);
    return readZipOfCsv(bytes, entries);
  }
  return [{ part: '', ...csvRows(decodeText(bytes)) }];
}

/** Text from bytes: a BOM decides (UTF-8, UTF-16 LE/BE); without one, UTF-8 or refused. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    if (bytes.subarray(0, 4096).includes(0)) throw new ExportProblem('it is not a CSV, Excel or zip file', 'insights.notAnExport');
    throw new ExportProblem('it is not UTF-8 text (save it as "CSV UTF-8")', 'insights.notUtf8');
  }
}

/** CSV text → rows. The delimiter is the one of , ; tab that splits the header line into most cells. */
export function csvRows(text: string): { rows: unknown[][]; firstLine: number } {
  let body = text.replace(/^\ufeff/, '');
  let firstLine = 1;
  // Excel's hint line ("sep=,") and Meta page files' title line come before the header.
  const sep = /^sep=(.)\r?\n/i.exec(body);
  let delimiter = sep?.[1];
  if (sep) {
    body = body.slice(sep[0].length);
    firstLine = 2;
  }
  if (!delimiter) {
    const head = body.split(/\r?\n/, 12).join('\n');
    const count = (d: string) => head.split(/\r?\n/).reduce((max, line) => Math.max(max, line.split(d).length), 0);
    delimiter = [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
  }
  try {
    const rows = parseCsv(body, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true, trim: false }) as unknown[][];
    return { rows, firstLine };
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new ExportProblem(`line ${(e.lines ?? 0) + firstLine - 1} cannot be read as CSV (${e.message})`, 'insights.badCsv', { row: (e.lines ?? 0) + firstLine - 1 }, { row: (e.lines ?? 0) + firstLine - 1 });
  }
}

function readWorkbook(bytes: Buffer): RawTable[] {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'buffer', cellDates: true, cellFormula: false, cellHTML: false, cellStyles: false, dense: true, sheetRows: 200_000 });
  } catch (error) {
    throw new ExportProblem(`the workbook cannot be read (${(error as Error).message})`, 'insights.badWorkbook');
  }
  return book.SheetNames.map((name) => {
    const sheet = book.Sheets[name]!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
    // Rows are numbered as the sheet numbers them (a sheet may start below row 1).
    const start = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']).s.r + 1 : 1;
    return { part: name, rows, firstLine: start };
  });
}

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, strictFileNames: false, validateEntrySizes: true }, (err, zip) => (err ? reject(new ExportProblem(`it is not a readable zip (${err.message})`, 'insights.badZip')) : resolve(zip!))),
  );
}

async function listZip(bytes: Buffer): Promise<Map<string, Entry>> {
  const zip = await openZip(bytes);
  const entries = new Map<string, Entry>();
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (e: Error) => reject(new ExportProblem(`the zip is damaged (${e.message})`, 'insights.badZip')));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      const problem = entryProblem(entry.fileName, entry, ZIP_LIMITS);
      if (problem) return reject(new ExportProblem(problem, 'insights.unsafeZip'));
      total += entry.uncompressedSize;
      if (entries.size >= ZIP_LIMITS.maxEntries || total > ZIP_LIMITS.maxTotalBytes) return reject(new ExportProblem('the zip expands to more than 200 MB', 'insights.zipTooLarge'));
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
  zip.close();
  return entries;
}

async function readZipOfCsv(bytes: Buffer, entries: Map<string, Entry>): Promise<RawTable[]> {
  // macOS adds __MACOSX/._name shadow files; they are not the data.
  const wanted = [...entries.keys()].filter((n) => /\.(csv|txt)$/i.test(n) && !n.startsWith('__MACOSX/') && !/(^|\/)\._/.test(n));
  if (wanted.length === 0) throw new ExportProblem('the zip has no CSV file in it', 'insights.emptyZip');
  const zip = await openZip(bytes);
  try {
    const tables: RawTable[] = [];
    // yauzl reads lazily: walk the entries again and take the wanted ones.
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (e: Error) => reject(new ExportProblem(`the zip is damaged (${e.message})`, 'insights.badZip')));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        if (!wanted.includes(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(new ExportProblem(`"${entry.fileName}" cannot be read`, 'insights.badZip'));
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (c: Buffer) => {
            size += c.length;
            if (size > entry.uncompressedSize) stream.destroy(new Error('larger than it claims'));
            else chunks.push(c);
          });
          stream.on('error', (e: Error) => reject(new ExportProblem(`"${entry.fileName}" is damaged (${e.message})`, 'insights.badZip')));
          stream.on('end', () => {
            try {
              tables.push({ part: entry.fileName.split('/').pop()!, ...csvRows(decodeText(Buffer.concat(chunks))) });
              zip.readEntry();
            } catch (error) {
              reject(error);
            }
          });
        });
      });
      zip.readEntry();
    });
    return tables;
  } finally {
    zip.close();
  }
}
