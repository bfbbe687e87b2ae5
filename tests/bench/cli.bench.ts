// How long the built `atelier` CLI takes to start and answer: `--help` (no library opened) and a
// plain `clients list` on a small library. Every command used to parse and run the whole 10 MB
// bundle (echarts, pdf-lib, fontkit, SheetJS, sharp's native addon…), 1–1.5 s of CPU before any
// work; heavy modules now load in the commands that use them (build.mjs splits the bundle).
// Baseline: starting Node itself (`node -e ""`) in the same run, alternated with the measured
// command so both see the same machine load. Medians of wall time, as a user waits for them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/temp';
import { median, type Benchmark, type BenchResult } from './types';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'out', 'cli', 'index.js');
const RUNS = 9;

function wallMs(args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return ms;
}

/** Median wall time of `node <args>` and of the baseline, run alternately (one warm-up each). */
function startup(name: string, args: readonly string[], target: number): BenchResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (node build/scripts/build.mjs).`);
  wallMs(['-e', '']);
  wallMs(args);
  const base: number[] = [];
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(wallMs(['-e', '']));
    runs.push(wallMs(args));
  }
  const value = median(runs);
  const baseline = median(base);
  const ratio = value / baseline;
  return {
    value: +value.toFixed(0),
    unit: 'ms',
    baseline: +baseline.toFixed(0),
    ratio: +ratio.toFixed(2),
    target: `ratio ≤ ${target} (node start = 1)`,
    pass: ratio <= target,
    extra: { runs: RUNS, command: name, min: +Math.min(...runs).toFixed(0), max: +Math.max(...runs).toFixed(0) },
  };
}

export const benchmarks: Benchmark[] = [
  {
    // Before the split: ~1,100 ms against ~100 ms for Node (ratio ~11) on a loaded two-core machine.
    name: 'cli.start-help',
    run: () => startup('atelier --help', [CLI, '--help'], 4),
  },
  {
    // Opens (and closes) the library, so it loads the app: services, SQLite, the contract's schemas.
    name: 'cli.start-clients-list',
    run() {
      const dir = tempDir('atelier-bench-cli-');
      try {
        wallMs([CLI, '--data-dir', dir.dir, 'clients', 'add', '--name', 'Bench', '--timezone', 'Europe/Paris']);
        return startup('atelier clients list', [CLI, '--data-dir', dir.dir, 'clients', 'list'], 8);
      } finally {
        dir.cleanup();
      }
    },
  },
];
