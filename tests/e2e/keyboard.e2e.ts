// The keyboard layer in Chromium: screen keys shared with the native menu, the command palette
// jumping to a design and running actions, search on `/`, a new post on `N`.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openStudioPage, runCli, startStudio, type Studio } from './harness';

let studio: Studio;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  studio = await startStudio();
  runCli(studio.dataDir, ['demo']);
  browser = await launchChromium();
  const opened = await openStudioPage(browser, studio);
  page = opened.page;
  pageErrors = opened.pageErrors;
  await page.getByRole('list', { name: 'Client list' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

const current = () => page.locator('nav [aria-current="page"]').textContent();

describe('keyboard', () => {
  it('switches screens with Ctrl+1…6 and Ctrl+, like the native menu', async () => {
    await page.keyboard.press('Control+4');
    await expect.poll(current).toContain('Library');
    await page.keyboard.press('Control+2');
    await expect.poll(current).toContain('Editor');
    await page.keyboard.press('Control+,');
    await expect.poll(current).toContain('Settings');
    await page.keyboard.press('Control+6');
    await expect.poll(current).toContain('Clients');
  });

  it('jumps to a design from the command palette, by keyboard only', async () => {
    const designs = JSON.parse(runCli(studio.dataDir, ['--json', 'designs', 'list']).stdout || '[]') as { name: string }[];
    const name = designs[0]?.name ?? 'Brew guide: V60';
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await page.keyboard.type(name);
    await palette.getByRole('option', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().waitFor();
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    await page.getByRole('toolbar').first().waitFor();
    await expect.poll(() => page.locator('.ed-name').textContent()).toBe(name);
  });

  it('offers Undo in a toast after deleting a page, and the page comes back', async () => {
    const pages = page.getByRole('navigation', { name: 'Pages' }).getByRole('listitem');
    const before = await pages.count();
    await page.getByRole('button', { name: '+ Page' }).click();
    await expect.poll(() => pages.count()).toBe(before + 1);
    await page.getByRole('button', { name: 'Delete page' }).click();
    await expect.poll(() => pages.count()).toBe(before);
    await page.getByRole('status').filter({ hasText: /^Page \d+ deleted\./ }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => pages.count()).toBe(before + 1);
  });

  it('runs actions from the palette: the dark theme', async () => {
    await page.keyboard.press('Control+6');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('dark theme');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // Saved in the library's settings, so it survives a reload.
    await page.reload();
    await page.getByRole('list', { name: 'Client list' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });

  it('starts a new client from the palette with the name field ready to type in', async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('new client');
    await page.keyboard.press('Enter');
    await expect.poll(current).toContain('Clients');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('name');
    await page.keyboard.type('Atelier Nord');
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.getByRole('list', { name: 'Client list' }).getByText('Atelier Nord').waitFor();
  });

  it('focuses the screen’s search on / and opens the composer for a new post on N', async () => {
    await page.keyboard.press('Control+4');
    await page.locator('main input[type="search"]').waitFor();
    await page.locator('main h1').click();
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    await page.locator('main h1').click();
    await page.keyboard.press('n');
    const composer = page.getByRole('dialog', { name: 'New post' });
    await composer.waitFor();
    // Typing goes to the title at once; N typed inside the composer is text, not another shortcut.
    await page.keyboard.type('Notes');
    await expect.poll(() => composer.getByLabel('Title').inputValue()).toBe('Notes');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Discard', exact: true }).click();
    await composer.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  it('opens a post from the command palette in the composer, over the calendar at its month with its details', async () => {
    const posts = JSON.parse(runCli(studio.dataDir, ['--json', 'posts', 'list']).stdout) as { id: string; title: string; localTime: string | null }[];
    // The latest scheduled post: usually not in the month the calendar opens on.
    const post = posts.filter((p) => p.localTime).sort((a, b) => b.localTime!.localeCompare(a.localTime!))[0]!;
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await page.keyboard.type(post.title);
    await palette.getByRole('option', { name: new RegExp(post.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().waitFor();
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    const composer = page.getByRole('dialog', { name: 'Edit post' });
    await composer.waitFor();
    await expect.poll(() => composer.getByLabel('Title').inputValue()).toBe(post.title);
    await page.keyboard.press('Escape');
    await composer.waitFor({ state: 'detached' });
    await expect.poll(current).toContain('Calendar');
    const details = page.getByRole('region', { name: post.title });
    await details.waitFor();
    const month = new Date(`${post.localTime!.slice(0, 7)}-15T12:00:00Z`).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
    await expect.poll(() => page.locator('.calendar-period').textContent()).toContain(month);
    await expect.poll(() => page.locator(`.month-grid [data-post-id="${post.id}"]`).count()).toBe(1);
    await details.getByRole('button', { name: 'Close' }).click();
  });
});
