// The Insights screen end to end, in English and French: exports dropped in through the file
// picker, the month's KPI tiles with their change, the charts with their tables, best times turned
// into queue slots, a guessed match confirmed, and the report downloaded as a PDF whose text names
// the client. No horizontal overflow at 1024×700. Screenshots go to $INSIGHTS_SHOTS when it is set.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAtelier } from '../../src-main/app';
import { seedInsights, type InsightsSeed } from '../helpers/insights-seed';
import { setupStudio } from './harness';
import { gotoScreen } from './screens';

let seed: InsightsSeed;
const shots = process.env.INSIGHTS_SHOTS;

// The library holds the seeded month; the exports to drop in lie beside it.
const app = setupStudio({
  prepare: async ({ root, dataDir }) => {
    const atelier = createAtelier({ dataDir, host: 'test' });
    seed = await seedInsights(atelier);
    atelier.close();
    for (const f of seed.files) writeFileSync(path.join(root, f.name), f.bytes);
  },
});

async function shot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  // The main pane scrolls on its own: let it grow for a picture of the whole screen, then restore it.
  await page.addStyleTag({ content: '.app { height: auto !important; } main.content { overflow: visible !important; }' });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  await page.evaluate(() => document.head.lastElementChild?.remove());
}

async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const main = document.querySelector('main')!;
    if (main.scrollWidth > main.clientWidth + 1) out.push(`main scrolls sideways (${main.scrollWidth} > ${main.clientWidth})`);
    for (const el of main.querySelectorAll<HTMLElement>('section, table, .insights-chart')) {
      const r = el.getBoundingClientRect();
      const m = main.getBoundingClientRect();
      if (r.right > m.right + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(r.right)} > ${Math.round(m.right)}`);
    }
    return out;
  });
}

describe('Insights screen', () => {
  it('imports exports, shows the month, confirms a match, fills queue slots and downloads the report (English)', async () => {
    const { page, context, pageErrors } = await app.open({ viewport: { width: 1440, height: 900 } });
    await gotoScreen(page, 'insights');
    await page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
    await page.getByLabel('Month', { exact: true }).selectOption('2026-11');
    await page.locator('input[type=file]').setInputFiles(seed.files.map((f) => path.join(app.root, f.name)));
    await page.getByText(/Imported 11 posts from 7 file\(s\)/).waitFor({ timeout: 30_000 });

    // 4 planned Instagram posts + 1 unplanned, 2 Facebook, 1 each on LinkedIn, X, TikTok, YouTube.
    const posts = page.locator('[data-kpi=posts] .insights-tile-value');
    await expect.poll(() => posts.textContent()).toBe('11');
    expect(await page.locator('[data-kpi=adherence] .insights-tile-change').textContent()).toBe('8 of 9 planned posts');
    expect(await page.getByRole('table', { name: 'Views and engagements by network' }).getByRole('row').count()).toBe(7);
    await shot(page, 'insights-en-light-1440');

    // The unplanned Instagram post is "from the export"; matches to review list it.
    const review = page.getByRole('region', { name: 'Matches to review' });
    await expect.poll(() => review.locator('tr[data-match=created]').count()).toBe(1);

    // Best times → queue slots for Instagram.
    await page.getByLabel('Queue slots for').selectOption('instagram');
    await page.getByRole('button', { name: 'Use as queue slots' }).click();
    await page.getByText(/queue slot\(s\) added for Instagram/).waitFor();

    // The report, as a browser download.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Make the report (PDF)' }).click();
    const file = await download;
    const saved = path.join(app.root, 'report.pdf');
    await file.saveAs(saved);
    const text = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' });
    expect(text).toContain('Boulangerie Dupont');
    expect(text).toContain('Monthly report');

    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await shot(page, 'insights-en-dark-1440');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('is all French once French is chosen, and fits 1024×700 in light and dark', async () => {
    const { page, context, pageErrors } = await app.open({ locale: 'fr-FR', viewport: { width: 1024, height: 700 } });
    await gotoScreen(page, 'insights');
    await page.getByRole('heading', { name: 'Statistiques', level: 1 }).waitFor();
    await page.getByLabel('Mois', { exact: true }).selectOption('2026-11');
    await expect.poll(() => page.locator('[data-kpi=posts] .insights-tile-value').textContent()).toBe('11');
    await page.getByRole('heading', { name: 'Chiffres clés, novembre 2026' }).waitFor();
    await page.getByRole('heading', { name: 'Meilleurs moments pour publier' }).waitFor();
    expect(await page.locator('[data-kpi=adherence] .insights-tile-change').textContent()).toBe('8 sur 9 publications prévues');
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      expect(await horizontalOverflow(page), theme).toEqual([]);
      await shot(page, `insights-fr-${theme}-1024`);
    }
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
