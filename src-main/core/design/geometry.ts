// Boxes and rotation maths shared by snapping, align/distribute and the editor.
import type { Element } from './schema';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Geo = Pick<Element, 'x' | 'y' | 'width' | 'height' | 'rotation'>;

/** Axis-aligned bounds of an element rotated about its top-left corner (Konva's origin). */
export function elementBounds(el: Geo): Box {
  if (!el.rotation) return { x: el.x, y: el.y, width: el.width, height: el.height };
  const r = (el.rotation * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  const xs = [0, el.width * cos, el.width * cos - el.height * sin, -el.height * sin];
  const ys = [0, el.width * sin, el.width * sin + el.height * cos, el.height * cos];
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  return { x: el.x + minX, y: el.y + minY, width: Math.max(...xs) - minX, height: Math.max(...ys) - minY };
}

export function unionBoxes(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function boxesIntersect(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A box from two corner points, whatever the drag direction. */
export function boxFromPoints(x0: number, y0: number, x1: number, y1: number): Box {
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
}
