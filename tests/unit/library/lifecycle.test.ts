// Where-used, delete (blocked while used), undo, gc with its grace period, brand kits and fonts.
import { existsSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAtelier } from '../../../src-main/app';
import { assetRelativePath } from '../../../src-main/core/domain/assets';
import { testAtelier } from '../../helpers/app';
import { interWoff2, png } from './fixtures';

const DAY = 86_400_000;
let t: ReturnType<typeof testAtelier>;
beforeEach(() => {
  t = testAtelier();
});
afterEach(() => t.cleanup());

async function importPng(name: string, seed: number) {
  const bytes = await png(20 + seed, 20, { r: seed, g: 10, b: 10 });
  return (await t.atelier.call('assets.import', { name, bytes: bytes })).asset;
}

async function clientWithPost() {
  const client = await t.atelier.call('clients.create', { name: 'Maison', timeZone: 'Europe/Paris' });
  const post = await t.atelier.call('posts.create', { clientId: client.id, title: 'Launch day' });
  return { client, post };
}

describe('references and deletion', () => {
  it('counts and lists where an asset is used', async () => {
    const asset = await importPng('hero.png', 1);
    const { client, post } = await clientWithPost();
    await t.atelier.call('assets.setRefs', { ownerType: 'post', ownerId: post.id, assetIds: [asset.id] });
    const [listed] = await t.atelier.call('assets.list', {});
    expect(listed!.usage).toEqual({ posts: 1, designs: 0, brandKits: 0 });
    expect(await t.atelier.call('assets.usage', { id: asset.id })).toEqual([{ ownerType: 'post', ownerId: post.id, title: 'Launch day', clientId: client.id }]);
    expect(await t.atelier.call('assets.list', { unused: true })).toHaveLength(0);
  });

  it('blocks deleting a used asset unless confirmed, and undo brings it back', async () => {
    const asset = await importPng('hero.png', 2);
    const { post } = await clientWithPost();
    await t.atelier.call('assets.setRefs', { ownerType: 'post', ownerId: post.id, assetIds: [asset.id] });
    await expect(t.atelier.call('assets.delete', { id: asset.id })).rejects.toThrow('"hero.png" is used in 1 post; confirm to delete it anyway. Nothing was deleted.');
    expect(await t.atelier.call('assets.list', {})).toHaveLength(1);
    const deleted = await t.atelier.call('assets.delete', { id: asset.id, force: true });
    expect(deleted.deletedAt).not.toBeNull();
    expect(await t.atelier.call('assets.list', {})).toHaveLength(0);
    await t.atelier.call('assets.restore', { id: asset.id });
    expect(await t.atelier.call('assets.list', {})).toHaveLength(1);
  });

  it('renames, retags and searches by name and tag', async () => {
    const a = await importPng('IMG_0001.png', 3);
    await importPng('other.png', 4);
    await t.atelier.call('assets.rename', { id: a.id, name: 'Summer hero' });
    await t.atelier.call('assets.setTags', { id: a.id, tags: ['Beach', 'hero'] });
    expect((await t.atelier.call('assets.list', { search: 'summer' })).map((x) => x.id)).toEqual([a.id]);
    expect((await t.atelier.call('assets.list', { search: 'beach' })).map((x) => x.id)).toEqual([a.id]);
    expect((await t.atelier.call('assets.list', { tag: 'hero' })).map((x) => x.id)).toEqual([a.id]);
    expect(await t.atelier.call('assets.tags', {})).toEqual([
      { tag: 'beach', count: 1 },
      { tag: 'hero', count: 1 },
    ]);
  });

  it('refuses references to assets that do not exist, recording nothing', async () => {
    const asset = await importPng('a.png', 5);
    const { post } = await clientWithPost();
    await expect(t.atelier.call('assets.setRefs', { ownerType: 'post', ownerId: post.id, assetIds: [asset.id, 'f'.repeat(64)] })).rejects.toThrow(/No asset with id f{64}/);
    expect((await t.atelier.call('assets.get', { id: asset.id })).usage.posts).toBe(0);
  });
});

describe('garbage collection', () => {
  it('removes deleted, unreferenced assets only after the grace period', async () => {
    const asset = await importPng('old.png', 6);
    const file = path.join(t.dir, 'assets', ...assetRelativePath('sha256', asset.id, 'png').split('/'));
    await t.atelier.call('assets.delete', { id: asset.id });
    t.clock.advance(6 * DAY);
    expect((await t.atelier.call('assets.gc', {})).removedAssets).toBe(0);
    expect(existsSync(file)).toBe(true);
    t.clock.advance(2 * DAY);
    const report = await t.atelier.call('assets.gc', {});
    expect(report.removedAssets).toBe(1);
    expect(report.freedBytes).toBeGreaterThan(0);
    expect(existsSync(file)).toBe(false);
    await expect(t.atelier.call('assets.get', { id: asset.id })).rejects.toThrow(/No asset/);
  });

  it('keeps a deleted asset that something still references', async () => {
    const asset = await importPng('used.png', 7);
    const { post } = await clientWithPost();
    await t.atelier.call('assets.setRefs', { ownerType: 'post', ownerId: post.id, assetIds: [asset.id] });
    await t.atelier.call('assets.delete', { id: asset.id, force: true });
    t.clock.advance(30 * DAY);
    expect((await t.atelier.call('assets.gc', {})).removedAssets).toBe(0);
    expect((await t.atelier.call('assets.list', { includeDeleted: true })).map((a) => a.id)).toEqual([asset.id]);
  });

  it('removes stray files no row names (an import cut short), once they are an hour old', async () => {
    const keep = await importPng('keep.png', 8);
    const strayDir = path.join(t.dir, 'assets', 'sha256', 'ee');
    mkdirSync(strayDir, { recursive: true });
    const stray = path.join(strayDir, `${'e'.repeat(64)}.png`);
    writeFileSync(stray, 'orphan');
    const now = t.clock.now() / 1000;
    utimesSync(stray, now - 10, now - 10);
    expect((await t.atelier.call('assets.gc', {})).removedFiles).toBe(0);
    utimesSync(stray, now - 7200, now - 7200);
    expect((await t.atelier.call('assets.gc', {})).removedFiles).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(stray)).toBe(false);
    expect(existsSync(path.join(t.dir, 'assets', ...assetRelativePath('sha256', keep.id, 'png').split('/')))).toBe(true);
  });
});

