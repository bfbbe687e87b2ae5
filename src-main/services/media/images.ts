// Images through sharp: header probe (pixel limit checked before any decoding), a full decode
// into the thumbnail (which is what proves a file is not truncated or corrupt), HEIC → JPEG and
// SVG → PNG. Everything sharp writes drops metadata (EXIF GPS included) and applies EXIF orientation.
import type { Metadata } from 'sharp';
import { MAX_IMAGE_PIXELS, PREVIEW_SIZE, THUMB_SIZE } from '../../core/domain/assets';
import { stripJpegMetadata } from './jpeg-strip';
import { measureSvg, SvgCostProblem } from './svg-cost';
import { canIsolate, rasteriseInChild, SVG_BUDGET } from './svg-raster';

type Sharp = (typeof import('sharp'))['default'];
let sharpLoaded: Promise<Sharp> | null = null;

/**
 * sharp on first use: its native addon (libvips) takes a quarter of a second to load, which every
 * CLI command and every start of the app would pay, though only image work needs it.
 */
function loadSharp(): Promise<Sharp> {
  return (sharpLoaded ??= import('sharp').then(({ default: sharp }) => {
    // Atelier runs beside the UI on small machines: a bounded cache, and no more than two threads per image.
    sharp.cache({ memory: 64, items: 20, files: 0 });
    sharp.concurrency(2);
    return sharp;
  }));
}

export class ImageProblem extends Error {
  constructor(
    readonly reason: 'too_large' | 'corrupt' | 'unsupported',
    message: string,
    /** A key in the renderer's serviceErrors catalogue, when the problem has a translated text. */
    readonly key?: string,
  ) {
    super(message);
  }
}

const INPUT = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', sequentialRead: true } as const;

export interface Probe {
  width: number;
  height: number;
  format: string;
}

/** Reads the header only: dimensions after EXIF orientation, and the pixel-limit verdict. */
/** `source`: the bytes, or a file path (sharp then reads the file itself). */
export async function probeImage(bytes: Buffer | string, options: { density?: number } = {}): Promise<Probe> {
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    // `limitInputPixels: false` here: the header is read either way, and we want to name the size.
    meta = await sharp(bytes, { limitInputPixels: false, failOn: 'error', density: options.density }).metadata();
  } catch (error) {
    throw new ImageProblem('corrupt', `it is damaged or not a readable image (${shortReason(error)})`);
  }
  const rawWidth = meta.width ?? 0;
  const rawHeight = meta.pageHeight ?? meta.height ?? 0;
  if (rawWidth <= 0 || rawHeight <= 0) throw new ImageProblem('corrupt', 'it declares no image size');
  const pixels = rawWidth * rawHeight;
  if (pixels > MAX_IMAGE_PIXELS) {
    throw new ImageProblem(
      'too_large',
      `it is ${rawWidth} × ${rawHeight} pixels (${(pixels / 1e6).toFixed(0)} megapixels); the limit is ${MAX_IMAGE_PIXELS / 1e6} megapixels`,
    );
  }
  const swapped = (meta.orientation ?? 1) >= 5;
  return { width: swapped ? rawHeight : rawWidth, height: swapped ? rawWidth : rawHeight, format: meta.format ?? '' };
}

function shortReason(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  return message.split('\n')[0]!.replace(/^Input (buffer|file) /, '').slice(0, 160);
}

/** Decodes the whole image once and writes the small WebP the grid shows. Fails on damaged data. */
export async function makeThumbnail(bytes: Buffer | string, options: { density?: number } = {}): Promise<Buffer> {
  const sharp = await loadSharp();
  try {
    return await sharp(bytes, { ...INPUT, density: options.density })
      .autoOrient()
      .resize({ width: THUMB_SIZE, height: THUMB_SIZE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 72, effort: 2 })
      .toBuffer();
  } catch (error) {
    throw decodeProblem(error);
  }
}

/** The editor's working copy: long side ≤ PREVIEW_SIZE, WebP, oriented, no metadata. */
export async function makePreview(bytes: Buffer): Promise<Buffer> {
  const sharp = await loadSharp();
  try {
    return await sharp(bytes, INPUT)
      .autoOrient()
      .resize({ width: PREVIEW_SIZE, height: PREVIEW_SIZE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 85 })
      .toBuffer();
  } catch (error) {
    throw decodeProblem(error);
  }
}

