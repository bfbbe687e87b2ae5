// A damaged library file: the studio opens on the recovery screen instead of crashing, and
// "Restore this backup" brings the library back, with the damaged file kept aside.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/temp';
import { scribble } from '../helpers/safety';
import { cliJson, openStudioPage, runCli, startStudio, setupChromium } from './harness';

const chromium = setupChromium();

describe('recovery', () => {
  it('a corrupted database leads to the recovery screen and a working restore', async () => {
    const temp = tempDir('atelier-e2e-recovery-');
    try {
      const dataDir = temp.dir;
      cliJson(dataDir, ['clients', 'add', '--name', 'Acme Bakery', '--timezone', 'Europe/Paris']);
      expect(runCli(dataDir, ['backup']).code).toBe(0);
      const database = path.join(dataDir, 'atelier.db');
      scribble(database, 0, 64); // the header: "file is not a database"
      const damaged = readFileSync(database);
      const doctor = runCli(dataDir, ['doctor']);
      expect(doctor.code).toBe(1);
      expect(doctor.stdout).toMatch(/Recovery: +needed/);

      const studio = await startStudio({ dataDir });
      try {
        const { page, pageErrors, context } = await openStudioPage(chromium.browser, studio);
        await page.getByRole('heading', { name: 'Your library needs attention' }).waitFor();
        // The reason in the studio's language, not the raw English message with the database's path.
        expect(await page.getByText('This folder’s database is not an Atelier library.').count()).toBe(1);
        await page.getByRole('button', { name: 'Restore this backup' }).click();
        // The page reloads on the restored library: the studio, with the client from the backup.
        await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
        await page.locator('main').getByText('Acme Bakery').first().waitFor();
        expect(pageErrors).toEqual([]);
        await context.close();
      } finally {
        await studio.stop();
      }
      const aside = readdirSync(path.join(dataDir, 'backups')).find((f) => f.startsWith('atelier-kept-aside-') && f.endsWith('.db'));
      expect(aside).toBeDefined();
      expect(readFileSync(path.join(dataDir, 'backups', aside!)).equals(damaged)).toBe(true);
      expect(runCli(dataDir, ['doctor']).code).toBe(0);
    } finally {
      temp.cleanup();
    }
  });

  it('Settings lists the backups, restores one after confirming, and the trash gives a deleted client back', async () => {
    const temp = tempDir('atelier-e2e-backups-');
    try {
      const dataDir = temp.dir;
      cliJson(dataDir, ['clients', 'add', '--name', 'In the backup', '--timezone', 'UTC']);
      const studio = await startStudio({ dataDir }); // a long-running host backs up soon after start when none is recent
      try {
        const autoBackups = () => (existsSync(path.join(dataDir, 'backups')) ? readdirSync(path.join(dataDir, 'backups')).filter((f) => f.startsWith('atelier-auto-') && f.endsWith('.db')) : []);
        await vi.waitFor(() => expect(autoBackups()).toHaveLength(1), { timeout: 30_000, interval: 250 });
        cliJson(dataDir, ['clients', 'add', '--name', 'Added later', '--timezone', 'UTC']);
        const { page, pageErrors, context } = await openStudioPage(chromium.browser, studio);
        await page.locator('main').getByText('Added later').first().waitFor();
        await page.getByRole('button', { name: 'Settings' }).click();
        const backups = page.getByRole('list', { name: 'Backups, newest first' });
        await backups.getByText('Daily backup').waitFor();
        await backups.getByRole('button', { name: /Restore the backup of/ }).first().click();
        const reloaded = page.waitForEvent('load');
        await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
        // Reloaded on the restored library: the client added after the backup is gone, the other is there.
        // The studio keeps its place (Settings) across the reload; the clients are on their screen.
        await reloaded;
        await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
        await page.getByRole('button', { name: 'Clients' }).click();
        await page.locator('main').getByText('In the backup').first().waitFor();
        expect(await page.locator('main').getByText('Added later').count()).toBe(0);
        // …and the library that was replaced is listed, so the restore itself can be undone.
        await page.getByRole('button', { name: 'Settings' }).click();
        await backups.getByText('Library set aside by a restore').waitFor();

        await page.getByRole('button', { name: 'Clients' }).click();
        await page.getByRole('button', { name: 'Delete In the backup' }).click();
        await page.getByRole('dialog').getByRole('button', { name: /Delete|Move/ }).click();
        await page.getByRole('button', { name: 'Settings' }).click();
        await page.getByRole('list', { name: 'Deleted items' }).getByRole('button', { name: 'Restore In the backup' }).click();
        await page.getByRole('button', { name: 'Clients' }).click();
        await page.locator('main').getByText('In the backup').first().waitFor();
        expect(pageErrors).toEqual([]);
        await context.close();
      } finally {
        await studio.stop();
      }
    } finally {
      temp.cleanup();
    }
  });
});
