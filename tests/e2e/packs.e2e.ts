// Content packs end to end: the CLI exports a pack (progress on stderr), the preview page opens from
// disk in Chromium without a single network request, records decisions into decisions.json, and
// the CLI applies them back; the pack imports into an empty library.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAtelier } from '../../src-main/app';
import { openSafeZip } from '../../src-main/services/packs/zip-reader';
import { seedPackLibrary } from '../helpers/packs';
import { tempDir } from '../helpers/temp';
import { assertBuilt, cliJson, openStudioPage, runCli, startStudio, setupChromium } from './harness';

const chromium = setupChromium();
let temp: ReturnType<typeof tempDir>;
let seed: Awaited<ReturnType<typeof seedPackLibrary>>;
let dataDir: string;

beforeAll(async () => {
  assertBuilt();
  temp = tempDir();
  dataDir = path.join(temp.dir, 'library');
  const atelier = createAtelier({ dataDir, host: 'test' });
  seed = await seedPackLibrary(atelier);
  atelier.close();
}, 60_000);

afterAll(async () => {
  temp?.cleanup();
});

async function extract(zipFile: string, dir: string): Promise<void> {
  const zip = await openSafeZip(zipFile);
  for (const name of zip.names()) {
    const target = path.join(dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, await zip.read(name));
  }
  zip.close();
}

describe('content packs', () => {
  it('exports, previews offline, records decisions and applies them back; imports into an empty library', async () => {
    const out = path.join(temp.dir, 'eclair.zip');
    const exported = runCli(dataDir, ['pack', 'export', '--client', seed.client.id, '--from', '2026-12-01', '--to', '2026-12-31', '--lang', 'fr', '--out', out]);
    expect(exported.stderr).toContain('rendering designs 2/2');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/wrote .*eclair\.zip: 3 post\(s\), 4 image\(s\)/);

    const folder = path.join(temp.dir, 'unzipped');
    await extract(out, folder);
    const context = await chromium.browser.newContext({ acceptDownloads: true, locale: 'fr-FR' });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${path.join(folder, 'index.html')}`);
    await expect.poll(() => page.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth === 1080))).toBe(true);
    // Cards in date order, local dates in French.
    const titles = await page.locator('article h2').allTextContents();
    expect(titles).toEqual(['Galette des rois', 'Bûche de Noël', 'Horaires des fêtes']);
    await expect.poll(() => page.locator('article').first().textContent()).toContain('3 décembre 2026');

    const galette = page.locator('article', { hasText: 'Galette des rois' });
    await galette.getByRole('radio', { name: /Valider/ }).check();
    const buche = page.locator('article', { hasText: 'Bûche de Noël' });
    await buche.getByRole('radio', { name: /Modifications/ }).check();
    await buche.getByRole('textbox').fill('Plus de chocolat');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Enregistrer/ }).click();
    const file = await (await download).path();
    const decisionsFile = path.join(temp.dir, 'decisions.json');
    writeFileSync(decisionsFile, readFileSync(file));
    const decisions = JSON.parse(readFileSync(decisionsFile, 'utf8'));
    expect(decisions.decisions.map((d: { decision: string; comment: string }) => [d.decision, d.comment])).toEqual([
      ['approve', ''],
      ['changes_requested', 'Plus de chocolat'],
    ]);
    // Choices survive a reload (kept in the page's local storage).
    await page.reload();
    await expect.poll(() => buche.getByRole('textbox').inputValue()).toBe('Plus de chocolat');
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();

    const applied = runCli(dataDir, ['pack', 'decisions', decisionsFile]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Galette des rois: in review → approved');
    expect(applied.stdout).toContain('Bûche de Noël: in review → changes requested (“Plus de chocolat”)');
    const shown = cliJson<{ id: string }[]>(dataDir, ['posts', 'list', '--client', seed.client.id, '--status', 'changes_requested']);
    expect(shown.map((p) => p.id)).toEqual([seed.posts.single.id]);

    const empty = path.join(temp.dir, 'empty');
    const imported = runCli(empty, ['pack', 'import', out]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('posts: 3 imported');
    const listed = cliJson<{ title: string }[]>(empty, ['posts', 'list', '--client', seed.client.id]);
    expect(listed.map((p) => p.title).sort()).toEqual(['Bûche de Noël', 'Galette des rois', 'Horaires des fêtes']);

    const hostile = path.join(temp.dir, 'not-a-pack.zip');
    writeFileSync(hostile, 'PK not really');
    const refused = runCli(empty, ['pack', 'import', hostile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not-a-pack\.zip was refused: it is not a readable zip file/);
  }, 120_000);
});

describe('Packs screen (browser mode)', () => {
  it('exports a filtered selection as a download, imports an uploaded pack as a new client, applies uploaded decisions', async () => {
    const studio = await startStudio({ dataDir });
    try {
      const { context, page, foreignRequests, pageErrors } = await openStudioPage(chromium.browser, studio);
      await page.getByRole('button', { name: 'Packs' }).click();
      await page.getByRole('heading', { name: 'Content packs', level: 1 }).waitFor();
      await page.getByLabel('Client', { exact: true }).first().selectOption({ label: seed.client.name });
      await page.getByLabel('From').fill('2026-12-01');
      await page.getByLabel('To (inclusive)').fill('2026-12-31');
      await page.getByRole('checkbox', { name: 'Changes requested', exact: true }).check();
      // Only the post the client sent back matches; untick nothing, export it.
      await expect.poll(() => page.getByText('Posts in the pack: 1 of 1').count()).toBe(1);
      await page.getByRole('button', { name: 'Export 1 post' }).click();
      const link = page.getByRole('link', { name: /Download boulangerie-eclair-2026-12-01_2026-12-31/ });
      await link.waitFor();
      const download = page.waitForEvent('download');
      await link.click();
      const zipPath = path.join(temp.dir, 'from-screen.zip');
      await (await download).saveAs(zipPath);
      const zip = await openSafeZip(zipPath);
      const manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8'));
      zip.close();
      expect(manifest.posts.map((p: { title: string }) => p.title)).toEqual(['Bûche de Noël']);

      // Import the full pack from the first test as a separate copy.
      await page.getByRole('radio', { name: /A new client/ }).check();
      await page.getByLabel('Choose a pack (.zip)…', { exact: true }).and(page.locator('input[type=file]')).setInputFiles(path.join(temp.dir, 'eclair.zip'));
      // The host imports the pack on that upload: its images are decoded and thumbnailed, the first image
      // work of this host process (sharp loads on first use). A ceiling, not a speed check.
      await expect.poll(() => page.locator('.packs-report').filter({ hasText: '3 posts into Boulangerie Éclair' }).count(), { timeout: 10_000 }).toBe(1);

      const decisions = {
        format: 'atelier-pack-decisions',
        version: 1,
        packCreatedAt: manifest.createdAt,
        client: { id: seed.client.id, name: seed.client.name },
        decisions: [{ postId: seed.posts.draft.id, decision: 'approve', comment: 'Parfait', decidedAt: '2026-12-02T10:00:00.000Z' }],
      };
      const decisionsFile = path.join(temp.dir, 'decisions-screen.json');
      writeFileSync(decisionsFile, JSON.stringify(decisions));
      await page.getByLabel('Choose decisions.json…', { exact: true }).and(page.locator('input[type=file]')).setInputFiles(decisionsFile);
      await expect.poll(() => page.locator('.packs-report').filter({ hasText: 'Horaires des fêtes: Draft → Approved' }).count()).toBe(1);
      expect(foreignRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    } finally {
      await studio.stop();
    }
  }, 120_000);
});
