// The page stays in view when the editor's side panel opens or closes on a narrow window (1024×700):
// the canvas area shrinks, and the page is fitted to it again — unless the user has zoomed, in which
// case their zoom is kept. Walked in English and French at 1440×900 and 1024×700 (and light and dark
// when screenshots are taken), with nothing wider than the window. At 1024×700 the editor stays
// usable: a canvas area a page can be worked in with the side panel open (the inspector folds to a
// strip), a toolbar on at most two rows, and every toolbar action within reach (in "More tools").
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openStudioPage, startStudio, type Studio } from './harness';
import { axeViolations, describeViolations } from './screens';

let studio: Studio;
let browser: Browser;

const LABELS = {
  en: {
    locale: 'en-US',
    editor: 'Editor',
    text: 'Text',
    tools: 'Editor tools',
    more: 'More tools',
    back: 'Designs',
    showProperties: 'Show the properties',
    properties: 'Properties',
    saveTemplate: 'Save as template',
    cancel: 'Cancel',
    addHeading: 'Add a heading',
    textType: 'Text',
    headingSample: 'Your heading',
    buttons: ['Undo', 'Redo', 'Duplicate', 'Delete', 'Group', 'Ungroup', 'Lock or unlock', 'To front', 'To back', 'Zoom out', 'Zoom in', 'Fit the page', 'Save as template', 'Schedule this design', 'Export'],
    lists: ['Align', 'Resize to'],
  },
  fr: {
    locale: 'fr-FR',
    editor: 'Éditeur',
    text: 'Texte',
    tools: 'Outils de l’éditeur',
    more: 'Plus d’outils',
    back: 'Visuels',
    showProperties: 'Afficher les propriétés',
    properties: 'Propriétés',
    saveTemplate: 'Enregistrer comme modèle',
    cancel: 'Annuler',
    addHeading: 'Ajouter un titre',
    textType: 'Texte',
    headingSample: 'Votre titre',
    buttons: ['Annuler', 'Rétablir', 'Dupliquer', 'Supprimer', 'Grouper', 'Dissocier', 'Verrouiller ou déverrouiller', 'Au premier plan', 'À l’arrière-plan', 'Zoom arrière', 'Zoom avant', 'Ajuster la page', 'Enregistrer comme modèle', 'Programmer ce visuel', 'Exporter'],
    lists: ['Aligner', 'Redimensionner en'],
  },
} as const;