describe('automatic collection at start', () => {
  it('collects expired trash shortly after the desktop or web host opens the library', async () => {
    const asset = await importPng('old.png', 11);
    await t.atelier.call('assets.delete', { id: asset.id });
    t.atelier.close();
    t.clock.advance(8 * DAY);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const reopened = createAtelier({ dataDir: t.dir, host: 'web', clock: t.clock });
      try {
        expect(reopened.services.assets.list({ includeDeleted: true })).toHaveLength(1);
        vi.advanceTimersByTime(10_000);
        expect(reopened.services.assets.list({ includeDeleted: true })).toHaveLength(0);
      } finally {
        reopened.close();
      }
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('brand kits', () => {
  it('keeps a palette, fonts and logos per client, and offers the kit fonts first', async () => {
    const { client } = await clientWithPost();
    const logo = await importPng('logo.png', 9);
    const font = (await t.atelier.call('assets.import', { name: 'Inter.woff2', bytes: interWoff2() })).asset;
    const empty = await t.atelier.call('brandKits.get', { clientId: client.id });
    expect(empty).toEqual({ clientId: client.id, palette: [], headingFont: null, bodyFont: null, logos: [], updatedAt: null });

    const kit = await t.atelier.call('brandKits.update', {
      clientId: client.id,
      palette: ['#E11D48', '#111827', '#e11d48'],
      headingFont: { family: 'Inter', assetId: font.id },
      bodyFont: { family: 'Georgia', assetId: null },
      logoIds: [logo.id],
    });
    expect(kit.palette).toEqual(['#e11d48', '#111827']);
    expect(kit.logos.map((l) => l.id)).toEqual([logo.id]);
    expect((await t.atelier.call('assets.get', { id: logo.id })).usage.brandKits).toBe(1);
    expect((await t.atelier.call('assets.usage', { id: font.id }))[0]).toMatchObject({ ownerType: 'brand_kit', title: 'Maison' });

    // Kit fonts come first (bundled fonts, when a fonts folder is found, follow them).
    const fonts = await t.atelier.call('fonts.list', { clientId: client.id });
    const imported = fonts.findIndex((f) => f.assetId === font.id);
    expect(fonts[imported]).toMatchObject({ family: 'Inter', inBrandKit: true });
    expect(fonts.slice(0, imported + 1).every((f) => f.inBrandKit)).toBe(true);
    const plain = await t.atelier.call('fonts.list', {});
    expect(plain.every((f) => !f.inBrandKit)).toBe(true);

    // Logos can change without touching the rest; a logo left out is no longer referenced.
    const later = await t.atelier.call('brandKits.update', { clientId: client.id, logoIds: [] });
    expect(later.palette).toEqual(['#e11d48', '#111827']);
    expect((await t.atelier.call('assets.get', { id: logo.id })).usage.brandKits).toBe(0);
  });

  it('refuses a font asset as a logo and an image as a font, changing nothing', async () => {
    const { client } = await clientWithPost();
    const logo = await importPng('logo.png', 10);
    const font = (await t.atelier.call('assets.import', { name: 'Inter.woff2', bytes: interWoff2() })).asset;
    await expect(t.atelier.call('brandKits.update', { clientId: client.id, logoIds: [font.id] })).rejects.toThrow('"Inter.woff2" is not an image, so it cannot be the logo; nothing was changed.');
    await expect(t.atelier.call('brandKits.update', { clientId: client.id, headingFont: { family: 'X', assetId: logo.id } })).rejects.toThrow(/is not a font/);
    expect((await t.atelier.call('brandKits.get', { clientId: client.id })).updatedAt).toBeNull();
  });

  it('lists bundled fonts from the fonts folder manifest', async () => {
    const dir = path.join(t.dir, 'fonts');
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ version: 1, families: [{ family: 'Inter', faces: [{ file: 'inter-400.woff2', weight: 400, style: 'normal' }] }, { family: 'Lato', faces: [{ file: 'lato.woff2', weight: 700, style: 'normal' }] }] }),
    );
    const { listBundledFonts } = await import('../../../src-main/services/media/fonts');
    expect((await listBundledFonts(dir)).map((f) => `${f.family} ${f.style} ${f.file}`)).toEqual(['Inter 400 normal inter-400.woff2', 'Lato 700 normal lato.woff2']);
    writeFileSync(path.join(dir, 'manifest.json'), 'not json');
    writeFileSync(path.join(dir, 'inter.woff2'), interWoff2());
    expect(await listBundledFonts(dir)).toMatchObject([{ family: 'Inter', file: 'inter.woff2' }]);
  });
});
