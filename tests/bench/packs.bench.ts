// Content-pack export: 100 posts with one 1080×1080 variant each, against a baseline that renders
// and encodes the same documents one after another with Konva over @napi-rs/canvas in this process.
// Peak memory is the process's peak RSS during the export (render workers are threads of this
// process, so their memory is in it): on Linux the kernel's own high-water mark (VmHWM, reset before
// the export), which no spike between two samples escapes; elsewhere RSS sampled every 25 ms. The 1,000-post run takes 1–3 minutes on this shared 2-core
// machine, so it runs only with ATELIER_BENCH_PACKS_1000=1.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createAtelier, type Atelier } from '../../src-main/app';
import { blankDocument, newImage, newShape, newText, type DesignDocument } from '../../src-main/core/design';
import { libraryAssetResolver, renderPage } from '../../src-main/render';
import { exportPack } from '../../src-main/services/packs/export';
import { pngBytes } from '../helpers/packs';
import { tempDir } from '../helpers/temp';
import { kernelPeak, resetKernelPeak } from './memory';
import type { Benchmark, BenchResult } from './types';

const START = Date.parse('2026-12-01T08:00:00Z');
const HOUR = 3_600_000;

function documentFor(i: number, assetId: string): DesignDocument {
  const doc = blankDocument({ id: `d${i}`, name: `Visual ${i}`, preset: 'instagram-square', width: 1080, height: 1080, pageId: `d${i}p` });
  const page = doc.pages[0]!;
  page.background = { type: 'color', color: `hsl(${(i * 37) % 360} 60% 85%)` } as typeof page.background;
  page.elements.push(newShape(`d${i}s1`, 'rect', 80, 80, 500), newShape(`d${i}s2`, 'ellipse', 540, 420, 420), newShape(`d${i}s3`, 'star', 200, 640, 300));
  page.elements.push(newText(`d${i}t1`, 100, 120, `Post number ${i}`, 88), newText(`d${i}t2`, 100, 900, 'Offre de la semaine — réservez vite !', 48));
  page.elements.push(newImage(`d${i}img`, assetId, 700, 80, 300, 300, 'logo'));
  return doc;
}

async function seed(count: number): Promise<{ atelier: Atelier; dir: ReturnType<typeof tempDir>; docs: DesignDocument[]; clientId: string }> {
  const dir = tempDir('atelier-bench-packs-');
  const atelier = createAtelier({ dataDir: dir.dir, host: 'test' });
  const lib = atelier.library;
  const logo = await atelier.services.assets.importBytes(pngBytes(400, 400, '#b45309'), 'logo.png');
  const docs = Array.from({ length: count }, (_, i) => documentFor(i, logo.asset.id));
  lib.write(() => {
    lib.clients.insert({ id: 'c1', name: 'Bench client', time_zone: 'Europe/Paris', color: '#4f46e5', notes: '', approval_mode: 'none', created_at: START, updated_at: START, deleted_at: null });
    docs.forEach((doc, i) => {
      lib.designs.insert({ id: doc.id, client_id: 'c1', name: doc.name, preset: doc.preset, schema_version: doc.schemaVersion, document: JSON.stringify(doc), created_at: START, updated_at: START, deleted_at: null, is_template: 0, linked_from: null });
      lib.posts.insert({ id: `p${i}`, client_id: 'c1', title: `Post ${i}`, status: 'in_review', caption: `Caption ${i} #bench`, scheduled_at: START + i * HOUR, labels: '[]', campaign: '', notes: '', created_at: START, updated_at: START, deleted_at: null });
      lib.posts.insertVariant({ id: `v${i}`, post_id: `p${i}`, network: 'instagram', caption: `Caption ${i} #bench`, follows_master: 1, design_id: doc.id, page_index: null, first_comment: '', created_at: START, updated_at: START });
    });
  });
  return { atelier, dir, docs, clientId: 'c1' };
}


