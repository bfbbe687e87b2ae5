// Calendar figures: the calendar's month query over a big library, a 500-post month and a 500-post
// week (the hour grid) rendered in Chromium, and a 10,000-row CSV import as a ratio to a bare parse
// of the same file.
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { createAtelier, type Atelier } from '../../src-main/app';
import type { PostRow } from '../../src-main/db/repositories/posts';
import { importCsv } from '../../src-main/services/calendar-csv';
import { launchChromium, openStudioPage, startStudio } from '../e2e/harness';
import { tempDir } from '../helpers/temp';
import { median, percentile, timeMs, type Benchmark } from './types';

const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');

function postRow(i: number, clientId: string, at: number): PostRow {
  return {
    id: `p${i}`,
    client_id: clientId,
    title: `Post ${i}`,
    status: i % 3 === 0 ? 'scheduled' : 'draft',
    caption: 'A caption with #hashtags and a link https://example.com/x',
    scheduled_at: at,
    labels: '["promo"]',
    campaign: '',
    notes: '',
    created_at: START,
    updated_at: START,
    deleted_at: null,
  };
}

/** Cards show their networks' icons: half the posts go to Instagram, a third of those to X as well. */
function addNetworks(lib: Atelier['library'], i: number) {
  if (i % 2 !== 0) return;
  lib.posts.insertVariant({ id: `v${i}`, post_id: `p${i}`, network: 'instagram', caption: '', follows_master: 1, design_id: null, page_index: null, first_comment: '', created_at: START, updated_at: START });
  if (i % 3 === 0) lib.posts.insertVariant({ id: `vx${i}`, post_id: `p${i}`, network: 'x', caption: '', follows_master: 1, design_id: null, page_index: null, first_comment: '', created_at: START, updated_at: START });
}

function client(id: string, zone: string) {
  return { id, name: `Client ${id}`, time_zone: zone, color: '#4f46e5', notes: '', approval_mode: 'none' as const, created_at: 0, updated_at: 0, deleted_at: null };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'calendar.month-range-100k-posts-50-clients',
    run() {
      const dir = tempDir('atelier-bench-');
      try {
        const atelier = createAtelier({ dataDir: dir.dir, host: 'test' });
        const lib = atelier.library;
        const CLIENTS = 50;
        const POSTS = 100_000;
        const zones = ['Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Asia/Tokyo', 'UTC'];
        lib.write(() => {
          for (let c = 0; c < CLIENTS; c++) lib.clients.insert(client(`c${c}`, zones[c % zones.length]!));
          for (let i = 0; i < POSTS; i++) {
            lib.posts.insert(postRow(i, `c${i % CLIENTS}`, START + (i % 365) * DAY + (i % 24) * 3_600_000));
            if (i % 2 === 0) {
              lib.posts.insertVariant({ id: `v${i}`, post_id: `p${i}`, network: 'instagram', caption: '', follows_master: 1, design_id: null, page_index: null, first_comment: '', created_at: START, updated_at: START });
            }
          }
        });
        const samples: number[] = [];
        let rows = 0;
        // Warm-up: one query per zone builds that zone-year's offset table once (as a first view would).
        for (let c = 0; c < zones.length; c++) atelier.services.calendar.range({ clientId: `c${c}`, from: '2026-01-01', to: '2026-01-31' });
        for (let q = 0; q < 300; q++) {
          const month = String((q % 12) + 1).padStart(2, '0');
          const start = performance.now();
          const result = atelier.services.calendar.range({ clientId: `c${q % CLIENTS}`, from: `2026-${month}-01`, to: `2026-${month}-28` });
          samples.push(performance.now() - start);
          rows += result.posts.length;
        }
        atelier.close();
        const p95 = percentile(samples, 95);
        return {
          value: p95,
          unit: 'ms (p95)',
          target: 'p95 ≤ 5 ms',
          pass: p95 <= 5,
          extra: { p50: median(samples), queries: samples.length, avgPosts: Math.round(rows / samples.length), note: 'calendar.range: posts + variants + schedule facts + warnings' },
        };
      } finally {
        dir.cleanup();
      }
    },
  },
  {
    name: 'calendar.import-10k-row-csv',
    run() {
      const dir = tempDir('atelier-bench-');
      try {
        const lines: string[] = ['date,time,timezone,client,network,status,title,caption,link,labels,design'];
        for (let i = 0; i < 10_000; i++) {
          const d = new Date(START + (i % 365) * DAY);
          const date = d.toISOString().slice(0, 10);
          const time = `${String(8 + (i % 10)).padStart(2, '0')}:${String((i * 5) % 60).padStart(2, '0')}`;
          lines.push(`${date},${time},Europe/Paris,Bench,instagram;x,draft,Post ${i},"Caption ${i}, with a comma and ""quotes""",https://example.com/${i},promo;bench,`);
        }
        const text = lines.join('\r\n');
        const parseMs = median([0, 1, 2, 3, 4].map(() => timeMs(() => parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }))));
        const samples: number[] = [];
        let imported = 0;
        for (let run = 0; run < 3; run++) {
          const atelier = createAtelier({ dataDir: path.join(dir.dir, `lib${run}`), host: 'test' });
          atelier.library.write(() => atelier.library.clients.insert(client('bench', 'Europe/Paris')));
          const start = performance.now();
          imported = importCsv(atelier.library, atelier.services.calendar, atelier.events, { clientId: 'bench', format: 'atelier', text }).imported;
          samples.push(performance.now() - start);
          atelier.close();
        }
        const value = median(samples);
        return {
          value,
          unit: 'ms (median of 3)',
          baseline: parseMs,
          ratio: value / parseMs,
          target: '≤ 2000 ms (ratio to a bare csv-parse reported)',
          pass: value <= 2000 && imported === 10_000,
          extra: { rows: imported, bytes: text.length },
        };
      } finally {
        dir.cleanup();
      }
    },
  },
];

