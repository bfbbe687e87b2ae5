// axe-core over every main screen, the first-run welcome, the command palette and the cheat sheet,
// in light and dark: no serious or critical violation.
import { describe, expect, it } from 'vitest';
import { setupStudio } from './harness';
import { axeViolations, describeViolations, gotoScreen, MAIN_SCREENS } from './screens';

const app = setupStudio({ page: { viewport: { width: 1280, height: 800 } } });

async function expectClean(where: string) {
  const violations = await axeViolations(app.page);
  expect(violations, describeViolations(where, violations)).toEqual([]);
}

describe('accessibility', () => {
  it('the welcome screen of an empty library', async () => {
    await app.page.getByRole('heading', { name: 'Welcome to Atelier' }).waitFor();
    await expectClean('welcome');
    await app.page.getByRole('button', { name: 'Try the demo' }).click();
    await app.page.getByRole('list', { name: 'Client list' }).getByText('Maison Lumière').waitFor();
    expect(await app.page.getByRole('heading', { name: 'Welcome to Atelier' }).count()).toBe(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`every main screen in the ${theme} theme`, async () => {
      await app.page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      for (const screen of MAIN_SCREENS) {
        await gotoScreen(app.page, screen);
        await expectClean(`${screen} (${theme})`);
      }
      // The editor's workspace, not only its start view.
      await gotoScreen(app.page, 'editor');
      await app.page.locator('[data-template]').first().click();
      await app.page.getByRole('toolbar').first().waitFor();
      await expectClean(`editor workspace (${theme})`);
    });
  }

  it('the command palette and the cheat sheet', async () => {
    await gotoScreen(app.page, 'clients');
    await app.page.keyboard.press('Control+k');
    const palette = app.page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await app.page.keyboard.type('lumi');
    await palette.getByRole('option', { name: /Maison Lumière/ }).first().waitFor();
    await expectClean('command palette');
    await app.page.keyboard.press('Escape');
    await palette.waitFor({ state: 'detached' });

    await app.page.locator('main h1').click();
    await app.page.keyboard.press('?');
    const sheet = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    await expectClean('cheat sheet');
    await app.page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    expect(app.shared.pageErrors).toEqual([]);
  });
});

describe('the scan itself', () => {
  it('catches an unlabelled control (so a clean result means something)', async () => {
    await app.page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'axe-probe';
      document.querySelector('main')!.append(b);
    });
    const violations = await axeViolations(app.page);
    await app.page.evaluate(() => document.getElementById('axe-probe')?.remove());
    expect(violations.map((v) => v.id)).toContain('button-name');
  });
});
