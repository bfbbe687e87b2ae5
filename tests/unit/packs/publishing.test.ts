// "Due now" → reveal the image: a post's designs rendered to PNG files named like a pack's images,
// shown in the file manager on the desktop.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createAtelier, type Atelier } from '../../../src-main/app';
import { noNativeShell, type NativeShell } from '../../../src-main/services/native';
import { linkVariant, seedPackLibrary } from '../../helpers/packs';
import { tempDir } from '../../helpers/temp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function desktopLibrary() {
  const temp = tempDir();
  const revealed: string[] = [];
  const native: NativeShell = { ...noNativeShell('test'), kind: 'desktop', reveal: (file) => (revealed.push(file), true) };
  const atelier: Atelier = createAtelier({ dataDir: temp.dir, host: 'test', native });
  cleanups.push(() => (atelier.close(), temp.cleanup()));
  return { atelier, revealed, dir: temp.dir };
}

describe('publishing.renderImages', () => {
  it("renders every page of a post's variants to real PNGs at the preset size, then reveals one", async () => {
    const { atelier, revealed, dir } = desktopLibrary();
    const seed = await seedPackLibrary(atelier);
    const { images, warnings } = await atelier.call('publishing.renderImages', { id: seed.posts.carousel.id });
    expect(warnings).toEqual([]);
    expect(images.map((i) => [i.network, i.page, i.name])).toEqual([
      ['instagram', 1, '2026-12-03_galette-des-rois_instagram_1.png'],
      ['instagram', 2, '2026-12-03_galette-des-rois_instagram_2.png'],
      ['linkedin', null, '2026-12-03_galette-des-rois_linkedin.png'],
    ]);
    const folder = path.join(dir, 'exports', 'posts', seed.posts.carousel.id);
    expect(readdirSync(folder).sort()).toEqual(images.map((i) => i.name).sort());
    for (const image of images) {
      expect(image.path).toBe(path.join(folder, image.name));
      const meta = await sharp(image.path).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1080, 1080]);
    }
    // The two carousel pages differ (each has its own text).
    const [a, b] = await Promise.all(images.slice(0, 2).map((i) => sharp(i.path).raw().toBuffer()));
    expect(a!.equals(b!)).toBe(false);

    expect(await atelier.call('publishing.reveal', { postId: seed.posts.carousel.id, name: images[2]!.name })).toEqual({ shown: true });
    expect(revealed).toEqual([images[2]!.path]);
  });

  it("replaces the post's earlier images when rendered again", async () => {
    const { atelier, dir } = desktopLibrary();
    const seed = await seedPackLibrary(atelier);
    await atelier.call('publishing.renderImages', { id: seed.posts.carousel.id });
    linkVariant(atelier, seed.posts.carousel.id, 'instagram', seed.designs.single.id);
    const again = await atelier.call('publishing.renderImages', { id: seed.posts.carousel.id });
    expect(again.images.map((i) => i.name)).toEqual(['2026-12-03_galette-des-rois_instagram.png', '2026-12-03_galette-des-rois_linkedin.png']);
    expect(readdirSync(path.join(dir, 'exports', 'posts', seed.posts.carousel.id)).sort()).toEqual(again.images.map((i) => i.name).sort());
  });

  it('says what is wrong: a post without a design, an unknown post, a name that is not one of its images', async () => {
    const { atelier, revealed, dir } = desktopLibrary();
    const seed = await seedPackLibrary(atelier);
    await expect(atelier.call('publishing.renderImages', { id: seed.posts.draft.id })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/Horaires des fêtes" has no design/) });
    await expect(atelier.call('publishing.renderImages', { id: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await atelier.call('publishing.renderImages', { id: seed.posts.single.id });
    await expect(atelier.call('publishing.reveal', { postId: seed.posts.single.id, name: 'other.png' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(atelier.call('publishing.reveal', { postId: seed.posts.single.id, name: '../../atelier.db' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(revealed).toEqual([]);
    expect(existsSync(path.join(dir, 'exports', 'posts', seed.posts.draft.id))).toBe(false);
  });

  it('answers shown: false where there is no file manager (browser mode downloads instead)', async () => {
    const temp = tempDir();
    const atelier = createAtelier({ dataDir: temp.dir, host: 'test' });
    cleanups.push(() => (atelier.close(), temp.cleanup()));
    const seed = await seedPackLibrary(atelier);
    const { images } = await atelier.call('publishing.renderImages', { id: seed.posts.single.id });
    expect(await atelier.call('publishing.reveal', { postId: seed.posts.single.id, name: images[0]!.name })).toEqual({ shown: false });
  });
});
