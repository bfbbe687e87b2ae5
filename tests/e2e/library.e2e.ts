// The media library end to end: the built CLI and web host, real SQLite, real files, Chromium.
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { cliJson, openStudioPage, runCli, startStudio, setupChromium, type Studio } from './harness';

const temp = tempDir('atelier-e2e-library-');
const dataDir = path.join(temp.dir, 'library');
const files = path.join(temp.dir, 'files');
const chromium = setupChromium();
let studio: Studio;

const image = (color: string, width = 300, height = 200) => sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer();

beforeAll(async () => {
  mkdirSync(files, { recursive: true });
  writeFileSync(path.join(files, 'red.png'), await image('#dc2626'));
  writeFileSync(path.join(files, 'blue.png'), await image('#2563eb', 400, 100));
  writeFileSync(path.join(files, 'fake.jpg'), 'this is not a photo');
});

afterAll(async () => {
  await studio?.stop();
  temp.cleanup();
});

describe('library', () => {
  it('imports from the CLI, printing each id and size, once per content', () => {
    const first = runCli(dataDir, ['assets', 'import', path.join(files, 'red.png'), '--tag', 'Hero']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^[0-9a-f]{64}\s+\d+\s+.*red\.png\n$/);
    const again = runCli(dataDir, ['assets', 'import', path.join(files, 'red.png'), path.join(files, 'fake.jpg')]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('(already in the library)');
    expect(again.stderr).toContain(`Cannot import "${path.join(files, 'fake.jpg')}": its name says JPEG image, but its bytes are not one`);
    const list = runCli(dataDir, ['--json', 'assets', 'list']);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  });

  it('shows the library in the browser and imports by dialog, drop and paste', async () => {
    studio = await startStudio({ dataDir });
    const { page, foreignRequests, pageErrors } = await openStudioPage(chromium.browser, studio);
    await page.getByRole('button', { name: 'Library' }).click();
    const cells = page.locator('.asset-cell');
    await expect.poll(() => cells.count()).toBe(1);
    // The thumbnail comes from the authenticated media route and really decodes.
    await expect.poll(() => page.locator('.asset-cell img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);

    // File dialog (<input type=file> in browser mode): the bytes go up with the PUT route.
    await page.locator('input[type=file]').setInputFiles(path.join(files, 'blue.png'));
    await expect.poll(() => cells.count()).toBe(2);

    // Drop onto the window.
    const green = (await image('#16a34a', 120, 120)).toString('base64');
    await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'green.png', { type: 'image/png' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, green);
    await expect.poll(() => cells.count()).toBe(3);

    // Paste an image from the clipboard.
    const yellow = (await image('#ca8a04', 90, 60)).toString('base64');
    await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, yellow);
    await expect.poll(() => cells.count()).toBe(4);
    await expect.poll(() => page.locator('.asset-name', { hasText: /^image \d{4}-/ }).count()).toBe(1);

    // The same bytes again: nothing new in the grid.
    await page.locator('input[type=file]').setInputFiles(path.join(files, 'blue.png'));
    await expect.poll(() => page.locator('.toast', { hasText: 'already in the library' }).count()).toBeGreaterThan(0);
    expect(await cells.count()).toBe(4);

    // A lying file: a clear message naming it; nothing added.
    await page.locator('input[type=file]').setInputFiles(path.join(files, 'fake.jpg'));
    await expect.poll(() => page.locator('.toast', { hasText: /“fake\.jpg”.*Nothing was added/ }).count()).toBe(1);
    expect(await cells.count()).toBe(4);

    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('searches, shows details, renames, tags, deletes and undoes', async () => {
    const { page } = await openStudioPage(chromium.browser, studio);
    await page.getByRole('button', { name: 'Library' }).click();
    const cells = page.locator('.asset-cell');
    await expect.poll(() => cells.count()).toBe(4);
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('hero');
    await expect.poll(() => cells.count()).toBe(1);
    await cells.first().click();
    const details = page.locator('.asset-details');
    await expect.poll(() => details.textContent()).toContain('300 × 200 px');
    await details.getByLabel('Name').fill('Red hero');
    await details.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => page.locator('.asset-name').first().textContent()).toBe('Red hero');
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('');
    await expect.poll(() => cells.count()).toBe(4);

    await details.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => cells.count()).toBe(3);
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => cells.count()).toBe(4);
  });

  it("keeps a client's brand kit: palette and logos, and counts a logo as used", async () => {
    cliJson(dataDir, ['clients', 'add', '--name', 'Maison Lumière', '--timezone', 'Europe/Paris']);
    const { page } = await openStudioPage(chromium.browser, studio);
    await page.getByRole('button', { name: 'Library' }).click();
    await page.locator('.library-filters').getByLabel('Client').selectOption({ label: 'Maison Lumière' });
    const kit = page.locator('.brand-kit');
    await expect.poll(() => kit.locator('h2').textContent()).toBe('Brand kit: Maison Lumière');
    await kit.getByLabel('New palette colour').fill('#e11d48');
    await kit.getByRole('button', { name: 'Add colour' }).click();
    await expect.poll(() => kit.locator('.kit-swatches code').allTextContents()).toEqual(['#e11d48']);
    // Logos come from the library: show every client's assets, pick one, then add it to this client's kit.
    await page.locator('.library-filters').getByLabel('Client').selectOption({ label: 'All clients' });
    await expect.poll(() => page.locator('.asset-cell').count()).toBeGreaterThan(0);
    const first = page.locator('.asset-cell').first();
    const logoName = await first.locator('.asset-name').textContent();
    await first.click();
    await page.locator('.library-filters').getByLabel('Client').selectOption({ label: 'Maison Lumière' });
    await page.locator('.asset-details').getByRole('button', { name: "Add to Maison Lumière's logos" }).click();
    await expect.poll(() => kit.locator('.kit-logos img').count()).toBe(1);
    expect(await kit.locator('.kit-logos img').getAttribute('alt')).toBe(logoName);
    // The logo now counts as used, everywhere.
    const list = cliJson<{ name: string; usage: { brandKits: number } }[]>(dataDir, ['assets', 'list']);
    expect(list.find((a) => a.name === logoName)?.usage.brandKits).toBe(1);
  });

  it('serves media only with the token and never as an active page', async () => {
    const list = cliJson<{ id: string }[]>(dataDir, ['assets', 'list']);
    expect(list.length).toBeGreaterThan(0);
    const id = list[0]!.id;
    const anonymous = await fetch(`${studio.origin}/media/thumbs/${id}`);
    expect(anonymous.status).toBe(401);
    const upload = await fetch(`${studio.origin}/media/upload?name=x.png`, { method: 'PUT', body: 'x' });
    expect(upload.status).toBe(401);
    const token = new URL(studio.url).searchParams.get('token')!;
    const authed = await fetch(`${studio.origin}/media/files/${id}?token=${token}`);
    expect(authed.status).toBe(200);
    expect(authed.headers.get('content-security-policy')).toContain('sandbox');
    expect(authed.headers.get('x-content-type-options')).toBe('nosniff');
    // A cross-site page cannot upload even with the token.
    const forged = await fetch(`${studio.origin}/media/upload?name=x.png&token=${token}`, { method: 'PUT', body: 'x', headers: { Origin: 'http://evil.example' } });
    expect(forged.status).toBe(403);
    // An upload that announces more than 200 MB is refused before its body is read.
    const refused = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${studio.origin}/media/upload?name=huge.jpg&token=${token}`, {
        method: 'PUT',
        headers: { Origin: studio.origin, 'Content-Length': String(300 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c) => (body += String(c)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).error.message).toBe('Cannot import "huge.jpg": it is larger than 200 MB. Nothing was added.');
  });
});
