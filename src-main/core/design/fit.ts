// Boxes that follow their content: text boxes grow with their text (Canva's auto-height) and photos
// always cover their frame (a crop with the frame's aspect, so nothing is ever stretched).
import type { Box } from './geometry';
import type { ImageElement, TextElement } from './schema';

/** Text fields whose change can change how many lines the text wraps to. */
const TEXT_LAYOUT_KEYS = ['text', 'width', 'fontSize', 'fontFamily', 'fontWeight', 'fontStyle', 'lineHeight', 'letterSpacing'] as const;

export function textLayoutChanged(before: TextElement, after: TextElement): boolean {
  return TEXT_LAYOUT_KEYS.some((k) => before[k] !== after[k]);
}

/**
 * The box height of a text after an edit, given `measure` (the height its wrapped lines need).
 * A box grows whenever its text needs more room, so typing never cuts a word; a box that fitted its
 * text before the edit keeps fitting it (it shrinks too, as in Canva); a taller box someone sized on
 * purpose (a template's centred title) keeps its extra room. Shrink-to-fit boxes keep their height.
 */
export function fittedTextHeight(before: TextElement, after: TextElement, measure: (el: TextElement) => number): number {
  if (after.autoFit || !textLayoutChanged(before, after)) return after.height;
  const needed = Math.ceil(measure(after));
  if (needed > after.height) return needed;
  const fittedBefore = Math.abs(before.height - Math.ceil(measure(before))) <= 1;
  return fittedBefore ? needed : after.height;
}

export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The largest crop of a `natural`-sized photo with the frame's aspect ratio, centred on `focus`
 * (0–1 fractions of the photo): the photo covers the frame without distortion.
 */
export function coverCrop(frame: { width: number; height: number }, natural: { width: number; height: number }, focus = { x: 0.5, y: 0.5 }): Crop {
  const frameRatio = frame.width / Math.max(frame.height, 1e-9);
  const photoRatio = natural.width / Math.max(natural.height, 1e-9);
  const width = frameRatio >= photoRatio ? 1 : frameRatio / photoRatio;
  const height = frameRatio >= photoRatio ? photoRatio / frameRatio : 1;
  return { width, height, x: clamp(focus.x - width / 2, 0, 1 - width), y: clamp(focus.y - height / 2, 0, 1 - height) };
}

/**
 * The crop for a photo frame resized to `size`: the photo keeps its scale on screen where it can
 * (a wider frame shows more of the photo), zooms in only when the photo would no longer cover the
 * frame, and stays centred on what was in the middle before. Never a stretched photo.
 */
export function recropForSize(el: Pick<ImageElement, 'width' | 'height' | 'crop'>, natural: { width: number; height: number }, size: { width: number; height: number }): Crop {
  // Screen pixels per photo pixel now, and the smallest scale at which the photo covers the new frame.
  const scale = el.width / Math.max(el.crop.width * natural.width, 1e-9);
  const cover = Math.max(size.width / natural.width, size.height / natural.height);
  const s = Math.max(scale, cover);
  const width = Math.min(1, size.width / (s * natural.width));
  const height = Math.min(1, size.height / (s * natural.height));
  const cx = el.crop.x + el.crop.width / 2;
  const cy = el.crop.y + el.crop.height / 2;
  return { width, height, x: clamp(cx - width / 2, 0, 1 - width), y: clamp(cy - height / 2, 0, 1 - height) };
}

/** Where the whole photo lies, in the element's own coordinates (the frame is 0,0 → width,height). */
export function photoBox(el: Pick<ImageElement, 'width' | 'height' | 'crop'>): Box {
  const width = el.width / el.crop.width;
  const height = el.height / el.crop.height;
  return { x: -el.crop.x * width, y: -el.crop.y * height, width, height };
}

/** The crop a frame and a photo box (same coordinates) make; the frame is first kept inside the photo. */
export function cropFromBoxes(frame: Box, photo: Box): Crop {
  const width = clamp(frame.width / photo.width, 1e-6, 1);
  const height = clamp(frame.height / photo.height, 1e-6, 1);
  return { width, height, x: clamp((frame.x - photo.x) / photo.width, 0, 1 - width), y: clamp((frame.y - photo.y) / photo.height, 0, 1 - height) };
}

/** A photo box moved (dragged in crop mode) so that it still covers the frame. */
export function keepCovering(photo: Box, frame: Box): Box {
  const width = Math.max(photo.width, frame.width);
  const height = Math.max(photo.height, frame.height);
  return {
    width,
    height,
    x: clamp(photo.x, frame.x + frame.width - width, frame.x),
    y: clamp(photo.y, frame.y + frame.height - height, frame.y),
  };
}

/** A width/height change with the aspect ratio kept: the other side follows. */
export function lockedResize(current: { width: number; height: number }, change: { width?: number; height?: number }): { width: number; height: number } {
  const ratio = current.width / Math.max(current.height, 1e-9);
  if (change.width !== undefined) return { width: change.width, height: current.height === 0 ? 0 : change.width / ratio };
  if (change.height !== undefined) return { width: change.height * ratio, height: change.height };
  return current;
}

/**
 * The crop for a frame whose aspect changes from `from` to `to` without knowing the photo's size:
 * the crop narrows (zooms in) on the side that would otherwise stretch, around the same centre.
 */
export function recropForAspect(crop: Crop, from: { width: number; height: number }, to: { width: number; height: number }): Crop {
  const r = to.width / Math.max(to.height, 1e-9) / (from.width / Math.max(from.height, 1e-9));
  if (!Number.isFinite(r) || Math.abs(r - 1) < 1e-9) return crop;
  const width = r < 1 ? crop.width * r : crop.width;
  const height = r > 1 ? crop.height / r : crop.height;
  const cx = crop.x + crop.width / 2;
  const cy = crop.y + crop.height / 2;
  return { width, height, x: clamp(cx - width / 2, 0, 1 - width), y: clamp(cy - height / 2, 0, 1 - height) };
}
