// `atelier pack export|import|decisions`: content packs on the command line.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AtelierError } from '../../core/errors';
import { withAtelier, type GlobalOptions } from '../context';
import { consoleOutput, printJson } from '../output';
import { parseDay } from './calendar';
import { parseStatuses } from './posts';

export function registerPackCommands(program: Command, globals: () => GlobalOptions): void {
  const pack = program.command('pack').description('content packs: export a client’s posts as one zip, import one, apply decisions');

  pack
    .command('export')
    .description('export a client’s posts (images, captions, schedule, designs, assets, preview page) as one zip')
    .requiredOption('--client <id|name>', 'the client')
    .option('--from <date>', 'first day, YYYY-MM-DD (client’s calendar)')
    .option('--to <date>', 'last day, YYYY-MM-DD, inclusive')
    .option('--status <list>', 'only these statuses, comma-separated (e.g. in_review,approved)')
    .option('--lang <lang>', 'language of the preview page: en or fr', 'en')
    .requiredOption('--out <file>', 'the zip to write')
    .option('--force', 'replace --out when it already exists')
    .action(async (opts: { client: string; from?: string; to?: string; status?: string; lang: string; out: string; force?: boolean }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      if (opts.lang !== 'en' && opts.lang !== 'fr') throw new AtelierError('invalid_input', `--lang must be en or fr, not "${opts.lang}".`);
      const out = path.resolve(opts.out);
      // A pack is the month's hand-over: never replace an earlier one by accident.
      if (existsSync(out) && !opts.force) throw new AtelierError('conflict', `${out} already exists; nothing was written. Add --force to replace it, or choose another --out.`);
      const from = parseDay(opts.from, '--from');
      const to = parseDay(opts.to, '--to');
      const statuses = opts.status ? parseStatuses(opts.status) : undefined;
      await withAtelier(g, async (atelier) => {
        const input = { clientId: (await atelier.call('clients.resolve', { idOrName: opts.client })).id, from, to, statuses, out, language: opts.lang as 'en' | 'fr', jobId: 'cli' };
        const off = atelier.events.subscribe((name, payload) => {
          if (name !== 'packs.progress') return;
          const p = payload as { phase: string; done: number; total: number };
          if (p.phase === 'render') process.stderr.write(`rendering designs ${p.done}/${p.total}\n`);
          else if (p.phase === 'write' && (p.done === p.total || p.done % 50 === 0)) process.stderr.write(`writing ${p.done}/${p.total}\n`);
        });
        const onSigint = () => void atelier.call('packs.cancel', { jobId: 'cli' });
        process.once('SIGINT', onSigint);
        try {
          const report = await atelier.call('packs.export', input);
          for (const w of report.warnings) output.err(`warning: ${w.text}`);
          if (output.json) printJson(output, report);
          else output.out(`wrote ${report.file}: ${report.posts} post(s), ${report.images} image(s), ${report.designs} design(s), ${report.assets} asset file(s), ${(report.bytes / 1024 / 1024).toFixed(1)} MB`);
        } finally {
          off();
          process.off('SIGINT', onSigint);
        }
      });
    });

  pack
    .command('import')
    .description('import a content pack (all or nothing)')
    .argument('<file>', 'the pack (.zip)')
    .option('--client <id|name>', 'into this client')
    .option('--as-new-client', 'as a new client (fresh ids), even when this library has the pack’s client')
    .action(async (file: string, opts: { client?: string; asNewClient?: boolean }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      if (opts.client && opts.asNewClient) throw new AtelierError('invalid_input', 'Give either --client or --as-new-client, not both.');
      const report = await withAtelier(g, async (atelier) =>
        atelier.call('packs.import', { file: path.resolve(file), clientId: opts.client ? (await atelier.call('clients.resolve', { idOrName: opts.client })).id : undefined, asNewClient: opts.asNewClient }),
      );
      for (const w of report.warnings) output.err(`warning: ${w.text}`);
      if (output.json) return printJson(output, report);
      output.out(
        [
          `imported into ${report.clientName} (${report.clientId})${report.createdClient ? ', a new client' : ''}`,
          `posts: ${report.posts} imported, ${report.skippedPosts.length} already here`,
          `designs: ${report.designs}`,
          `assets: ${report.assetsAdded} added, ${report.assetsAlreadyPresent} already in the library`,
        ].join('\n'),
      );
    });

  pack
    .command('decisions')
    .description('apply a client’s decisions.json (approve / changes requested, with comments)')
    .argument('<file>', 'decisions.json saved from the pack’s preview page')
    .action(async (file: string) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      const report = await withAtelier(g, (atelier) => atelier.call('packs.applyDecisions', { file: path.resolve(file) }));
      if (output.json) return printJson(output, report);
      const status = (s: string) => s.replace('_', ' ');
      const lines = report.applied.map((a) => `${a.title}: ${a.from === a.to ? `stays ${status(a.to)}` : `${status(a.from)} → ${status(a.to)}`}${a.comment ? ` (“${a.comment}”)` : ''}`);
      for (const s of report.skipped) lines.push(`skipped ${s.title || s.postId}: ${s.reason.text}`);
      output.out(lines.length ? lines.join('\n') : 'no decisions in the file');
      if (report.skipped.length > 0) output.err(`${report.skipped.length} decision(s) skipped`);
    });
}
