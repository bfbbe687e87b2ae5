// Issue 3 × issue 7: a content pack carries the designs' asset files, and photos must leave without
// their location. Real files: a JPEG with EXIF GPS (and XMP GPS, orientation, ICC profile) written by
// sharp, a real zip, a re-import into an empty library that renders the design with its images.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { remapAssetIds, type DesignDocument } from '../../../src-main/core/design';
import { locationFreeImage } from '../../../src-main/services/media/images';
import { stripJpegMetadata } from '../../../src-main/services/media/jpeg-strip';
import { PackManifest } from '../../../src-main/core/packs/manifest';
import { libraryAssetResolver, renderPage } from '../../../src-main/render';
import { openSafeZip } from '../../../src-main/services/packs/zip-reader';
import { testAtelier } from '../../helpers/app';
import { linkVariant, makeDesign, pngBytes } from '../../helpers/packs';

const open: ReturnType<typeof testAtelier>[] = [];
function library() {
  const t = testAtelier();
  open.push(t);
  return t;
}
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="48,51.494N" exif:GPSLongitude="2,17.67E"/></rdf:RDF></x:xmpmeta>';

/** A 600×400 photo, stored rotated (EXIF orientation 6, so it shows 400×600), geotagged in Paris. */
function geotaggedJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 600, height: 400, channels: 3, background: '#3366cc' } })
    .jpeg({ quality: 95 })
    .withIccProfile('p3')
    .withExif({ IFD0: { Make: 'TestCam', Model: 'GPS 1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2964/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 17/1 4020/100' } })
    .withMetadata({ orientation: 6 })
    .withXmp(XMP)
    .toBuffer();
}

/** Whether an EXIF block (as sharp's metadata gives it) points at a GPS IFD (tag 0x8825 in IFD0). */
function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const ifd0 = le ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  for (let i = 0; i < u16(ifd0); i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

async function packWithPhoto() {
  const source = library();
  const { atelier } = source;
  const client = await atelier.call('clients.create', { name: 'Studio Géo', timeZone: 'Europe/Paris', color: '#0f766e' });
  const photo = (await atelier.services.assets.importBytes(await geotaggedJpeg(), 'terrasse.jpg', { clientId: client.id })).asset;
  const logo = (await atelier.services.assets.importBytes(pngBytes(64, 64, '#b45309'), 'logo.png', { clientId: client.id })).asset;
  const design = await makeDesign(atelier, { clientId: client.id, name: 'Terrasse', assetId: photo.id });
  design.pages[0]!.background = { type: 'image', assetId: logo.id, color: '#ffffff' } as DesignDocument['pages'][number]['background'];
  await atelier.call('designs.save', { id: design.id, document: design });
  const post = await atelier.call('posts.create', { clientId: client.id, title: 'En terrasse', at: '2026-12-05T12:00', status: 'in_review', caption: 'Au soleil.', networks: ['instagram'] });
  linkVariant(atelier, post.id, 'instagram', design.id);
  const file = path.join(source.dir, 'pack.zip');
  const report = await atelier.call('packs.export', { clientId: client.id, out: file });
  return { source, client, photo, logo, design, file, report };
}

describe('content packs carry no location', () => {
  it('the zipped photo has no GPS (EXIF or XMP), keeps its pixels, orientation and colour profile; designs point at it', async () => {
    const { source, photo, logo, design, file, report } = await packWithPhoto();
    const original = await readFile(source.atelier.services.assets.originalFile(photo.id)!);
    const before = await sharp(original).metadata();
    expect(hasGpsIfd(before.exif)).toBe(true); // the library keeps the original as it came
    expect(before.xmp?.toString()).toContain('GPSLatitude');
    // Nothing about the photo; only that hootsuite.csv holds no post still in review.
    expect(report.warnings.map((w) => w.key)).toEqual(['packs.hootsuiteNotReady']);

    const zip = await openSafeZip(file);
    try {
      const manifest = PackManifest.parse(JSON.parse((await zip.read('manifest.json')).toString('utf8')));
      const jpeg = manifest.assets.find((a) => a.mime === 'image/jpeg')!;
      expect(jpeg.sha256).not.toBe(photo.id);
      const bytes = await zip.read(jpeg.file);
      expect(jpeg.file).toBe(`assets/${jpeg.sha256}.jpg`);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(jpeg.sha256);
      expect(jpeg.size).toBe(bytes.length);
      const after = await sharp(bytes).metadata();
      expect(hasGpsIfd(after.exif)).toBe(false);
      expect([after.xmp, after.iptc]).toEqual([undefined, undefined]);
      expect(bytes.includes('GPS')).toBe(false);
      expect(bytes.includes('TestCam')).toBe(false); // no other EXIF tag either
      expect(after.exif!.length).toBeLessThanOrEqual(32); // the orientation alone
      expect(after.orientation).toBe(6);
      expect(after.icc).toBeDefined();
      // Lossless: the very same pixels as the library's original.
      const pixels = (b: Buffer) => sharp(b).autoOrient().raw().toBuffer();
      expect((await pixels(bytes)).equals(await pixels(original))).toBe(true);
      // The metadata-free PNG logo travels as it is, under its own id.
      expect(manifest.assets.find((a) => a.mime === 'image/png')).toMatchObject({ sha256: logo.id, file: `assets/${logo.id}.png` });
      expect(manifest.assets).toHaveLength(2);

      const packed = JSON.parse((await zip.read(`designs/${design.id}.json`)).toString('utf8')) as DesignDocument;
      const image = packed.pages[0]!.elements.find((e) => e.type === 'image') as { assetId: string };
      expect(image.assetId).toBe(jpeg.sha256);
      expect(packed.pages[0]!.background).toMatchObject({ type: 'image', assetId: logo.id });
      for (const name of zip.names()) {
        if (/\.(json|html|csv|ics|txt)$/.test(name)) expect((await zip.read(name)).toString('utf8')).not.toContain(photo.id);
      }
    } finally {
      zip.close();
    }
  });

  it('re-imports into an empty library, deduped by hash, with designs that render their images', async () => {
    const { design, file } = await packWithPhoto();
    const target = library();
    const report = await target.atelier.call('packs.import', { file });
    expect(report).toMatchObject({ designs: 1, posts: 1, assetsAdded: 2, assetsAlreadyPresent: 0, warnings: [] });
    const doc = (await target.atelier.call('designs.get', { id: design.id })).document as DesignDocument;
    const image = doc.pages[0]!.elements.find((e) => e.type === 'image') as { assetId: string };
    const stored = target.atelier.services.assets.get(image.assetId);
    expect(stored).toMatchObject({ mime: 'image/jpeg', width: 400, height: 600 });
    expect(stored.usage.designs).toBe(1);

    const page = await renderPage(doc, { assetResolver: libraryAssetResolver(target.atelier.library.paths.assets) });
    expect(page.warnings).toEqual([]);
    const { data, info } = await sharp(page.buffer).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    for (const [c, expected] of at(650, 650).map((v, i) => [v, [0x33, 0x66, 0xcc][i]!])) expect(Math.abs(c! - expected!)).toBeLessThan(12);

    // The same pack again: every file is already there (the hash is the same every export).
    const again = await target.atelier.call('packs.import', { file });
    expect(again.assetsAlreadyPresent).toBe(2);
  });
});

describe('remapAssetIds', () => {
  it('renames image elements at any depth and image backgrounds, and leaves the rest', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((x) => x.repeat(64)) as [string, string, string];
    const img = (id: string, assetId: string) => ({ id, type: 'image', assetId });
    const doc = {
      pages: [
        { id: 'p1', background: { type: 'image', assetId: a, color: '#fff' }, elements: [img('i1', a), { id: 'g', type: 'group', elements: [img('i2', b), { id: 't', type: 'text' }] }] },
        { id: 'p2', background: { type: 'color', color: '#fff' }, elements: [img('i3', c)] },
      ],
    } as unknown as DesignDocument;
    const out = remapAssetIds(doc, new Map([[a, 'x'.repeat(64)], [b, 'y'.repeat(64)]]));
    expect(JSON.stringify(out)).toBe(JSON.stringify(doc).replaceAll(a, 'x'.repeat(64)).replaceAll(b, 'y'.repeat(64)));
    expect(JSON.stringify(doc)).toContain(a); // the input is not changed
  });
});

