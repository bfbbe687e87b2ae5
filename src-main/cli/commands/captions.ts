// `atelier captions check --network NET [FILE | -]`: measures a text, or each row of a CSV with a
// `caption` column, as the network counts it. Exit 1 when any caption is invalid. Pure: no library.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AtelierError } from '../../core/errors';
import { measureCaption, type CaptionMeasure } from '../../core/captions';
import { isNetworkId, NETWORKS, type NetworkId } from '../../core/domain/posts';
import type { GlobalOptions } from '../context';
import { consoleOutput, formatTable, printJson } from '../output';

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF, a BOM, `,` or `;`. */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

function readInput(file: string | undefined): { name: string; text: string } {
  if (file === undefined || file === '-') return { name: 'standard input', text: readFileSync(0, 'utf8') };
  try {
    return { name: file, text: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AtelierError('io_error', code === 'ENOENT' ? `No such file: ${file}.` : `Cannot read ${file} (${code ?? (error as Error).message}).`);
  }
}

interface Row {
  row?: number;
  measure: CaptionMeasure;
}

function captionsFrom(name: string, text: string, csv: boolean): { caption: string; row?: number }[] {
  if (!csv) return [{ caption: text.replace(/\r?\n$/, '') }];
  const rows = parseCsv(text);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const column = header.indexOf('caption');
  if (column < 0) {
    throw new AtelierError('invalid_input', `${name} has no "caption" column (its header is: ${header.join(', ') || 'empty'}). Add a header row with a column named caption.`);
  }
  return rows.slice(1).map((r, i) => ({ caption: r[column] ?? '', row: i + 2 }));
}

export function registerCaptionCommands(program: Command, globals: () => GlobalOptions): void {
  const captions = program.command('captions').description('measure captions as each network counts them');
  captions
    .command('check')
    .description('measure a text file, a CSV with a caption column, or standard input (-)')
    .requiredOption('--network <network>', `one of ${NETWORKS.join(', ')}`)
    .option('--csv', 'read a CSV with a caption column (the default for .csv files)')
    .option('--title', 'measure a title (Pinterest, YouTube) instead of the caption')
    .argument('[file]', 'a text or CSV file; - or nothing reads standard input')
    .action((file: string | undefined, opts: { network: string; csv?: boolean; title?: boolean }) => {
      const output = consoleOutput(Boolean(globals().json));
      const network = opts.network.trim().toLowerCase();
      if (!isNetworkId(network)) throw new AtelierError('invalid_input', `Unknown network "${opts.network}" (known: ${NETWORKS.join(', ')}).`);
      const input = readInput(file);
      const csv = opts.csv ?? Boolean(file && /\.csv$/i.test(file));
      const rows: Row[] = captionsFrom(input.name, input.text, csv).map(({ caption, row }) => ({
        row,
        measure: measureCaption(caption, network as NetworkId, { field: opts.title ? 'title' : 'body' }),
      }));
      const invalid = rows.filter((r) => !r.measure.valid).length;
      if (output.json) printJson(output, csv ? rows : rows[0]!.measure);
      else {
        output.out(
          formatTable(
            csv ? ['ROW', 'LENGTH', 'LIMIT', 'STATUS', 'PROBLEMS'] : ['LENGTH', 'LIMIT', 'STATUS', 'PROBLEMS'],
            rows.map((r) => [
              ...(csv ? [String(r.row)] : []),
              String(r.measure.length),
              String(r.measure.limit),
              r.measure.valid ? 'ok' : 'INVALID',
              r.measure.problems.map((p) => p.message).join(' ') || '-',
            ]),
            120,
          ),
        );
        if (csv) output.out(`${rows.length} caption${rows.length === 1 ? '' : 's'}, ${invalid} invalid for ${network}.`);
      }
      if (invalid > 0) process.exitCode = 1;
    });
}
