// Caption writer figures: measureCaption on a long caption (pure core), and typing into a caption
// with the ten network variants open in Chromium (keystroke → counters in the DOM, measured in the
// page with performance marks set by the screen).
import type { NetworkId } from '../../src-main/core/captions';
import { measureCaption } from '../../src-main/core/captions';
import { NETWORKS } from '../../src-main/core/domain/posts';
import { launchChromium, openStudioPage, runCli, startStudio } from '../e2e/harness';
import { tempDir } from '../helpers/temp';
import { median, percentile, type Benchmark } from './types';

function longCaption(): string {
  const base = 'Spring at Maison Lumière 🌸 new linen https://maison.fr/spring?ref=ig #linen #printemps @maisonlumiere 👨‍👩‍👧‍👦 café 🇫🇷 ';
  return base.repeat(Math.ceil(5000 / base.length)).slice(0, 5000);
}

export const benchmarks: Benchmark[] = [
  {
    name: 'captions.measure-5000-chars',
    run() {
      const text = longCaption();
      const networks: NetworkId[] = ['x', 'bluesky', 'threads', 'mastodon', 'instagram', 'youtube'];
      for (let i = 0; i < 200; i++) for (const n of networks) measureCaption(text, n);
      const samples: number[] = [];
      for (let i = 0; i < 300; i++) {
        const n = networks[i % networks.length]!;
        const start = performance.now();
        measureCaption(text, n);
        samples.push(performance.now() - start);
      }
      // Baseline in the same run: a bare Intl.Segmenter pass over the same text (no rules, no links).
      const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
      const base: number[] = [];
      for (let i = 0; i < 100; i++) {
        const start = performance.now();
        let count = 0;
        for (const _ of segmenter.segment(text)) count++;
        base.push(performance.now() - start + count * 0);
      }
      const value = median(samples);
      const baseline = median(base);
      return {
        value,
        unit: 'ms',
        baseline,
        ratio: value / baseline,
        target: 'median ≤ 1 ms',
        pass: value <= 1,
        extra: { p95: percentile(samples, 95), samples: samples.length, chars: text.length },
      };
    },
  },
  {
    name: 'captions.keystroke-10-variants-chromium',
    async run() {
      const temp = tempDir('atelier-bench-captions-');
      runCli(temp.dir, ['clients', 'add', '--name', 'Bench', '--timezone', 'Europe/Paris']);
      runCli(temp.dir, ['posts', 'add', '--client', 'Bench', '--title', 'Typing', '--network', NETWORKS.join(','), '--caption', longCaption().slice(0, 1500)]);
      const studio = await startStudio({ dataDir: temp.dir });
      const browser = await launchChromium();
      try {
        const { page } = await openStudioPage(browser, studio);
        await page.getByRole('button', { name: 'Captions' }).click();
        const master = page.getByRole('combobox', { name: 'Master caption' });
        await master.waitFor();
        await page.waitForFunction(() => document.querySelectorAll('[data-network]').length === 10);
        await master.click();
        await master.press('End');
        await page.evaluate(() => performance.clearMeasures('captions:keystroke'));
        await master.pressSequentially(' typing a few more words with #hashtags and https://maison.fr 🌸 to see the counters move', { delay: 30 });
        const samples = await page.evaluate(() => performance.getEntriesByName('captions:keystroke').map((e) => e.duration));
        const value = median(samples);
        return {
          value,
          unit: 'ms',
          target: 'median ≤ 16 ms',
          pass: samples.length > 50 && value <= 16,
          extra: { p95: percentile(samples, 95), max: Math.max(...samples), keystrokes: samples.length, variants: 10 },
        };
      } finally {
        await browser.close();
        await studio.stop();
        temp.cleanup();
      }
    },
  },
];
