// The calendar's hour grid end to end (the built web host, real SQLite, Debian Chromium): a post at
// 09:30 in Paris sits on the 09:30 row of the week and day views; dragged to 14:45 in the day view,
// the CLI says 14:45 local and Ctrl+Z brings back 09:30; Alt+↓ moves it to 09:45 with the focus
// staying on its card; a reload opens the same view and day; axe finds nothing in either theme.
// An empty 09:30 slot of the week view opens the composer on that day at 09:30; the saved post
// sits at 09:30, a drag in the day view takes it to 14:45 and the toast's Undo brings it back; a
// double-click on its card opens the composer to edit it.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayOfNextMonth, openDayView, setupStudio } from './harness';
import { axeViolations, describeViolations } from './screens';

const app = setupStudio();

const json = <T>(args: string[]): T => app.cli<T>(args);
const localTime = (id: string) => app.localTime(id);

interface PostOut {
  id: string;
  localTime: string | null;
}

// Next month, so nothing is due or missed while the test runs.
const day = dayOfNextMonth;
const ROW_PX = 18;

/** Pixels from the top of the day's column to the top of a card: its row × the row height. */
async function rowOf(card: Locator, page: Page, date: string): Promise<number> {
  const column = await page.locator(`.hour-day[data-date="${date}"]`).boundingBox();
  const box = await card.boundingBox();
  return Math.round((box!.y - column!.y) / ROW_PX);
}

/** Presses → until the grid shows `date` (the week view starts on this week). */
async function showDay(page: Page, date: string) {
  for (let i = 0; i < 10 && (await page.locator(`.hour-day[data-date="${date}"]`).count()) === 0; i++) {
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForTimeout(50);
  }
  await page.locator(`.hour-day[data-date="${date}"]`).waitFor();
}

