// Headless rendering of design documents: PNG/JPEG at 1×–3×, transparent or not, one page or all,
// and a PDF of all pages. What content packs, the CLI and golden-image tests call.
import { createCanvas, loadImage, type Canvas, type Image } from '@napi-rs/canvas';
import fontkit from '@pdf-lib/fontkit';
import { buildPage, pageAssetIds, parseDesign, type DesignDocument, type SceneWarning } from '../core/design';
import { designToPdf } from '../core/design/pdf';
import { fontFileFor, registerBundledFonts, registerFontFiles, type FontFile } from './fonts';
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
  /** Imported fonts the design uses (family → file), registered before drawing. */
  fonts?: readonly FontFile[];
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
  registerFontFiles(options.fonts);
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

/** Photo bytes as PDF can embed them: JPEG and PNG as they are, anything else converted to PNG (full size). */
async function pdfPhoto(bytes: Uint8Array): Promise<{ bytes: Uint8Array; format: 'jpeg' | 'png' }> {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return { bytes, format: 'jpeg' };
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return { bytes, format: 'png' };
  // WebP, GIF…: decoded and written again as PNG at full size (PDF embeds JPEG and PNG only).
  const image = holdImage(await loadImage(Buffer.from(bytes)));
  const canvas = holdCanvas(createCanvas(image.width, image.height));
  try {
    canvas.getContext('2d').drawImage(image, 0, 0);
    return { bytes: canvas.toBuffer('image/png'), format: 'png' };
  } finally {
    releaseCanvas(canvas);
    releaseImages([image]);
  }
}

/**
 * The print PDF: one page per design page at the design's size (1 px = 0.75 pt), drawn as vectors
 * with real, embedded (subset) fonts and the photos' originals (see core/design/pdf.ts).
 */
export async function renderPdf(input: DesignDocument | unknown, options: Omit<RenderOptions, 'page' | 'transparent' | 'format' | 'quality' | 'scale'> & { onPage?: (done: number, total: number) => void; signal?: AbortSignal } = {}): Promise<Buffer> {
  const doc = parseDesign(input);
  const bundled = registerBundledFonts(options.fontsDir);
  registerFontFiles(options.fonts);
  const ids = [...new Set(doc.pages.flatMap((p) => pageAssetIds(p)))];
  const images = await loadAssets(ids, options.assetResolver);
  try {
    const ctx = {
      Konva,
      image: (id: string) => (images.get(id) as unknown as CanvasImageSource) ?? null,
      hasFont: (family: string) => bundled.has(family),
      pixelRatio: 3,
    };
    const bytes = await designToPdf(
      doc,
      {
        scene: ctx,
        fontkit,
        font: (family, weight, italic) => fontFileFor(family, weight, italic, { fontsDir: options.fontsDir, fonts: options.fonts }),
        photo: async (assetId) => {
          const original = await options.assetResolver?.(assetId);
          return original ? pdfPhoto(original) : null;
        },
        png: async (canvas) => {
          const c = holdCanvas(canvas as Canvas);
          try {
            return c.toBuffer('image/png');
          } finally {
            releaseCanvas(c);
          }
        },
      },
      {
        onPage: options.onPage,
        signal: options.signal,
      },
    );
    if (options.signal?.aborted) throw new RenderError('invalid_input', 'Render cancelled.');
    return Buffer.from(bytes);
  } catch (error) {
    if (options.signal?.aborted) throw new RenderError('invalid_input', 'Render cancelled.');
    throw error;
  } finally {
    releaseImages(images.values());
  }
}
