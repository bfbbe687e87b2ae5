// "Apply brand kit": a template's colours and fonts mapped to a client's kit. The template's main
// colours become the kit's colours in order (the most used one takes the kit's first); whites,
// blacks and greys stay, since they carry contrast rather than brand. Large text takes the kit's
// heading font, the rest its body font.
import type { Background, DesignDocument, Element, Fill, Page } from './schema';

export interface BrandStyle {
  palette: readonly string[];
  headingFont: string | null;
  bodyFont: string | null;
}

function hexToRgb(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** Greys, white and black (low saturation): kept as they are. */
export function isNeutral(colour: string): boolean {
  const rgb = hexToRgb(colour);
  if (!rgb) return true;
  const max = Math.max(...rgb) / 255;
  const min = Math.min(...rgb) / 255;
  const l = (max + min) / 2;
  const s = max === min ? 0 : (max - min) / (1 - Math.abs(2 * l - 1));
  return s < 0.15 || l < 0.08 || l > 0.96;
}

function fillColours(fill: Fill | null | undefined, out: string[]): void {
  if (!fill) return;
  if (typeof fill === 'string') out.push(fill);
  else for (const s of fill.stops) out.push(s.color);
}

function elementColours(el: Element, out: string[]): void {
  if ('fill' in el) fillColours(el.fill, out);
  if ('stroke' in el && el.stroke) out.push(el.stroke);
  if (el.type === 'text' && el.background) out.push(el.background.color);
  if (el.type === 'group') for (const c of el.elements) elementColours(c, out);
}

function backgroundColours(bg: Background, out: string[]): void {
  if (bg.type === 'color' || bg.type === 'image') out.push(bg.color);
  else fillColours(bg.gradient, out);
}

/** The design's brand colours (not neutrals), most used first, lower-cased. */
export function designColours(doc: Pick<DesignDocument, 'pages'>): string[] {
  const all: string[] = [];
  for (const page of doc.pages) {
    backgroundColours(page.background, all);
    for (const el of page.elements) elementColours(el, all);
  }
  const counts = new Map<string, number>();
  for (const c of all.map((x) => x.toLowerCase())) if (!isNeutral(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

export function applyBrandKit<T extends Pick<DesignDocument, 'pages'>>(doc: T, kit: BrandStyle): T {
  const brand = kit.palette.filter((c) => hexToRgb(c));
  const map = new Map<string, string>();
  if (brand.length) designColours(doc).forEach((c, i) => map.set(c, brand[i % brand.length]!));
  const colour = (c: string) => map.get(c.toLowerCase()) ?? c;
  function fill(f: Fill): Fill;
  function fill(f: Fill | null): Fill | null;
  function fill(f: Fill | null): Fill | null {
    if (f === null) return f;
    if (typeof f === 'string') return colour(f);
    return { ...f, stops: f.stops.map((s) => ({ ...s, color: colour(s.color) })) };
  }
  const pageFonts = (page: Page) => {
    let max = 0;
    const walk = (els: readonly Element[]) => els.forEach((e) => (e.type === 'text' ? (max = Math.max(max, e.fontSize)) : e.type === 'group' && walk(e.elements)));
    walk(page.elements);
    return max;
  };
  const element = (el: Element, largest: number): Element => {
    const next = { ...el } as Record<string, unknown> & Element;
    if ('fill' in el) next.fill = fill(el.fill as Fill | null);
    if ('stroke' in el && el.stroke) next.stroke = colour(el.stroke);
    if (el.type === 'text') {
      if (el.background) next.background = { ...el.background, color: colour(el.background.color) };
      const heading = el.fontSize >= largest * 0.6;
      const font = heading ? (kit.headingFont ?? kit.bodyFont) : (kit.bodyFont ?? kit.headingFont);
      if (font) next.fontFamily = font;
    }
    if (el.type === 'group') (next as { elements: Element[] }).elements = el.elements.map((c) => element(c, largest));
    const changed = Object.keys(next).some((k) => (next as Record<string, unknown>)[k] !== (el as Record<string, unknown>)[k]);
    return changed ? ({ ...next, version: el.version + 1 } as Element) : el;
  };
  const background = (bg: Background): Background => {
    if (bg.type === 'gradient') return { ...bg, gradient: fill(bg.gradient) as typeof bg.gradient };
    return { ...bg, color: colour(bg.color) };
  };
  return {
    ...doc,
    pages: doc.pages.map((page) => {
      const largest = pageFonts(page);
      return { ...page, background: background(page.background), elements: page.elements.map((e) => element(e, largest)) };
    }),
  };
}