/**
 * In the page: clicks the toolbar's "Next" or "Previous" and waits (in the page) until `selector`'s
 * cards, plus the posts counted by the week view's "+N" buttons (`more`), are `expected` posts in a
 * painted frame; resolves to the milliseconds from click to paint.
 */
function clickToPainted(page: Page, button: 'Next' | 'Previous', selector: string, expected: number, ready: { selector: string; count: number }, more?: string) {
  return page.evaluate(
    ({ button, selector, expected, ready, more }) =>
      new Promise<number>((resolve, reject) => {
        const target = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === button)!;
        const start = performance.now();
        target.click();
        const check = () => {
          let cards = document.querySelectorAll(selector).length;
          if (more) for (const chip of document.querySelectorAll<HTMLElement>(more)) cards += Number(chip.dataset.more);
          if (cards === expected && document.querySelectorAll(ready.selector).length >= ready.count) {
            // Wait for the frame that paints it.
            requestAnimationFrame(() => resolve(performance.now() - start));
          } else if (performance.now() - start > 10_000) reject(new Error(`saw ${cards} cards in ${document.querySelector('.calendar-period')?.textContent}`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { button, selector, expected, ready, more },
  );
}

/**
 * 500 posts of one period (`at(i)` is post i's instant) shown in Chromium: the median time from a
 * click on "Previous" in the empty period after it to the painted frame showing all 500 cards; the
 * empty period is the baseline. `open` brings the page to the full period. Needs the built app
 * (npm run bench builds when stale).
 */
function viewBench(name: string, period: 'month' | 'week', options: { at(i: number): number; open(page: Page): Promise<void>; cards: string; more?: string; ready: { selector: string; count: number } }): Benchmark {
  return {
    name,
    async run() {
      const dir = tempDir('atelier-bench-');
      const atelier = createAtelier({ dataDir: dir.dir, host: 'test' });
      const lib = atelier.library;
      lib.write(() => {
        lib.clients.insert(client('paris', 'Europe/Paris'));
        for (let i = 0; i < 500; i++) {
          lib.posts.insert(postRow(i, 'paris', options.at(i)));
          addNetworks(lib, i);
        }
      });
      atelier.close();
      const studio = await startStudio({ dataDir: dir.dir });
      const browser = await launchChromium();
      try {
        const { page } = await openStudioPage(browser, studio);
        await page.getByRole('button', { name: 'Calendar' }).click();
        await options.open(page);
        // The empty period shows 0 cards at once, before its own answer has come; each sample is
        // followed by a pause, so the next one starts with no load in flight (else a "Previous" could
        // find the full period's posts still in the store and skip its round trip).
        const measure = async (button: 'Next' | 'Previous', expected: number) => {
          const ms = await clickToPainted(page, button, options.cards, expected, options.ready, options.more);
          await page.waitForTimeout(400);
          return ms;
        };
        const full: number[] = [];
        const empty: number[] = [];
        await measure('Next', 0); // warm-up
        await measure('Previous', 500);
        for (let i = 0; i < 7; i++) {
          empty.push(await measure('Next', 0));
          full.push(await measure('Previous', 500));
        }
        const value = median(full);
        const baseline = median(empty);
        return {
          value,
          unit: 'ms (median, click to painted)',
          baseline,
          ratio: value / baseline,
          target: '≤ 100 ms',
          pass: value <= 100,
          extra: {
            posts: 500,
            samples: full.length,
            [`empty${period === 'month' ? 'Month' : 'Week'}Ms`]: baseline,
            ...(period === 'week' ? { sideBySide: await page.locator('.hour-card.shared').count(), cards: await page.locator(options.cards).count(), moreButtons: await page.locator(options.more ?? '.none').count() } : {}),
            note: `includes the WebSocket round trip for the ${period}`,
          },
        };
      } finally {
        await browser.close();
        await studio.stop();
        dir.cleanup();
      }
    },
  };
}

const now = new Date();
const nextMonth = { y: now.getUTCFullYear(), m: now.getUTCMonth() + 1 };
// The week of next month's 10th, Sunday first as the en-US page shows it.
const tenth = Date.UTC(nextMonth.y, nextMonth.m, 10);
const sunday = tenth - new Date(tenth).getUTCDay() * DAY;

benchmarks.push(
  // Next month in Paris: 500 posts on its 8th–25th (so no neighbouring month's grid shows them).
  viewBench('calendar.month-view-500-posts-chromium', 'month', {
    at: (i) => Date.UTC(nextMonth.y, nextMonth.m, 8 + (i % 18), 7 + (i % 12), (i * 5) % 60),
    async open(page) {
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('.month-grid [data-post-id]').nth(499).waitFor();
    },
    cards: '.month-grid [data-post-id]',
    ready: { selector: '.month-grid .day-cell', count: 28 },
  }),
  // The hour grid: 500 posts over the seven days of one week between 06:00 and 17:55 UTC (07:00–18:55
  // in Paris in winter, an hour later in summer), so a day holds ~70, many side by side.
  viewBench('calendar.week-view-500-posts-chromium', 'week', {
    at: (i) => sunday + (i % 7) * DAY + (6 + (i % 12)) * 3_600_000 + ((i * 5) % 60) * 60_000,
    async open(page) {
      const first = new Date(sunday).toISOString().slice(0, 10);
      await page.getByRole('button', { name: 'Week', exact: true }).click();
      for (let i = 0; i < 8 && (await page.locator(`.hour-day[data-date="${first}"]`).count()) === 0; i++) {
        await page.getByRole('button', { name: 'Next' }).click();
        await page.waitForTimeout(100);
      }
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.hour-grid [data-more]')].reduce((n, b) => n + Number(b.dataset.more), document.querySelectorAll('.hour-grid [data-post-id]').length) === 500);
    },
    cards: '.hour-grid [data-post-id]',
    // A crowded day shows two posts side by side and "+N" for the rest (the day view shows them all).
    more: '.hour-grid [data-more]',
    ready: { selector: '.hour-grid .hour-day', count: 7 },
  }),
);
