// Insights figures: importing a 10,000-row export (as a ratio to a bare csv-parse of the same file)
// and a month's KPIs for one client in a library of 100k published posts with their numbers (as a
// ratio to a bare SQL aggregate over the same month's rows).
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createAtelier } from '../../src-main/app';
import { createInsightsRepository, type InsightPostRow } from '../../src-main/db/repositories/insights';
import { metaInstagramCsv, type ExportPost } from '../helpers/insight-exports';
import { tempDir } from '../helpers/temp';
import { median, percentile, timeMs, type Benchmark } from './types';

const HOUR = 3_600_000;
const START = Date.parse('2025-01-01T00:00:00Z');

function client(id: string) {
  return { id, name: `Client ${id}`, time_zone: 'Europe/Paris', color: '#4f46e5', notes: '', approval_mode: 'none' as const, created_at: 0, updated_at: 0, deleted_at: null };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'insights.import-10k-row-export',
    async run() {
      const dir = tempDir('atelier-bench-');
      try {
        // A year of Instagram posts, French headers and numbers ("12 500"), 2,000 of them planned in Atelier.
        const posts: ExportPost[] = Array.from({ length: 10_000 }, (_, i) => ({
          at: START + i * 52 * 60_000,
          caption: `Publication ${i} : du pain, des croissants et une phrase de plus pour la ressemblance`,
          views: 1000 + i,
          reach: 800 + i,
          likes: i % 300,
          comments: i % 20,
          shares: i % 7,
          saves: i % 11,
          follows: i % 3,
        }));
        const bytes = metaInstagramCsv(posts, { lang: 'fr' });
        const parseMs = median([0, 1, 2, 3, 4].map(() => timeMs(() => parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true }))));
        const file = { name: 'Jan-01-2025_Dec-31-2025_949104527769166.csv', dataBase64: bytes.toString('base64'), modifiedAt: '2026-01-02T10:00:00.000Z' };
        const samples: number[] = [];
        let added = 0;
        let matched = 0;
        for (let run = 0; run < 3; run++) {
          const atelier = createAtelier({ dataDir: path.join(dir.dir, `lib${run}`), host: 'test' });
          const lib = atelier.library;
          lib.write(() => {
            lib.clients.insert(client('bench'));
            for (let i = 0; i < 10_000; i += 5) {
              lib.posts.insert({ id: `p${i}`, client_id: 'bench', title: `Publication ${i}`, status: 'approved', caption: posts[i]!.caption, scheduled_at: posts[i]!.at - 5 * 60_000, labels: '[]', campaign: '', notes: '', created_at: START, updated_at: START, deleted_at: null });
              lib.posts.insertVariant({ id: `v${i}`, post_id: `p${i}`, network: 'instagram', caption: '', follows_master: 1, design_id: null, page_index: null, first_comment: '', created_at: START, updated_at: START });
            }
          });
          const start = performance.now();
          const report = await atelier.call('insights.import', { clientId: 'bench', files: [file] });
          samples.push(performance.now() - start);
          added = report.files[0]!.added;
          matched = report.files[0]!.matchedByTime;
          atelier.close();
        }
        const value = median(samples);
        return {
          value,
          unit: 'ms (median of 3)',
          baseline: parseMs,
          ratio: value / parseMs,
          target: '≤ 8000 ms (ratio to a bare csv-parse reported)',
          pass: value <= 8000 && added === 10_000 && matched === 2_000,
          extra: { rows: added, matchedToPlanned: matched, createdFromExport: added - matched, bytes: bytes.length },
        };
      } finally {
        dir.cleanup();
      }
    },
  },
  {
    name: 'insights.month-kpis-100k-posts-20-clients',
    run() {
      const dir = tempDir('atelier-bench-');
      try {
        const atelier = createAtelier({ dataDir: dir.dir, host: 'test' });
        const lib = atelier.library;
        const repo = createInsightsRepository(lib.db);
        const CLIENTS = 20;
        const POSTS = 100_000;
        const networks = ['instagram', 'facebook', 'linkedin', 'x', 'tiktok', 'youtube'];
        // Two years of published posts, each with its numbers from an export (5,000 per client, ~210 a month).
        lib.write(() => {
          for (let c = 0; c < CLIENTS; c++) lib.clients.insert(client(`c${c}`));
          for (let i = 0; i < POSTS; i++) {
            const at = START + Math.floor(i / CLIENTS) * 3.5 * HOUR + (i % 13) * 60_000;
            const clientId = `c${i % CLIENTS}`;
            const network = networks[i % networks.length]!;
            lib.posts.insert({ id: `p${i}`, client_id: clientId, title: `Post ${i}`, status: 'published', caption: `Caption ${i}`, scheduled_at: at, labels: i % 4 === 0 ? '["promo"]' : '[]', campaign: '', notes: '', created_at: START, updated_at: START, deleted_at: null });
            lib.posts.insertVariant({ id: `v${i}`, post_id: `p${i}`, network, caption: '', follows_master: 1, design_id: null, page_index: null, first_comment: '', created_at: START, updated_at: START });
            const row: InsightPostRow = {
              id: `i${i}`, client_id: clientId, network, external_id: `x${i}`, permalink: `https://example.com/${i}`, permalink_key: `example.com/${i}`, published_at: at, precision: 'time', caption: `Caption ${i}`, post_type: '',
              views: 1000 + (i % 997), reach: network === 'instagram' || network === 'facebook' ? 700 + (i % 701) : null, likes: i % 97, comments: i % 13, shares: i % 7, saves: i % 5, clicks: i % 17, follows: i % 3, engagements: network === 'x' ? i % 120 : null,
              export_date: START + 800 * 24 * HOUR, import_id: null, post_id: `p${i}`, match: 'auto', match_score: 0.9, updated_at: START,
            };
            repo.insertPost(row);
          }
        });
        const months = ['2025-03', '2025-06', '2025-09', '2025-12', '2026-02', '2026-05'];
        const bounds = months.map((m) => [Date.parse(`${m}-01T00:00:00+01:00`), Date.parse(`${m}-28T00:00:00+01:00`)] as const);
        const bare = lib.db.prepare<[string, number, number]>(
          `SELECT count(*) AS posts, sum(reach), sum(views), sum(coalesce(likes, 0) + coalesce(comments, 0) + coalesce(shares, 0) + coalesce(saves, 0)), sum(clicks)
           FROM insight_posts WHERE client_id = ? AND published_at >= ? AND published_at < ?`,
        );
        const baselineSamples: number[] = [];
        const samples: number[] = [];
        let posts = 0;
        // Warm both paths once (statement preparation, the zone's offset table).
        bare.get('c0', bounds[0]![0], bounds[0]![1]);
        atelier.services.insights.summary({ clientId: 'c0', month: months[0]! });
        for (let q = 0; q < 60; q++) {
          const clientId = `c${q % CLIENTS}`;
          const [from, to] = bounds[q % months.length]!;
          baselineSamples.push(timeMs(() => bare.get(clientId, from, to)));
          const start = performance.now();
          posts += atelier.services.insights.summary({ clientId, month: months[q % months.length]! }).posts;
          samples.push(performance.now() - start);
        }
        atelier.close();
        const value = median(samples);
        const baseline = median(baselineSamples);
        return {
          value,
          unit: 'ms (median of 60)',
          baseline,
          ratio: value / baseline,
          target: 'p95 ≤ 250 ms (ratio to a bare SQL sum over the month reported)',
          pass: percentile(samples, 95) <= 250,
          extra: { p95: percentile(samples, 95), avgPostsPerMonth: Math.round(posts / samples.length), note: 'summary = month + previous month, per network, top posts, 180 days of best times, followers, adherence' },
        };
      } finally {
        dir.cleanup();
      }
    },
  },
];
