// SVGs that cost far more to draw than their size suggests: the review's cases (a 300-byte blur
// over a huge filter region, 200,000 <rect>, <use> copies of copies) are refused from their markup,
// and one that passes every markup check yet draws for over a minute is stopped by the drawing
// budget: the drawing process is killed, nothing is stored, and an ordinary SVG still imports.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtelierError } from '../../../src-main/contract/errors';
import { SVG_BUDGET } from '../../../src-main/services/media/svg-raster';
import { testAtelier } from '../../helpers/app';
import { cleanSvg } from './fixtures';

const NS = 'xmlns="http://www.w3.org/2000/svg"';

/** The review's 300-byte blur: a filter region 100 times the picture, blurred by thousands of pixels. */
const wideBlur = Buffer.from(
  `<svg ${NS} width="2000" height="2000"><filter id="f" x="-50" y="-50" width="100" height="100"><feGaussianBlur stdDeviation="3000"/></filter><rect width="2000" height="2000" filter="url(#f)"/></svg>`,
);

const manyRects = Buffer.from(`<svg ${NS} width="1000" height="1000">${'<rect width="1" height="1"/>'.repeat(200_000)}</svg>`);

/** Ten levels of ten copies each: 10^10 elements from under 1 KB. */
const useBomb = Buffer.from(
  `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100"><defs><rect id="l0" width="1" height="1"/>${Array.from(
    { length: 10 },
    (_, i) => `<g id="l${i + 1}">${`<use xlink:href="#l${i}"/>`.repeat(10)}</g>`,
  ).join('')}</defs><use xlink:href="#l10"/></svg>`,
);

/** Within every markup limit (16 blurs, 60 filtered shapes, a 3× region), yet over a minute of drawing. */
const slowButSmall = Buffer.from(
  `<svg ${NS} width="2048" height="2048"><filter id="f" x="-1" y="-1" width="3" height="3">${Array.from(
    { length: 16 },
    (_, i) => `<feGaussianBlur stdDeviation="${400 + i}"/>`,
  ).join('')}</filter>${Array.from({ length: 60 }, (_, i) => `<rect x="${i}" y="${i}" width="1900" height="1900" filter="url(#f)"/>`).join('')}</svg>`,
);

let t: ReturnType<typeof testAtelier>;
let before: { rows: unknown; files: string[] };

function snapshot() {
  let files: string[] = [];
  try {
    files = readdirSync(path.join(t.dir, 'assets'), { recursive: true }).map(String).sort();
  } catch {
    files = [];
  }
  return { rows: t.atelier.library.db.prepare('SELECT * FROM assets ORDER BY sha256').all(), files };
}

/** Child processes of this test process still alive (the drawing child must not outlive its refusal). */
function children(): string[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/\bps -o\b/.test(l));
  } catch {
    return []; // ps exits 1 when there are none
  }
}

async function refusal(name: string, bytes: Buffer): Promise<AtelierError> {
  const error = await t.atelier.call('assets.import', { name, bytes: bytes }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${name} should be refused`).toBeInstanceOf(AtelierError);
  const refused = error as AtelierError;
  expect(refused.code).toBe('too_large');
  expect(refused.message).toContain(`"${name}"`);
  expect(refused.message).toContain('too costly to draw');
  expect(refused.reason).toEqual({ key: 'assets.svgTooCostly', params: { name } });
  expect(snapshot()).toEqual(before);
  return refused;
}

beforeEach(async () => {
  t = testAtelier();
  await t.atelier.call('assets.import', { name: 'keep.svg', bytes: cleanSvg });
  before = snapshot();
});
afterEach(() => t.cleanup());

describe('costly SVGs', () => {
  it('refuses the review’s cases from their markup, before anything draws them', async () => {
    expect(wideBlur.length).toBeLessThan(300);
    expect((await refusal('blur.svg', wideBlur)).message).toMatch(/filter's region is 100 times/);
    expect((await refusal('rects.svg', manyRects)).message).toMatch(/more than 20,000 elements/);
    expect((await refusal('copies.svg', useBomb)).message).toMatch(/<use> copies add up to more than 20,000 elements/);
    const deep = Buffer.from(`<svg ${NS} width="10" height="10">${'<g>'.repeat(1000)}${'</g>'.repeat(1000)}</svg>`);
    expect((await refusal('deep.svg', deep)).message).toMatch(/nest more than 256 deep/);
    expect(children()).toEqual([]);
  });

  it(
    'stops one that passes the markup checks but draws past the time budget, and kills its drawing',
    async () => {
      expect(slowButSmall.length).toBeLessThan(5_000);
      const error = await refusal('slow.svg', slowButSmall);
      expect(error.message).toContain(`takes longer than ${SVG_BUDGET.timeMs / 1000} s`);
      // The CPU is free again: no drawing process is left running behind the answer.
      await new Promise((r) => setTimeout(r, 100));
      expect(children()).toEqual([]);
    },
    // The budget is 4 s of drawing; the rest is margin for a loaded machine, not a target.
    SVG_BUDGET.timeMs * 4,
  );

  it('still imports an ordinary SVG with a soft shadow', async () => {
    const shadow = Buffer.from(
      `<svg ${NS} width="400" height="300"><filter id="s" x="-0.2" y="-0.2" width="1.4" height="1.4"><feGaussianBlur stdDeviation="8"/><feOffset dx="4" dy="4"/></filter><rect x="40" y="40" width="300" height="200" rx="16" fill="#4f46e5" filter="url(#s)"/></svg>`,
    );
    const imported = await t.atelier.call('assets.import', { name: 'card.svg', bytes: shadow });
    expect(imported.asset.name).toBe('card.svg');
    expect(snapshot().rows).toHaveLength(2);
  }, 20_000); // one drawing process started and torn down: slow on a loaded machine
});
