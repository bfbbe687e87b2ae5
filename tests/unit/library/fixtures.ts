// Files for the library tests, made on the fly: images with sharp, fonts from @fontsource/inter
// (WOFF, WOFF2, and a TTF unpacked from the WOFF), and hostile variants of each.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const interDir = path.join(path.dirname(require.resolve('@fontsource/inter/package.json')), 'files');

export const interWoff = (): Buffer => readFileSync(path.join(interDir, 'inter-latin-400-normal.woff'));
export const interWoff2 = (): Buffer => readFileSync(path.join(interDir, 'inter-latin-400-normal.woff2'));

/** WOFF 1.0 → the sfnt (TTF/OTF) it wraps: the table directory rebuilt, each table inflated. */
export function woffToSfnt(woff: Buffer): Buffer {
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const tag = woff.readUInt32BE(at);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const checksum = woff.readUInt32BE(at + 16);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag, checksum, data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw) });
  }
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  let offset = header.length;
  const bodies: Buffer[] = [];
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    header.writeUInt32BE(t.tag, at);
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    const padded = Buffer.alloc(Math.ceil(t.data.length / 4) * 4);
    t.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

export function png(width = 64, height = 48, color = { r: 200, g: 40, b: 90 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer();
}

export function jpeg(width = 64, height = 48, options: { orientation?: number; gps?: boolean; noise?: boolean } = {}): Promise<Buffer> {
  let image = sharp({
    create: { width, height, channels: 3, background: { r: 10, g: 120, b: 200 }, ...(options.noise ? { noise: { type: 'gaussian', mean: 128, sigma: 40 } } : {}) },
  }).jpeg({ quality: 85 });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  if (options.gps) image = image.withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 3/1' } });
  return image.toBuffer();
}

export const webp = () => sharp({ create: { width: 40, height: 30, channels: 4, background: '#22aa55' } }).webp().toBuffer();
export const gif = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#aa2255' } }).gif().toBuffer();
export const avif = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#5522aa' } }).avif({ effort: 0 }).toBuffer();

export const cleanSvg = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50"><rect width="100" height="50" fill="#e11d48"/><circle cx="25" cy="25" r="20" fill="#fff"/></svg>',
);
export const scriptSvg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>');
export const handlerSvg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><rect width="10" height="10"/></svg>');
export const externalSvg = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="file:///etc/passwd" width="10" height="10"/></svg>',
);
export const entitySvg = Buffer.from(
  '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&b;</text></svg>',
);

/**
 * A decompression bomb: a real, valid greyscale PNG of 11000 × 10000 pixels (110 MP, over the limit)
 * whose pixel data is all zeros, so the whole file deflates to about a hundred kilobytes.
 */
export function pngBomb(width = 11_000, height = 10_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc(height * (width + 1)); // filter byte 0 + zero pixels per row
  const idat = deflateSync(raw, { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Rewrites a PNG's IHDR to claim other dimensions (CRC left wrong on purpose is not enough: fix it). */
export function pngClaiming(pngBytes: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(pngBytes);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The first `fraction` of a file, as a download cut short would leave it. */
export const truncated = (bytes: Buffer, fraction = 0.5): Buffer => bytes.subarray(0, Math.floor(bytes.length * fraction));
