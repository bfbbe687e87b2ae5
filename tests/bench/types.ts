// The benchmark interface. Each `tests/bench/*.bench.ts` exports `benchmarks: Benchmark[]`;
// `npm run bench` runs them all and writes bench-results.json.
export interface BenchResult {
  value: number;
  unit: string;
  /** The baseline measured in the same run, in the same unit. */
  baseline?: number;
  /** value / baseline. */
  ratio?: number;
  /** The bar, in words: "ratio ≤ 1.5", "p95 ≤ 5 ms". */
  target: string;
  pass: boolean;
  /** Anything else worth keeping (sample sizes, medians…). */
  extra?: Record<string, number | string>;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult> | BenchResult;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Milliseconds taken by `fn`, best of `repeat` runs (the least disturbed by the rest of the machine). */
export function timeMs(fn: () => void, repeat = 1): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
