// Network icons for the calendar's cards, drawn by CSS masks: a grid can show hundreds of cards, and
// an inline SVG per icon (Instagram's path alone is 1.5 kB) made icons a third of the month view's
// render time. A card's icon is an empty `<span class="net-mark" data-network="x">` painted in the
// text colour through its network's mask; the masks are the paths of ui/NetworkIcon
// (core/posts/network-icons), written once into a stylesheet.
//
// The masks are bitmaps drawn once from those paths, not SVG images: Chromium runs a whole document
// (style, layout, paint) for an SVG image each time a box using it is built or painted, which for
// a month's 300-odd icons cost more than laying out all its cards. Without a canvas (tests), SVG.
import { NETWORK_ICONS } from '../../../src-main/core/posts/network-icons';

/** The icon's bitmap side: 12 px at up to 4 device pixels each, scaled down by the mask. */
const BITMAP_PX = 48;

/** The path as a `data:` SVG image. */
function svgUrl(path: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill-rule="evenodd" d="${path}"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** The path drawn on a canvas, as a `data:` PNG; null where there is no canvas to draw on. */
export function bitmapUrl(path: string, doc: Document): string | null {
  if (typeof Path2D !== 'function') return null;
  const canvas = doc.createElement('canvas');
  canvas.width = canvas.height = BITMAP_PX;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.scale(BITMAP_PX / 24, BITMAP_PX / 24);
  context.fill(new Path2D(path), 'evenodd');
  return canvas.toDataURL('image/png');
}

/** The stylesheet's rules, one per network; `draw` turns a path into a bitmap's URL when it can. */
export function networkMarkRules(draw: (path: string) => string | null = () => null): string[] {
  return Object.entries(NETWORK_ICONS).map(([network, icon]) => {
    const url = `url("${draw(icon.path) ?? svgUrl(icon.path)}")`;
    return `.net-mark[data-network='${network}']{-webkit-mask-image:${url};mask-image:${url}}`;
  });
}

let installed = false;

/** Adds the marks' stylesheet to the document, once (the CSP allows inline styles and data: images). */
export function installNetworkMarks(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): void {
  if (installed || !doc) return;
  installed = true;
  const style = doc.createElement('style');
  style.dataset.atelier = 'network-marks';
  style.textContent = networkMarkRules((path) => bitmapUrl(path, doc)).join('\n');
  doc.head.append(style);
}
