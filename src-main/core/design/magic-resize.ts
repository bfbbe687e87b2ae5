// Magic resize: a copy of a design for another size. Content scales uniformly (by the smaller
// ratio), each element is re-anchored to the edge or centre it sat nearest to, full-bleed elements
// stretch with the page, and text never shrinks below a legible size.
import { recropForAspect } from './fit';
import { elementBounds } from './geometry';
import type { DesignDocument, Element, Page } from './schema';

/** Smallest font size kept after resizing, as a fraction of the new page's shorter side. */
export const MIN_LEGIBLE_FRACTION = 0.022;

type Anchor = 'start' | 'center' | 'end';

function anchorOf(start: number, size: number, total: number): Anchor {
  const centre = start + size / 2;
  if (centre < total / 3) return 'start';
  if (centre > (2 * total) / 3) return 'end';
  return 'center';
}

function place(anchor: Anchor, oldStart: number, oldSize: number, oldTotal: number, newSize: number, newTotal: number, s: number): number {
  if (anchor === 'start') return oldStart * s;
  if (anchor === 'end') return newTotal - (oldTotal - (oldStart + oldSize)) * s - newSize;
  return (oldStart + oldSize / 2) * (newTotal / oldTotal) - newSize / 2;
}

function scaleInner(el: Element, s: number, minFont: number): Element {
  const common = { x: el.x * s, y: el.y * s, width: el.width * s, height: el.height * s, version: el.version + 1 };
  switch (el.type) {
    case 'text': {
      const fontSize = Math.max(el.fontSize * s, Math.min(el.fontSize, minFont));
      const grow = fontSize / (el.fontSize * s);
      return { ...el, ...common, fontSize, width: common.width * grow, height: common.height * grow, strokeWidth: el.strokeWidth * s };
    }
    case 'line':
    case 'arrow':
      return { ...el, ...common, points: el.points.map((p) => p * s), strokeWidth: el.strokeWidth * s };
    case 'group':
      return { ...el, ...common, elements: el.elements.map((c) => scaleInner(c, s, minFont)) };
    case 'path':
      // Icon strokes are in the icon's own units: they scale with the box already.
      return { ...el, ...common };
    case 'image':
    case 'rect':
    case 'polygon':
      return { ...el, ...common, cornerRadius: el.cornerRadius * s, strokeWidth: el.strokeWidth * s };
    default:
      return { ...el, ...common, strokeWidth: el.strokeWidth * s };
  }
}

function resizeElement(el: Element, from: { w: number; h: number }, to: { w: number; h: number }, s: number, minFont: number): Element {
  const b = elementBounds(el);
  const fullW = b.width >= from.w * 0.9 && !el.rotation;
  const fullH = b.height >= from.h * 0.9 && !el.rotation;
  const scaled = scaleInner({ ...el, x: 0, y: 0 }, s, minFont);
  let { width, height } = scaled;
  if (fullW && el.type !== 'text' && el.type !== 'group') width = (el.width / from.w) * to.w;
  if (fullH && el.type !== 'text' && el.type !== 'group') height = (el.height / from.h) * to.h;
  if (el.type === 'text') width = Math.min(width, to.w - Math.max(0, el.x) * s * 2 || width);
  const x = fullW ? (el.x / from.w) * to.w : place(anchorOf(b.x, b.width, from.w), el.x, el.width, from.w, width, to.w, s);
  const y = fullH ? (el.y / from.h) * to.h : place(anchorOf(b.y, b.height, from.h), el.y, el.height, from.h, height, to.h, s);
  const out = { ...scaled, x, y, width, height } as Element;
  if ((out.type === 'line' || out.type === 'arrow') && (width !== scaled.width || height !== scaled.height)) {
    const sx = scaled.width ? width / scaled.width : 1;
    const sy = scaled.height ? height / scaled.height : 1;
    out.points = out.points.map((p, i) => (i % 2 === 0 ? p * sx : p * sy));
  }
  // A full-bleed photo takes the new page's shape by cropping, never by stretching.
  if (out.type === 'image' && (width !== scaled.width || height !== scaled.height)) out.crop = recropForAspect(out.crop, scaled, { width, height });
  return out;
}

/** The document re-laid-out for width × height; ids stay the same so pages and elements stay linked. */
export function magicResize(doc: DesignDocument, target: { id: string; preset: string; width: number; height: number; name?: string }): DesignDocument {
  const from = { w: doc.width, h: doc.height };
  const to = { w: target.width, h: target.height };
  const s = Math.min(to.w / from.w, to.h / from.h);
  const minFont = MIN_LEGIBLE_FRACTION * Math.min(to.w, to.h);
  const pages: Page[] = doc.pages.map((p) => ({ ...p, elements: p.elements.map((e) => resizeElement(e, from, to, s, minFont)) }));
  return {
    ...doc,
    id: target.id,
    name: target.name ?? doc.name,
    preset: target.preset,
    width: target.width,
    height: target.height,
    linkedFrom: doc.id,
    pages,
  };
}
