// The everyday editor, as a creator uses it, in Chromium against the real web host: a new text box
// grows with a 40-character headline; a library photo added from the Photos panel is cropped
// without distortion; a brand-kit colour is picked from the swatches; the design is renamed and
// found again by an accent-free search; `atelier render --pdf` of it gives real, embedded text; and
// "Schedule this design" takes it to the post composer.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAtelier } from '../../src-main/app';
import { cliJson, launchChromium, openStudioPage, runCli, startStudio, type Studio } from './harness';
import { tempDir } from '../helpers/temp';

let studio: Studio;
let browser: Browser;
let page: Page;
let pageErrors: string[];
const files = tempDir('atelier-canva-');
const HEADLINE = 'Nouvelle collection d’automne en boutique'; // 40 characters

/** A 600×300 photo: left half red, right half blue, so a crop shows which part is kept. */
function photo(): Buffer {
  const png = new PNG({ width: 600, height: 300 });
  for (let y = 0; y < 300; y++) for (let x = 0; x < 600; x++) png.data.set(x < 300 ? [220, 30, 40, 255] : [30, 60, 220, 255], (y * 600 + x) * 4);
  return PNG.sync.write(png);
}

const state = () =>
  page.evaluate(() => {
    const s = window.atelierEditor!.editor.store.getState();
    return { doc: s.doc!, pageId: s.pageId!, selection: s.selection, designId: s.designId!, croppingId: s.croppingId };
  });
const elements = async () => (await state()).doc.pages[0]!.elements;

beforeAll(async () => {
  studio = await startStudio();
  // A client with a brand kit, and a tagged photo in the library (through the services and the CLI).
  const atelier = createAtelier({ dataDir: studio.dataDir, host: 'test' });
  const client = await atelier.call('clients.create', { name: 'Maison Lumière', timeZone: 'Europe/Paris', color: '#e11d48' });
  await atelier.call('brandKits.update', { clientId: client.id, palette: ['#E11D48', '#0EA5E9', '#F59E0B'] });
  atelier.close();
  writeFileSync(path.join(files.dir, 'croissant-tray.png'), photo());
  cliJson(studio.dataDir, ['assets', 'import', path.join(files.dir, 'croissant-tray.png'), '--tag', 'viennoiserie']);
  browser = await launchChromium();
  const opened = await openStudioPage(browser, studio, { viewport: { width: 1440, height: 900 } });
  page = opened.page;
  pageErrors = opened.pageErrors;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  files.cleanup();
});