/** What exports embed: oriented pixels with every bit of metadata (EXIF GPS included) dropped. */
export async function exportableImage(bytes: Buffer, format: 'png' | 'jpeg' = 'jpeg'): Promise<Buffer> {
  const sharp = await loadSharp();
  const pipeline = sharp(bytes, INPUT).autoOrient();
  return format === 'png' ? pipeline.png().toBuffer() : pipeline.jpeg({ quality: 92, mozjpeg: true }).toBuffer();
}

/**
 * An image file fit to leave the library (content packs carry files, not just pixels): the same
 * image without EXIF, XMP, IPTC or text metadata, where GPS location hides. A JPEG loses its metadata
 * segments losslessly and keeps its orientation (as a one-tag EXIF block) and ICC profile; other
 * formats are re-encoded in the same format, orientation applied, ICC profile kept. A file that
 * carries none of that is returned as it is (same bytes, same hash).
 */
export async function locationFreeImage(bytes: Buffer): Promise<{ bytes: Buffer; stripped: boolean }> {
  const sharp = await loadSharp();
  const meta = await readMetadata(bytes);
  const orientation = meta.orientation ?? 1;
  // GIF has no EXIF, but may hold XMP in an application extension.
  const gifXmp = meta.format === 'gif' && bytes.includes('XMP DataXMP');
  const carries = meta.exif || meta.xmp || meta.iptc || meta.tifftagPhotoshop || (meta.comments?.length ?? 0) > 0 || orientation !== 1 || gifXmp;
  if (!carries) return { bytes, stripped: false };
  if (meta.format === 'jpeg') {
    const lossless = stripJpegMetadata(bytes, orientation);
    if (lossless && (await onlyOrientationLeft(lossless, orientation, meta))) return { bytes: lossless, stripped: !lossless.equals(bytes) };
  }
  const animated = (meta.pages ?? 1) > 1;
  const pipeline = sharp(bytes, { ...INPUT, animated }).autoOrient().keepIccProfile();
  try {
    switch (meta.format) {
      case 'jpeg':
        // libjpeg-turbo, not mozjpeg: ten times faster on a 12 MP photo, for a fallback that is rare.
        return { bytes: await pipeline.jpeg({ quality: 92 }).toBuffer(), stripped: true };
      case 'png':
        return { bytes: await pipeline.png().toBuffer(), stripped: true };
      case 'webp':
        // A lossless WebP (VP8L) stays lossless.
        return { bytes: await pipeline.webp({ quality: 90, lossless: bytes.includes('VP8L') }).toBuffer(), stripped: true };
      case 'gif':
        return { bytes: await pipeline.gif().toBuffer(), stripped: true };
      case 'heif':
        return { bytes: await pipeline.avif({ quality: 70 }).toBuffer(), stripped: true };
      default:
        throw new ImageProblem('unsupported', `its format (${meta.format ?? 'unknown'}) cannot be rewritten without its metadata`);
    }
  } catch (error) {
    if (error instanceof ImageProblem) throw error;
    throw decodeProblem(error);
  }
}

async function readMetadata(bytes: Buffer): Promise<Metadata> {
  const sharp = await loadSharp();
  try {
    return await sharp(bytes, INPUT).metadata();
  } catch (error) {
    throw decodeProblem(error);
  }
}

/** Checks a losslessly stripped JPEG: still readable, same size, nothing left but the orientation. */
async function onlyOrientationLeft(stripped: Buffer, orientation: number, before: Metadata): Promise<boolean> {
  const sharp = await loadSharp();
  try {
    const m = await sharp(stripped, INPUT).metadata();
    const exifLeft = m.exif?.length ?? 0;
    return m.width === before.width && m.height === before.height && (m.orientation ?? 1) === orientation && !m.xmp && !m.iptc && !m.tifftagPhotoshop && (orientation === 1 ? exifLeft === 0 : exifLeft <= 32);
  } catch {
    return false;
  }
}

function decodeProblem(error: unknown): ImageProblem {
  const reason = shortReason(error);
  if (/pixel limit/i.test(reason)) return new ImageProblem('too_large', `it has more than ${MAX_IMAGE_PIXELS / 1e6} megapixels`);
  if (/not been built|no decoder|unsupported|compression format/i.test(reason)) return new ImageProblem('unsupported', `its encoding is not supported (${reason})`);
  return new ImageProblem('corrupt', `it is truncated or damaged (${reason})`);
}

