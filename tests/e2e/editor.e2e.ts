// The editor in Chromium against the real web host: template → 5-page carousel with a photo and
// bundled fonts, undo/redo, drag, autosave, resize to a story, export; then the headless CLI.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliJson, launchChromium, openStudioPage, runCli, startStudio, type Studio } from './harness';
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

/** A toolbar tool: in the row, or in "More tools" when the row has no room for it (the toolbar folds on narrower windows). */
async function tool(find: (toolbar: Locator) => Locator): Promise<Locator> {
  const toolbar = page.getByRole('toolbar', { name: 'Editor tools' });
  if ((await find(toolbar).count()) === 0) await toolbar.getByRole('button', { name: 'More tools' }).click();
  return find(toolbar);
}

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

    // A photo uploaded from the Photos panel (the OS file picker) lands as an image element.
    await page.getByRole('tab', { name: 'Photos' }).click();
    await page.getByLabel('Upload photos…').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: photo() });
    await page.getByRole('list').getByRole('button', { name: 'Image', exact: true }).waitFor();
    s = await state();
    const img = s.doc.pages[0]!.elements.at(-1)!;
    expect(img.type).toBe('image');
    // The photo went through the asset library: stored once, under the id the document references.
    const inLibrary = cliJson<{ id: string; name: string }[]>(studio.dataDir, ['assets', 'list']);
    expect(inLibrary).toContainEqual(expect.objectContaining({ id: (img as { assetId: string }).assetId, name: 'photo.png' }));
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

    // Dropping another photo onto the image replaces it (same element, new asset, no new element).
    const countBeforeDrop = (await state()).doc.pages[0]!.elements.length;
    const drop = await page.evaluate(
      async ({ id, b64 }) => {
        const n = window.atelierEditor!.nodeFor(id)!;
        const r = n.getClientRect();
        const c = n.getStage()!.container().getBoundingClientRect();
        const dt = new DataTransfer();
        const raw = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
        dt.items.add(new File([raw], 'other.png', { type: 'image/png' }));
        const target = n.getStage()!.container();
        target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt, clientX: c.left + r.x + r.width / 2, clientY: c.top + r.y + r.height / 2 }));
        return true;
      },
      { id: img.id, b64: (() => { const p = new PNG({ width: 8, height: 8 }); p.data.fill(200); return PNG.sync.write(p).toString('base64'); })() },
    );
    expect(drop).toBe(true);
    // The dropped file is imported, then the image points at it: wait for that, not for a fixed time.
    const assetOf = (e: (typeof s.doc.pages)[number]['elements'][number] | undefined) => (e?.type === 'image' ? e.assetId : null);
    await expect.poll(async () => assetOf((await state()).doc.pages[0]!.elements.find((e) => e.id === img.id))).not.toBe(assetOf(img));
    s = await state();
    const replaced = s.doc.pages[0]!.elements.find((e) => e.id === img.id)!;
    expect(replaced.type === 'image' && replaced.assetId).not.toBe(img.type === 'image' && img.assetId);
    expect(s.doc.pages[0]!.elements).toHaveLength(countBeforeDrop);

    // Pages: go to page 3; edit the habit text in place (double-click), one undo step for the typing.
    await page.getByRole('button', { name: 'Page 3', exact: true }).click();
    s = await state();
    expect(s.pageId).toBe(s.doc.pages[2]!.id);
    const habit = s.doc.pages[2]!.elements.find((e) => e.name === 'Habit')!;
    const centre = (id: string) =>
      page.evaluate((id) => {
        const n = window.atelierEditor!.nodeFor(id)!;
        const r = n.getClientRect();
        const c = n.getStage()!.container().getBoundingClientRect();
        return { x: c.left + r.x + r.width / 2, y: c.top + r.y + r.height / 2 };
      }, id);
    const hc = await centre(habit.id);
    await page.mouse.dblclick(hc.x, hc.y);
    const overlay = page.locator('textarea.ed-text-overlay');
    await overlay.waitFor();
    await overlay.fill('Batch on Mondays');
    await overlay.press('Escape');
    s = await state();
    expect(s.doc.pages[2]!.elements.find((e) => e.id === habit.id)).toMatchObject({ text: 'Batch on Mondays' });

    // Multi-select (shift-click in the layers list), drag both on the canvas: same delta for both.
    await page.getByRole('button', { name: 'Habit', exact: true }).click();
    await page.getByRole('button', { name: 'Detail', exact: true }).click({ modifiers: ['Shift'] });
    s = await state();
    expect(s.selection).toHaveLength(2);
    const before = s.doc.pages[2]!.elements.filter((e) => s.selection.includes(e.id)).map((e) => [e.x, e.y]);
    const dc = await centre(s.selection[1]!);
    await page.mouse.move(dc.x, dc.y);
    await page.mouse.down();
    await page.mouse.move(dc.x + 30, dc.y + 60, { steps: 6 });
    await page.mouse.up();
    s = await state();
    const after = s.doc.pages[2]!.elements.filter((e) => s.selection.includes(e.id)).map((e) => [e.x, e.y]);
    const d0 = [after[0]![0]! - before[0]![0]!, after[0]![1]! - before[0]![1]!];
    const d1 = [after[1]![0]! - before[1]![0]!, after[1]![1]! - before[1]![1]!];
    expect(d0).toEqual(d1);
    expect(Math.abs(d0[1]!)).toBeGreaterThan(10);

    // Ctrl+D duplicates the selection; Delete removes the copies; the count comes back.
    const count = s.doc.pages[2]!.elements.length;
    await page.keyboard.press('Control+d');
    s = await state();
    expect(s.doc.pages[2]!.elements).toHaveLength(count + 2);
    await page.keyboard.press('Delete');
    s = await state();
    expect(s.doc.pages[2]!.elements).toHaveLength(count);

    // Autosave reaches the library within a second or so.
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor({ timeout: 5000 });
    const listed = cliJson<{ id: string; pages: number }[]>(studio.dataDir, ['designs', 'list']);
    expect(listed.find((d) => d.id === s.designId)?.pages).toBe(5);

    // Export a PDF of every page from the editor.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByLabel('Format').selectOption('pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog').getByRole('button', { name: 'Export' }).click()]);
    const pdfPath = await download.path();
    expect(readFileSync(pdfPath!).subarray(0, 4).toString()).toBe('%PDF');

    // Save as template: it is offered on the start view's template list from now on.
    await (await tool((toolbar) => toolbar.getByRole('button', { name: 'Save as template' }))).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByText('as a template.').waitFor();
    const templates = cliJson<{ source: string; pages: number }[]>(studio.dataDir, ['designs', 'templates']);
    expect(templates.filter((x) => x.source === 'user').map((x) => x.pages)).toEqual([5]);

    // Resize to a story: a linked copy opens at 1080×1920 with the same 5 pages.
    const sourceId = s.designId;
    await (await tool((toolbar) => toolbar.getByLabel('Resize to'))).selectOption('instagram-story');
    await page.waitForFunction((src) => window.atelierEditor!.editor.store.getState().designId !== src && window.atelierEditor!.editor.store.getState().doc?.height === 1920, sourceId);
    s = await state();
    expect(s.doc).toMatchObject({ width: 1080, height: 1920, linkedFrom: sourceId });
    expect(s.doc.pages).toHaveLength(5);

    // Headless export of the story from the CLI: same fonts, and the photo from the library (no placeholder).
    const out = tempDir();
    const r = runCli(studio.dataDir, ['render', '--design', s.designId, '--all', '--scale', '1', '--out', path.join(out.dir, 'story.png')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/is missing/);
    const first = PNG.sync.read(readFileSync(path.join(out.dir, 'story-01.png')));
    expect([first.width, first.height]).toEqual([1080, 1920]);
    // A broken design file: one clear line, non-zero exit, nothing written.
    writeFileSync(path.join(out.dir, 'bad.json'), JSON.stringify({ schemaVersion: 2, id: 'x', name: 'n', preset: 'p', width: 100, height: 100, pages: [] }));
    const bad = runCli(studio.dataDir, ['render', path.join(out.dir, 'bad.json'), '--out', path.join(out.dir, 'bad.png')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^atelier: .*bad\.json: The design is invalid: pages /);
    expect(existsSync(path.join(out.dir, 'bad.png'))).toBe(false);
    out.cleanup();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