describe('calendar hours', () => {
  it('places a 09:30 Paris post on its row, drags it to 14:45, undoes, moves it by keyboard and keeps the place across a reload', async () => {
    const paris = json<{ id: string }>(['clients', 'add', '--name', 'Pâtisserie', '--timezone', 'Europe/Paris']);
    const post = json<PostOut>(['posts', 'add', '--client', paris.id, '--title', 'Éclairs du jour', '--at', `${day(10)}T09:30`, '--network', 'instagram,x']);
    // Made now, not later: a post's creation is a step of the calendar's history too, so a draft
    // created after the drag would stand between Ctrl+Z and the drag.
    const draft = json<PostOut>(['posts', 'add', '--client', paris.id, '--title', 'Macarons']);

    const { page, pageErrors } = await app.open({ viewport: { width: 1440, height: 900 } });
    await page.getByRole('button', { name: 'Calendar' }).click();
    await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Pâtisserie' });
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await showDay(page, day(10));
    const card = page.locator(`.hour-day[data-date="${day(10)}"] [data-post-id="${post.id}"]`);
    await card.waitFor();

    // Week view: at 09:30 (row 38 of the day), with time, title, status and both networks.
    expect(await rowOf(card, page, day(10))).toBe(38);
    expect(await card.textContent()).toBe('9:30am Éclairs du jour Draft');
    expect(await card.getAttribute('aria-label')).toBe('9:30am Éclairs du jour Draft — Pâtisserie, Instagram, X');
    expect(await card.locator('.net-mark[data-network]').evaluateAll((icons) => icons.map((i) => i.getAttribute('data-network')))).toEqual(['instagram', 'x']);
    // Each icon is its network's shape (a mask from the stylesheet, a bitmap drawn from the icon's
    // path: SVG images cost a document each), painted at 12 px.
    const icon = await card.locator('.net-mark[data-network="instagram"]').evaluate((el) => ({ mask: getComputedStyle(el).maskImage, width: el.getBoundingClientRect().width }));
    expect(icon.mask).toMatch(/^url\("data:image\/png;base64,/);
    expect(icon.width).toBe(12);
    // It opened scrolled to the first post, not at midnight.
    const grid = page.locator('.hour-grid');
    expect(await grid.evaluate((el) => el.scrollTop)).toBe((38 - 2) * ROW_PX);

    // Day view, from the day's header: the same row.
    await openDayView(page, day(10));
    await expect.poll(() => page.getByRole('button', { name: 'Day', pressed: true }).count()).toBe(1);
    expect(await rowOf(card, page, day(10))).toBe(38);

    // Drag to 14:45 (row 59).
    await card.dragTo(page.locator(`.hour-day[data-date="${day(10)}"] [data-slot="59"]`));
    await expect.poll(() => localTime(post.id)).toBe(`${day(10)}T14:45`);
    await expect.poll(() => rowOf(card, page, day(10))).toBe(59);
    await page.getByRole('status').filter({ hasText: 'Moved “Éclairs du jour”' }).getByRole('button', { name: 'Undo' }).waitFor();

    // A draft from the side panel lands at the slot it is dropped on.
    await page.locator(`.draft-list [data-post-id="${draft.id}"]`).dragTo(page.locator(`.hour-day[data-date="${day(10)}"] [data-slot="44"]`));
    await expect.poll(() => localTime(draft.id)).toBe(`${day(10)}T11:00`);
    await expect.poll(() => page.locator(`.hour-day [data-post-id="${draft.id}"]`).count()).toBe(1);
    await page.locator('main h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => localTime(draft.id)).toBe(null);

    // Ctrl+Z brings back 09:30.
    await page.locator('main h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => localTime(post.id)).toBe(`${day(10)}T09:30`);
    await expect.poll(() => rowOf(card, page, day(10))).toBe(38);

    // Alt+↓ on the focused card: 15 minutes later, the focus stays on it, and it is said where it went.
    await card.focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => localTime(post.id)).toBe(`${day(10)}T09:45`);
    await expect.poll(() => rowOf(card, page, day(10))).toBe(39);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-post-id'))).toBe(post.id);
    await expect.poll(() => page.getByTestId('calendar-announcer').textContent()).toMatch(/^Moved “Éclairs du jour” to .*9:45/);
    // Alt+→: the next day; the day view follows the post, the focus too.
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => localTime(post.id)).toBe(`${day(11)}T09:45`);
    await expect.poll(() => page.locator('.hour-grid-day .hour-day').getAttribute('data-date')).toBe(day(11));
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-post-id'))).toBe(post.id);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => localTime(post.id)).toBe(`${day(10)}T09:45`);
    await expect.poll(() => page.locator('.hour-grid-day .hour-day').getAttribute('data-date')).toBe(day(10));

    // A reload opens the calendar again, in the day view, on that day, for that client.
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Day', pressed: true }).count()).toBe(1);
    await expect.poll(() => page.locator('.hour-grid-day .hour-day').getAttribute('data-date')).toBe(day(10));
    expect(await page.getByLabel('Client', { exact: true }).inputValue()).toBe(paris.id);
    await card.waitFor();
    expect(await rowOf(card, page, day(10))).toBe(39);

    // Nothing for axe to flag in the day and week views, light or dark.
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      for (const view of ['Day', 'Week'] as const) {
        await page.getByRole('button', { name: view, exact: true }).click();
        await card.waitFor();
        const violations = await axeViolations(page);
        expect(violations, describeViolations(`${view} (${theme})`, violations)).toEqual([]);
      }
    }
    expect(pageErrors).toEqual([]);
  }, 150_000); // a long journey with CLI checks between steps: a ceiling for a loaded machine, not a target

  it('opens the composer from an empty 09:30 slot, saves the post there, and a drag to 14:45 is undone from its toast', async () => {
    const lyon = json<{ id: string }>(['clients', 'add', '--name', 'Boulangerie Lyon', '--timezone', 'Europe/Paris']);
    const date = day(17);
    const { page, pageErrors } = await app.open({ viewport: { width: 1440, height: 900 } });
    await page.getByRole('button', { name: 'Calendar' }).click();
    await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Boulangerie Lyon' });
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await showDay(page, date);

    // The empty 09:30 slot (row 38) of that day: a new post for this client, that day, 09:30.
    await page.locator(`.hour-day[data-date="${date}"] [data-slot="38"]`).click();
    const composer = page.getByRole('dialog', { name: 'New post' });
    await composer.waitFor();
    // The fields write the day and time as the studio's language does (English: 01/17/2027, 9:30 AM).
    const [y, m, d] = date.split('-');
    expect(await composer.getByLabel('Date', { exact: true }).inputValue()).toBe(`${m}/${d}/${y}`);
    expect(await composer.getByLabel('Time', { exact: true }).inputValue()).toBe('9:30 AM');
    await expect.poll(() => composer.getByText('Europe/Paris').count()).toBeGreaterThan(0);
    await composer.getByLabel('Title').fill('Brioches du dimanche');
    await composer.getByRole('button', { name: 'Instagram' }).click();
    await composer.getByRole('button', { name: 'Save' }).click();
    await composer.waitFor({ state: 'detached' });

    const saved = json<(PostOut & { title: string; clientId: string })[]>(['posts', 'list', '--client', lyon.id]);
    expect(saved.map((p) => [p.title, p.localTime])).toEqual([['Brioches du dimanche', `${date}T09:30`]]);
    const id = saved[0]!.id;
    const card = page.locator(`.hour-day[data-date="${date}"] [data-post-id="${id}"]`);
    await card.waitFor();
    expect(await rowOf(card, page, date)).toBe(38);

    // A double-click on the card opens the composer on that post; closing it changes nothing.
    await card.dblclick();
    const editor = page.getByRole('dialog', { name: 'Edit post' });
    await editor.waitFor();
    expect(await editor.getByLabel('Title').inputValue()).toBe('Brioches du dimanche');
    expect(await editor.getByLabel('Time', { exact: true }).inputValue()).toBe('9:30 AM');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });

    // Day view: drag to 14:45 (row 59), then the toast's Undo puts it back at 09:30.
    await openDayView(page, date);
    await card.dragTo(page.locator(`.hour-day[data-date="${date}"] [data-slot="59"]`));
    await expect.poll(() => localTime(id)).toBe(`${date}T14:45`);
    await expect.poll(() => rowOf(card, page, date)).toBe(59);
    await page.getByRole('status').filter({ hasText: 'Moved “Brioches du dimanche”' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => localTime(id)).toBe(`${date}T09:30`);
    await expect.poll(() => rowOf(card, page, date)).toBe(38);
    expect(pageErrors).toEqual([]);
  });

  it('keeps a crowded week day readable: two posts side by side and "+N" that opens the day with all of them', async () => {
    const nantes = json<{ id: string }>(['clients', 'add', '--name', 'Crêperie Nantes', '--timezone', 'Europe/Paris']);
    const date = day(20);
    const titles = ['Galette complète', 'Crêpe beurre sucre', 'Cidre brut', 'Caramel au beurre salé', 'Far breton'];
    for (const title of titles) json(['posts', 'add', '--client', nantes.id, '--title', title, '--at', `${date}T09:00`, '--network', 'instagram']);
    const { page, pageErrors } = await app.open({ viewport: { width: 1024, height: 700 } });
    await page.getByRole('button', { name: 'Calendar' }).click();
    await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Crêperie Nantes' });
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await showDay(page, date);

    // The warnings say which network by its name and when, so the posts can be found; the five
    // posts at 09:00 are one warning, not four pairs.
    const shortDate = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00Z`));
    const warnings = page.getByRole('region', { name: 'Warnings' });
    await expect.poll(() => warnings.getByRole('listitem').first().textContent()).toBe(`⚠ Crêperie Nantes: 5 Instagram posts within 0 min (${shortDate}, 9am)`);
    expect(await warnings.getByRole('listitem').filter({ hasText: 'Instagram' }).count()).toBe(1);
    const networkFilter = page.getByRole('group', { name: 'Filters' }).getByLabel('Network', { exact: true });
    expect(await networkFilter.locator('option').allTextContents()).toEqual(expect.arrayContaining(['Any', 'Instagram', 'LinkedIn']));

    const column = page.locator(`.hour-day[data-date="${date}"]`);
    const more = column.getByRole('button', { name: '3 more posts from 9am: show the day' });
    await more.waitFor();
    expect(await more.textContent()).toBe('+3');
    expect(await column.locator('[data-post-id]').count()).toBe(2);
    // The two cards and "+3" share the day's width in three equal parts, none over another.
    const boxes = await Promise.all([...(await column.locator('[data-post-id]').all()), more].map((l) => l.boundingBox()));
    const lefts = boxes.map((b) => Math.round(b!.x)).sort((a, b) => a - b);
    expect(lefts[1]! - lefts[0]!).toBeGreaterThan(20);
    expect(lefts[2]! - lefts[1]!).toBeGreaterThan(20);

    // "+3" opens that day, where all five sit side by side at 09:00.
    await more.click();
    await expect.poll(() => page.locator('.hour-grid-day .hour-day').getAttribute('data-date')).toBe(date);
    await expect.poll(() => page.locator('.hour-grid-day [data-post-id]').count()).toBe(5);
    expect(await page.locator('.hour-grid-day [data-more]').count()).toBe(0);
    for (const title of titles) expect(await page.locator('.hour-grid-day [data-post-id]').filter({ hasText: title }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 150_000); // six CLI processes before the page opens: a ceiling for a loaded machine

  it('keeps a post moved with Alt+arrows into a crowded week day as a focused card, not behind "+N"', async () => {
    const rennes = json<{ id: string }>(['clients', 'add', '--name', 'Crêperie Rennes', '--timezone', 'Europe/Paris']);
    const date = day(21);
    for (const title of ['Galette saucisse', 'Crêpe citron', 'Chouchen', 'Kouign-amann', 'Gâteau breton']) {
      json(['posts', 'add', '--client', rennes.id, '--title', title, '--at', `${date}T09:00`, '--network', 'instagram']);
    }
    // On LinkedIn, so the Instagram crowd's warning stays as it is.
    const moving = json<PostOut>(['posts', 'add', '--client', rennes.id, '--title', 'Cidre fermier', '--at', `${date}T10:00`, '--network', 'linkedin']);
    const { page, pageErrors } = await app.open({ viewport: { width: 1024, height: 700 } });
    await page.getByRole('button', { name: 'Calendar' }).click();
    await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Crêperie Rennes' });
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await showDay(page, date);
    const column = page.locator(`.hour-day[data-date="${date}"]`);
    await column.getByRole('button', { name: '3 more posts from 9am: show the day' }).waitFor();
    const card = column.locator(`[data-post-id="${moving.id}"]`);
    await card.focus();

    // Alt+↑ twice: 09:45, then 09:30, inside the 09:00 crowd. Without being kept, it would have gone
    // into "+3" (09:30 is after the five) and the focus with it.
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => localTime(moving.id)).toBe(`${date}T09:45`);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => localTime(moving.id)).toBe(`${date}T09:30`);
    await expect.poll(() => page.getByTestId('calendar-announcer').textContent()).toMatch(/^Moved “Cidre fermier” to .*9:30/);

    // Its card is on the 09:30 row, in view, with the focus; "+4" stands for the posts it displaced.
    await expect.poll(() => rowOf(card, page, date)).toBe(38);
    expect(await card.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-post-id'))).toBe(moving.id);
    await column.getByRole('button', { name: '4 more posts from 9am: show the day' }).waitFor();
    expect(await column.locator('[data-post-id]').count()).toBe(2);
    // The focus still works: Alt+↓ takes it on to 09:45, out of the crowd.
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => localTime(moving.id)).toBe(`${date}T09:45`);
    await expect.poll(() => rowOf(card, page, date)).toBe(39);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-post-id'))).toBe(moving.id);
    expect(pageErrors).toEqual([]);
  }, 150_000);
});