/** Runs the export while sampling RSS every 25 ms (and with the kernel's peak mark where there is one). */
async function timedExport(atelier: Atelier, clientId: string, out: string): Promise<{ ms: number; peakMb: number; bytes: number }> {
  const exact = resetKernelPeak();
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 25);
  const started = performance.now();
  try {
    const s = atelier.services;
    const result = await exportPack({ lib: atelier.library, calendar: s.calendar, designs: s.designs, assets: s.assets, workers: 2 }, { clientId }, out);
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage.rss(), exact ? kernelPeak() : 0);
    return { ms, peakMb: peak / 1024 / 1024, bytes: result.bytes };
  } finally {
    clearInterval(timer);
  }
}

let hundred: { ms: number; baselineMs: number; peakMb: number; bytes: number } | null = null;

async function hundredPosts(): Promise<NonNullable<typeof hundred>> {
  if (hundred) return hundred;
  const { atelier, dir, docs, clientId } = await seed(100);
  try {
    // Baseline: the same documents, rendered and encoded to PNG one after another, in this process.
    // The machine is shared, so baseline and export alternate twice and each keeps its best run.
    const resolver = libraryAssetResolver(atelier.library.paths.assets);
    await renderPage(docs[0]!, { format: 'png', assetResolver: resolver }); // fonts registered, code warm
    let baselineMs = Infinity;
    let run = { ms: Infinity, peakMb: 0, bytes: 0 };
    for (let rep = 0; rep < 2; rep++) {
      const b0 = performance.now();
      for (const doc of docs) await renderPage(doc, { format: 'png', assetResolver: resolver });
      baselineMs = Math.min(baselineMs, performance.now() - b0);
      const r = await timedExport(atelier, clientId, path.join(dir.dir, `pack-${rep}.zip`));
      run = { ms: Math.min(run.ms, r.ms), peakMb: Math.max(run.peakMb, r.peakMb), bytes: r.bytes };
    }
    hundred = { ms: run.ms, baselineMs, peakMb: run.peakMb, bytes: run.bytes };
    return hundred;
  } finally {
    atelier.close();
    dir.cleanup();
  }
}

const all: Benchmark[] = [
  {
    name: 'packs.export-100-posts',
    async run(): Promise<BenchResult> {
      const r = await hundredPosts();
      const ratio = r.ms / r.baselineMs;
      return { value: r.ms, unit: 'ms', baseline: r.baselineMs, ratio, target: 'ratio ≤ 0.75 (2 render workers)', pass: ratio <= 0.75, extra: { posts: 100, zipMb: +(r.bytes / 1024 / 1024).toFixed(1) } };
    },
  },
  {
    name: 'packs.export-100-posts.peak-rss',
    async run(): Promise<BenchResult> {
      const r = await hundredPosts();
      return { value: +r.peakMb.toFixed(0), unit: 'MB', target: 'peak RSS ≤ 500 MB', pass: r.peakMb <= 500 };
    },
  },
  {
    name: 'packs.export-1000-posts',
    async run(): Promise<BenchResult> {
      const base = await hundredPosts();
      const { atelier, dir, clientId } = await seed(1000);
      try {
        const out = path.join(dir.dir, 'pack.zip');
        const run = await timedExport(atelier, clientId, out);
        const ratio = run.ms / base.ms;
        return {
          value: run.ms,
          unit: 'ms',
          baseline: base.ms,
          ratio,
          target: 'ratio to the 100-post export ≤ 10.5',
          pass: ratio <= 10.5,
          extra: { posts: 1000, peakRssMb: +run.peakMb.toFixed(0), zipMb: existsSync(out) ? +(statSync(out).size / 1024 / 1024).toFixed(1) : 0 },
        };
      } finally {
        atelier.close();
        dir.cleanup();
      }
    },
  },
];

// The 1,000-post run takes minutes here: it is listed only when asked for, never reported as passed unrun.
const RUN_1000 = Boolean(process.env.ATELIER_BENCH_PACKS_1000);
if (!RUN_1000) process.stderr.write('[bench] packs.export-1000-posts not run: set ATELIER_BENCH_PACKS_1000=1 (1–3 minutes)\n');
export const benchmarks: Benchmark[] = all.filter((b) => RUN_1000 || b.name !== 'packs.export-1000-posts');
