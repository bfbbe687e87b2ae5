// axe-core over every main screen, the first-run welcome, the command palette and the cheat sheet,
// in light and dark: no serious or critical violation.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openStudioPage, startStudio, type Studio } from './harness';
import { axeViolations, describeViolations, gotoScreen, MAIN_SCREENS } from './screens';

let studio: Studio;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  studio = await startStudio();
  browser = await launchChromium();
  const opened = await openStudioPage(browser, studio, { viewport: { width: 1280, height: 800 } });
  page = opened.page;
  pageErrors = opened.pageErrors;
});

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

async function expectClean(where: string) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(where, violations)).toEqual([]);
}

describe('accessibility', () => {
  it('the welcome screen of an empty library', async () => {
    await page.getByRole('heading', { name: 'Welcome to Atelier' }).waitFor();
    await expectClean('welcome');
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByRole('list', { name: 'Client list' }).getByText('Maison Lumière').waitFor();
    expect(await page.getByRole('heading', { name: 'Welcome to Atelier' }).count()).toBe(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`every main screen in the ${theme} theme`, async () => {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      for (const screen of MAIN_SCREENS) {
        await gotoScreen(page, screen);
        await expectClean(`${screen} (${theme})`);
      }
      // The editor's workspace, not only its start view.
      await gotoScreen(page, 'editor');
      await page.locator('[data-template]').first().click();
      await page.getByRole('toolbar').first().waitFor();
      await expectClean(`editor workspace (${theme})`);
    });
  }

  it('the command palette and the cheat sheet', async () => {
    await gotoScreen(page, 'clients');
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await page.keyboard.type('lumi');
    await palette.getByRole('option', { name: /Maison Lumière/ }).first().waitFor();
    await expectClean('command palette');
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'detached' });

    await page.locator('main h1').click();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    await expectClean('cheat sheet');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
});

describe('the scan itself', () => {
  it('catches an unlabelled control (so a clean result means something)', async () => {
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'axe-probe';
      document.querySelector('main')!.append(b);
    });
    const violations = await axeViolations(page);
    await page.evaluate(() => document.getElementById('axe-probe')?.remove());
    expect(violations.map((v) => v.id)).toContain('button-name');
  });
});
