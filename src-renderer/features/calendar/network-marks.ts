// Network icons for the calendar's cards, drawn by CSS masks: a grid can show hundreds of cards, and
// an inline SVG per icon (Instagram's path alone is 1.5 kB) made icons a third of the month view's
// render time. A card's icon is an empty `<span class="net-mark" data-network="x">` painted in the
// text colour through its network's mask; the masks are the paths of ui/NetworkIcon
// (core/posts/network-icons), written once into a stylesheet.
import { NETWORK_ICONS } from '../../../src-main/core/posts/network-icons';

/** The stylesheet's rules, one per network. */
export function networkMarkRules(): string[] {
  return Object.entries(NETWORK_ICONS).map(([network, icon]) => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill-rule="evenodd" d="${icon.path}"/></svg>`;
    const url = `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
    return `.net-mark[data-network='${network}']{-webkit-mask-image:${url};mask-image:${url}}`;
  });
}

let installed = false;

/** Adds the marks' stylesheet to the document, once (the CSP allows inline styles). */
export function installNetworkMarks(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): void {
  if (installed || !doc) return;
  installed = true;
  const style = doc.createElement('style');
  style.dataset.atelier = 'network-marks';
  style.textContent = networkMarkRules().join('\n');
  doc.head.append(style);
}
