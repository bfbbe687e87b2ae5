// Document → Konva nodes. The ONE place that decides how an element looks, used by the editor
// (in the browser) and by the headless render module (Konva over @napi-rs/canvas), so both draw the
// same pixels. Konva is injected, never imported, so core stays free of any runtime.
import type KonvaNS from 'konva';
import type { Background, DesignDocument, Element, Fill, ImageElement, Page, PathElement, TextElement } from './schema';

type Konva = typeof KonvaNS;
type Node = InstanceType<Konva['Group']> | InstanceType<Konva['Shape']>;
type Attrs = Record<string, unknown>;

/** Families always present; unknown families fall back to the first. */
export const FALLBACK_FONT = 'Inter';
export const EMOJI_FONT = 'Noto Color Emoji';

export interface SceneWarning {
  kind: 'missing_asset' | 'unknown_font';
  elementId: string;
  detail: string;
}

export interface SceneContext {
  Konva: Konva;
  /** A decoded image for an asset id, or null when the asset is missing (a placeholder is drawn). */
  image(assetId: string): CanvasImageSource | null;
  /** Whether a font family can be drawn; unknown families fall back to Inter with a warning. */
  hasFont(family: string): boolean;
  /** Pixel ratio filter caches are built at (the export scale), so filtered images stay sharp. */
  pixelRatio?: number;
  warnings?: SceneWarning[];
}

function stopsOf(fill: Extract<Fill, { stops: unknown }>): (number | string)[] {
  return fill.stops.flatMap((s) => [s.offset, s.color]);
}

/** Konva fill attributes for a colour or gradient over a box whose local origin is (ox, oy). */
export function fillAttrs(fill: Fill | null | undefined, width: number, height: number, ox = 0, oy = 0): Attrs {
  if (fill == null) return { fillEnabled: false };
  if (typeof fill === 'string') return { fill, fillPriority: 'color' };
  if (fill.type === 'linear') {
    return {
      fillPriority: 'linear-gradient',
      fillLinearGradientStartPoint: { x: fill.from.x * width - ox, y: fill.from.y * height - oy },
      fillLinearGradientEndPoint: { x: fill.to.x * width - ox, y: fill.to.y * height - oy },
      fillLinearGradientColorStops: stopsOf(fill),
    };
  }
  const c = { x: fill.center.x * width - ox, y: fill.center.y * height - oy };
  return {
    fillPriority: 'radial-gradient',
    fillRadialGradientStartPoint: c,
    fillRadialGradientEndPoint: c,
    fillRadialGradientStartRadius: 0,
    fillRadialGradientEndRadius: fill.radius * Math.max(width, height),
    fillRadialGradientColorStops: stopsOf(fill),
  };
}

function strokeAttrs(el: { stroke: string | null; strokeWidth: number; shadow: { color: string; blur: number; offsetX: number; offsetY: number; opacity: number } | null }): Attrs {
  const a: Attrs = el.stroke && el.strokeWidth > 0 ? { stroke: el.stroke, strokeWidth: el.strokeWidth } : { strokeEnabled: false };
  if (el.shadow) {
    Object.assign(a, {
      shadowColor: el.shadow.color,
      shadowBlur: el.shadow.blur,
      shadowOffsetX: el.shadow.offsetX,
      shadowOffsetY: el.shadow.offsetY,
      shadowOpacity: el.shadow.opacity,
      shadowEnabled: true,
    });
  }
  return a;
}

function common(el: Element): Attrs {
  return { id: el.id, name: 'element', x: el.x, y: el.y, rotation: el.rotation, opacity: el.opacity, visible: el.visible };
}

function fontFor(ctx: SceneContext, el: TextElement): string {
  if (ctx.hasFont(el.fontFamily)) return `${el.fontFamily}, ${EMOJI_FONT}`;
  ctx.warnings?.push({ kind: 'unknown_font', elementId: el.id, detail: el.fontFamily });
  return `${FALLBACK_FONT}, ${EMOJI_FONT}`;
}

/** Konva attributes of a text element's text (no box height: that is what wrapping decides). */
function textAttrs(ctx: SceneContext, el: TextElement): Attrs {
  return {
    text: el.text,
    width: el.width,
    fontFamily: fontFor(ctx, el),
    fontSize: el.fontSize,
    fontStyle: `${el.fontStyle === 'italic' ? 'italic ' : ''}${el.fontWeight}`,
    align: el.align,
    lineHeight: el.lineHeight,
    letterSpacing: el.letterSpacing,
    wrap: 'word',
    fillAfterStrokeEnabled: true,
    ...fillAttrs(el.fill, el.width, el.height),
    ...strokeAttrs(el),
  };
}

