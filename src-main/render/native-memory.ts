// Canvas pixels and decoded images live in native (Skia) memory, outside the V8 heap: the garbage
// collector neither sees their size nor hurries to free them, so a render worker that leaves them to
// GC grows by megabytes per page (a 1080×1080 page is 4.7 MB, a decoded 12 MP photo 48 MB).
// Renders free them explicitly; the count of what is held lets a test prove nothing is left behind.
import type { Canvas, Image } from '@napi-rs/canvas';

const EMPTY = new Uint8Array(0);
let canvases = 0;
let images = 0;

export function holdCanvas(canvas: Canvas): Canvas {
  canvases++;
  return canvas;
}

/** Shrinks the canvas to 0×0, which frees its pixel memory at once (as Konva.Util.releaseCanvas does). */
export function releaseCanvas(canvas: Canvas): void {
  canvas.width = 0;
  canvas.height = 0;
  canvases--;
}

export function holdImage(image: Image): Image {
  images++;
  return image;
}

/** Empties each image's source, which frees its decoded pixels. */
export function releaseImages(list: Iterable<Image>): void {
  for (const image of list) {
    image.onerror = undefined; // an empty source is an undecodable one: nobody needs to hear of it
    image.src = EMPTY;
    images--;
  }
}

/** Canvases and images renders of this thread hold right now (0 between renders). */
export function heldNativeResources(): { canvases: number; images: number } {
  return { canvases, images };
}
