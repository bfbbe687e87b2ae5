// Design thumbnails for calendar cards on a real SQLite library: rendered once per design revision,
// served from the cache after that, a new URL (and file) after the design is saved, nothing for a
// deleted design, and the URLs reach the renderer through calendar.range.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../../src-main/core/design';
import { parseDesignThumbPath } from '../../../src-main/core/domain/design-thumbs';
import { resolveMedia } from '../../../src-main/host/shared/media';
import { testAtelier } from '../../helpers/app';

const pixel = (png: PNG, x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)];

let env: ReturnType<typeof testAtelier>;
afterEach(() => env?.cleanup());

function setup() {
  env = testAtelier();
  const { atelier, clock } = env;
  const call = atelier.call;
  return { atelier, clock, call };
}

async function designedPost() {
  const { atelier, clock, call } = setup();
  const client = await call('clients.create', { name: 'Fromagerie', timeZone: 'Europe/Paris' });
  const design = await call('designs.create', { name: 'Comté', preset: 'instagram-portrait', clientId: client.id });
  const doc = design.document as DesignDocument;
  const red: DesignDocument = { ...doc, pages: doc.pages.map((p) => ({ ...p, background: { type: 'color' as const, color: '#ff0000' } })) };
  clock.advance(1000);
  await call('designs.save', { id: design.id, document: red });
  const csv = `date,time,timezone,client,network,status,title,caption,link,labels,design\n2026-12-10,08:15,Europe/Paris,,instagram,draft,Comté,Caption,,,${design.id}\n2026-12-11,09:00,Europe/Paris,,instagram,draft,No design,Caption,,,\n`;
  const report = await call('calendar.importCsv', { clientId: client.id, format: 'atelier', text: csv });
  expect(report.imported).toBe(2);
  return { atelier, clock, call, client, design: { id: design.id, document: red }, postId: report.postIds[0]!, plainId: report.postIds[1]! };
}

describe('design thumbnails', () => {
  it('gives posts with a design a thumbnail URL in calendar.range, and renders a small PNG of it once', async () => {
    const { atelier, call, design, postId, plainId } = await designedPost();
    const range = await call('calendar.range', { from: '2026-12-01', to: '2026-12-31' });
    const url = range.thumbnails[postId]!;
    expect(parseDesignThumbPath(url)).toMatchObject({ designId: design.id, page: 0 });
    expect(range.thumbnails[plainId]).toBeUndefined();

    // Served the way both hosts serve /media/…: a PNG, at most 96 px, of the design's red page.
    const served = await resolveMedia(atelier.services.media, url);
    expect(served?.mime).toBe('image/png');
    const png = PNG.sync.read((await atelier.services.thumbnails.bytes(design.id, 0, parseDesignThumbPath(url)!.revision))!);
    expect(Math.max(png.width, png.height)).toBe(96);
    expect(png.width / png.height).toBeCloseTo(1080 / 1350, 1);
    expect(pixel(png, png.width >> 1, png.height >> 1)).toEqual([255, 0, 0]);

    // The second request is the cached file, not a new rendering.
    const again = await resolveMedia(atelier.services.media, url);
    expect(again?.file).toBe(served!.file);
    expect(readdirSync(path.dirname(served!.file))).toEqual([path.basename(served!.file)]);
  });

  it('gives a saved design a new URL and file and drops the old one; a deleted design has none', async () => {
    const { atelier, clock, call, design, postId } = await designedPost();
    const before = (await call('calendar.range', { from: '2026-12-01', to: '2026-12-31' })).thumbnails[postId]!;
    const old = (await resolveMedia(atelier.services.media, before))!.file;

    clock.advance(1000);
    const blue = { ...design.document, pages: design.document.pages.map((p) => ({ ...p, background: { type: 'color' as const, color: '#0000ff' } })) };
    await call('designs.save', { id: design.id, document: blue });
    const after = (await call('calendar.range', { from: '2026-12-01', to: '2026-12-31' })).thumbnails[postId]!;
    expect(after).not.toBe(before);
    const fresh = (await resolveMedia(atelier.services.media, after))!.file;
    const png = PNG.sync.read((await atelier.services.thumbnails.bytes(design.id, 0, parseDesignThumbPath(after)!.revision))!);
    expect(pixel(png, png.width >> 1, png.height >> 1)).toEqual([0, 0, 255]);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    // A stale URL (a page opened before the save) gets the current picture rather than an error.
    expect((await resolveMedia(atelier.services.media, before))!.file).toBe(fresh);

    await call('designs.delete', { id: design.id });
    expect((await call('calendar.range', { from: '2026-12-01', to: '2026-12-31' })).thumbnails[postId]).toBeUndefined();
    expect(await resolveMedia(atelier.services.media, after)).toBeNull();
  });

  it('refuses odd thumbnail paths', async () => {
    const { atelier } = setup();
    for (const bad of ['/media/designs/../../etc/0/1-2-3', '/media/designs/abc/0/..', '/media/designs/abc/9999/1-2-3', '/media/designs/a%2Fb/0/1-2-3']) {
      expect(parseDesignThumbPath(bad)).toBeNull();
      expect(await resolveMedia(atelier.services.media, bad)).toBeNull();
    }
  });
});