/**
 * The height the text needs at its box width (every wrapped line), in design pixels. Text boxes
 * grow to this as people type, so nothing is cut; shrink-to-fit boxes keep their height instead.
 */
export function measureTextHeight(ctx: SceneContext, el: TextElement): number {
  const text = new ctx.Konva.Text(textAttrs({ ...ctx, warnings: undefined }, el));
  const height = text.height();
  text.destroy();
  return height;
}

export interface TextLayout {
  lines: { text: string; width: number; lastInParagraph: boolean }[];
  /** The font size drawn (smaller than the element's when shrink-to-fit applies). */
  fontSize: number;
  lineHeightPx: number;
  /** The first line's baseline, from the top of the box. */
  firstBaseline: number;
  /** The font string Konva used (family with its fallbacks). */
  font: string;
}

/** The wrapped lines Konva draws for a text element and where their baselines are (the PDF writer places them). */
export function layoutText(ctx: SceneContext, el: TextElement): TextLayout {
  const text = buildTextNode(ctx, el);
  const internals = text as unknown as { textArr: TextLayout['lines']; _getTextTop(): number; measureSize(t: string): { fontBoundingBoxAscent?: number; actualBoundingBoxAscent: number; fontBoundingBoxDescent?: number; actualBoundingBoxDescent: number } };
  const lines = internals.textArr.map((l) => ({ text: l.text, width: l.width, lastInParagraph: l.lastInParagraph }));
  const fontSize = text.fontSize();
  const lineHeightPx = text.lineHeight() * fontSize;
  // Konva 10's own baseline rule (Text._sceneFunc): centred on the line box by the font's ascent and descent.
  const m = internals.measureSize('M');
  const ascent = m.fontBoundingBoxAscent ?? m.actualBoundingBoxAscent;
  const descent = m.fontBoundingBoxDescent ?? m.actualBoundingBoxDescent;
  const firstBaseline = internals._getTextTop() + (ascent - descent) / 2 + lineHeightPx / 2;
  const font = text.fontFamily();
  text.destroy();
  return { lines, fontSize, lineHeightPx, firstBaseline, font };
}

/** The Konva.Text of a text element, shrunk to fit when asked, with its box height set. */
function buildTextNode(ctx: SceneContext, el: TextElement): InstanceType<Konva['Text']> {
  const K = ctx.Konva;
  const attrs = textAttrs(ctx, el);
  const text = new K.Text(attrs);
  if (el.autoFit) {
    // Shrink-to-fit: the largest size (≤ fontSize) whose wrapped text fits the box height.
    let size = el.fontSize;
    while (size > 4 && text.height() > el.height) {
      size = Math.max(4, size * 0.94);
      text.fontSize(size);
    }
  }
  text.height(el.height);
  text.verticalAlign(el.verticalAlign);
  return text;
}

function buildText(ctx: SceneContext, el: TextElement): Node {
  const K = ctx.Konva;
  const text = buildTextNode(ctx, el);
  if (!el.background) {
    text.setAttrs(common(el));
    return text;
  }
  const group = new K.Group(common(el));
  const p = el.background.padding;
  group.add(new K.Rect({ x: -p, y: -p, width: el.width + 2 * p, height: el.height + 2 * p, fill: el.background.color, cornerRadius: el.background.cornerRadius, listening: false }));
  group.add(text);
  return group;
}

function placeholder(ctx: SceneContext, el: ImageElement): Node {
  const K = ctx.Konva;
  const g = new K.Group(common(el));
  g.add(new K.Rect({ width: el.width, height: el.height, fill: '#e5e7eb', stroke: '#9ca3af', strokeWidth: 2, dash: [12, 8], cornerRadius: el.cornerRadius }));
  g.add(new K.Line({ points: [0, 0, el.width, el.height], stroke: '#9ca3af', strokeWidth: 2 }));
  g.add(new K.Line({ points: [el.width, 0, 0, el.height], stroke: '#9ca3af', strokeWidth: 2 }));
  return g;
}

