// How long a costly SVG takes to be refused, from the import call to its answer. The security
// review's cases took 57 s and 170 s of CPU (and one was accepted); each must now be refused within
// 5 s. Baseline: importing an ordinary SVG in the same run (markup check plus one drawing process).
import { createAtelier } from '../../src-main/app';
import { tempDir } from '../helpers/temp';
import type { Benchmark, BenchResult } from './types';

const NS = 'xmlns="http://www.w3.org/2000/svg"';

const CASES: Record<string, string> = {
  'wide-blur': `<svg ${NS} width="2000" height="2000"><filter id="f" x="-50" y="-50" width="100" height="100"><feGaussianBlur stdDeviation="3000"/></filter><rect width="2000" height="2000" filter="url(#f)"/></svg>`,
  'rect-200k': `<svg ${NS} width="1000" height="1000">${'<rect width="1" height="1"/>'.repeat(200_000)}</svg>`,
  'use-copies': `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100"><defs><rect id="l0" width="1" height="1"/>${Array.from(
    { length: 10 },
    (_, i) => `<g id="l${i + 1}">${`<use xlink:href="#l${i}"/>`.repeat(10)}</g>`,
  ).join('')}</defs><use xlink:href="#l10"/></svg>`,
  // Passes every markup check; only the drawing budget stops it.
  'slow-within-markup': `<svg ${NS} width="2048" height="2048"><filter id="f" x="-1" y="-1" width="3" height="3">${Array.from(
    { length: 16 },
    (_, i) => `<feGaussianBlur stdDeviation="${400 + i}"/>`,
  ).join('')}</filter>${Array.from({ length: 60 }, (_, i) => `<rect x="${i}" y="${i}" width="1900" height="1900" filter="url(#f)"/>`).join('')}</svg>`,
};

const ORDINARY = `<svg ${NS} width="400" height="300"><filter id="s"><feGaussianBlur stdDeviation="8"/></filter><rect x="40" y="40" width="300" height="200" fill="#4f46e5" filter="url(#s)"/></svg>`;

async function timeImport(svg: string, name: string): Promise<{ ms: number; refused: boolean }> {
  const dir = tempDir('atelier-bench-svg-');
  const atelier = createAtelier({ dataDir: dir.dir, host: 'test' });
  try {
    const started = performance.now();
    const refused = await atelier.call('assets.import', { name, bytes: Buffer.from(svg) }).then(
      () => false,
      () => true,
    );
    return { ms: performance.now() - started, refused };
  } finally {
    atelier.close();
    dir.cleanup();
  }
}

export const benchmarks: Benchmark[] = Object.entries(CASES).map(([name, svg]) => ({
  name: `svg.refused.${name}`,
  async run(): Promise<BenchResult> {
    const baseline = await timeImport(ORDINARY, 'ordinary.svg');
    const r = await timeImport(svg, `${name}.svg`);
    return {
      value: +r.ms.toFixed(0),
      unit: 'ms',
      baseline: +baseline.ms.toFixed(0),
      ratio: +(r.ms / baseline.ms).toFixed(2),
      target: 'refused within 5,000 ms',
      pass: r.refused && !baseline.refused && r.ms <= 5_000,
      extra: { bytes: svg.length, refused: String(r.refused) },
    };
  },
}));
