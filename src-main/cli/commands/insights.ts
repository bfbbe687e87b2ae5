// `atelier insights import|summary` and `atelier report`: analytics exports in, KPIs and the
// monthly client report out, over the same service as the Insights screen.
import type { Command } from 'commander';
import path from 'node:path';
import { AtelierError } from '../../core/errors';
import { INSIGHT_NETWORKS } from '../../core/insights/sources';
import { withAtelier, type GlobalOptions } from '../context';
import { consoleOutput, formatTable, printJson } from '../output';

function parseMonth(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new AtelierError('invalid_input', `--month ${value} is not a month like 2026-03.`);
  return value;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const n = (v: number | null) => (v === null ? '—' : Math.round(v).toLocaleString('en-US'));
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)} %`);

export function registerInsightCommands(program: Command, globals: () => GlobalOptions): void {
  const insights = program.command('insights').description('analytics: import the networks’ exports, KPIs and best times');

  insights
    .command('import')
    .description('import analytics exports for a client (all files or none; re-importing updates, never duplicates)')
    .argument('<files...>', 'Meta CSV, LinkedIn XLS/XLSX, X CSV, TikTok zip, YouTube zip')
    .requiredOption('--client <id|name>', 'the client the exports are for')
    .action(async (files: string[], opts: { client: string }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      await withAtelier(g, async (atelier) => {
        const client = (await atelier.call('clients.resolve', { idOrName: opts.client }));
        const report = await atelier.call('insights.import', { clientId: client.id, files: files.map((f) => ({ name: path.basename(f), path: path.resolve(f) })) });
        if (output.json) return printJson(output, report);
        for (const f of report.files) {
          const what = [
            f.posts ? `${f.posts} post(s): ${f.added} new, ${f.updated} updated${f.older ? `, ${f.older} kept (this export is older)` : ''}` : null,
            f.added ? `matched ${f.matchedByLink} by link and ${f.matchedByTime} by time and caption, ${f.created} from the export` : null,
            f.followerDays ? `${f.followerDays} day(s) of followers` : null,
            f.activityHours ? `${f.activityHours} hour(s) of follower activity` : null,
          ].filter(Boolean);
          output.out(`${f.file} (${f.sources.join(', ')}; export of ${f.exportDate.slice(0, 10)}): ${what.join('; ')}`);
          for (const r of f.renamed) output.out(`  note: ${r.network} ${r.metric} read from "${r.header}" (an older name; not strictly comparable with later exports)`);
        }
      });
    });

  insights
    .command('summary')
    .description("a client's KPIs for a month, against the month before, with the best times to post")
    .requiredOption('--client <id|name>', 'the client')
    .requiredOption('--month <YYYY-MM>', "the month, in the client's calendar")
    .option('--network <network>', `only one network (${INSIGHT_NETWORKS.join(', ')})`)
    .option('--label <label>', 'only posts with this label')
    .option('--campaign <campaign>', 'only posts of this campaign')
    .action(async (opts: { client: string; month: string; network?: string; label?: string; campaign?: string }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      const month = parseMonth(opts.month);
      if (opts.network && !(INSIGHT_NETWORKS as readonly string[]).includes(opts.network)) throw new AtelierError('invalid_input', `--network ${opts.network} is not one of ${INSIGHT_NETWORKS.join(', ')}.`);
      await withAtelier(g, async (atelier) => {
        const client = (await atelier.call('clients.resolve', { idOrName: opts.client }));
        const s = await atelier.call('insights.summary', { clientId: client.id, month, network: opts.network as (typeof INSIGHT_NETWORKS)[number] | undefined, label: opts.label, campaign: opts.campaign });
        if (output.json) return printJson(output, s);
        const change = (k: keyof typeof s.changes, rate = false) => {
          const c = s.changes[k];
          if (c.delta === null) return '';
          return rate ? `${c.delta >= 0 ? '+' : ''}${(c.delta * 100).toFixed(2)} pt` : c.ratio === null ? `${c.delta >= 0 ? '+' : ''}${c.delta}` : `${c.ratio >= 0 ? '+' : ''}${Math.round(c.ratio * 100)} %`;
        };
        output.out(`${s.clientName}, ${s.period.from} – ${s.period.to} (${s.timeZone})`);
        output.out(
          formatTable(
            ['KPI', 'value', 'previous', 'change'],
            [
              ['posts', n(s.posts), n(s.previous.posts), change('posts')],
              ['reach', n(s.reach), n(s.previous.reach), change('reach')],
              ['views/impressions', n(s.impressions), n(s.previous.impressions), change('impressions')],
              ['engagements', n(s.engagements), n(s.previous.engagements), change('engagements')],
              ['engagement rate', pct(s.engagementRate), pct(s.previous.engagementRate), change('engagementRate', true)],
              ['clicks', n(s.clicks), n(s.previous.clicks), change('clicks')],
              ['followers gained', n(s.followersGained), n(s.previous.followersGained), change('followersGained')],
              ['plan delivered', `${s.adherence.published}/${s.adherence.planned}`, `${s.previousAdherence.published}/${s.previousAdherence.planned}`, ''],
            ],
          ),
        );
        if (s.bestTimes.length) output.out(`best times: ${s.bestTimes.map((b) => `${WEEKDAYS[b.weekday - 1]} ${b.time} (${b.posts} post(s), ${b.confidence})`).join(', ')}`);
      });
    });

  program
    .command('report')
    .description("write a client's monthly report as a PDF (KPIs, charts, top posts, best times, next month's plan)")
    .requiredOption('--client <id|name>', 'the client')
    .requiredOption('--month <YYYY-MM>', 'the month reported on')
    .requiredOption('--out <file>', 'the PDF to write')
    .option('--lang <lang>', 'en or fr', 'en')
    .option('--brand <id|name>', "whose brand kit dresses the report (e.g. your studio, kept as a client); default: the client's")
    .action(async (opts: { client: string; month: string; out: string; lang: string; brand?: string }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      const month = parseMonth(opts.month);
      if (opts.lang !== 'en' && opts.lang !== 'fr') throw new AtelierError('invalid_input', `--lang must be en or fr, not "${opts.lang}".`);
      await withAtelier(g, async (atelier) => {
        const client = (await atelier.call('clients.resolve', { idOrName: opts.client }));
        const brand = opts.brand ? (await atelier.call('clients.resolve', { idOrName: opts.brand })) : undefined;
        const result = await atelier.call('insights.report', { clientId: client.id, month, language: opts.lang as 'en' | 'fr', brandClientId: brand?.id, out: path.resolve(opts.out) });
        if (output.json) return printJson(output, { file: result.file, bytes: result.bytes, pages: result.pages });
        output.out(`wrote ${result.file}: ${result.pages} page(s), ${(result.bytes / 1024).toFixed(0)} KB`);
      });
    });
}