function buildImage(ctx: SceneContext, el: ImageElement): Node {
  const K = ctx.Konva;
  const source = ctx.image(el.assetId);
  if (!source) {
    ctx.warnings?.push({ kind: 'missing_asset', elementId: el.id, detail: el.assetId });
    return placeholder(ctx, el);
  }
  const nw = (source as { width: number }).width;
  const nh = (source as { height: number }).height;
  const img = new K.Image({
    image: source,
    width: el.width,
    height: el.height,
    crop: { x: el.crop.x * nw, y: el.crop.y * nh, width: el.crop.width * nw, height: el.crop.height * nh },
    cornerRadius: el.cornerRadius,
    scaleX: el.flipX ? -1 : 1,
    scaleY: el.flipY ? -1 : 1,
    offsetX: el.flipX ? el.width : 0,
    offsetY: el.flipY ? el.height : 0,
    ...strokeAttrs(el),
  });
  const f = el.filters;
  const filters = [];
  if (f.brightness) filters.push(K.Filters.Brighten);
  if (f.contrast) filters.push(K.Filters.Contrast);
  if (f.saturation) filters.push(K.Filters.HSL);
  if (f.blur) filters.push(K.Filters.Blur);
  if (f.grayscale) filters.push(K.Filters.Grayscale);
  const g = new K.Group(common(el));
  g.add(img);
  if (filters.length) {
    img.setAttrs({ image: source, brightness: f.brightness, contrast: f.contrast, saturation: f.saturation, blurRadius: f.blur });
    img.filters(filters);
    img.cache({ pixelRatio: ctx.pixelRatio ?? 1 });
  }
  return g;
}

function buildPath(ctx: SceneContext, el: PathElement): Node {
  const K = ctx.Konva;
  // The path is drawn in its viewBox units inside a group at the element's box, so the group's own
  // scale stays 1 (the transformer and the PDF writer read element boxes, not node scales).
  const g = new K.Group(common(el));
  const sx = el.width / el.viewBox.width;
  const sy = el.height / el.viewBox.height;
  const shadow = strokeAttrs({ stroke: null, strokeWidth: 0, shadow: el.shadow });
  delete shadow.strokeEnabled;
  g.add(
    new K.Path({
      data: el.data,
      scaleX: sx,
      scaleY: sy,
      ...fillAttrs(el.fill, el.viewBox.width, el.viewBox.height),
      ...(el.stroke && el.strokeWidth > 0 ? { stroke: el.stroke, strokeWidth: el.strokeWidth } : { strokeEnabled: false }),
      lineCap: el.lineCap,
      lineJoin: el.lineJoin,
      ...shadow,
    }),
  );
  // An invisible box keeps the whole icon clickable, not only its strokes.
  g.add(new K.Rect({ width: el.width, height: el.height, fill: 'transparent', name: 'hit' }));
  return g;
}

/**
 * A star or regular polygon drawn in its element's box: a circle of radius r = width / 2 around the
 * box's centre, stretched vertically to the box's height. Returns r and the attributes both share.
 */
function inscribed(el: Extract<Element, { type: 'star' | 'polygon' }>): { r: number; attrs: Attrs } {
  const r = Math.max(el.width, 1e-6) / 2;
  const scaleY = el.height / Math.max(el.width, 1e-6);
  return { r, attrs: { ...common(el), scaleY, offsetX: -r, offsetY: -r, ...fillAttrs(el.fill, el.width, el.width, r, r), ...strokeAttrs(el) } };
}

function centred(w: number, h: number): Attrs {
  // Konva draws ellipses, stars and polygons around their centre; offset puts the box at x/y.
  return { offsetX: -w / 2, offsetY: -h / 2 };
}