/** HEIC/HEIF → JPEG, when the bundled libvips can decode it (the prebuilt sharp decodes AVIF only). */
export async function heicToJpeg(bytes: Buffer): Promise<Buffer> {
  const sharp = await loadSharp();
  if (!sharp.format.heif.input.fileSuffix?.includes('.heic')) {
    throw new ImageProblem(
      'unsupported',
      'it is a HEIC/HEIF photo, and this build of Atelier cannot decode HEVC-compressed images (a licensing limit of the bundled image library). Export it as JPEG first (Photos: File › Export, or set the camera to "Most compatible")',
    );
  }
  try {
    return await sharp(bytes, INPUT).autoOrient().jpeg({ quality: 92, mozjpeg: true }).toBuffer();
  } catch (error) {
    throw decodeProblem(error);
  }
}

/** Density (dpi) that renders an SVG of `width × height` (at 72 dpi) with its long side near PREVIEW_SIZE. */
export function svgDensity(width: number, height: number): number {
  const long = Math.max(width, height, 1);
  return Math.max(10, Math.min(2400, (72 * PREVIEW_SIZE) / long));
}

/** Inline pictures of an SVG, checked against the pixel limit by their headers only. */
async function checkDataImages(dataImages: readonly string[]): Promise<void> {
  let pixels = 0;
  for (const uri of dataImages) {
    const comma = uri.indexOf(',');
    if (comma < 0 || !/;base64$/i.test(uri.slice(0, comma))) continue;
    let probe: Probe;
    try {
      probe = await probeImage(Buffer.from(uri.slice(comma + 1), 'base64'));
    } catch (error) {
      if (error instanceof ImageProblem && error.reason === 'too_large') throw new ImageProblem('too_large', `a picture inside it is ${error.message.replace(/^it is /, '')}`, SVG_TOO_COSTLY);
      throw new ImageProblem('corrupt', 'a picture inside it is damaged');
    }
    pixels += probe.width * probe.height;
    if (pixels > MAX_IMAGE_PIXELS) throw new ImageProblem('too_large', `the pictures inside it add up to more than ${MAX_IMAGE_PIXELS / 1e6} megapixels`, SVG_TOO_COSTLY);
  }
}

const SVG_TOO_COSTLY = 'assets.svgTooCostly';

/**
 * SVG → PNG at a density chosen for a crisp PREVIEW_SIZE long side, within a budget: the markup is
 * measured first (svg-cost.ts), then drawn in a child process killed past its time and memory
 * (svg-raster.ts). Where no child can run (the desktop app), sharp's own timeout stands in.
 */
export async function rasteriseSvg(bytes: Buffer): Promise<Buffer> {
  try {
    const cost = measureSvg(bytes.toString('utf8'));
    await checkDataImages(cost.dataImages);
  } catch (error) {
    if (error instanceof SvgCostProblem) throw new ImageProblem('too_large', `it is too costly to draw: ${error.message}`, SVG_TOO_COSTLY);
    throw error;
  }
  if (canIsolate()) {
    const outcome = await rasteriseInChild(bytes, { previewSize: PREVIEW_SIZE, maxPixels: MAX_IMAGE_PIXELS });
    if (outcome.ok) return outcome.png;
    if (outcome.reason === 'time' || outcome.reason === 'memory') throw new ImageProblem('too_large', `it is too costly to draw: ${outcome.message}`, SVG_TOO_COSTLY);
    if (outcome.reason === 'refused') throw decodeProblem(new Error(outcome.message));
    // 'unavailable' (no child could start): drawn here, under sharp's timeout.
  }
  const sharp = await loadSharp();
  const probe = await probeImage(bytes);
  const density = svgDensity(probe.width, probe.height);
  try {
    return await sharp(bytes, { ...INPUT, density })
      .timeout({ seconds: Math.ceil(SVG_BUDGET.timeMs / 1000) })
      .png({ compressionLevel: 9 })
      .toBuffer();
  } catch (error) {
    if (/timeout/i.test((error as Error)?.message ?? '')) throw new ImageProblem('too_large', `it is too costly to draw: drawing it takes longer than ${SVG_BUDGET.timeMs / 1000} s`, SVG_TOO_COSTLY);
    throw decodeProblem(error);
  }
}
