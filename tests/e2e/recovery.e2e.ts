// A damaged library file: the studio opens on the recovery screen instead of crashing, and
// "Restore this backup" brings the library back, with the damaged file kept aside.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { scribble } from '../helpers/safety';
import { launchChromium, openStudioPage, runCli, startStudio } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('recovery', () => {
  it('a corrupted database leads to the recovery screen and a working restore', async () => {
    const temp = tempDir('atelier-e2e-recovery-');
    try {
      const dataDir = temp.dir;
      expect(runCli(dataDir, ['clients', 'add', '--name', 'Acme Bakery', '--timezone', 'Europe/Paris']).code).toBe(0);
      expect(runCli(dataDir, ['backup']).code).toBe(0);
      const database = path.join(dataDir, 'atelier.db');
      scribble(database, 0, 64); // the header: "file is not a database"
      const damaged = readFileSync(database);
      const doctor = runCli(dataDir, ['doctor']);
      expect(doctor.code).toBe(1);
      expect(doctor.stdout).toMatch(/Recovery: +needed/);

      const studio = await startStudio({ dataDir });
      try {
        const { page, pageErrors, context } = await openStudioPage(browser, studio);
        await page.getByRole('heading', { name: 'Your library needs attention' }).waitFor();
        expect(await page.getByText('not an Atelier library database').count()).toBe(1);
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
});