/** One element as a Konva node (a group for groups, text with a pill, and images). */
export function buildElement(ctx: SceneContext, el: Element): Node {
  const K = ctx.Konva;
  switch (el.type) {
    case 'text':
      return buildText(ctx, el);
    case 'image':
      return buildImage(ctx, el);
    case 'rect':
      return new K.Rect({ ...common(el), width: el.width, height: el.height, cornerRadius: el.cornerRadius, ...fillAttrs(el.fill, el.width, el.height), ...strokeAttrs(el) });
    case 'ellipse':
      return new K.Ellipse({ ...common(el), ...centred(el.width, el.height), radiusX: el.width / 2, radiusY: el.height / 2, ...fillAttrs(el.fill, el.width, el.height, el.width / 2, el.height / 2), ...strokeAttrs(el) });
    case 'star': {
      const { r, attrs } = inscribed(el);
      return new K.Star({ ...attrs, numPoints: el.numPoints, outerRadius: r, innerRadius: r * el.innerRatio });
    }
    case 'polygon': {
      const { r, attrs } = inscribed(el);
      return new K.RegularPolygon({ ...attrs, sides: el.sides, radius: r, cornerRadius: el.cornerRadius });
    }
    case 'line':
    case 'arrow': {
      const attrs = {
        ...common(el),
        points: el.points,
        stroke: el.stroke,
        strokeWidth: el.strokeWidth,
        dash: el.dash.length ? el.dash : undefined,
        lineCap: 'round' as const,
        lineJoin: 'round' as const,
        hitStrokeWidth: Math.max(20, el.strokeWidth),
        ...(el.shadow ? strokeAttrs({ stroke: null, strokeWidth: 0, shadow: el.shadow }) : {}),
      };
      delete (attrs as Attrs).strokeEnabled;
      if (el.type === 'line') return new K.Line({ ...attrs, tension: el.tension });
      return new K.Arrow({
        ...attrs,
        fill: el.stroke,
        pointerAtBeginning: el.pointerAtStart,
        pointerAtEnding: el.pointerAtEnd,
        pointerLength: el.pointerLength,
        pointerWidth: el.pointerWidth,
      });
    }
    case 'path':
      return buildPath(ctx, el);
    case 'group': {
      const g = new K.Group(common(el));
      for (const child of el.elements) g.add(buildElement(ctx, child) as InstanceType<Konva['Shape']>);
      return g;
    }
  }
}

/** The page background as a node (a colour, a gradient, or an image covering the page). */
export function buildBackground(ctx: SceneContext, doc: Pick<DesignDocument, 'width' | 'height'>, bg: Background): Node {
  const K = ctx.Konva;
  const box = { x: 0, y: 0, width: doc.width, height: doc.height, listening: false, name: 'background' };
  if (bg.type === 'color') return new K.Rect({ ...box, fill: bg.color });
  if (bg.type === 'gradient') return new K.Rect({ ...box, ...fillAttrs(bg.gradient, doc.width, doc.height) });
  const g = new K.Group({ listening: false, name: 'background' });
  g.add(new K.Rect({ ...box, fill: bg.color }));
  const source = ctx.image(bg.assetId);
  if (!source) {
    ctx.warnings?.push({ kind: 'missing_asset', elementId: 'background', detail: bg.assetId });
    return g;
  }
  const nw = (source as { width: number }).width;
  const nh = (source as { height: number }).height;
  // Cover: crop the source to the page ratio, centred.
  const ratio = doc.width / doc.height;
  const cw = Math.min(nw, nh * ratio);
  const ch = cw / ratio;
  g.add(new K.Image({ ...box, image: source, crop: { x: (nw - cw) / 2, y: (nh - ch) / 2, width: cw, height: ch } }));
  return g;
}

/** A whole page: background (unless transparent) then elements, in a group at the origin. */
export function buildPage(ctx: SceneContext, doc: Pick<DesignDocument, 'width' | 'height'>, page: Page, options: { transparent?: boolean } = {}): InstanceType<Konva['Group']> {
  const g = new ctx.Konva.Group({ name: 'page' });
  if (!options.transparent) g.add(buildBackground(ctx, doc, page.background) as InstanceType<Konva['Shape']>);
  for (const el of page.elements) g.add(buildElement(ctx, el) as InstanceType<Konva['Shape']>);
  return g;
}

/** Visits every element of a list, groups' children included. */
export function walkElements(elements: readonly Element[], visit: (el: Element) => void): void {
  for (const e of elements) {
    visit(e);
    if (e.type === 'group') walkElements(e.elements, visit);
  }
}

/** Every asset id a page needs (elements at any depth and the background). */
export function pageAssetIds(page: Page): string[] {
  const out = new Set<string>();
  if (page.background.type === 'image') out.add(page.background.assetId);
  walkElements(page.elements, (e) => e.type === 'image' && out.add(e.assetId));
  return [...out];
}

/** Every font family a page uses. */
export function pageFontFamilies(page: Page): string[] {
  const out = new Set<string>();
  walkElements(page.elements, (e) => e.type === 'text' && out.add(e.fontFamily));
  return [...out];
}
