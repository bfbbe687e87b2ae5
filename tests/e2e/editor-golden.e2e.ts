// Golden images: the same documents drawn by the editor's Konva in Chromium and by the headless
// render module (Konva over @napi-rs/canvas) differ in at most 1 % of pixels.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPage } from '../../src-main/render';
import { launchChromium, openStudioPage, ROOT, startStudio, type Studio } from './harness';

let studio: Studio;
let browser: Browser;
let page: Page;

function photo(): Buffer {
  const png = new PNG({ width: 120, height: 80 });
  for (let y = 0; y < 80; y++) for (let x = 0; x < 120; x++) png.data.set([x * 2, y * 3, (x * y) % 255, 255], (y * 120 + x) * 4);
  return PNG.sync.write(png);
}

/** A document exercising what templates do not: images (crop, radius, flip, filters), gradients, groups, rotation. */
function featureDoc(assetId: string) {
  const g = { type: 'linear', from: { x: 0, y: 0 }, to: { x: 1, y: 1 }, stops: [{ offset: 0, color: '#f43f5e' }, { offset: 0.5, color: '#facc15' }, { offset: 1, color: '#22c55e' }] };
  return {
    schemaVersion: 2, id: 'golden-features', name: 'Features', preset: 'instagram-square', width: 1080, height: 1080,
    pages: [{ id: 'p', background: { type: 'gradient', gradient: { type: 'radial', center: { x: 0.3, y: 0.3 }, radius: 1, stops: [{ offset: 0, color: '#e0f2fe' }, { offset: 1, color: '#1e3a8a' }] } }, elements: [
      { id: 'i1', type: 'image', x: 60, y: 60, width: 420, height: 280, assetId, cornerRadius: 40 },
      { id: 'i2', type: 'image', x: 560, y: 60, width: 420, height: 280, assetId, crop: { x: 0.25, y: 0.25, width: 0.5, height: 0.5 }, flipX: true },
      { id: 'i3', type: 'image', x: 60, y: 400, width: 300, height: 200, assetId, filters: { grayscale: true } },
      { id: 'i4', type: 'image', x: 400, y: 400, width: 300, height: 200, assetId, filters: { brightness: 0.2, contrast: 30 } },
      { id: 'r', type: 'rect', x: 760, y: 420, width: 240, height: 160, fill: g, cornerRadius: 24, rotation: 12, stroke: '#111827', strokeWidth: 6 },
      { id: 'grp', type: 'group', x: 80, y: 680, width: 500, height: 300, rotation: -5, elements: [
        { id: 'e', type: 'ellipse', x: 0, y: 0, width: 300, height: 200, fill: '#a855f7', opacity: 0.8 },
        { id: 's', type: 'star', x: 200, y: 60, width: 240, height: 240, fill: '#f97316', numPoints: 7 },
      ] },
      { id: 'a', type: 'arrow', x: 640, y: 700, width: 360, height: 200, points: [0, 200, 360, 0], stroke: '#0f172a', strokeWidth: 12 },
      { id: 't', type: 'text', x: 600, y: 900, width: 440, height: 140, text: 'Golden ✨ été', fontFamily: 'Lato', fontSize: 60, fontWeight: 700, fill: '#ffffff', align: 'center', stroke: '#000000', strokeWidth: 3, shadow: { color: '#000000', blur: 8, offsetX: 2, offsetY: 4, opacity: 0.6 } },
      { id: 'missing', type: 'image', x: 900, y: 20, width: 120, height: 80, assetId: 'f'.repeat(64) },
    ] }],
  };
}

beforeAll(async () => {
  studio = await startStudio();
  browser = await launchChromium();
  page = (await openStudioPage(browser, studio, { viewport: { width: 1280, height: 800 } })).page;
  await page.getByRole('button', { name: 'Editor' }).click();
  await page.waitForFunction(() => Boolean(window.atelierEditor));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

async function browserRender(doc: unknown, pageIndex: number, bytes?: Buffer): Promise<PNG> {
  const b64 = await page.evaluate(
    async ({ doc, pageIndex, img }) => {
      if (img) {
        const raw = Uint8Array.from(atob(img), (c) => c.charCodeAt(0));
        await window.atelierEditor!.registerImage(new Blob([raw], { type: 'image/png' }));
      }
      const { blob } = await window.atelierEditor!.renderPage(doc as never, pageIndex, { scale: 1 });
      const buf = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (const x of buf) s += String.fromCharCode(x);
      return btoa(s);
    },
    { doc, pageIndex, img: bytes?.toString('base64') },
  );
  return PNG.sync.read(Buffer.from(b64, 'base64'));
}

describe('golden images: editor (Chromium) vs headless', () => {
  it('every template page and a feature document differ in at most 1 % of pixels', async () => {
    const { parseDesign } = await import('../../src-main/core/design');
    const { createHash } = await import('node:crypto');
    const img = photo();
    const assetId = createHash('sha256').update(img).digest('hex');
    const docs: { name: string; doc: ReturnType<typeof parseDesign> }[] = [];
    const dir = path.join(ROOT, 'assets', 'templates');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) docs.push({ name: f, doc: parseDesign(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))) });
    docs.push({ name: 'features', doc: parseDesign(featureDoc(assetId)) });
    const results: { name: string; page: number; diffPercent: number }[] = [];
    for (const { name, doc } of docs) {
      for (let i = 0; i < doc.pages.length; i++) {
        const headless = PNG.sync.read((await renderPage(doc, { page: i, assetResolver: async (id) => (id === assetId ? img : null) })).buffer);
        const chromium = await browserRender(doc, i, name === 'features' ? img : undefined);
        expect([chromium.width, chromium.height]).toEqual([headless.width, headless.height]);
        const diff = new PNG({ width: headless.width, height: headless.height });
        const differing = pixelmatch(headless.data, chromium.data, diff.data, headless.width, headless.height, { threshold: 0.1 });
        const diffPercent = (100 * differing) / (headless.width * headless.height);
        results.push({ name, page: i + 1, diffPercent: Math.round(diffPercent * 1000) / 1000 });
        if (diffPercent > 1) {
          writeFileSync(path.join(os.tmpdir(), `golden-${name}-${i + 1}-diff.png`), PNG.sync.write(diff));
          writeFileSync(path.join(os.tmpdir(), `golden-${name}-${i + 1}-chromium.png`), PNG.sync.write(chromium));
          writeFileSync(path.join(os.tmpdir(), `golden-${name}-${i + 1}-headless.png`), PNG.sync.write(headless));
        }
      }
    }
    writeFileSync(path.join(os.tmpdir(), 'atelier-golden-results.json'), JSON.stringify(results, null, 1));
    console.log(results.map((r) => `${r.name} p${r.page}: ${r.diffPercent}%`).join('\n'));
    expect(results.filter((r) => r.diffPercent > 1)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(18);
  }, 180_000);
});
