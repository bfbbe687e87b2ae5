// Headless rendering of design documents: PNG/JPEG at 1×–3×, transparent or not, one page or all,
// and a PDF of all pages. What content packs, the CLI and golden-image tests call.
import { loadImage, type Canvas, type Image } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { buildPage, pageAssetIds, parseDesign, type DesignDocument, type SceneWarning } from '../core/design';
import { registerBundledFonts } from './fonts';
import { holdCanvas, holdImage, releaseCanvas, releaseImages } from './native-memory';
import { Konva } from './konva-napi';

export type ImageFormat = 'png' | 'jpeg';
export type AssetResolver = (assetId: string) => Promise<Uint8Array | null>;

export interface RenderOptions {
  /** 0-based page index (default 0). */
  page?: number;
  /** 1, 2 or 3 (any value in 0.1–4 is accepted). */
  scale?: number;
  format?: ImageFormat;
  /** JPEG quality 1–100 (default 90). */
  quality?: number;
  /** Leave the page background out (PNG only; JPEG gets white). */
  transparent?: boolean;
  assetResolver?: AssetResolver;
  fontsDir?: string;
}

export interface RenderedPage {
  page: number;
  buffer: Buffer;
  width: number;
  height: number;
  warnings: SceneWarning[];
}

/** Browsers and Skia both refuse canvases beyond this many pixels per side / in area. */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_AREA = 268_435_456;

export class RenderError extends Error {
  readonly code: 'invalid_input' | 'too_large' | 'not_found';
  constructor(code: RenderError['code'], message: string) {
    super(message);
    this.name = 'RenderError';
    this.code = code;
  }
}

export function checkCanvasSize(doc: Pick<DesignDocument, 'width' | 'height'>, scale: number): void {
  if (!(scale > 0 && scale <= 4)) throw new RenderError('invalid_input', `Scale ${scale} is out of range (0.1–4).`);
  const w = Math.round(doc.width * scale);
  const h = Math.round(doc.height * scale);
  if (w > MAX_CANVAS_SIDE || h > MAX_CANVAS_SIDE || w * h > MAX_CANVAS_AREA) {
    throw new RenderError('too_large', `A ${doc.width}×${doc.height} design at ${scale}× is ${w}×${h} pixels, larger than a canvas allows (${MAX_CANVAS_SIDE} per side). Choose a smaller scale.`);
  }
}

async function loadAssets(ids: string[], resolver: AssetResolver | undefined): Promise<Map<string, Image>> {
  const out = new Map<string, Image>();
  if (!resolver) return out;
  try {
    await Promise.all(
      ids.map(async (id) => {
        const bytes = await resolver(id);
        if (!bytes) return;
        try {
          out.set(id, holdImage(await loadImage(Buffer.from(bytes))));
        } catch {
          // An unreadable file is treated like a missing one: the placeholder shows.
        }
      }),
    );
  } catch (error) {
    releaseImages(out.values());
    throw error;
  }
  return out;
}

function encode(canvas: Canvas, format: ImageFormat, quality: number): Buffer {
  return format === 'jpeg' ? canvas.toBuffer('image/jpeg', quality) : canvas.toBuffer('image/png');
}

/** Renders one page to an encoded image. */
export async function renderPage(input: DesignDocument | unknown, options: RenderOptions = {}): Promise<RenderedPage> {
  const doc = parseDesign(input);
  const index = options.page ?? 0;
  const page = doc.pages[index];
  if (!page) throw new RenderError('not_found', `Page ${index + 1} does not exist (the design has ${doc.pages.length}).`);
  const scale = options.scale ?? 1;
  checkCanvasSize(doc, scale);
  const format = options.format ?? 'png';
  const fonts = registerBundledFonts(options.fontsDir);
  const images = await loadAssets(pageAssetIds(page), options.assetResolver);
  const warnings: SceneWarning[] = [];
  const ctx = {
    Konva,
    image: (id: string) => (images.get(id) as unknown as CanvasImageSource) ?? null,
    hasFont: (family: string) => fonts.has(family),
    pixelRatio: scale,
    warnings,
  };
  let stage: InstanceType<typeof Konva.Stage> | null = null;
  let canvas: Canvas | null = null;
  try {
    stage = new Konva.Stage({ width: doc.width, height: doc.height } as ConstructorParameters<typeof Konva.Stage>[0]);
    const layer = new Konva.Layer();
    stage.add(layer);
    const transparent = options.transparent === true && format === 'png';
    // JPEG has no alpha: whatever is transparent becomes white, not black.
    if (format === 'jpeg') layer.add(new Konva.Rect({ width: doc.width, height: doc.height, fill: '#ffffff' }));
    layer.add(buildPage(ctx, doc, page, { transparent }));
    canvas = holdCanvas(layer.toCanvas({ pixelRatio: scale }) as unknown as Canvas);
    const buffer = encode(canvas, format, options.quality ?? 90);
    return { page: index, buffer, width: Math.round(doc.width * scale), height: Math.round(doc.height * scale), warnings };
  } finally {
    // Pixels live in native memory the garbage collector does not see: free them now, not at some GC.
    // stage.destroy() shrinks Konva's own layer and buffer canvases to 0×0.
    if (canvas) releaseCanvas(canvas);
    stage?.destroy();
    releaseImages(images.values());
  }
}

/** `renderDesign(doc, { page, scale, format, assetResolver }) → Buffer` — the one-call API. */
export async function renderDesign(doc: DesignDocument | unknown, options: RenderOptions = {}): Promise<Buffer> {
  return (await renderPage(doc, options)).buffer;
}

/** Every page, in order. `onPage` reports progress; `signal` cancels between pages. */
export async function renderAllPages(
  input: DesignDocument | unknown,
  options: Omit<RenderOptions, 'page'> & { onPage?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<RenderedPage[]> {
  const doc = parseDesign(input);
  const out: RenderedPage[] = [];
  for (let i = 0; i < doc.pages.length; i++) {
    // Yield to the event loop so a cancel message can arrive between pages.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw new RenderError('invalid_input', 'Render cancelled.');
    out.push(await renderPage(doc, { ...options, page: i }));
    options.onPage?.(i + 1, doc.pages.length);
  }
  return out;
}

/** A PDF with one page per design page, each the design's size (1 px = 0.75 pt), images embedded. */
export async function renderPdf(input: DesignDocument | unknown, options: Omit<RenderOptions, 'page' | 'transparent'> & { onPage?: (done: number, total: number) => void; signal?: AbortSignal } = {}): Promise<Buffer> {
  const doc = parseDesign(input);
  const format = options.format ?? 'jpeg';
  const pages = await renderAllPages(doc, { ...options, format, scale: options.scale ?? 2 });
  const pdf = await PDFDocument.create();
  pdf.setTitle(doc.name);
  pdf.setCreator('Atelier');
  for (const p of pages) {
    const img = format === 'jpeg' ? await pdf.embedJpg(p.buffer) : await pdf.embedPng(p.buffer);
    const w = doc.width * 0.75;
    const h = doc.height * 0.75;
    pdf.addPage([w, h]).drawImage(img, { x: 0, y: 0, width: w, height: h });
  }
  return Buffer.from(await pdf.save());
}
