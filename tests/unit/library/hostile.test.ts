// Bad input: every refusal names the file and the reason, and nothing stored changes.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtelierError } from '../../../src-main/contract/errors';
import { testAtelier } from '../../helpers/app';
import { entitySvg, externalSvg, handlerSvg, interWoff2, jpeg, png, pngBomb, pngClaiming, scriptSvg, truncated } from './fixtures';

let t: ReturnType<typeof testAtelier>;
let before: { rows: unknown; files: string[] };

function snapshot() {
  let files: string[] = [];
  try {
    // Folders too: a refused file must not leave even an empty folder behind.
    files = readdirSync(path.join(t.dir, 'assets'), { recursive: true }).map(String).sort();
  } catch {
    files = [];
  }
  return { rows: t.atelier.library.db.prepare('SELECT * FROM assets ORDER BY sha256').all(), files };
}

beforeEach(async () => {
  t = testAtelier();
  // Something already stored, which must survive every refusal untouched.
  await t.atelier.call('assets.import', { name: 'keep.png', bytes: (await png(30, 30)), tags: ['keep'] });
  before = snapshot();
});
afterEach(() => t.cleanup());

async function refusal(name: string, bytes: Buffer): Promise<AtelierError> {
  const error = await t.atelier.call('assets.import', { name, bytes: bytes }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${name} should be refused`).toBeInstanceOf(AtelierError);
  expect((error as AtelierError).message).toContain(`"${name}"`);
  expect((error as AtelierError).message).toContain('Nothing was added');
  expect(snapshot()).toEqual(before);
  return error as AtelierError;
}

describe('hostile files', () => {
  it('refuses a truncated JPEG', async () => {
    const error = await refusal('cut.jpg', truncated(await jpeg(400, 300, { noise: true }), 0.6));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/truncated|damaged/);
  });

  it('refuses a PNG with a corrupt body', async () => {
    const bytes = Buffer.from(await png(200, 200));
    bytes.fill(0x55, 60, bytes.length - 20);
    const error = await refusal('broken.png', bytes);
    expect(error.message).toMatch(/damaged|truncated/);
  });

  it('refuses a file whose name lies about its bytes', async () => {
    const error = await refusal('holiday.png', Buffer.from('MZ this is a Windows program'));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/a program even though its name says PNG image/);
    const text = await refusal('notes.jpg', Buffer.from('just some text, not a photo'));
    expect(text.message).toMatch(/its name says JPEG image, but its bytes are not one/);
  });

  it('refuses an image over 100 megapixels from its header, before decoding', async () => {
    const error = await refusal('huge.png', pngClaiming(await png(8, 8), 20_000, 20_000));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/20000 × 20000 pixels \(400 megapixels\); the limit is 100 megapixels/);
  });

  it('refuses a decompression bomb (110 MP of zeros in a small file)', async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await refusal('bomb.png', bomb);
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/megapixels/);
  });

  it('refuses a file over 200 MB by its size, before reading it', async () => {
    const file = path.join(t.dir, 'big.jpg');
    writeFileSync(file, '');
    // A sparse 201 MB file: the size check must refuse it without reading the bytes.
    const { truncateSync } = await import('node:fs');
    truncateSync(file, 201 * 1024 * 1024);
    const error = await t.atelier.services.assets.importFile(file).then(
      () => null,
      (e: unknown) => e as AtelierError,
    );
    expect(error?.code).toBe('too_large');
    expect(error?.message).toContain(file);
    expect(error?.message).toMatch(/201 MB; the limit is 200 MB/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses damaged or oversized images imported from disk (decoded in place), naming the path', async () => {
    const cases: [string, Buffer, RegExp][] = [
      ['cut.jpg', truncated(await jpeg(400, 300, { noise: true }), 0.6), /truncated|damaged/],
      ['huge.png', pngClaiming(await png(8, 8), 20_000, 20_000), /400 megapixels/],
      ['bomb.png', pngBomb(), /megapixels/],
    ];
    for (const [name, bytes, reason] of cases) {
      const file = path.join(t.dir, name);
      writeFileSync(file, bytes);
      const error = await t.atelier.services.assets.importFile(file).then(
        () => null,
        (e: unknown) => e as AtelierError,
      );
      expect(error?.message, name).toContain(`Cannot import "${file}"`);
      expect(error?.message, name).toMatch(reason);
      expect(snapshot()).toEqual(before);
    }
  });

  it('refuses SVGs with script, event handlers, external references or entities', async () => {
    expect((await refusal('script.svg', scriptSvg)).message).toMatch(/contains a script/);
    expect((await refusal('onload.svg', handlerSvg)).message).toMatch(/event handlers/);
    expect((await refusal('external.svg', externalSvg)).message).toMatch(/references an external file or address \(file:\/\/\/etc\/passwd\)/);
    expect((await refusal('entities.svg', entitySvg)).message).toMatch(/declares XML entities/);
  });

  it('refuses unsupported types and says what they are', async () => {
    expect((await refusal('doc.pdf', Buffer.from('%PDF-1.7\n...'))).message).toMatch(/a PDF document; Atelier imports PNG, JPEG/);
    expect((await refusal('scan.tiff', Buffer.from('II*\0\x08\0\0\0', 'binary'))).message).toMatch(/TIFF/);
    const heic = Buffer.alloc(64);
    heic.writeUInt32BE(24, 0);
    heic.write('ftypheic', 4, 'ascii');
    heic.write('mif1heic', 16, 'ascii');
    const error = await refusal('IMG_0001.HEIC', heic);
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/HEIC\/HEIF photo.*Export it as JPEG first/);
  });

  it('refuses a file that starts like a font but is not one', async () => {
    const fake = Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(200, 7)]);
    const error = await refusal('Brand.woff2', fake);
    expect(error.message).toMatch(/starts like a WOFF2 font but it could not be read as a font/);
    const cut = truncated(interWoff2(), 0.3);
    expect((await refusal('cut.woff2', cut)).message).toMatch(/WOFF2 font but/);
  });

  it('refuses an empty file and a file cut after its first byte', async () => {
    const empty = await t.atelier.services.assets.importBytes(Buffer.alloc(0), 'empty.png').then(
      () => null,
      (e: unknown) => e as AtelierError,
    );
    expect(empty?.message).toBe('Cannot import "empty.png": the file is empty. Nothing was added.');
    expect((await refusal('stub.png', Buffer.from([0x89]))).code).toBe('unsupported');
    expect(snapshot()).toEqual(before);
  });
});
