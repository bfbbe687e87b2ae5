// Export from the editor: the browser's Konva draws each page with the shared scene builder.
import type { DesignDocument } from '../../../src-main/core/design';
import { renderPageInBrowser } from './scene-context';

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

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Returns the file names it saved. */
export async function exportDesign(doc: DesignDocument, currentIndex: number, options: ExportOptions, onProgress?: (done: number, total: number) => void): Promise<string[]> {
  const base = slug(doc.name);
  const indexes = options.pages === 'all' || options.format === 'pdf' ? doc.pages.map((_, i) => i) : [currentIndex];
  if (options.format === 'pdf') {
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.create();
    pdf.setTitle(doc.name);
    for (const i of indexes) {
      const { blob } = await renderPageInBrowser(doc, i, { scale: options.scale, mimeType: 'image/jpeg', quality: options.quality });
      const img = await pdf.embedJpg(new Uint8Array(await blob.arrayBuffer()));
      pdf.addPage([doc.width * 0.75, doc.height * 0.75]).drawImage(img, { x: 0, y: 0, width: doc.width * 0.75, height: doc.height * 0.75 });
      onProgress?.(i + 1, indexes.length);
    }
    const name = `${base}.pdf`;
    download(new Blob([(await pdf.save()).slice().buffer as ArrayBuffer], { type: 'application/pdf' }), name);
    return [name];
  }
  const ext = options.format === 'jpeg' ? 'jpg' : 'png';
  const names: string[] = [];
  for (const [n, i] of indexes.entries()) {
    const { blob } = await renderPageInBrowser(doc, i, { scale: options.scale, mimeType: options.format === 'jpeg' ? 'image/jpeg' : 'image/png', quality: options.quality, transparent: options.transparent });
    const name = indexes.length === 1 ? `${base}.${ext}` : `${base}-${String(i + 1).padStart(2, '0')}.${ext}`;
    download(blob, name);
    names.push(name);
    onProgress?.(n + 1, indexes.length);
  }
  return names;
}
