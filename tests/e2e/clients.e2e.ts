// The Clients screen end to end: the real renderer bundle in Chromium, the web host, real SQLite.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliJson, openStudioPage, startStudio, setupChromium, type Studio } from './harness';

const chromium = setupChromium();
let studio: Studio | undefined;
afterEach(async () => {
  await studio?.stop();
  studio = undefined;
});

function clientsInDatabase(dataDir: string): { name: string; time_zone: string; deleted_at: number | null }[] {
  const db = new Database(path.join(dataDir, 'atelier.db'), { readonly: true });
  try {
    return db.prepare('SELECT name, time_zone, deleted_at FROM clients ORDER BY name').all() as never;
  } finally {
    db.close();
  }
}

describe('Clients screen', () => {
  it('creates a client that survives a reload and is in the SQLite file and the CLI', async () => {
    studio = await startStudio();
    const { page, context, foreignRequests, pageErrors } = await openStudioPage(chromium.browser, studio);
    await page.getByRole('button', { name: 'New client' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Maison Lumière');
    await page.getByLabel('Time zone', { exact: true }).fill('Europe/Paris');
    await page.getByRole('button', { name: 'Create client' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Client list' }).getByText('Maison Lumière').count()).toBe(1);

    await page.reload();
    await expect.poll(() => page.getByRole('list', { name: 'Client list' }).getByText('Maison Lumière').count()).toBe(1);

    expect(clientsInDatabase(studio.dataDir)).toEqual([{ name: 'Maison Lumière', time_zone: 'Europe/Paris', deleted_at: null }]);
    expect(cliJson<{ name: string }[]>(studio.dataDir, ['clients', 'list']).map((c) => c.name)).toEqual(['Maison Lumière']);
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows clients added through the CLI, live, without a reload', async () => {
    studio = await startStudio();
    cliJson(studio.dataDir, ['clients', 'add', '--name', 'Before Start', '--timezone', 'Asia/Tokyo']);
    const { page, context } = await openStudioPage(chromium.browser, studio);
    const list = page.getByRole('list', { name: 'Client list' });
    await expect.poll(() => list.getByText('Before Start').count()).toBe(1);
    // A second process writes to the library while the studio is open: the list updates by itself.
    cliJson(studio.dataDir, ['clients', 'add', '--name', 'From The CLI', '--timezone', 'America/New_York']);
    await expect.poll(() => list.getByText('From The CLI').count(), { timeout: 10_000 }).toBe(1);
    await context.close();
  });

  it('renames, changes the time zone, deletes with confirmation and undoes the delete', async () => {
    studio = await startStudio();
    cliJson(studio.dataDir, ['clients', 'add', '--name', 'Harbor', '--timezone', 'America/New_York']);
    const { page, context } = await openStudioPage(chromium.browser, studio);

    await page.getByRole('button', { name: 'Rename Harbor' }).click();
    await page.getByLabel('New name for Harbor').fill('Harbor Coffee');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Rename Harbor Coffee' }).count()).toBe(1);

    const zone = page.getByLabel('Time zone of Harbor Coffee');
    await zone.fill('Europe/London');
    await zone.blur();
    await expect.poll(() => clientsInDatabase(studio!.dataDir)[0]?.time_zone).toBe('Europe/London');

    await page.getByRole('button', { name: 'Delete Harbor Coffee' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Harbor Coffee?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Rename Harbor Coffee' }).count()).toBe(0);
    expect(clientsInDatabase(studio.dataDir)[0]?.deleted_at).not.toBeNull();

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Rename Harbor Coffee' }).count()).toBe(1);
    expect(clientsInDatabase(studio.dataDir)[0]?.deleted_at).toBeNull();
    await context.close();
  });

  it('explains an unknown time zone and creates nothing', async () => {
    studio = await startStudio();
    const { page, context } = await openStudioPage(chromium.browser, studio);
    await page.getByRole('button', { name: 'New client' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Nowhere');
    await page.getByLabel('Time zone', { exact: true }).fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Create client' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Mars/Olympus is not a known time zone');
    expect(clientsInDatabase(studio.dataDir)).toEqual([]);
    await context.close();
  });

  it('speaks French when the system does', async () => {
    studio = await startStudio();
    const { page, context } = await openStudioPage(chromium.browser, studio, { locale: 'fr-FR' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Clients');
    expect(await page.getByRole('button', { name: 'Nouveau client' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('navigation').textContent()).toContain('Calendrier');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await context.close();
  });
});
