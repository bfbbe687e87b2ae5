// SVG → PNG under a budget. librsvg cannot be interrupted once it draws, and sharp runs it on a
// libuv thread that neither a timeout nor worker.terminate() can stop, so the drawing happens in a
// child Node process that is killed when it overruns its time (SVG_BUDGET.timeMs) and that exits
// by itself past its memory budget. Whatever the SVG asks for, the caller gets its answer within
// the budget and the CPU is free again.
// The desktop app cannot start a plain Node child (its RunAsNode fuse is off): there the drawing
// stays in process with sharp's own timeout, behind the same markup checks (svg-cost.ts).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export const SVG_BUDGET = {
  /** Wall-clock time for one SVG, child start-up included; refused well within 5 s. */
  timeMs: 4_000,
  /** Resident memory of the drawing process. */
  memoryBytes: 768 * 1024 * 1024,
  /** A PNG of at most 2048 × 2048 is far smaller than this. */
  maxOutputBytes: 64 * 1024 * 1024,
};

export type RasterOutcome = { ok: true; png: Buffer } | { ok: false; reason: 'time' | 'memory' | 'refused' | 'unavailable'; message: string };

// Runs as `node -e CHILD <sharp> <previewSize> <maxPixels> <rssLimit>`; the SVG on stdin, the PNG on
// stdout. Exit 2: sharp refused it (message on stderr). Exit 75: over the memory budget.
const CHILD = String.raw`
'use strict';
const [sharpPath, previewSize, maxPixels, rssLimit] = process.argv.slice(1).map((v, i) => (i === 0 ? v : Number(v)));
const sharp = require(sharpPath);
sharp.cache(false);
sharp.concurrency(1);
setInterval(() => {
  if (process.memoryUsage.rss() > rssLimit) process.exit(75);
}, 20);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const svg = Buffer.concat(chunks);
  try {
    const meta = await sharp(svg, { limitInputPixels: false, failOn: 'error' }).metadata();
    const long = Math.max(meta.width || 0, meta.height || 0);
    if (!long) throw new Error('it declares no image size');
    const density = Math.max(10, Math.min(2400, (72 * previewSize) / long));
    const png = await sharp(svg, { density, limitInputPixels: maxPixels, failOn: 'error' }).png({ compressionLevel: 9 }).toBuffer();
    process.stdout.write(png, () => process.exit(0));
  } catch (error) {
    process.stderr.write(String((error && error.message) || error).split('\n')[0].slice(0, 300), () => process.exit(2));
  }
});
`;

function sharpEntry(): string | null {
  try {
    return createRequire(import.meta.url).resolve('sharp');
  } catch {
    return null;
  }
}

/** True where a Node child can be started (not inside Electron's main process). */
export function canIsolate(): boolean {
  return !process.versions.electron && sharpEntry() !== null;
}

export function rasteriseInChild(svg: Buffer, options: { previewSize: number; maxPixels: number; budget?: Partial<typeof SVG_BUDGET> }): Promise<RasterOutcome> {
  const budget = { ...SVG_BUDGET, ...options.budget };
  const sharpPath = sharpEntry();
  if (!sharpPath) return Promise.resolve({ ok: false, reason: 'unavailable', message: 'the image library cannot be found' });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', CHILD, sharpPath, String(options.previewSize), String(options.maxPixels), String(budget.memoryBytes)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
      windowsHide: true,
    });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    let settled = false;
    const finish = (outcome: RasterOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'time', message: `drawing it takes longer than ${budget.timeMs / 1000} s` }), budget.timeMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > budget.maxOutputBytes) finish({ ok: false, reason: 'memory', message: 'it draws to an image too large to keep' });
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 1000) err += chunk.toString('utf8');
    });
    child.on('error', (error) => finish({ ok: false, reason: 'unavailable', message: error.message }));
    child.stdin.on('error', () => undefined); // the child may exit before reading it all
    child.on('close', (code) => {
      if (code === 0) finish({ ok: true, png: Buffer.concat(out) });
      else if (code === 75) finish({ ok: false, reason: 'memory', message: `drawing it needs more than ${Math.round(budget.memoryBytes / 1024 / 1024)} MB of memory` });
      else finish({ ok: false, reason: 'refused', message: err.trim() || `the drawing process stopped (${code ?? 'killed'})` });
    });
    child.stdin.end(svg);
  });
}
