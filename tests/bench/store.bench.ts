// Foundation figures: the repository layer against raw better-sqlite3 in the same run.
import { createAtelier } from '../../src-main/app';
import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrations';
import type { PostRow } from '../../src-main/db/repositories/posts';
import { tempDir } from '../helpers/temp';
import { percentile, timeMs, type Benchmark } from './types';

const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');

function postRow(i: number, clientId: string): PostRow {
  return {
    id: `p${i}`,
    client_id: clientId,
    title: `Post ${i}`,
    status: 'draft',
    caption: 'A caption with #hashtags and a link https://example.com/x',
    scheduled_at: START + (i % 365) * DAY + (i % 24) * 3_600_000,
    labels: '[]',
    campaign: '',
    notes: '',
    created_at: START,
    updated_at: START,
    deleted_at: null,
  };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'store.insert-10k-posts',
    run() {
      const N = 10_000;
      const repoDir = tempDir('atelier-bench-');
      const rawDir = tempDir('atelier-bench-');
      try {
        const atelier = createAtelier({ dataDir: repoDir.dir, host: 'test' });
        const lib = atelier.library;
        lib.write(() => lib.clients.insert({ id: 'c1', name: 'C', time_zone: 'UTC', color: '#000000', notes: '', approval_mode: 'none', created_at: 0, updated_at: 0, deleted_at: null }));
        const rows = Array.from({ length: N }, (_, i) => postRow(i, 'c1'));
        const repoMs = timeMs(() => lib.write(() => rows.forEach((r) => lib.posts.insert(r))));
        atelier.close();

        // Baseline: the same schema, the same pragmas, one raw prepared statement in one transaction.
        const raw = createAtelier({ dataDir: rawDir.dir, host: 'test' });
        const db = raw.library.db;
        db.prepare("INSERT INTO clients (id, name, time_zone, color, created_at, updated_at) VALUES ('c1', 'C', 'UTC', '#000000', 0, 0)").run();
        const stmt = db.prepare(
          'INSERT INTO posts (id, client_id, title, status, caption, scheduled_at, labels, campaign, notes, created_at, updated_at, deleted_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
        );
        const rawMs = timeMs(() =>
          db.transaction(() => {
            for (const r of rows) stmt.run(r.id, r.client_id, r.title, r.status, r.caption, r.scheduled_at, r.labels, r.campaign, r.notes, r.created_at, r.updated_at, r.deleted_at);
          })(),
        );
        raw.close();
        const ratio = repoMs / rawMs;
        return { value: repoMs, unit: 'ms', baseline: rawMs, ratio, target: 'ratio ≤ 1.5', pass: ratio <= 1.5, extra: { posts: N } };
      } finally {
        repoDir.cleanup();
        rawDir.cleanup();
      }
    },
  },
  {
    name: 'store.month-query-100k-posts-50-clients',
    run() {
      const dir = tempDir('atelier-bench-');
      try {
        const atelier = createAtelier({ dataDir: dir.dir, host: 'test' });
        const lib = atelier.library;
        const CLIENTS = 50;
        const POSTS = 100_000;
        lib.write(() => {
          for (let c = 0; c < CLIENTS; c++) {
            lib.clients.insert({ id: `c${c}`, name: `Client ${c}`, time_zone: 'Europe/Paris', color: '#000000', notes: '', approval_mode: 'none', created_at: 0, updated_at: 0, deleted_at: null });
          }
          for (let i = 0; i < POSTS; i++) lib.posts.insert(postRow(i, `c${i % CLIENTS}`));
        });
        const samples: number[] = [];
        let rowsSeen = 0;
        for (let q = 0; q < 400; q++) {
          const client = `c${q % CLIENTS}`;
          const month = q % 12;
          const from = Date.UTC(2026, month, 1);
          const to = Date.UTC(2026, month + 1, 1);
          const start = performance.now();
          rowsSeen += atelier.services.posts.list({ clientId: client, from: new Date(from).toISOString(), to: new Date(to).toISOString() }).length;
          samples.push(performance.now() - start);
        }
        atelier.close();
        const p95 = percentile(samples, 95);
        return {
          value: p95,
          unit: 'ms (p95)',
          target: 'p95 ≤ 5 ms',
          pass: p95 <= 5,
          extra: { p50: percentile(samples, 50), queries: samples.length, avgRows: Math.round(rowsSeen / samples.length), schema: LATEST_SCHEMA_VERSION },
        };
      } finally {
        dir.cleanup();
      }
    },
  },
];

