// The transformer's handles on a text box: a side handle gives the box a new width and the text
// rewraps in it at the same size; a corner handle scales the text (a bigger font), as in Canva.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDesign, studioWithDesign } from './editor-designs';

const used = studioWithDesign('Handles', () => [{ id: 'title', type: 'text', x: 100, y: 100, width: 500, height: 60, text: 'Nouvelle collection', fontFamily: 'Inter', fontSize: 40 }]);

/** A transformer handle's centre in window pixels. */
function handle(page: Page, name: string) {
  return page.evaluate((name) => {
    const stage = window.atelierEditor!.nodeFor('title')!.getStage()!;
    const anchor = stage.findOne(`.${name}`)!;
    const r = anchor.getClientRect();
    const c = stage.container().getBoundingClientRect();
    return { x: c.left + r.x + r.width / 2, y: c.top + r.y + r.height / 2, scale: stage.scaleX() };
  }, name);
}

async function dragBy(page: Page, from: { x: number; y: number }, dx: number, dy: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(from.x + (dx * i) / 6, from.y + (dy * i) / 6);
  await page.mouse.up();
}

const title = (page: Page) => page.evaluate(() => window.atelierEditor!.editor.element('title') as { width: number; fontSize: number; x: number });

describe('text box handles', () => {
  it('a side handle rewraps the text at the same size; a corner handle scales it', async () => {
    const page = used.page;
    await openDesign(page, 'Handles', 'title');
    await page.evaluate(() => window.atelierEditor!.editor.select(['title']));

    // The right side handle, 100 design pixels to the left: a narrower box, the same font size.
    const side = await handle(page, 'middle-right');
    await dragBy(page, side, -100 * side.scale, 0);
    await expect.poll(async () => (await title(page)).width).toBeLessThan(450);
    const narrowed = await title(page);
    expect(narrowed.width).toBeGreaterThan(350);
    expect(narrowed.fontSize).toBe(40);
    expect(narrowed.x).toBeCloseTo(100, 0);

    // The bottom-right corner, outwards: the text itself grows.
    const corner = await handle(page, 'bottom-right');
    await dragBy(page, corner, 80 * corner.scale, 40 * corner.scale);
    await expect.poll(async () => (await title(page)).fontSize).toBeGreaterThan(40);
    const scaled = await title(page);
    expect(scaled.width).toBeGreaterThan(narrowed.width);
    expect(scaled.fontSize / 40).toBeCloseTo(scaled.width / narrowed.width, 1);
  });
});
