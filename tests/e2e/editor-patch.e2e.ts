// On a big page (300 elements: the page draws from cached chunk bitmaps), an undo or a colour change
// of one element redraws only around it, inside the bitmaps too. What the canvas then shows must be
// exactly what a full redraw of the page shows, with the element's neighbours above and below it in
// other chunks, and a click on the element where it now is must find it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDesign, studioWithDesign } from './editor-designs';

/**
 * 300 elements; the target (index 150, the second chunk) lies on a big blue square from the first
 * chunk and under a half-transparent green bar from the third, so a redraw around it must keep the
 * order of three bitmaps.
 */
function elements() {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < 300; i++) {
    if (i === 50) out.push({ id: 'under', type: 'rect', x: 300, y: 300, width: 300, height: 300, fill: '#2563eb' });
    else if (i === 150) out.push({ id: 'target', type: 'ellipse', x: 380, y: 380, width: 140, height: 140, fill: '#dc2626' });
    else if (i === 250) out.push({ id: 'over', type: 'rect', x: 250, y: 470, width: 420, height: 30, fill: '#16a34a', opacity: 0.6 });
    else out.push({ id: `g${i}`, type: 'rect', x: 40 + (i % 25) * 40, y: 40 + Math.floor(i / 25) * 24, width: 30, height: 18, fill: '#9ca3af' });
  }
  return out;
}

const used = studioWithDesign('Layered', elements);

const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));

/**
 * The page's three chunks: whether each is drawn from a bitmap, and whether those are still the
 * bitmaps remembered last time (`remember` keeps the current ones). The same canvas means an edit
 * was drawn into the bitmap (the fast path of an undo on a big page), not made by dropping the
 * bitmap, drawing the chunk live and caching it again.
 */
function chunkBitmaps(page: Page, remember: boolean) {
  return page.evaluate((remember) => {
    type Chunk = { hasName(n: string): boolean; getParent(): Chunk | null; _canvasCache: { scene: unknown } | null };
    const w = window as unknown as { bitmaps?: unknown[] };
    const chunks = new Set<Chunk>();
    for (const id of ['g0', 'target', 'over']) {
      let n = window.atelierEditor!.nodeFor(id) as unknown as Chunk | null;
      while (n && !n.hasName('chunk')) n = n.getParent();
      if (n) chunks.add(n);
    }
    const scenes = [...chunks].map((c) => c._canvasCache?.scene ?? null);
    const same = scenes.every((scene, i) => scene !== null && scene === w.bitmaps?.[i]);
    if (remember) w.bitmaps = scenes;
    return { cached: chunks.size === 3 && scenes.every((scene) => scene !== null), same };
  }, remember);
}
const allCached = async (page: Page) => (await chunkBitmaps(page, true)).cached;
const sameBitmaps = async (page: Page) => (await chunkBitmaps(page, false)).same;

/** The elements' layer canvas, pixel for pixel, kept in the page under `name`. */
function snapshot(page: Page, name: string) {
  return page.evaluate((name) => {
    const layer = window.atelierEditor!.nodeFor('target')!.getLayer()!;
    const shots = [layer.getCanvas()._canvas].map((c) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data);
    (window as unknown as Record<string, unknown>)[name] = shots;
  }, name);
}

/**
 * Pixels where the two snapshots differ by more than antialiasing noise. Colours are compared as
 * shown (weighted by their alpha): an almost transparent edge pixel's colour does not count.
 */
function differing(page: Page, a: string, b: string) {
  return page.evaluate(({ a, b }) => {
    const w = window as unknown as Record<string, Uint8ClampedArray[]>;
    let count = 0;
    w[a]!.forEach((x, i) => {
      const y = w[b]![i]!;
      for (let p = 0; p < x.length; p += 4) {
        const ax = x[p + 3]! / 255;
        const ay = y[p + 3]! / 255;
        let worst = Math.abs(x[p + 3]! - y[p + 3]!);
        for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(x[p + c]! * ax - y[p + c]! * ay));
        if (worst > 40) count++;
      }
    });
    return count;
  }, { a, b });
}