beforeAll(async () => {
  studio = await startStudio();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

/** Where the page is drawn and the canvas area it is drawn in, in window pixels; and the zoom. */
function view(page: Page) {
  return page.evaluate(() => {
    const ed = window.atelierEditor!;
    const s = ed.editor.store.getState();
    const area = document.querySelector('.editor-canvas')!.getBoundingClientRect();
    const stage = (window as unknown as { Konva: { stages: { x(): number; y(): number; scaleX(): number }[] } }).Konva.stages.at(-1)!;
    const x = area.left + stage.x();
    const y = area.top + stage.y();
    return {
      zoom: s.zoom,
      page: { left: x, top: y, right: x + s.doc!.width * stage.scaleX(), bottom: y + s.doc!.height * stage.scaleX() },
      area: { left: area.left, top: area.top, right: area.right, bottom: area.bottom },
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

/** The whole page inside the canvas area. */
async function expectPageInView(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const v = await view(page);
      return v.page.left >= v.area.left && v.page.top >= v.area.top && v.page.right <= v.area.right && v.page.bottom <= v.area.bottom;
    })
    .toBe(true);
}

async function openDesign(page: Page, labels: (typeof LABELS)[keyof typeof LABELS], preset = 'instagram-portrait'): Promise<void> {
  await page.getByRole('button', { name: labels.editor, exact: true }).click();
  await page.locator(`[data-preset="${preset}"]`).click();
  await page.getByRole('toolbar', { name: labels.tools }).waitFor();
}

describe('the page fits the canvas area', () => {
  it('fits again when the side panel opens and closes at 1024×700, and keeps a zoom the user chose', async () => {
    const { page, context, pageErrors } = await openStudioPage(browser, studio, { viewport: { width: 1024, height: 700 } });
    // A square page: its size follows the canvas area's width (a portrait one, its height, the same either way).
    await openDesign(page, LABELS.en, 'instagram-square');
    const panelTab = page.getByRole('tab', { name: 'Text' });
    // Narrow window: the panel starts closed, and the page is fitted to the wide canvas area.
    await expect.poll(() => panelTab.getAttribute('aria-selected')).toBe('false');
    await expectPageInView(page);
    const closedArea = (await view(page)).area;

    await panelTab.click();
    await page.getByRole('tabpanel').waitFor();
    // The canvas area is narrower now, and the whole page is still in it.
    expect((await view(page)).area.right - (await view(page)).area.left).toBeLessThan(closedArea.right - closedArea.left);
    await expectPageInView(page);
    expect((await view(page)).overflow).toBe(0);

    // Closed again: fitted to the wider area (the page is as large as it was before).
    const zoomOpen = (await view(page)).zoom;
    await panelTab.click();
    await expect.poll(() => page.getByRole('tabpanel').count()).toBe(0);
    await expectPageInView(page);
    await expect.poll(async () => (await view(page)).zoom).toBeGreaterThan(zoomOpen);

    // A zoom the user chose is theirs: opening the panel does not undo it.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const chosen = (await view(page)).zoom;
    await panelTab.click();
    await page.getByRole('tabpanel').waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
    expect((await view(page)).zoom).toBe(chosen);
    // Fit (Ctrl+0) brings the whole page back.
    await page.keyboard.press('Control+0');
    await expectPageInView(page);

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 60_000);

  // One page per language, walked at both sizes; themes change nothing in the layout, so they are
  // switched only when screenshots are asked for (ATELIER_SCREENSHOTS names the folder).
  for (const lang of ['en', 'fr'] as const) {
    it(`shows the whole page with the side panel open — ${lang}, 1440×900 and 1024×700`, async () => {
      const labels = LABELS[lang];
      const { page, context, pageErrors } = await openStudioPage(browser, studio, { locale: labels.locale, viewport: { width: 1440, height: 900 } });
      await openDesign(page, labels);
      const tab = page.getByRole('tab', { name: labels.text });
      if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
      await page.getByRole('tabpanel').waitFor();
      for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 700 }]) {
        await page.setViewportSize(size);
        for (const theme of process.env.ATELIER_SCREENSHOTS ? (['light', 'dark'] as const) : (['light'] as const)) {
          await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
          await expectPageInView(page);
          expect((await view(page)).overflow).toBe(0);
          if (process.env.ATELIER_SCREENSHOTS) await page.screenshot({ path: `${process.env.ATELIER_SCREENSHOTS}/editor-fit-${lang}-${theme}-${size.width}x${size.height}.png` });
        }
      }
      expect(pageErrors).toEqual([]);
      await context.close();
    }, 60_000);
  }
});

/** What a user sees of the editor's layout: the canvas area's width, the toolbar's height against one of its buttons, and any sideways scroll. */
function layout(page: Page) {
  return page.evaluate(() => {
    const toolbar = document.querySelector('.ed-toolbar')!.getBoundingClientRect();
    const button = document.querySelector('.ed-toolbar button')!.getBoundingClientRect();
    return {
      canvas: document.querySelector('.editor-canvas')!.getBoundingClientRect().width,
      rows: toolbar.height / button.height,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

describe('the editor at 1024×700', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`keeps a workable canvas, a short toolbar and every tool within reach — ${lang}`, async () => {
      const labels = LABELS[lang];
      const { page, context, pageErrors } = await openStudioPage(browser, studio, { locale: labels.locale, viewport: { width: 1024, height: 700 } });
      await openDesign(page, labels);
      const toolbar = page.getByRole('toolbar', { name: labels.tools });
      await page.getByRole('tab', { name: labels.text }).click();
      await page.getByRole('tabpanel').waitFor();
      await page.getByRole('tabpanel').getByRole('button', { name: labels.addHeading }).click();

      // The side panel open: the canvas area keeps room to work in (the inspector folds to a strip),
      // the toolbar takes at most two rows, and nothing is wider than the window.
      await expectPageInView(page);
      let seen = await layout(page);
      expect(seen.canvas).toBeGreaterThanOrEqual(420);
      expect(seen.rows).toBeLessThan(2.5);
      expect(seen.overflow).toBe(0);
      expect(await page.getByRole('region', { name: labels.properties }).count()).toBe(0);

      // Every toolbar action is in the row or in "More tools".
      const more = toolbar.getByRole('button', { name: labels.more });
      await more.click();
      await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true');
      for (const name of labels.buttons) expect(await toolbar.getByRole('button', { name, exact: true }).count(), name).toBe(1);
      for (const name of labels.lists) expect(await toolbar.getByRole('combobox', { name, exact: true }).count(), name).toBe(1);
      expect((await layout(page)).overflow).toBe(0);
      // The open menu and the folded inspector pass axe, as the rest of the workspace does.
      const violations = await axeViolations(page);
      expect(violations, describeViolations(`editor at 1024×700, More tools open (${lang})`, violations)).toEqual([]);
      // By keyboard: the menu took the focus; Escape closes it and gives the focus back to its button.
      expect(await page.evaluate(() => document.activeElement?.closest('.ed-more-panel') !== null)).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(labels.more);
      // A tool used from the menu works (its dialog outlives the menu), and the menu closes.
      await page.keyboard.press('Enter');
      await page.getByRole('group', { name: labels.more }).getByRole('button', { name: labels.saveTemplate, exact: true }).click();
      await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
      const dialog = page.getByRole('dialog', { name: labels.saveTemplate });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: labels.cancel }).click();
      await dialog.waitFor({ state: 'detached' });

      // The inspector comes back from its strip (and the side panel makes way for it).
      await page.getByRole('button', { name: labels.showProperties }).click();
      await page.getByRole('region', { name: labels.properties }).waitFor();
      // The new heading is named in the studio's language: its type above its properties, its words in the layers.
      expect(await page.getByRole('region', { name: labels.properties }).getByRole('heading').innerText()).toBe(labels.textType);
      await page.getByRole('region', { name: lang === 'en' ? 'Layers' : 'Calques' }).getByRole('button', { name: labels.headingSample, exact: true }).waitFor();
      await expect.poll(() => page.getByRole('tabpanel').count()).toBe(0);
      await expectPageInView(page);
      seen = await layout(page);
      expect(seen.canvas).toBeGreaterThanOrEqual(420);
      expect(seen.overflow).toBe(0);

      // A wide window has the room again: the tools come back into the row, with their words.
      await page.setViewportSize({ width: 1440, height: 900 });
      await expect.poll(() => toolbar.getByRole('button', { name: labels.more }).count()).toBe(0);
      for (const name of labels.buttons) await toolbar.getByRole('button', { name, exact: true }).waitFor();
      await toolbar.getByRole('button', { name: labels.back, exact: true }).getByText(labels.back).waitFor();
      expect((await layout(page)).rows).toBeLessThan(1.5);
      expect((await layout(page)).overflow).toBe(0);

      expect(pageErrors).toEqual([]);
      await context.close();
    }, 60_000);
  }
});
