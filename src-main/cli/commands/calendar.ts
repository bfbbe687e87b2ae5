// `atelier export ics|csv` and `atelier import csv`: the calendar's exchange formats on the command line.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AtelierError } from '../../core/errors';
import { isNetworkId, NETWORKS, type NetworkId } from '../../core/domain/posts';
import { withAtelier, type GlobalOptions } from '../context';
import { consoleOutput, printJson } from '../output';

const FORMATS = ['hootsuite', 'publer', 'atelier'] as const;
type Format = (typeof FORMATS)[number];

function parseFormat(value: string): Format {
  const f = value.toLowerCase();
  if (!(FORMATS as readonly string[]).includes(f)) throw new AtelierError('invalid_input', `--format ${value} is not one of ${FORMATS.join(', ')}.`);
  return f as Format;
}

function parseDateOrder(value: string | undefined): 'MDY' | 'DMY' | undefined {
  if (value === undefined) return undefined;
  const v = value.toUpperCase();
  if (v !== 'MDY' && v !== 'DMY') throw new AtelierError('invalid_input', `--date-format ${value} must be MDY or DMY.`);
  return v;
}

export function parseDay(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new AtelierError('invalid_input', `${flag} ${value} is not a date like 2026-12-01.`);
  return value;
}

function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new AtelierError('io_error', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AtelierError('invalid_input', `${file} is not UTF-8 text; save it as "CSV UTF-8" and try again.`);
  }
}

/** The `export` and `import` groups, shared with other features' subcommands when they exist. */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export function registerCalendarCommands(program: Command, globals: () => GlobalOptions): void {
  const exporter = group(program, 'export', 'export plans and content');
  const importer = group(program, 'import', 'import plans and content');

  exporter
    .command('ics')
    .description('write an iCalendar file of scheduled posts (one client or all)')
    .option('--client <id|name>', 'only this client')
    .option('--from <date>', "from this day (YYYY-MM-DD, in each client's zone)")
    .option('--to <date>', 'up to and including this day')
    .requiredOption('--out <file>', 'the .ics file to write')
    .action(async (opts: { client?: string; from?: string; to?: string; out: string }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      const from = parseDay(opts.from, '--from');
      const to = parseDay(opts.to, '--to');
      await withAtelier(g, async (atelier) => {
        const client = opts.client ? (await atelier.call('clients.resolve', { idOrName: opts.client })) : undefined;
        const { ics, count } = await atelier.call('calendar.exportIcs', { clientId: client?.id, from, to });
        (await import('../../services/output-files')).writeOutputFile(opts.out, ics);
        if (output.json) printJson(output, { file: path.resolve(opts.out), events: count });
        else output.out(`Wrote ${count} event(s) to ${opts.out}`);
      });
    });

  exporter
    .command('csv')
    .description('write a CSV of posts for Hootsuite, Publer or Atelier')
    .option('--client <id|name>', 'only this client')
    .requiredOption('--format <format>', 'hootsuite, publer or atelier')
    .option('--date-format <order>', 'Hootsuite dates: MDY (default) or DMY')
    .option('--from <date>', "from this day (YYYY-MM-DD, in each client's zone)")
    .option('--to <date>', 'up to and including this day')
    .requiredOption('--out <file>', 'the .csv file to write')
    .action(async (opts: { client?: string; format: string; dateFormat?: string; from?: string; to?: string; out: string }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      const format = parseFormat(opts.format);
      const dateFormat = parseDateOrder(opts.dateFormat);
      const from = parseDay(opts.from, '--from');
      const to = parseDay(opts.to, '--to');
      await withAtelier(g, async (atelier) => {
        const client = opts.client ? (await atelier.call('clients.resolve', { idOrName: opts.client })) : undefined;
        const { csv, count, leftOut, warnings } = await atelier.call('calendar.exportCsv', { clientId: client?.id, format, dateFormat, from, to });
        (await import('../../services/output-files')).writeOutputFile(opts.out, csv);
        for (const w of warnings) output.err(`warning: ${w.text}`);
        if (output.json) return printJson(output, { file: path.resolve(opts.out), rows: count, leftOut, warnings });
        output.out(`Wrote ${count} post(s) to ${opts.out} (${format})`);
        // A scheduler file holds only what is ready to publish: say what stayed behind, and why.
        const why = { not_ready: 'not approved or scheduled', past: 'time already passed', no_time: 'no date and time' } as const;
        if (leftOut.length) output.out(`Left out ${leftOut.length} post(s) that are not ready to publish:`);
        for (const l of leftOut) output.out(`  ${l.title}: ${why[l.reason]}${l.reason === 'not_ready' ? ` (${l.status.replace('_', ' ')})` : ''}`);
      });
    });

  importer
    .command('csv')
    .description('import posts from a CSV file (all rows or none, unless --skip-invalid)')
    .argument('<file>', 'the CSV file')
    .requiredOption('--client <id|name>', 'the client the posts are for')
    .requiredOption('--format <format>', 'hootsuite, publer or atelier')
    .option('--date-format <order>', 'Hootsuite dates: MDY (default) or DMY')
    .option('--network <list>', 'networks for every post, when the format has no network column (e.g. instagram,x)')
    .option('--skip-invalid', 'import the valid rows and report the others')
    .action(async (file: string, opts: { client: string; format: string; dateFormat?: string; network?: string; skipInvalid?: boolean }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      const format = parseFormat(opts.format);
      const dateFormat = parseDateOrder(opts.dateFormat);
      const networks = (opts.network ?? '').split(',').map((n) => n.trim().toLowerCase()).filter(Boolean);
      const unknown = networks.filter((n) => !isNetworkId(n));
      if (unknown.length) throw new AtelierError('invalid_input', `--network: unknown network ${unknown.join(', ')} (known: ${NETWORKS.join(', ')}).`);
      const text = readText(file);
      await withAtelier(g, async (atelier) => {
        const client = (await atelier.call('clients.resolve', { idOrName: opts.client }));
        let report;
        try {
          report = await atelier.call('calendar.importCsv', {
            clientId: client.id,
            format,
            text,
            dateFormat,
            skipInvalid: Boolean(opts.skipInvalid),
            networks: networks as NetworkId[],
          });
        } catch (error) {
          if (error instanceof AtelierError) throw new AtelierError(error.code, `${file}: ${error.message.replace('use skip-invalid', 'use --skip-invalid')}`, error.details);
          throw error;
        }
        if (output.json) return printJson(output, report);
        output.out(`Imported ${report.imported} post(s) for ${client.name} from ${file}.`);
        for (const a of report.adjusted) {
          const why = a.resolution === 'shifted_forward' ? `does not exist in ${client.timeZone} (clocks go forward)` : `happens twice in ${client.timeZone} (clocks go back); took the first`;
          output.out(`  row ${a.row}: ${a.given.replace('T', ' ')} ${why} → ${a.local.replace('T', ' ')}`);
        }
        if (report.skipped.length) {
          output.err(`Skipped ${report.skipped.length} invalid row(s):`);
          for (const s of report.skipped) output.err(`  row ${s.row}: ${s.problems.map((p) => p.text).join('; ')}`);
        }
      });
    });
}