/**
 * The canvas after a full rebuild of every node, drawn whole from the chunks' new bitmaps (a patch
 * is drawn from bitmaps too; a live drawing differs from one by antialiasing).
 */
async function fullRedraw(page: Page, name: string) {
  await page.evaluate(() => window.atelierEditor!.editor.redrawAll());
  await expect.poll(() => allCached(page), { timeout: 10_000 }).toBe(true);
  await page.evaluate(() => window.atelierEditor!.nodeFor('target')!.getLayer()!.draw());
  await snapshot(page, name);
}

function targetCentre(page: Page) {
  return page.evaluate(() => {
    const n = window.atelierEditor!.nodeFor('target')!;
    const r = n.getClientRect();
    const c = n.getStage()!.container().getBoundingClientRect();
    return { x: c.left + r.x + r.width / 2, y: c.top + r.y + r.height / 2 };
  });
}

describe('editing one element of a 300-element page', () => {
  it('redraws around it inside the cached chunks and shows what a full redraw shows', async () => {
    const page = used.page;
    await openDesign(page, 'Layered', 'g299');
    await expect.poll(() => allCached(page), { timeout: 10_000 }).toBe(true);
    await fullRedraw(page, 'start');

    // Select the red circle with a click and nudge it by 10 px with the keyboard.
    const at = await targetCentre(page);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.evaluate(() => window.atelierEditor!.editor.store.getState().selection)).toEqual(['target']);
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => page.evaluate(() => window.atelierEditor!.editor.element('target')!.x)).toBe(390);
    await frames(page);
    // The chunks kept their bitmaps (patched, not dropped), and the canvas is right.
    expect(await sameBitmaps(page)).toBe(true);
    await snapshot(page, 'moved');
    await fullRedraw(page, 'movedFull');
    expect(await differing(page, 'moved', 'movedFull')).toBe(0);
    expect(await differing(page, 'moved', 'start')).toBeGreaterThan(100);

    // Undo puts the circle back: the same pixels as before the nudge.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.evaluate(() => window.atelierEditor!.editor.element('target')!.x)).toBe(380);
    await frames(page);
    expect(await sameBitmaps(page)).toBe(true);
    await snapshot(page, 'undone');
    expect(await differing(page, 'undone', 'start')).toBe(0);

    // A colour change rebuilds the node: drawn in its new colour under the green bar, over the blue square.
    await page.getByLabel('Fill').fill('#facc15');
    await expect.poll(() => page.evaluate(() => (window.atelierEditor!.editor.element('target') as { fill: string }).fill)).toBe('#facc15');
    await frames(page);
    expect(await sameBitmaps(page)).toBe(true);
    await snapshot(page, 'yellow');
    await fullRedraw(page, 'yellowFull');
    expect(await differing(page, 'yellow', 'yellowFull')).toBe(0);

    // Moved away with the X field: drawn at its new place, and a click finds it there (the bitmaps
    // that a click is tested against were patched too), and finds the blue square where it was.
    const old = await targetCentre(page);
    await page.getByLabel('X', { exact: true }).fill('700');
    await expect.poll(() => page.evaluate(() => window.atelierEditor!.editor.element('target')!.x)).toBe(700);
    await frames(page);
    expect(await sameBitmaps(page)).toBe(true);
    await snapshot(page, 'away');
    await page.locator('.editor-canvas').click({ position: { x: 5, y: 5 } });
    await expect.poll(() => page.evaluate(() => window.atelierEditor!.editor.store.getState().selection)).toEqual([]);
    const now = await targetCentre(page);
    await page.mouse.click(now.x, now.y);
    await expect.poll(() => page.evaluate(() => window.atelierEditor!.editor.store.getState().selection)).toEqual(['target']);
    await page.mouse.click(old.x, old.y);
    await expect.poll(() => page.evaluate(() => window.atelierEditor!.editor.store.getState().selection)).toEqual(['under']);
    await fullRedraw(page, 'awayFull');
    expect(await differing(page, 'away', 'awayFull')).toBe(0);
  });
});
