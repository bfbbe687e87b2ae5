// The keyboard layer in Chromium: screen keys shared with the native menu, the command palette
// jumping to a design and running actions, search on `/`, a new post on `N`.
import { beforeAll, describe, expect, it } from 'vitest';
import { cliJson, setupStudio } from './harness';

const app = setupStudio({ seed: (studio) => void cliJson(studio.dataDir, ['demo']), page: true });

beforeAll(async () => {
  await app.page.getByRole('list', { name: 'Client list' }).waitFor();
});

const current = () => app.page.locator('nav [aria-current="page"]').textContent();

describe('keyboard', () => {
  it('switches screens with Ctrl+1…6 and Ctrl+, like the native menu', async () => {
    await app.page.keyboard.press('Control+4');
    await expect.poll(current).toContain('Library');
    await app.page.keyboard.press('Control+2');
    await expect.poll(current).toContain('Editor');
    await app.page.keyboard.press('Control+,');
    await expect.poll(current).toContain('Settings');
    await app.page.keyboard.press('Control+6');
    await expect.poll(current).toContain('Clients');
  });

  it('jumps to a design from the command palette, by keyboard only', async () => {
    const designs = cliJson<{ name: string }[]>(app.studio.dataDir, ['designs', 'list']);
    const name = designs[0]?.name ?? 'Brew guide: V60';
    await app.page.keyboard.press('Control+k');
    const palette = app.page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await app.page.keyboard.type(name);
    await palette.getByRole('option', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().waitFor();
    await app.page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    await app.page.getByRole('toolbar').first().waitFor();
    await expect.poll(() => app.page.locator('.ed-name').textContent()).toBe(name);
  });

  it('offers Undo in a toast after deleting a page, and the page comes back', async () => {
    const pages = app.page.getByRole('navigation', { name: 'Pages' }).getByRole('listitem');
    const before = await pages.count();
    await app.page.getByRole('button', { name: '+ Page' }).click();
    await expect.poll(() => pages.count()).toBe(before + 1);
    await app.page.getByRole('button', { name: 'Delete page' }).click();
    await expect.poll(() => pages.count()).toBe(before);
    await app.page.getByRole('status').filter({ hasText: /^Page \d+ deleted\./ }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => pages.count()).toBe(before + 1);
  });

  it('runs actions from the palette: the dark theme', async () => {
    await app.page.keyboard.press('Control+6');
    await app.page.keyboard.press('Control+k');
    await app.page.keyboard.type('dark theme');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // Saved in the library's settings, so it survives a reload.
    await app.page.reload();
    await app.page.getByRole('list', { name: 'Client list' }).waitFor();
    await expect.poll(() => app.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });

  it('starts a new client from the palette with the name field ready to type in', async () => {
    await app.page.keyboard.press('Control+k');
    await app.page.keyboard.type('new client');
    await app.page.keyboard.press('Enter');
    await expect.poll(current).toContain('Clients');
    await expect.poll(() => app.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('name');
    await app.page.keyboard.type('Atelier Nord');
    await app.page.getByRole('button', { name: 'Create client' }).click();
    await app.page.getByRole('list', { name: 'Client list' }).getByText('Atelier Nord').waitFor();
  });

  it('focuses the screen’s search on / and opens the composer for a new post on N', async () => {
    await app.page.keyboard.press('Control+4');
    await app.page.locator('main input[type="search"]').waitFor();
    await app.page.locator('main h1').click();
    await app.page.keyboard.press('/');
    await expect.poll(() => app.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    await app.page.locator('main h1').click();
    await app.page.keyboard.press('n');
    const composer = app.page.getByRole('dialog', { name: 'New post' });
    await composer.waitFor();
    // Typing goes to the title at once; N typed inside the composer is text, not another shortcut.
    await app.page.keyboard.type('Notes');
    await expect.poll(() => composer.getByLabel('Title').inputValue()).toBe('Notes');
    await app.page.keyboard.press('Escape');
    await app.page.getByRole('button', { name: 'Discard', exact: true }).click();
    await composer.waitFor({ state: 'detached' });
    expect(app.shared.pageErrors).toEqual([]);
  });

  it('opens a post from the command palette in the composer, over the calendar at its month with its details', async () => {
    const posts = cliJson<{ id: string; title: string; localTime: string | null }[]>(app.studio.dataDir, ['posts', 'list']);
    // The latest scheduled post: usually not in the month the calendar opens on.
    const post = posts.filter((p) => p.localTime).sort((a, b) => b.localTime!.localeCompare(a.localTime!))[0]!;
    await app.page.keyboard.press('Control+k');
    const palette = app.page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await app.page.keyboard.type(post.title);
    await palette.getByRole('option', { name: new RegExp(post.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().waitFor();
    await app.page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    const composer = app.page.getByRole('dialog', { name: 'Edit post' });
    await composer.waitFor();
    await expect.poll(() => composer.getByLabel('Title').inputValue()).toBe(post.title);
    await app.page.keyboard.press('Escape');
    await composer.waitFor({ state: 'detached' });
    await expect.poll(current).toContain('Calendar');
    const details = app.page.getByRole('region', { name: post.title });
    await details.waitFor();
    const month = new Date(`${post.localTime!.slice(0, 7)}-15T12:00:00Z`).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
    await expect.poll(() => app.page.locator('.calendar-period').textContent()).toContain(month);
    await expect.poll(() => app.page.locator(`.month-grid [data-post-id="${post.id}"]`).count()).toBe(1);
    await details.getByRole('button', { name: 'Close' }).click();
  });
});
