// Export from the editor: the browser's Konva draws each page with the shared scene builder; the
// PDF is the print PDF the headless renderer makes too (core/design/pdf.ts), with the fonts' files
// and the photos' originals fetched from the host.
import type { DesignDocument } from '../../../src-main/core/design';
import { mediaPath } from '../../../src-main/core/domain/assets';
import type { HostClient } from '../../host/client';
import { downloadBlob } from '../../ui/files';
import { browserSceneContext, loadFonts, renderPageInBrowser } from './scene-context';

async function bytesOf(url: string): Promise<Uint8Array | null> {
  const res = await fetch(url);
  return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
}

/**
 * A face's TrueType/OpenType file from the host (it decodes WOFF2; the decoder's WebAssembly glue
 * needs eval, which this window's content security policy rightly refuses).
 */
async function fontFile(host: HostClient, family: string, weight: number, italic: boolean): Promise<Uint8Array | null> {
  const file = await host.invoke('fonts.file', { family, weight, italic });
  return file ? Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0)) : null;
}

/** A photo's original from the library, as JPEG or PNG (other formats redrawn to PNG at full size). */
async function photoFile(assetId: string): Promise<{ bytes: Uint8Array; format: 'jpeg' | 'png' } | null> {
  const bytes = await bytesOf(mediaPath('files', assetId));
  if (!bytes) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return { bytes, format: 'jpeg' };
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return { bytes, format: 'png' };
  const bitmap = await createImageBitmap(new Blob([bytes.slice().buffer as ArrayBuffer]));
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { bytes: await pngOf(canvas), format: 'png' };
}

async function pngOf(canvas: unknown): Promise<Uint8Array> {
  const blob = await new Promise<Blob>((resolve, reject) => (canvas as HTMLCanvasElement).toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not encode a picture for the PDF.'))), 'image/png'));
  return new Uint8Array(await blob.arrayBuffer());
}

/** The print PDF of a design, made in the browser (vector shapes, embedded fonts, original photos). */
export async function printPdf(host: HostClient, doc: DesignDocument, options: { onPage?: (done: number, total: number) => void; signal?: AbortSignal } = {}): Promise<Uint8Array> {
  // The PDF embeds the font files themselves (fontFile below); a face the browser could not load only
  // changes canvas-drawn effects, and the editor already said so when the design opened.
  await loadFonts(doc);
  const [{ designToPdf }, fontkit] = await Promise.all([import('../../../src-main/core/design/pdf'), import('@pdf-lib/fontkit').then((m) => m.default)]);
  const font = (family: string, weight: number, italic: boolean) => fontFile(host, family, weight, italic);
  return designToPdf(doc, { scene: browserSceneContext({ pixelRatio: 3 }), font, photo: photoFile, png: pngOf, fontkit }, options);
}

export interface ExportOptions {
  format: 'png' | 'jpeg' | 'pdf';
  scale: number;
  quality: number;
  transparent: boolean;
  pages: 'current' | 'all';
}

/** Chromium's canvas limits (per side and area). */
export const BROWSER_MAX_SIDE = 16_384;
export const BROWSER_MAX_AREA = 268_435_456;

export function exceedsCanvas(doc: Pick<DesignDocument, 'width' | 'height'>, scale: number): boolean {
  const w = doc.width * scale;
  const h = doc.height * scale;
  return w > BROWSER_MAX_SIDE || h > BROWSER_MAX_SIDE || w * h > BROWSER_MAX_AREA;
}

function slug(name: string): string {
  return name.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'design';
}

/** Returns the file names it saved. */
export async function exportDesign(host: HostClient, doc: DesignDocument, currentIndex: number, options: ExportOptions, onProgress?: (done: number, total: number) => void): Promise<string[]> {
  const base = slug(doc.name);
  const indexes = options.pages === 'all' || options.format === 'pdf' ? doc.pages.map((_, i) => i) : [currentIndex];
  if (options.format === 'pdf') {
    const bytes = await printPdf(host, doc, { onPage: onProgress });
    const name = `${base}.pdf`;
    downloadBlob(new Blob([bytes.slice().buffer as ArrayBuffer], { type: 'application/pdf' }), name);
    return [name];
  }
  const ext = options.format === 'jpeg' ? 'jpg' : 'png';
  const names: string[] = [];
  for (const [n, i] of indexes.entries()) {
    const { blob } = await renderPageInBrowser(doc, i, { scale: options.scale, mimeType: options.format === 'jpeg' ? 'image/jpeg' : 'image/png', quality: options.quality, transparent: options.transparent });
    const name = indexes.length === 1 ? `${base}.${ext}` : `${base}-${String(i + 1).padStart(2, '0')}.${ext}`;
    downloadBlob(blob, name);
    names.push(name);
    onProgress?.(n + 1, indexes.length);
  }
  return names;
}
