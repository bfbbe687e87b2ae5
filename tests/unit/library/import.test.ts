import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assetRelativePath } from '../../../src-main/core/domain/assets';
import { exportableImage } from '../../../src-main/services/media/images';
import { testAtelier } from '../../helpers/app';
import { avif, cleanSvg, gif, interWoff, interWoff2, jpeg, png, webp, woffToSfnt } from './fixtures';

let t: ReturnType<typeof testAtelier>;
beforeEach(() => {
  t = testAtelier();
});
afterEach(() => t.cleanup());

const storedFiles = (dir: string, folder: string) => {
  try {
    return readdirSync(path.join(dir, 'assets', folder), { recursive: true }).map(String).filter((f) => f.includes('.'));
  } catch {
    return [];
  }
};

describe('asset import', () => {
  it('stores a PNG content-addressed, with its size, dimensions and a thumbnail', async () => {
    const bytes = await png(640, 480);
    const { asset, duplicate } = await t.atelier.call('assets.import', { name: 'hero.png', bytes: bytes });
    expect(duplicate).toBe(false);
    expect(asset).toMatchObject({ kind: 'image', mime: 'image/png', size: bytes.length, width: 640, height: 480, name: 'hero.png' });
    const file = path.join(t.dir, 'assets', ...assetRelativePath('sha256', asset.id, 'png').split('/'));
    expect(readFileSync(file).equals(bytes)).toBe(true);
    const media = await t.atelier.services.assets.mediaFile('thumbs', asset.id);
    const thumb = await sharp(media!.file).metadata();
    expect(thumb.format).toBe('webp');
    expect(Math.max(thumb.width!, thumb.height!)).toBe(320);
  });

  it('stores the same bytes once, however many times and names they come with', async () => {
    const bytes = await png();
    const first = await t.atelier.call('assets.import', { name: 'a.png', bytes: bytes, tags: ['Hero'] });
    const second = await t.atelier.call('assets.import', { name: 'copy of a.png', bytes: bytes, tags: ['summer'] });
    expect(second.duplicate).toBe(true);
    expect(second.asset.id).toBe(first.asset.id);
    expect(second.asset.name).toBe('a.png');
    expect(second.asset.tags).toEqual(['hero', 'summer']);
    expect(await t.atelier.call('assets.list', {})).toHaveLength(1);
    expect(storedFiles(t.dir, 'sha256')).toHaveLength(1);
  });

  it('accepts JPEG, WebP, GIF and AVIF, typed from their bytes', async () => {
    const cases: [string, Buffer, string][] = [
      ['p.jpg', await jpeg(), 'image/jpeg'],
      ['p.webp', await webp(), 'image/webp'],
      ['p.gif', await gif(), 'image/gif'],
      ['p.avif', await avif(), 'image/avif'],
    ];
    for (const [name, bytes, mime] of cases) {
      const { asset } = await t.atelier.call('assets.import', { name, bytes: bytes });
      expect(asset.mime, name).toBe(mime);
    }
  });

  it('trusts the bytes over the name: a PNG called .jpg is stored as the PNG it is', async () => {
    const { asset } = await t.atelier.call('assets.import', { name: 'actually-a-png.jpg', bytes: await png() });
    expect(asset.mime).toBe('image/png');
    expect(storedFiles(t.dir, 'sha256')[0]).toMatch(/\.png$/);
  });

  it('applies EXIF orientation and keeps GPS out of everything Atelier writes', async () => {
    const bytes = await jpeg(200, 100, { orientation: 6, gps: true });
    expect((await sharp(bytes).metadata()).exif).toBeDefined();
    const { asset } = await t.atelier.call('assets.import', { name: 'phone.jpg', bytes: bytes });
    // Orientation 6 is a 90° turn: the picture people see is portrait.
    expect([asset.width, asset.height]).toEqual([100, 200]);
    const thumb = await sharp((await t.atelier.services.assets.mediaFile('thumbs', asset.id))!.file).metadata();
    expect(thumb.height! > thumb.width!).toBe(true);
    expect(thumb.exif).toBeUndefined();
    const preview = await sharp((await t.atelier.services.assets.mediaFile('previews', asset.id))!.file).metadata();
    expect(preview.exif).toBeUndefined();
    const exported = await sharp(await exportableImage(bytes)).metadata();
    expect(exported.exif).toBeUndefined();
    expect([exported.width, exported.height]).toEqual([100, 200]);
  });

  it('rasterises a clean SVG to PNG', async () => {
    const { asset } = await t.atelier.call('assets.import', { name: 'logo.svg', bytes: cleanSvg });
    expect(asset.mime).toBe('image/png');
    // Drawn at a density that gives a 2048 px long side (±1 px of rounding), aspect kept.
    expect(Math.abs(asset.width! - 2048)).toBeLessThanOrEqual(1);
    expect(Math.abs(asset.height! - 1024)).toBeLessThanOrEqual(1);
  });

  it('imports fonts (WOFF2, WOFF, TTF) validated by parsing them, with their family name', async () => {
    const woff2 = await t.atelier.call('assets.import', { name: 'Inter.woff2', bytes: interWoff2() });
    const woff = await t.atelier.call('assets.import', { name: 'Inter.woff', bytes: interWoff() });
    const ttf = await t.atelier.call('assets.import', { name: 'Inter.ttf', bytes: woffToSfnt(interWoff()) });
    expect([woff2.asset.mime, woff.asset.mime, ttf.asset.mime]).toEqual(['font/woff2', 'font/woff', 'font/ttf']);
    for (const r of [woff2, woff, ttf]) expect(r.asset).toMatchObject({ kind: 'font', fontFamily: 'Inter', width: null });
    const fonts = await t.atelier.call('fonts.list', {});
    expect(fonts.filter((f) => f.source === 'imported').map((f) => f.assetId).sort()).toEqual([woff2.asset.id, woff.asset.id, ttf.asset.id].sort());
  });

  it('imports from a path (what the CLI does) and files it under a client with tags', async () => {
    const client = await t.atelier.call('clients.create', { name: 'Maison', timeZone: 'Europe/Paris' });
    const file = path.join(t.dir, 'photo.jpg');
    writeFileSync(file, await jpeg());
    const { asset } = await t.atelier.services.assets.importFile(file, { clientId: client.id, tags: [' Summer  Sale ', 'summer sale'] });
    expect(asset).toMatchObject({ clientId: client.id, tags: ['summer sale'], name: 'photo.jpg' });
    expect(await t.atelier.call('assets.list', { clientId: client.id })).toHaveLength(1);
    expect(await t.atelier.call('assets.list', { clientId: null })).toHaveLength(0);
  });

  it('refuses an unknown client before storing anything', async () => {
    await expect(t.atelier.call('assets.import', { name: 'a.png', bytes: await png(), clientId: 'nope' })).rejects.toThrow(/No client with id nope/);
    expect(storedFiles(t.dir, 'sha256')).toEqual([]);
  });
});