describe('the everyday editor', () => {
  it('grows text, adds and crops a library photo, picks kit colours, renames and finds a design, prints real text', async () => {
    await page.getByRole('button', { name: 'Editor' }).click();
    // New designs go to the client chosen in the gallery's filter.
    await page.getByLabel('Client', { exact: true }).last().selectOption({ label: 'Maison Lumière' });
    await page.locator('[data-preset="instagram-square"]').click();
    await page.getByRole('toolbar', { name: 'Editor tools' }).waitFor();
    expect((await state()).doc.name).toBe('Untitled design');

    // A heading from the Text panel, then a 40-character headline typed into it: every word shows.
    await page.getByRole('tab', { name: 'Text' }).click();
    await page.getByRole('button', { name: 'Add a heading' }).click();
    let els = await elements();
    const text = els.at(-1)!;
    expect(text.type).toBe('text');
    const heightBefore = text.height;
    const centre = (id: string) =>
      page.evaluate((id) => {
        const n = window.atelierEditor!.nodeFor(id)!;
        const r = n.getClientRect();
        const c = n.getStage()!.container().getBoundingClientRect();
        return { x: c.left + r.x + r.width / 2, y: c.top + r.y + r.height / 2 };
      }, id);
    let c = await centre(text.id);
    await page.mouse.dblclick(c.x, c.y);
    const overlay = page.locator('textarea.ed-text-overlay');
    await overlay.waitFor();
    await overlay.fill(HEADLINE);
    await overlay.press('Escape');
    els = await elements();
    const typed = els.find((e) => e.id === text.id)!;
    expect(typed.type === 'text' && typed.text).toBe(HEADLINE);
    expect(typed.height).toBeGreaterThan(heightBefore * 1.5); // it wrapped onto more lines and grew
    // What Konva draws: every line of the wrapped text (a cut box would drop the last lines).
    const drawn = await page.evaluate((id) => (window.atelierEditor!.nodeFor(id) as unknown as { textArr: { text: string }[] }).textArr.map((l) => l.text).join(' '), text.id);
    expect(drawn.replace(/\s+/g, ' ').trim()).toBe(HEADLINE);

    // A shape, coloured from the brand kit's swatches beside the Fill picker.
    await page.getByRole('tab', { name: 'Elements' }).click();
    await page.getByRole('button', { name: 'Rectangle' }).click();
    const rect = (await elements()).at(-1)!;
    await page.getByRole('group', { name: 'Brand colours for Fill' }).getByRole('button', { name: 'Brand colour #e11d48' }).click();
    expect((await elements()).find((e) => e.id === rect.id)).toMatchObject({ fill: '#e11d48' });

    // The library photo from the Photos panel, found by searching its tag.
    await page.getByRole('tab', { name: 'Photos' }).click();
    await page.getByLabel('Search photos').fill('viennoi');
    await page.getByRole('button', { name: 'Add croissant-tray.png' }).click();
    const photoEl = (await elements()).at(-1)!;
    expect(photoEl).toMatchObject({ type: 'image', name: 'croissant-tray.png' });
    const library = cliJson<{ id: string; name: string }[]>(studio.dataDir, ['assets', 'list']);
    expect(photoEl.type === 'image' && photoEl.assetId).toBe(library.find((a) => a.name === 'croissant-tray.png')!.id);
    expect(photoEl.width / photoEl.height).toBeCloseTo(2, 2);

    // Unlocked proportions: a narrower frame crops the photo, it does not squash it.
    await page.getByRole('button', { name: 'Keep proportions' }).click();
    await page.getByLabel('Width', { exact: true }).fill(String(Math.round(photoEl.height)));
    let img = (await elements()).find((e) => e.id === photoEl.id)!;
    const natural = { width: 600, height: 300 };
    const aspectOk = (el: typeof img) => el.type === 'image' && Math.abs((el.crop.width * natural.width) / (el.crop.height * natural.height) - el.width / el.height) < 0.01;
    expect(img.width).toBeCloseTo(img.height, 0);
    expect(aspectOk(img)).toBe(true);

    // Crop mode: double-click, drag the photo so its right (blue) half shows, Enter keeps it.
    c = await centre(photoEl.id);
    await page.mouse.dblclick(c.x, c.y);
    await page.waitForFunction(() => window.atelierEditor!.editor.store.getState().croppingId !== null);
    await page.mouse.move(c.x, c.y);
    await page.mouse.down();
    await page.mouse.move(c.x - 400, c.y, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.press('Enter');
    expect((await state()).croppingId).toBeNull();
    img = (await elements()).find((e) => e.id === photoEl.id)!;
    expect(img.type === 'image' && img.crop.x).toBeGreaterThan(0.4); // the right half
    expect(aspectOk(img)).toBe(true);
    // The canvas shows it unstretched: the Konva image's crop has the frame's shape.
    const drawnCrop = await page.evaluate((id) => {
      const g = window.atelierEditor!.nodeFor(id) as unknown as { findOne(s: string): { crop(): { width: number; height: number }; width(): number; height(): number } };
      const k = g.findOne('Image');
      return { crop: k.crop().width / k.crop().height, box: k.width() / k.height() };
    }, photoEl.id);
    expect(drawnCrop.crop).toBeCloseTo(drawnCrop.box, 2);

    // The canvas export's PDF is the print PDF too: the headline is text, the fonts are embedded.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByLabel('Format').selectOption('pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog').getByRole('button', { name: 'Export' }).click()]);
    const fromCanvas = path.join(files.dir, 'canvas.pdf');
    await download.saveAs(fromCanvas);
    expect(execFileSync('pdftotext', [fromCanvas, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain(HEADLINE);
    expect(execFileSync('pdffonts', [fromCanvas], { encoding: 'utf8' })).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);

    // Rename the design from the gallery, then find it by typing without accents.
    const designId = (await state()).designId;
    await page.getByRole('button', { name: 'Designs', exact: true }).click();
    await page.getByRole('button', { name: 'Rename Untitled design' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Été à Paris');
    await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
    await page.locator(`[data-design-id="${designId}"]`).getByText('Été à Paris').waitFor();
    await page.getByLabel('Search designs').fill('ete a paris');
    await expect.poll(() => page.locator('.design-grid [data-design-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-design-id')))).toEqual([designId]);
    await page.getByLabel('Search designs').fill('hiver');
    await page.getByText('No design matches.').waitFor();
    expect(cliJson<{ id: string; name: string }[]>(studio.dataDir, ['designs', 'list']).find((d) => d.id === designId)?.name).toBe('Été à Paris');

    // The print PDF from the CLI: the headline is real text, in an embedded (subset) font.
    const pdf = path.join(files.dir, 'ete.pdf');
    const r = runCli(studio.dataDir, ['render', '--design', designId, '--pdf', '--out', pdf]);
    expect(r.code, r.stderr).toBe(0);
    const extracted = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(extracted).toContain(HEADLINE);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      const [emb, sub] = line.trim().split(/\s+/).slice(-5, -3);
      expect([emb, sub]).toEqual(['yes', 'yes']);
    }
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('schedules the open design: the composer opens with it attached, after the last edit is saved', async () => {
    await page.getByLabel('Search designs').fill('ete');
    const designId = (await page.locator('.design-grid [data-design-id]').first().getAttribute('data-design-id'))!;
    await page.locator(`[data-design-id="${designId}"] .design-card-open`).click();
    await page.getByRole('toolbar', { name: 'Editor tools' }).waitFor();
    // An edit, then straight to scheduling (before the autosave's delay is over).
    const before = (await elements()).length;
    const rectangle = page.locator('button.ed-element[aria-label="Rectangle"]');
    if (!(await rectangle.isVisible())) await page.getByRole('tab', { name: 'Elements' }).click(); // the panel opens on Elements at this width
    await rectangle.click();
    await page.getByRole('toolbar', { name: 'Editor tools' }).getByRole('button', { name: 'Schedule this design' }).click();
    const composer = page.getByRole('dialog', { name: 'New post' });
    await composer.waitFor();
    await expect.poll(() => composer.getByLabel('Title').inputValue()).toBe('Été à Paris');
    // The post starts with the network the design's size was made for, the design as its picture.
    await expect.poll(() => composer.locator('section.composer-network[data-network="instagram"]').count()).toBe(1);
    const atelier = createAtelier({ dataDir: studio.dataDir, host: 'test' });
    const saved = await atelier.call('designs.get', { id: designId });
    atelier.close();
    expect((saved.document as { pages: { elements: unknown[] }[] }).pages[0]!.elements).toHaveLength(before + 1);

    await composer.getByRole('combobox', { name: 'Caption', exact: true }).fill('L’été à Paris, en boutique.');
    await composer.getByRole('button', { name: 'Save' }).click();
    await composer.waitFor({ state: 'detached' });
    const posts = cliJson<{ title: string; variants: { network: string; designId: string | null }[] }[]>(studio.dataDir, ['posts', 'list']);
    expect(posts.map((p) => [p.title, p.variants.map((v) => [v.network, v.designId])])).toEqual([['Été à Paris', [['instagram', designId]]]]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
