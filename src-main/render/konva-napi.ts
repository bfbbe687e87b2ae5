// Konva over @napi-rs/canvas: our own small backend (Konva's official Node backends download
// native binaries at install). Same four hooks as konva/skia-backend. Konva is pinned exactly in
// package.json; the golden-image tests catch an upgrade that touches these hooks.
import { createCanvas, DOMMatrix, Image, Path2D } from '@napi-rs/canvas';
import Konva from 'konva';

const g = globalThis as unknown as Record<string, unknown>;
g.DOMMatrix ??= DOMMatrix;
g.Path2D ??= Path2D;

type Hooks = { createCanvasElement: () => unknown; createImageElement: () => unknown };
const util = Konva.Util as unknown as Hooks;
util.createCanvasElement = () => {
  const canvas = createCanvas(300, 300) as unknown as Record<string, unknown>;
  if (!canvas.style) canvas.style = {};
  canvas.toString = () => '[object HTMLCanvasElement]';
  return canvas;
};
util.createImageElement = () => new Image();
(Konva as unknown as { _renderBackend: string })._renderBackend = 'napi-rs-canvas';
Konva.showWarnings = false;

export { Konva };
export default Konva;
