// Pack import's memory: the security review's 34 MB pack (incompressible pictures, the last one
// damaged) peaked at 2.2 GB before its refusal, because every asset was held at once. Assets are now
// streamed into the store one at a time, so the peak stays near the process's resting size, whether
// the pack is refused at its last asset or imported whole. Peak = the kernel's high-water mark
// (VmHWM, reset just before the import) on Linux; elsewhere RSS sampled every 10 ms.
import { randomBytes } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { createAtelier } from '../../src-main/app';
import { syntheticPack } from '../helpers/synthetic-pack';
import { tempDir } from '../helpers/temp';
import { kernelPeak, resetKernelPeak } from './memory';
import type { Benchmark, BenchResult } from './types';

const PICTURES = 19;
const SIDE = 800; // 800 × 800 random RGB: about 1.9 MB of PNG each, which deflate cannot shrink


async function noisePng(seed: number): Promise<Buffer> {
  const raw = randomBytes(SIDE * SIDE * 3);
  raw[0] = seed & 0xff; // every picture distinct
  return sharp(raw, { raw: { width: SIDE, height: SIDE, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
}

async function importPeak(damagedLast: boolean): Promise<{ peakMb: number; openedMb: number; restMb: number; packMb: number; refused: boolean }> {
  const dir = tempDir('atelier-bench-import-');
  const atelier = createAtelier({ dataDir: dir.dir, host: 'test' });
  try {
    const file = path.join(dir.dir, 'pack.zip');
    // The baseline: this process with the library open, before the bench builds its pack (whose
    // pictures it then still holds, so the peak below includes them: an upper bound for the import).
    const opened = process.memoryUsage.rss();
    {
      const assets = [];
      for (let i = 0; i < PICTURES; i++) assets.push({ name: `photo-${i}.png`, bytes: await noisePng(i), wrongHash: damagedLast && i === PICTURES - 1 });
      writeFileSync(file, syntheticPack('bench', assets));
    }
    const packMb = statSync(file).size / 1024 / 1024;
    const exact = resetKernelPeak();
    const rest = process.memoryUsage.rss();
    let peak = rest;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
    let refused = false;
    try {
      await atelier.call('packs.import', { file });
    } catch {
      refused = true;
    } finally {
      clearInterval(timer);
    }
    peak = Math.max(peak, process.memoryUsage.rss(), exact ? kernelPeak() : 0);
    return { peakMb: peak / 1024 / 1024, openedMb: opened / 1024 / 1024, restMb: rest / 1024 / 1024, packMb, refused };
  } finally {
    atelier.close();
    dir.cleanup();
  }
}

function result(r: Awaited<ReturnType<typeof importPeak>>, expectRefused: boolean): BenchResult {
  return {
    value: +r.peakMb.toFixed(0),
    unit: 'MB',
    baseline: +r.openedMb.toFixed(0),
    ratio: +(r.peakMb / r.openedMb).toFixed(2),
    target: `peak RSS ≤ 500 MB (${expectRefused ? 'refused' : 'imported'} as expected)`,
    pass: r.peakMb <= 500 && r.refused === expectRefused,
    extra: { packMb: +r.packMb.toFixed(1), pictures: PICTURES, rssBeforeImportMb: +r.restMb.toFixed(0), refused: String(r.refused) },
  };
}

export const benchmarks: Benchmark[] = [
  { name: 'packs.import-34mb-refused.peak-rss', run: async () => result(await importPeak(true), true) },
  { name: 'packs.import-34mb.peak-rss', run: async () => result(await importPeak(false), false) },
];
