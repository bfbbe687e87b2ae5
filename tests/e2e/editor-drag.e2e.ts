// Dragging a whole selection on a big page (300 elements: the page draws from cached chunks, and the
// moving selection is drawn as one bitmap): what is on screen follows the pointer while it moves,
// and the drop moves every element by the same amount, as one undo step.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAtelier } from '../../src-main/app';
import { setupStudio } from './harness';

const RED = { id: 'red', type: 'rect', x: 100, y: 100, width: 240, height: 240, fill: '#ff0000' };

function elements() {
  const grey = Array.from({ length: 299 }, (_, i) => ({ id: `g${i}`, type: 'rect', x: 400 + (i % 20) * 30, y: 400 + Math.floor(i / 20) * 30, width: 20, height: 20, fill: '#9ca3af' }));
  return [RED, ...grey];
}

const used = setupStudio({
  page: { viewport: { width: 1440, height: 900 } },
  async seed(studio) {
    // Seeded through the services on the studio's own library (SQLite in WAL mode allows it).
    const atelier = createAtelier({ dataDir: studio.dataDir, host: 'test' });
    const d = (await atelier.call('designs.create', { preset: 'instagram-square', name: 'Crowded' })) as { id: string; document: Record<string, unknown> };
    const pages = [{ id: 'p1', background: { type: 'color', color: '#ffffff' }, elements: elements() }];
    await atelier.call('designs.save', { id: d.id, document: { ...d.document, pages } });
    atelier.close();
  },
});

/** The red square's centre in window pixels, and how many window pixels one design pixel is. */
function redCentre(page: Page) {
  return page.evaluate(() => {
    const n = window.atelierEditor!.nodeFor('red')!;
    const r = n.getClientRect();
    const c = n.getStage()!.container().getBoundingClientRect();
    return { x: c.left + r.x + r.width / 2, y: c.top + r.y + r.height / 2, scale: n.getAbsoluteScale().x };
  });
}

/** Whether the window shows red at this point: what the stage's layer canvases hold there, topmost first. */
function redAt(page: Page, at: { x: number; y: number }) {
  return page.evaluate(({ x, y }) => {
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.editor-canvas canvas')].reverse();
    for (const c of canvases) {
      const box = c.getBoundingClientRect();
      const ratio = c.width / box.width;
      const [r, g, b, a] = c.getContext('2d')!.getImageData(Math.round((x - box.left) * ratio), Math.round((y - box.top) * ratio), 1, 1).data;
      if (a! > 0) return r! > 200 && g! < 60 && b! < 60;
    }
    return false;
  }, at);
}

describe('dragging a selection on a 300-element page', () => {
  it('shows the selection under the pointer while it moves and drops every element by the same amount', async () => {
    const page = used.page;
    await page.getByRole('button', { name: 'Editor' }).click();
    await page.getByRole('button', { name: 'Open Crowded' }).click();
    await page.waitForFunction(() => Boolean(window.atelierEditor?.nodeFor('g298')?.getLayer()));
    await page.locator('.editor-canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+a');
    await expect.poll(() => page.evaluate(() => window.atelierEditor!.editor.store.getState().selection.length)).toBe(300);

    const stepsBefore = await page.evaluate(() => window.atelierEditor!.editor.history.size);
    const from = await redCentre(page);
    const left = { x: from.x - 100 * from.scale, y: from.y };
    const step = 200 * from.scale;
    expect(await redAt(page, left)).toBe(true);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + (step * i) / 8, from.y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
    // Mid-drag: the square has left its old left edge and is drawn where the pointer took it.
    expect(await redAt(page, left)).toBe(false);
    expect(await redAt(page, { x: from.x + step, y: from.y })).toBe(true);
    await page.mouse.up();

    const after = await page.evaluate(() => {
      const s = window.atelierEditor!.editor.store.getState();
      return { els: s.doc!.pages[0]!.elements.map((e) => ({ id: e.id, x: e.x, y: e.y })), steps: window.atelierEditor!.editor.history.size };
    });
    const before = new Map(elements().map((e) => [e.id, e]));
    const dx = after.els[0]!.x - RED.x;
    const dy = after.els[0]!.y - RED.y;
    expect(dx).toBeGreaterThan(150);
    for (const e of after.els) {
      expect(e.x - before.get(e.id)!.x).toBeCloseTo(dx, 5);
      expect(e.y - before.get(e.id)!.y).toBeCloseTo(dy, 5);
    }
    expect(after.steps).toBe(stepsBefore + 1);
    // Dropped: drawn at its new place on the page itself, and one undo puts everything back.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
    expect(await redAt(page, { x: from.x + step, y: from.y })).toBe(true);
    expect(await redAt(page, left)).toBe(false);
    await page.keyboard.press('Control+z');
    const undone = await page.evaluate(() => window.atelierEditor!.editor.store.getState().doc!.pages[0]!.elements.map((e) => e.x));
    expect(undone).toEqual(elements().map((e) => e.x));
  });
});
