// Headless render module: renderDesign() for one page in-process, createRenderPool() for many.
export { renderDesign, renderPage, renderAllPages, renderPdf, checkCanvasSize, RenderError, MAX_CANVAS_SIDE, type RenderOptions, type RenderedPage, type AssetResolver, type ImageFormat } from './render';
export { createRenderPool, defaultWorkerFile, RenderJobError, type RenderPool } from './pool';
export { libraryAssetResolver } from './assets';
export { registerBundledFonts, registerFontFile, findFontsDir } from './fonts';
export type { RenderJob, RenderJobFile } from './jobs';
