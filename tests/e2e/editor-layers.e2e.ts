// The layers list of a big page: every layer is reached by scrolling the side column (no "show all"
// step), rows in view are always drawn, a group opens into its children without covering the rows
// after it, an open group stays open when scrolled away and back, and a focused row keeps the focus
// when it is scrolled out of view. Only the rows near the view are in the document, which keeps an
// edit elsewhere on the page cheap for the browser to paint.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDesign, studioWithDesign } from './editor-designs';

const COUNT = 400;

/** 400 named shapes; the second from the bottom of the stack is a group of two. */
function elements() {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < COUNT; i++) {
    const at = { x: 40 + (i % 20) * 48, y: 40 + Math.floor(i / 20) * 48, width: 40, height: 40 };
    if (i === 1) {
      out.push({ id: 'grp', type: 'group', name: 'Bottom group', ...at, elements: [
        { id: 'inner-a', type: 'rect', name: 'Inner A', x: 0, y: 0, width: 20, height: 40, fill: '#2563eb' },
        { id: 'inner-b', type: 'rect', name: 'Inner B', x: 20, y: 0, width: 20, height: 40, fill: '#dc2626' },
      ] });
    } else out.push({ id: `e${i}`, type: 'rect', name: `Layer ${i}`, ...at, fill: '#9ca3af' });
  }
  return out;
}

const used = studioWithDesign('Many layers', elements);

const layers = (page: Page) => page.getByRole('region', { name: 'Layers' });
const row = (page: Page, name: string) => layers(page).getByRole('button', { name, exact: true });
const selection = (page: Page) => page.evaluate(() => window.atelierEditor!.editor.store.getState().selection);
/** Scrolls the side column (properties above, layers below) to a fraction of its height. */
const scrollSide = (page: Page, fraction: number) =>
  page.evaluate((f) => {
    const side = document.querySelector<HTMLElement>('aside.ed-side')!;
    side.scrollTop = f * (side.scrollHeight - side.clientHeight);
  }, fraction);

/** The layer row drawn at a height of the side column's visible part (0 top, 0.5 middle, 1 bottom), if any. */
function rowAt(page: Page, at: number) {
  return page.evaluate((at) => {
    const side = document.querySelector<HTMLElement>('aside.ed-side')!;
    const list = side.querySelector<HTMLElement>('.ed-layers')!.getBoundingClientRect();
    const view = side.getBoundingClientRect();
    const hit = document.elementFromPoint(list.left + 60, view.top + 20 + at * (view.height - 40));
    return hit?.closest('.ed-layer')?.querySelector('.ed-layer-label')?.textContent ?? null;
  }, at);
}
const rowAtMiddle = (page: Page) => rowAt(page, 0.5);

describe('the layers list of a 400-element page', () => {
  it('reaches every layer by scrolling, opens a group in place and keeps it open', async () => {
    const page = used.page;
    await openDesign(page, 'Many layers', 'e399');

    // The top of the stack first; a screen reader hears how many layers there are.
    await row(page, 'Layer 399').waitFor();
    expect(await layers(page).getByRole('listitem').first().getAttribute('aria-setsize')).toBe(String(COUNT));
    // Only the rows near the view are in the document, not 400.
    expect(await page.locator('.ed-layers > li').count()).toBeLessThan(80);
    expect(await page.getByRole('button', { name: /Show all/ }).count()).toBe(0);

    // The focused row stays focused when the column scrolls it out of view (it is kept in the document).
    await row(page, 'Layer 399').focus();
    await scrollSide(page, 0.5);
    await expect.poll(() => rowAtMiddle(page)).toMatch(/^Layer \d+$/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Layer 399');

    // Half-way down the column, the rows in view are drawn (no blank stretch while scrolling).
    await expect.poll(() => rowAtMiddle(page)).toMatch(/^Layer \d+$/);
    const middle = Number((await rowAtMiddle(page))!.slice(6));
    expect(middle).toBeGreaterThan(100);
    expect(middle).toBeLessThan(300);

    // At the bottom: the group, and the last layer under it.
    await scrollSide(page, 1);
    await row(page, 'Layer 0').waitFor();
    await row(page, 'Bottom group').waitFor();
    await layers(page).getByRole('button', { name: 'Show what is inside' }).click();
    await row(page, 'Inner B').waitFor();
    // The row after the group moved down below its children (measured, not overlapped).
    await scrollSide(page, 1);
    const innerB = (await row(page, 'Inner B').boundingBox())!;
    const last = (await row(page, 'Layer 0').boundingBox())!;
    expect(last.y).toBeGreaterThanOrEqual(innerB.y + innerB.height);

    // A child row selects inside its group; the last row selects the bottom element.
    await row(page, 'Inner A').click();
    await expect.poll(() => selection(page)).toEqual(['inner-a']);
    await row(page, 'Layer 0').click();
    await expect.poll(() => selection(page)).toEqual(['e0']);

    // With an element's properties above the list (taller than the page's), the rows in view are
    // still drawn from the top of the column's view to its bottom.
    await page.getByRole('region', { name: 'Properties' }).first().waitFor();
    for (const at of [0.3, 0.6]) {
      await scrollSide(page, at);
      for (const y of [0, 0.5, 1]) await expect.poll(() => rowAt(page, y)).toMatch(/^Layer \d+$/);
    }

    // Scrolled to the top (the group's row leaves the document) and back: the group is still open.
    await scrollSide(page, 0);
    await row(page, 'Layer 399').waitFor();
    await expect.poll(() => row(page, 'Inner A').count()).toBe(0);
    await scrollSide(page, 1);
    await row(page, 'Inner A').waitFor();
    expect(await layers(page).getByRole('button', { name: 'Hide what is inside' }).count()).toBe(1);
  });
});
