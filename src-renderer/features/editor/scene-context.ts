// The browser side of the shared scene builder: Konva from the bundle, images from the asset
// cache, fonts from the bundled manifest (registered by fonts.css) and the library's imported fonts
// (registered here with FontFace when the editor learns of them).
import Konva from 'konva';
import { create } from 'zustand';
import manifest from '../../../assets/fonts/manifest.json';
import { mediaPath, SHA256 } from '../../../src-main/core/domain/assets';
import { buildPage, measureTextHeight, type DesignDocument, type Page, type SceneContext, type SceneWarning, type TextElement } from '../../../src-main/core/design';

export const BUNDLED_FAMILIES: readonly string[] = manifest.families.map((f) => f.family);
const families = new Set(BUNDLED_FAMILIES);
/** Imported font families (library assets) registered in this window: family → asset id. */
const imported = new Map<string, string>();

/** Bumps whenever an imported font finishes loading, so text nodes rebuild with it. */
export const useFonts = create<{ version: number }>(() => ({ version: 0 }));

/** Registers an imported font (a library asset) under its family, once; resolves when it can draw. */
export async function registerImportedFont(family: string, assetId: string): Promise<void> {
  if (families.has(family) || imported.has(family) || typeof FontFace === 'undefined' || !SHA256.test(assetId)) return;
  imported.set(family, assetId);
  try {
    const face = new FontFace(family, `url(${mediaPath('files', assetId)})`);
    document.fonts.add(await face.load());
    families.add(family);
    useFonts.setState((s) => ({ version: s.version + 1 }));
  } catch {
    imported.delete(family); // a font the browser cannot read stays "not installed"
  }
}

export function isFontAvailable(family: string): boolean {
  return families.has(family);
}

/** Where an asset's pixels come from: the library's working copy (preview), on both hosts. */
let assetUrlResolver: (assetId: string) => string | null = (assetId) => (SHA256.test(assetId) ? mediaPath('previews', assetId) : null);
export function setAssetUrlResolver(fn: (assetId: string) => string | null): void {
  assetUrlResolver = fn;
}

const images = new Map<string, HTMLImageElement | null>();
const localUrls = new Map<string, string>();

/** Bumps whenever an image finishes loading, so image nodes rebuild. */
export const useImages = create<{ version: number }>(() => ({ version: 0 }));

function startLoad(assetId: string): void {
  const url = localUrls.get(assetId) ?? assetUrlResolver(assetId);
  images.set(assetId, null);
  if (!url) return;
  const img = new Image();
  img.onload = () => {
    images.set(assetId, img);
    useImages.setState((s) => ({ version: s.version + 1 }));
  };
  img.src = url;
}

/**
 * An image dropped or pasted from the OS, shown at once from the local file. `knownId` is the id the
 * asset library gave it on import; without one, its own sha256 (an image not yet in the library).
 */
export async function registerLocalImage(file: Blob, knownId?: string): Promise<{ assetId: string; width: number; height: number }> {
  let assetId = knownId;
  if (!assetId) {
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    assetId = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
  const url = URL.createObjectURL(file);
  localUrls.set(assetId, url);
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('not an image'));
    img.src = url;
  });
  images.set(assetId, img);
  useImages.setState((s) => ({ version: s.version + 1 }));
  return { assetId, width: img.naturalWidth, height: img.naturalHeight };
}

/** A loaded image (the library's preview copy), or null until it has loaded. */
export function loadedImage(assetId: string): HTMLImageElement | null {
  return images.get(assetId) ?? null;
}

/** Natural size of a loaded image (null until it has loaded). */
export function imageSize(assetId: string): { width: number; height: number } | null {
  const img = images.get(assetId);
  return img ? { width: img.naturalWidth, height: img.naturalHeight } : null;
}

/** The height a text's wrapped lines need, measured with the browser's Konva and fonts. */
export function measureText(el: TextElement): number {
  return measureTextHeight(browserSceneContext(), el);
}

export function browserSceneContext(options: { pixelRatio?: number; warnings?: SceneWarning[] } = {}): SceneContext {
  return {
    Konva,
    image(assetId) {
      if (!images.has(assetId)) startLoad(assetId);
      return images.get(assetId) ?? null;
    },
    hasFont: (family) => families.has(family),
    pixelRatio: options.pixelRatio ?? 1,
    warnings: options.warnings,
  };
}

/**
 * Waits for the fonts a document uses, so the first paint and exports use the real faces. Returns the
 * families the browser could not load (their text is drawn in a fallback face), for the caller to say so.
 */
export async function loadFonts(doc: DesignDocument): Promise<string[]> {
  if (typeof document === 'undefined' || !document.fonts) return [];
  const wanted = new Map<string, string>();
  const walk = (els: Page['elements']) => {
    for (const e of els) {
      if (e.type === 'text') {
        const family = families.has(e.fontFamily) ? e.fontFamily : 'Inter';
        wanted.set(`${e.fontStyle === 'italic' ? 'italic ' : ''}${e.fontWeight} 16px "${family}"`, family);
      }
      if (e.type === 'group') walk(e.elements);
    }
  };
  for (const p of doc.pages) walk(p.elements);
  const outcomes = await Promise.allSettled([...wanted.keys()].map((f) => document.fonts.load(f)));
  const failed = new Set([...wanted.values()].filter((_, i) => outcomes[i]?.status === 'rejected'));
  return [...failed];
}

/** Renders a page with the browser's Konva (export from the editor, golden-image tests). */
export async function renderPageInBrowser(doc: DesignDocument, pageIndex: number, options: { scale?: number; mimeType?: 'image/png' | 'image/jpeg'; quality?: number; transparent?: boolean } = {}): Promise<{ blob: Blob; warnings: SceneWarning[] }> {
  const unloaded = await loadFonts(doc);
  const page = doc.pages[pageIndex];
  if (!page) throw new Error(`Page ${pageIndex + 1} does not exist.`);
  // A family the browser could not load is drawn in a fallback face: one warning for the family.
  const warnings: SceneWarning[] = unloaded.map((family) => ({ kind: 'unknown_font', elementId: '', detail: `${family} could not be loaded` }));
  const scale = options.scale ?? 1;
  const container = document.createElement('div');
  const stage = new Konva.Stage({ container, width: doc.width, height: doc.height });
  try {
    const layer = new Konva.Layer();
    stage.add(layer);
    const mimeType = options.mimeType ?? 'image/png';
    if (mimeType === 'image/jpeg') layer.add(new Konva.Rect({ width: doc.width, height: doc.height, fill: '#ffffff' }));
    layer.add(buildPage(browserSceneContext({ pixelRatio: scale, warnings }), doc, page, { transparent: options.transparent === true && mimeType === 'image/png' }));
    const canvas = layer.toCanvas({ pixelRatio: scale });
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not encode the image.'))), mimeType, (options.quality ?? 90) / 100));
    return { blob, warnings };
  } finally {
    stage.destroy();
  }
}
