// The editor in Chromium against the real web host: template → 5-page carousel with a photo and
// bundled fonts, undo/redo, drag, autosave, resize to a story, export; then the headless CLI.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openStudioPage, runCli, startStudio, type Studio } from './harness';
import { tempDir } from '../helpers/temp';

let studio: Studio;
let browser: Browser;
let page: Page;
let pageErrors: string[];

function photo(): Buffer {
  const png = new PNG({ width: 64, height: 48 });
  for (let y = 0; y < 48; y++) for (let x = 0; x < 64; x++) png.data.set([x * 4, y * 5, 160, 255], (y * 64 + x) * 4);
  return PNG.sync.write(png);
}

const state = () => page.evaluate(() => {
  const s = window.atelierEditor!.editor.store.getState();
  return { doc: s.doc!, pageId: s.pageId!, selection: s.selection, save: s.save, designId: s.designId! };
});

beforeAll(async () => {
  studio = await startStudio();
  browser = await launchChromium();
  const opened = await openStudioPage(browser, studio, { viewport: { width: 1400, height: 900 } });
  page = opened.page;
  pageErrors = opened.pageErrors;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

describe('editor', () => {
  it('designs a carousel from a template, undoes, resizes to a story and exports', async () => {
    await page.getByRole('button', { name: 'Editor' }).click();
    await page.locator('[data-template="tpl-carousel-portrait"]').click();
    await page.getByRole('toolbar', { name: 'Editor tools' }).waitFor();
    let s = await state();
    expect(s.doc.pages).toHaveLength(5);
    expect(s.doc.width).toBe(1080);

    // A photo from the OS file picker lands as an image element.
    await page.locator('input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: photo() });
    await page.getByRole('list').getByRole('button', { name: 'Image', exact: true }).waitFor();
    s = await state();
    const img = s.doc.pages[0]!.elements.at(-1)!;
    expect(img.type).toBe('image');
    await page.getByLabel('Alt text').fill('Croissants on a tray');

    // A bundled font on the title, through the layers list (the accessible list) and properties.
    await page.getByRole('button', { name: 'Title', exact: true }).click();
    await page.getByLabel('Font').selectOption('Bebas Neue');
    s = await state();
    const title = s.doc.pages[0]!.elements.find((e) => e.name === 'Title')!;
    expect(title.type === 'text' && title.fontFamily).toBe('Bebas Neue');

    // Undo and redo (keyboard), focus on the canvas area.
    await page.locator('.editor-canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    s = await state();
    expect(s.doc.pages[0]!.elements.find((e) => e.id === title.id)).toMatchObject({ fontFamily: 'Playfair Display' });
    await page.keyboard.press('Control+Shift+z');
    s = await state();
    expect(s.doc.pages[0]!.elements.find((e) => e.id === title.id)).toMatchObject({ fontFamily: 'Bebas Neue' });

    // Drag the image on the canvas: one undo step, position changed.
    const box = await page.evaluate((id) => {
      const n = window.atelierEditor!.nodeFor(id)!;
      const r = n.getClientRect();
      const c = n.getStage()!.container().getBoundingClientRect();
      return { x: c.left + r.x + r.width / 2, y: c.top + r.y + r.height / 2 };
    }, img.id);
    await page.mouse.move(box.x, box.y);
    await page.mouse.down();
    await page.mouse.move(box.x + 40, box.y + 30, { steps: 6 });
    await page.mouse.up();
    s = await state();
    const moved = s.doc.pages[0]!.elements.find((e) => e.id === img.id)!;
    expect(moved.x).not.toBe(img.x);
    expect(moved.y).not.toBe(img.y);

    // Pages: go to page 3, nudge with the keyboard.
    await page.getByRole('button', { name: 'Page 3', exact: true }).click();
    s = await state();
    expect(s.pageId).toBe(s.doc.pages[2]!.id);

    // Autosave reaches the library within a second or so.
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor({ timeout: 5000 });
    const listed = JSON.parse(runCli(studio.dataDir, ['--json', 'designs', 'list']).stdout) as { id: string; pages: number }[];
    expect(listed.find((d) => d.id === s.designId)?.pages).toBe(5);

    // Export a PDF of every page from the editor.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByLabel('Format').selectOption('pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog').getByRole('button', { name: 'Export' }).click()]);
    const pdfPath = await download.path();
    expect(readFileSync(pdfPath!).subarray(0, 4).toString()).toBe('%PDF');

    // Resize to a story: a linked copy opens at 1080×1920 with the same 5 pages.
    const sourceId = s.designId;
    await page.getByLabel('Resize to').selectOption('instagram-story');
    await page.waitForFunction((src) => window.atelierEditor!.editor.store.getState().designId !== src && window.atelierEditor!.editor.store.getState().doc?.height === 1920, sourceId);
    s = await state();
    expect(s.doc).toMatchObject({ width: 1080, height: 1920, linkedFrom: sourceId });
    expect(s.doc.pages).toHaveLength(5);

    // Headless export of the story from the CLI (same fonts, placeholder for the session-only photo).
    const out = tempDir();
    const r = runCli(studio.dataDir, ['render', '--design', s.designId, '--all', '--scale', '1', '--out', path.join(out.dir, 'story.png')]);
    expect(r.code, r.stderr).toBe(0);
    const first = PNG.sync.read(readFileSync(path.join(out.dir, 'story-01.png')));
    expect([first.width, first.height]).toEqual([1080, 1920]);
    out.cleanup();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