describe('locationFreeImage', () => {
  const GPS = { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2964/100' } };
  const base = () => sharp({ create: { width: 30, height: 20, channels: 3, background: '#3366cc' } });
  const pixels = (b: Buffer) => sharp(b).autoOrient().raw().toBuffer();

  it('re-encodes a geotagged PNG and WebP in their own format, orientation applied, pixels kept', async () => {
    const png = await base().png().withExif(GPS).toBuffer();
    const webp = await base().webp({ lossless: true }).withExif(GPS).withMetadata({ orientation: 6 }).toBuffer();
    for (const [input, format] of [[png, 'png'], [webp, 'webp']] as const) {
      expect(hasGpsIfd((await sharp(input).metadata()).exif)).toBe(true);
      const out = await locationFreeImage(input);
      const meta = await sharp(out.bytes).metadata();
      expect(out.stripped).toBe(true);
      expect([meta.format, meta.exif, meta.xmp, meta.orientation ?? 1]).toEqual([format, undefined, undefined, 1]);
      expect((await pixels(out.bytes)).equals(await pixels(input))).toBe(true);
    }
    expect((await sharp((await locationFreeImage(webp)).bytes).metadata()).width).toBe(20);
  });

  it('drops JPEG comments and whatever trails the end marker; a clean file comes back untouched', async () => {
    const jpeg = await base().jpeg().withExif(GPS).toBuffer();
    const withComment = Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe, 0, 9]), Buffer.from('Paris 8e'), jpeg.subarray(2), Buffer.from('GPS trailer')]);
    const out = await locationFreeImage(withComment);
    expect(out.stripped).toBe(true);
    expect([out.bytes.includes('Paris'), out.bytes.includes('GPS'), out.bytes.includes('trailer')]).toEqual([false, false, false]);
    expect((await pixels(out.bytes)).equals(await pixels(jpeg))).toBe(true);
    const clean = await base().png().toBuffer();
    expect(await locationFreeImage(clean)).toEqual({ bytes: clean, stripped: false });
    expect(await locationFreeImage(out.bytes)).toEqual({ bytes: out.bytes, stripped: false });
  });

  it('stripJpegMetadata gives up (so the caller re-encodes) on a layout it does not expect', () => {
    expect(stripJpegMetadata(Buffer.from('not a jpeg'))).toBeNull();
    expect(stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00, 1, 2]))).toBeNull(); // segment past the end
    expect(stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 1, 2, 3]))).toBeNull(); // scan never ends
  });
});
