// What a render job is, in plain data that crosses a worker boundary.
import type { DesignDocument } from '../core/design';
import { libraryAssetResolver } from './assets';
import { renderAllPages, renderPage, renderPdf, type ImageFormat } from './render';

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
  fontsDir?: string;
}

export interface RenderJobFile {
  /** 0-based page index, or -1 for the PDF. */
  page: number;
  bytes: Uint8Array;
  warnings: { kind: string; elementId: string; detail: string }[];
}

export async function runRenderJob(job: RenderJob, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<RenderJobFile[]> {
  const options = {
    scale: job.scale,
    format: job.format,
    quality: job.quality,
    transparent: job.transparent,
    fontsDir: job.fontsDir,
    assetResolver: job.assetsDir ? libraryAssetResolver(job.assetsDir) : undefined,
  };
  if (job.pdf) {
    const bytes = await renderPdf(job.doc, { ...options, onPage: onProgress, signal });
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
