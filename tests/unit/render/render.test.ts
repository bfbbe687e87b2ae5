import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderPool, renderAllPages, renderPage, renderPdf, RenderError, type RenderPool } from '../../../src-main/render';
import { tempDir } from '../../helpers/temp';

const tpl = (id: string) => JSON.parse(readFileSync(`assets/templates/${id}.json`, 'utf8'));
const pixel = (png: PNG, x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];

const sha = 'a'.repeat(64);
const withImage = (assetId = sha) => ({
  schemaVersion: 2, id: 'd', name: 'img', preset: 'custom', width: 200, height: 100,
  pages: [{ id: 'p', background: { type: 'color', color: '#00ff00' }, elements: [{ id: 'i', type: 'image', x: 0, y: 0, width: 100, height: 100, assetId }] }],
});

describe('headless render (Konva over @napi-rs/canvas)', () => {
  it('renders PNG at 1× and 2× with the page background', async () => {
    const doc = tpl('tpl-announce-square');
    const one = await renderPage(doc, { scale: 1 });
    const png = PNG.sync.read(one.buffer);
    expect([png.width, png.height]).toEqual([1080, 1080]);
    expect(pixel(png, 5, 5)).toEqual([0xf0, 0xfd, 0xfa, 255]);
    expect(pixel(png, 5, 1075)).toEqual([0x0f, 0x76, 0x6e, 255]);
    const two = PNG.sync.read((await renderPage(doc, { scale: 2 })).buffer);
    expect([two.width, two.height]).toEqual([2160, 2160]);
  });

  it('transparent PNG leaves the background out; JPEG is a JPEG', async () => {
    const t = PNG.sync.read((await renderPage(tpl('tpl-announce-square'), { transparent: true })).buffer);
    expect(pixel(t, 5, 5)[3]).toBe(0);
    const j = await renderPage(tpl('tpl-announce-square'), { format: 'jpeg', quality: 80 });
    expect([...j.buffer.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('draws a placeholder and warns when an asset is missing; draws the image when resolved', async () => {
    const missing = await renderPage(withImage(), { assetResolver: async () => null });
    expect(missing.warnings).toEqual([{ kind: 'missing_asset', elementId: 'i', detail: sha }]);
    expect(pixel(PNG.sync.read(missing.buffer), 50, 20)).not.toEqual([0, 255, 0, 255]);
    const red = new PNG({ width: 4, height: 4 });
    red.data.fill(0);
    for (let i = 0; i < 16; i++) red.data.set([255, 0, 0, 255], i * 4);
    const found = await renderPage(withImage(), { assetResolver: async () => PNG.sync.write(red) });
    expect(found.warnings).toEqual([]);
    expect(pixel(PNG.sync.read(found.buffer), 50, 50)).toEqual([255, 0, 0, 255]);
  });

  it('warns about an unknown font and falls back', async () => {
    const doc = tpl('tpl-quote-square');
    doc.pages[0].elements[2].fontFamily = 'Comic Nope';
    const r = await renderPage(doc);
    expect(r.warnings).toEqual([{ kind: 'unknown_font', elementId: doc.pages[0].elements[2].id, detail: 'Comic Nope' }]);
  });

  it('refuses a canvas too large for the scale, a missing page and a broken document, clearly', async () => {
    const big = { ...tpl('tpl-quote-square'), width: 9000, height: 9000 };
    await expect(renderPage(big, { scale: 2 })).rejects.toThrow(/larger than a canvas allows/);
    await expect(renderPage(tpl('tpl-quote-square'), { page: 3 })).rejects.toThrow(RenderError);
    await expect(renderPage({ schemaVersion: 2, id: 'x' })).rejects.toThrow(/invalid/);
  });

  it('renders all pages and a PDF with one page per design page', async () => {
    const doc = tpl('tpl-carousel-portrait');
    const progress: number[] = [];
    const pages = await renderAllPages(doc, { onPage: (d) => progress.push(d) });
    expect(pages.map((p) => p.page)).toEqual([0, 1, 2, 3, 4]);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    const pdf = await PDFDocument.load(await renderPdf(doc));
    expect(pdf.getPageCount()).toBe(5);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 810, height: 1012.5 });
  });
});

describe('render worker pool', () => {
  const temp = tempDir();
  let pool: RenderPool;
  beforeAll(async () => {
    const outfile = path.join(temp.dir, 'worker.mjs');
    await build({ entryPoints: ['src-main/render/worker.ts'], bundle: true, platform: 'node', format: 'esm', outfile, external: ['@napi-rs/canvas'], banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" }, logLevel: 'error' });
    // The worker resolves @napi-rs/canvas and the fonts from the project.
    mkdirSync(path.join(temp.dir, 'node_modules'), { recursive: true });
    writeFileSync(path.join(temp.dir, 'package.json'), '{"type":"module"}');
    const link = path.join(temp.dir, 'node_modules', '@napi-rs');
    (await import('node:fs')).symlinkSync(path.resolve('node_modules/@napi-rs'), link);
    pool = createRenderPool({ size: 2, workerFile: outfile });
  }, 60_000);
  afterAll(async () => {
    await pool?.close();
    temp.cleanup();
  });

  it('runs jobs in workers with progress and returns the files', async () => {
    const seen: string[] = [];
    const files = await pool.run({ doc: tpl('tpl-carousel-portrait'), all: true, fontsDir: path.resolve('assets/fonts') }, { onProgress: (d, t) => seen.push(`${d}/${t}`) });
    expect(files.map((f) => f.page)).toEqual([0, 1, 2, 3, 4]);
    expect(seen).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
    expect(PNG.sync.read(Buffer.from(files[0]!.bytes)).width).toBe(1080);
  }, 60_000);

  it('cancels a job and reports errors with their code', async () => {
    const controller = new AbortController();
    const running = pool.run({ doc: tpl('tpl-carousel-portrait'), all: true, scale: 2, fontsDir: path.resolve('assets/fonts') }, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    await expect(pool.run({ doc: { ...tpl('tpl-quote-square'), width: 9000, height: 9000 }, scale: 3, fontsDir: path.resolve('assets/fonts') })).rejects.toMatchObject({ code: 'too_large' });
  }, 60_000);
});
