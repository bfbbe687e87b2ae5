// What a render job is, in plain data that crosses a worker boundary.
import { readFile } from 'node:fs/promises';
import type { DesignDocument } from '../core/design';
import { libraryAssetResolver } from './assets';
import { renderAllPages, renderPage, renderPdf, type AssetResolver, type ImageFormat } from './render';

export interface RenderJob {
  doc: DesignDocument | unknown;
  /** 0-based page; omitted with `all` or `pdf`. */
  page?: number;
  all?: boolean;
  pdf?: boolean;
  scale?: number;
  format?: ImageFormat;
  quality?: number;
  transparent?: boolean;
  /** The library's assets folder (where sha256/ lives); no folder means every image is a placeholder. */
  assetsDir?: string;
  /** Files to use for some asset ids instead of the originals (the library's preview-size copies, for thumbnails). */
  assetFiles?: Record<string, string>;
  fontsDir?: string;
  /** Imported fonts the design uses (the library's font files), registered before drawing. */
  fonts?: { family: string; file: string }[];
}

export interface RenderJobFile {
  /** 0-based page index, or -1 for the PDF. */
  page: number;
  bytes: Uint8Array;
  warnings: { kind: string; elementId: string; detail: string }[];
}

function resolverFor(job: RenderJob): AssetResolver | undefined {
  const originals = job.assetsDir ? libraryAssetResolver(job.assetsDir) : undefined;
  const chosen = job.assetFiles;
  if (!chosen) return originals;
  return async (assetId) => {
    const file = Object.hasOwn(chosen, assetId) ? chosen[assetId] : undefined;
    if (file) {
      const bytes = await readFile(file).catch(() => null);
      if (bytes) return bytes;
    }
    return originals ? originals(assetId) : null;
  };
}

export async function runRenderJob(job: RenderJob, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<RenderJobFile[]> {
  const options = {
    scale: job.scale,
    format: job.format,
    quality: job.quality,
    transparent: job.transparent,
    fontsDir: job.fontsDir,
    fonts: job.fonts,
    assetResolver: resolverFor(job),
  };
  if (job.pdf) {
    // The print PDF draws photos from their originals, never the preview copies thumbnails use.
    const bytes = await renderPdf(job.doc, { fontsDir: job.fontsDir, fonts: job.fonts, assetResolver: job.assetsDir ? libraryAssetResolver(job.assetsDir) : undefined, onPage: onProgress, signal });
    return [{ page: -1, bytes, warnings: [] }];
  }
  if (job.all) {
    const pages = await renderAllPages(job.doc, { ...options, onPage: onProgress, signal });
    return pages.map((p) => ({ page: p.page, bytes: p.buffer, warnings: p.warnings }));
  }
  const p = await renderPage(job.doc, { ...options, page: job.page ?? 0 });
  onProgress(1, 1);
  return [{ page: p.page, bytes: p.buffer, warnings: p.warnings }];
}
