// Dragging a whole selection on a big page (300 elements: the page draws from cached chunks, and the
// moving selection is drawn as one bitmap): what is on screen follows the pointer while it moves,
// and the drop moves every element by the same amount, as one undo step.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDesign, studioWithDesign } from './editor-designs';

const RED = { id: 'red', type: 'rect', x: 100, y: 100, width: 240, height: 240, fill: '#ff0000' };

function elements() {
  const grey = Array.from({ length: 299 }, (_, i) => ({ id: `g${i}`, type: 'rect', x: 400 + (i % 20) * 30, y: 400 + Math.floor(i / 20) * 30, width: 20, height: 20, fill: '#9ca3af' }));
  return [RED, ...grey];
}

const used = studioWithDesign('Crowded', elements);

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

/** A design point in window pixels, and how many window pixels one design pixel is. */
function toScreen(page: Page, x: number, y: number) {
  return page.evaluate(({ x, y }) => {
    const stage = window.atelierEditor!.nodeFor('red')!.getStage()!;
    const c = stage.container().getBoundingClientRect();
    return { x: c.left + stage.x() + x * stage.scaleX(), y: c.top + stage.y() + y * stage.scaleY(), scale: stage.scaleX() };
  }, { x, y });
}

describe('dragging a selection on a 300-element page', () => {
  it('shows the selection under the pointer while it moves and drops every element by the same amount', async () => {
    const page = used.page;
    await openDesign(page, 'Crowded', 'g298');
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

  it('snaps one element as it moves, copies it with Alt, and moves a group\'s child inside its group', async () => {
    const page = used.page;
    const state = () => page.evaluate(() => {
      const s = window.atelierEditor!.editor.store.getState();
      return { els: s.doc!.pages[0]!.elements, selection: s.selection };
    });
    const find = async (id: string) => (await state()).els.find((e) => e.id === id)!;
    await page.locator('.editor-canvas').click({ position: { x: 5, y: 5 } });
    await expect.poll(async () => (await state()).selection).toEqual([]);

    // Dragged 316 px right, the square's left edge comes 4 px short of a grey square's right edge
    // (x 420), and its centre 4 px short of the page's: it snaps there, with a guide while it moves.
    const from = await toScreen(page, RED.x + RED.width / 2, RED.y + RED.height / 2);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(from.x + (316 * from.scale * i) / 6, from.y);
    expect(await page.evaluate(() => window.atelierEditor!.nodeFor('red')!.getStage()!.find('Line').length)).toBeGreaterThan(0);
    await page.mouse.up();
    await expect.poll(async () => (await find('red')).x).toBe(420);
    expect(await page.evaluate(() => window.atelierEditor!.nodeFor('red')!.getStage()!.find('Line').length)).toBe(0);

    // Alt-drag: the square stays, its copy lands where the pointer let go, selected; one undo removes it.
    const at = await toScreen(page, 420 + RED.width / 2, RED.y + RED.height / 2);
    await page.keyboard.down('Alt');
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(at.x, at.y + (300 * at.scale * i) / 6);
    await page.mouse.up();
    await page.keyboard.up('Alt');
    await expect.poll(async () => (await state()).els.length).toBe(301);
    let s = await state();
    const copy = s.els.find((e) => e.id !== 'red' && e.type === 'rect' && e.fill === RED.fill)!;
    expect(s.selection).toEqual([copy.id]);
    expect(copy.y).toBeGreaterThan(350);
    expect(await find('red')).toMatchObject({ x: 420, y: RED.y });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await state()).els.length).toBe(300);

    // Three grey squares grouped (the middle one far from the group's handles); a double-click steps
    // into the group, and a drag moves that child alone, in the group. The child is small on screen
    // (about 14 px): its handles sit outside it, so a press in its middle moves it.
    await page.evaluate(() => window.atelierEditor!.editor.select(['g0', 'g45', 'g199']));
    await page.getByRole('button', { name: 'Group', exact: true }).click();
    await expect.poll(async () => (await state()).els.length).toBe(298);
    s = await state();
    const groupId = s.selection[0]!;
    const child = await toScreen(page, 560, 470); // g45's centre
    await page.mouse.dblclick(child.x, child.y);
    await expect.poll(async () => (await state()).selection).toEqual(['g45']);
    await page.mouse.move(child.x, child.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(child.x, child.y + (100 * child.scale * i) / 5);
    await page.mouse.up();
    const group = async () => (await find(groupId)) as unknown as { y: number; elements: { id: string; x: number; y: number }[] };
    // Children are stored in the group's coordinates (the group is at 400, 400): the dragged one
    // moved 100 px down, the others stayed.
    await expect.poll(async () => (await group()).elements.find((e) => e.id === 'g45')!.y).toBeGreaterThan(150);
    const g = await group();
    const kids = Object.fromEntries(g.elements.map((e) => [e.id, { x: e.x, y: e.y }]));
    // (Within a window pixel: the pointer moves in whole window pixels, about 1.4 design pixels here.)
    expect(Math.abs(kids.g45!.y - 160)).toBeLessThan(1.5);
    expect(Math.abs(kids.g45!.x - 150)).toBeLessThan(1.5);
    expect(kids.g0).toEqual({ x: 0, y: 0 });
    expect(kids.g199).toEqual({ x: 570, y: 270 });
  });
});

