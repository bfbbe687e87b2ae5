// What a file is, decided from its first bytes (never from its name). Hand-checked signatures:
// the few formats Atelier accepts, plus common ones it refuses, so the refusal can say what it saw.

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'avif' | 'heic' | 'svg';
export type FontFormat = 'ttf' | 'otf' | 'woff' | 'woff2';

export type Detected =
  | { kind: 'image'; format: ImageFormat }
  | { kind: 'font'; format: FontFormat }
  | { kind: 'unsupported'; what: string }
  | { kind: 'unknown' };

export const FORMAT_INFO: Record<ImageFormat | FontFormat, { mime: string; ext: string; label: string }> = {
  png: { mime: 'image/png', ext: 'png', label: 'PNG image' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', label: 'JPEG image' },
  webp: { mime: 'image/webp', ext: 'webp', label: 'WebP image' },
  gif: { mime: 'image/gif', ext: 'gif', label: 'GIF image' },
  avif: { mime: 'image/avif', ext: 'avif', label: 'AVIF image' },
  heic: { mime: 'image/heic', ext: 'heic', label: 'HEIC/HEIF image' },
  svg: { mime: 'image/svg+xml', ext: 'svg', label: 'SVG image' },
  ttf: { mime: 'font/ttf', ext: 'ttf', label: 'TrueType font' },
  otf: { mime: 'font/otf', ext: 'otf', label: 'OpenType font' },
  woff: { mime: 'font/woff', ext: 'woff', label: 'WOFF font' },
  woff2: { mime: 'font/woff2', ext: 'woff2', label: 'WOFF2 font' },
};

/** File-name extensions and the format they claim, to spot a name that lies about the bytes. */
export const EXTENSION_CLAIMS: Record<string, ImageFormat | FontFormat> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jfif: 'jpeg',
  webp: 'webp',
  gif: 'gif',
  avif: 'avif',
  heic: 'heic',
  heif: 'heic',
  svg: 'svg',
  ttf: 'ttf',
  otf: 'otf',
  woff: 'woff',
  woff2: 'woff2',
};

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < Math.min(bytes.length, start + length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'mif2']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const VIDEO_BRANDS = new Set(['isom', 'iso2', 'mp41', 'mp42', 'avc1', 'qt  ', 'M4V ', 'M4A ', 'dash', '3gp4', '3gp5']);

/** ISO-BMFF (`ftyp`) files: AVIF, HEIC, or a video. */
function detectFtyp(bytes: Uint8Array): Detected | null {
  if (ascii(bytes, 4, 4) !== 'ftyp') return null;
  const boxSize = ((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!;
  const end = Math.min(bytes.length, Math.max(16, Math.min(boxSize, 256)));
  const brands = [ascii(bytes, 8, 4)];
  for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(bytes, i, 4));
  if (brands.some((b) => AVIF_BRANDS.has(b))) return { kind: 'image', format: 'avif' };
  if (brands.some((b) => HEIF_BRANDS.has(b))) return { kind: 'image', format: 'heic' };
  if (brands.some((b) => VIDEO_BRANDS.has(b))) return { kind: 'unsupported', what: 'a video (MP4/MOV)' };
  return { kind: 'unsupported', what: 'an ISO media file' };
}

/** SVG: text whose first element (after an XML declaration, comments or a doctype) is `<svg`. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  text = text.replace(/^\uFEFF/, '');
  // Strip the prolog: declaration, comments, doctype (with or without an internal subset), whitespace.
  for (let guard = 0; guard < 50; guard++) {
    const before = text;
    text = text
      .replace(/^\s+/, '')
      .replace(/^<\?xml[\s\S]*?\?>/, '')
      .replace(/^<!--[\s\S]*?-->/, '')
      .replace(/^<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/i, '');
    if (text === before) break;
  }
  return /^<svg[\s>/]/i.test(text) || /^<[a-z0-9_-]+:svg[\s>]/i.test(text);
}

export function detect(bytes: Uint8Array): Detected {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', format: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { kind: 'image', format: 'webp' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { kind: 'image', format: 'gif' };
  const ftyp = detectFtyp(bytes);
  if (ftyp) return ftyp;
  if (startsWith(bytes, [0x00, 0x01, 0x00, 0x00]) || ascii(bytes, 0, 4) === 'true') return { kind: 'font', format: 'ttf' };
  if (ascii(bytes, 0, 4) === 'OTTO') return { kind: 'font', format: 'otf' };
  if (ascii(bytes, 0, 4) === 'wOFF') return { kind: 'font', format: 'woff' };
  if (ascii(bytes, 0, 4) === 'wOF2') return { kind: 'font', format: 'woff2' };
  if (ascii(bytes, 0, 4) === 'ttcf') return { kind: 'unsupported', what: 'a font collection (TTC)' };
  if (ascii(bytes, 0, 5) === '%PDF-') return { kind: 'unsupported', what: 'a PDF document' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'unsupported', what: 'a ZIP archive' };
  if (startsWith(bytes, [0x1f, 0x8b])) return { kind: 'unsupported', what: 'a gzip archive (compressed SVG is not accepted; unzip it first)' };
  if (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*') return { kind: 'unsupported', what: 'a TIFF image (or camera RAW)' };
  if (ascii(bytes, 0, 2) === 'BM') return { kind: 'unsupported', what: 'a BMP image' };
  if (ascii(bytes, 0, 4) === '8BPS') return { kind: 'unsupported', what: 'a Photoshop document' };
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return { kind: 'unsupported', what: 'an icon (ICO)' };
  if (startsWith(bytes, [0xff, 0x0a]) || startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20])) {
    return { kind: 'unsupported', what: 'a JPEG XL image' };
  }
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || ascii(bytes, 0, 2) === 'MZ') return { kind: 'unsupported', what: 'a program' };
  if (looksLikeSvg(bytes)) return { kind: 'image', format: 'svg' };
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return { kind: 'unsupported', what: 'a web page (HTML)' };
  return { kind: 'unknown' };
}

/** The format a file name claims by its extension, if it claims one Atelier knows. */
export function claimedFormat(fileName: string): ImageFormat | FontFormat | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  return EXTENSION_CLAIMS[fileName.slice(dot + 1).toLowerCase()] ?? null;
}
