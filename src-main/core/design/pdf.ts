// The print PDF: every page of a design as vectors, not a picture of it. Shapes, lines and icons
// are PDF paths; text is real text in the design's fonts, embedded as subsets (selectable, found by
// pdftotext); photos are the library's originals at full resolution, cropped by a clip. What PDF
// cannot draw as such (gradients, shadows, image filters, curved lines, glyphs missing from the font
// such as colour emoji) is drawn as a picture of that one element at print resolution; text drawn
// that way still carries its words as invisible text on top, so it stays searchable.
//
// Shared by the editor's export (browser) and `atelier render --pdf` (Node): pdf-lib is plain
// JavaScript; Konva (for text layout and the few pictures), fonts and photos come from the caller.
// Not exported from ./index, so pdf-lib loads only where a PDF is made.
import {
  PDFDocument,
  appendBezierCurve,
  beginText,
  clip,
  closePath,
  concatTransformationMatrix,
  drawObject,
  endPath,
  endText,
  fill,
  fillAndStroke,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSpacing,
  setDashPattern,
  setFillingRgbColor,
  setFontAndSize,
  setGraphicsState,
  setLineCap,
  setLineJoin,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  stroke,
  LineCapStyle,
  LineJoinStyle,
  TextRenderingMode,
  type PDFFont,
  type PDFImage,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { svgPathToOperators } from './svg-path';
import { buildBackground, buildElement, FALLBACK_FONT, layoutText, type SceneContext } from './scene';
import type { ArrowElement, Background, DesignDocument, Element, Fill, ImageElement, LineElement, Page, PathElement, TextElement } from './schema';

/** CSS pixels to PDF points: 96 px = 72 pt, as browsers print. */
export const PT_PER_PX = 0.75;

export interface PdfSources {
  /** Konva, decoded images and font availability: lays text out and draws the few pictures. */
  scene: SceneContext;
  /** A font file (TTF or OTF; WOFF2 decoded first) for a face, or null when there is none. */
  font(family: string, weight: number, italic: boolean): Promise<Uint8Array | null>;
  /** The original photo as JPEG or PNG bytes (full resolution), or null when it is missing. */
  photo(assetId: string): Promise<{ bytes: Uint8Array; format: 'jpeg' | 'png' } | null>;
  /** PNG bytes of a canvas Konva made (the picture of an element). */
  png(canvas: unknown): Promise<Uint8Array>;
  /** pdf-lib's font engine (@pdf-lib/fontkit). */
  fontkit: unknown;
}

export interface PdfOptions {
  /** Pixel ratio of the pictures drawn for what PDF cannot draw (default 3: about 300 dpi for a 1080 px design printed 9 in wide). */
  rasterScale?: number;
  onPage?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

type Rgba = { r: number; g: number; b: number; a: number };

/** Hex (#rgb, #rrggbb, #rrggbbaa), rgb()/rgba() and 'transparent'; anything else is null. */
export function parseColour(input: string): Rgba | null {
  const c = input.trim().toLowerCase();
  if (c === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  let m = /^#([0-9a-f]{3,8})$/.exec(c);
  if (m) {
    let h = m[1]!;
    if (h.length === 3 || h.length === 4) h = [...h].map((x) => x + x).join('');
    if (h.length !== 6 && h.length !== 8) return null;
    const n = (i: number) => parseInt(h.slice(i, i + 2), 16) / 255;
    return { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? n(6) : 1 };
  }
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(c);
  if (m) return { r: Number(m[1]) / 255, g: Number(m[2]) / 255, b: Number(m[3]) / 255, a: m[4] === undefined ? 1 : Number(m[4]) };
  const named: Record<string, string> = { black: '#000000', white: '#ffffff', red: '#ff0000', blue: '#0000ff', green: '#008000' };
  return named[c] ? parseColour(named[c]) : null;
}

const KAPPA = 0.5522847498;

/** A rectangle, rounded as Konva rounds it (radius at most half the shorter side), as path operators. */
function roundedRect(w: number, h: number, radius: number): PDFOperator[] {
  const r = Math.max(0, Math.min(radius, Math.abs(w) / 2, Math.abs(h) / 2));
  if (r === 0) return [moveTo(0, 0), lineTo(w, 0), lineTo(w, h), lineTo(0, h), closePath()];
  const k = r * KAPPA;
  return [
    moveTo(r, 0),
    lineTo(w - r, 0),
    appendBezierCurve(w - r + k, 0, w, r - k, w, r),
    lineTo(w, h - r),
    appendBezierCurve(w, h - r + k, w - r + k, h, w - r, h),
    lineTo(r, h),
    appendBezierCurve(r - k, h, 0, h - r + k, 0, h - r),
    lineTo(0, r),
    appendBezierCurve(0, r - k, r - k, 0, r, 0),
    closePath(),
  ];
}

function ellipse(w: number, h: number): PDFOperator[] {
  const rx = w / 2;
  const ry = h / 2;
  const kx = rx * KAPPA;
  const ky = ry * KAPPA;
  return [
    moveTo(rx, 0),
    appendBezierCurve(rx + kx, 0, w, ry - ky, w, ry),
    appendBezierCurve(w, ry + ky, rx + kx, h, rx, h),
    appendBezierCurve(rx - kx, h, 0, ry + ky, 0, ry),
    appendBezierCurve(0, ry - ky, rx - kx, 0, rx, 0),
    closePath(),
  ];
}

function polygon(points: readonly number[], close = true): PDFOperator[] {
  const ops: PDFOperator[] = [moveTo(points[0]!, points[1]!)];
  for (let i = 2; i + 1 < points.length; i += 2) ops.push(lineTo(points[i]!, points[i + 1]!));
  if (close) ops.push(closePath());
  return ops;
}

/** Konva's Star and RegularPolygon points, placed in the element's box (they are drawn about their centre). */
function starPoints(el: { width: number; height: number; numPoints: number; innerRatio: number }): number[] {
  const r = Math.max(el.width, 1e-6) / 2;
  const sy = el.height / Math.max(el.width, 1e-6);
  const out = [r, 0];
  for (let n = 1; n < el.numPoints * 2; n++) {
    const radius = n % 2 === 0 ? r : r * el.innerRatio;
    out.push(r + radius * Math.sin((n * Math.PI) / el.numPoints), (r - radius * Math.cos((n * Math.PI) / el.numPoints)) * sy);
  }
  return out;
}

function polygonPoints(el: { width: number; height: number; sides: number }): number[] {
  const r = Math.max(el.width, 1e-6) / 2;
  const sy = el.height / Math.max(el.width, 1e-6);
  const out: number[] = [];
  for (let n = 0; n < el.sides; n++) out.push(r + r * Math.sin((n * 2 * Math.PI) / el.sides), (r - r * Math.cos((n * 2 * Math.PI) / el.sides)) * sy);
  return out;
}

/** Element box transform (translate to x/y, rotate about that corner), as Konva applies it. */
function placeOps(el: { x: number; y: number; rotation: number }): PDFOperator[] {
  const r = (el.rotation * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  return [concatTransformationMatrix(cos, sin, -sin, cos, el.x, el.y)];
}

function isPlainFill(fill: Fill | null | undefined): fill is string | null | undefined {
  return fill == null || typeof fill === 'string';
}

interface PageWriter {
  page: PDFPage;
  ops: PDFOperator[];
}

export async function designToPdf(doc: DesignDocument, sources: PdfSources, options: PdfOptions = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(sources.fontkit as Parameters<PDFDocument['registerFontkit']>[0]);
  pdf.setTitle(doc.name);
  pdf.setCreator('Atelier');
  pdf.setProducer('Atelier (pdf-lib)');
  const rasterScale = options.rasterScale ?? 3;
  const ctx = sources.scene;

  const fonts = new Map<string, Promise<PDFFont | null>>();
  const photos = new Map<string, Promise<PDFImage | null>>();
  const states = new Map<string, PDFName>();
  let fontCount = 0;

  /** One embedded subset per face; the tag before '+' is what marks a subset in PDF. */
  function fontFor(family: string, weight: number, italic: boolean): Promise<PDFFont | null> {
    const key = `${family}|${weight}|${italic}`;
    let found = fonts.get(key);
    if (!found) {
      found = (async () => {
        const bytes = (await sources.font(family, weight, italic)) ?? (family === FALLBACK_FONT ? null : await sources.font(FALLBACK_FONT, weight, italic));
        if (!bytes) return null;
        const tag = [...String(fontCount++).padStart(6, '0')].map((d) => String.fromCharCode(65 + Number(d))).join('');
        const name = `${family}-${weight}${italic ? 'Italic' : ''}`.replace(/[^A-Za-z0-9-]/g, '');
        return pdf.embedFont(bytes, { subset: true, customName: `${tag}+${name}` });
      })();
      fonts.set(key, found);
    }
    return found;
  }

  function photoFor(assetId: string): Promise<PDFImage | null> {
    let found = photos.get(assetId);
    if (!found) {
      found = sources.photo(assetId).then((p) => (p ? (p.format === 'jpeg' ? pdf.embedJpg(p.bytes) : pdf.embedPng(p.bytes)) : null));
      photos.set(assetId, found);
    }
    return found;
  }

  function alphaState(w: PageWriter, fillAlpha: number, strokeAlpha = fillAlpha): PDFOperator[] {
    if (fillAlpha >= 0.999 && strokeAlpha >= 0.999) return [];
    const key = `${fillAlpha.toFixed(3)}|${strokeAlpha.toFixed(3)}`;
    let name = states.get(`${key}|${w.page.ref.toString()}`);
    if (!name) {
      name = w.page.node.newExtGState('GS', pdf.context.obj({ Type: 'ExtGState', ca: fillAlpha, CA: strokeAlpha }));
      states.set(`${key}|${w.page.ref.toString()}`, name);
    }
    return [setGraphicsState(name)];
  }

  async function drawPicture(w: PageWriter, node: { getClientRect(o?: object): { x: number; y: number; width: number; height: number }; toCanvas(o: object): unknown; destroy(): void }, opacity: number): Promise<void> {
    // The node is drawn in the element's own coordinates: its box, then whatever spills out (shadows).
    const rect = node.getClientRect();
    if (!(rect.width > 0 && rect.height > 0)) {
      node.destroy();
      return;
    }
    const scale = Math.min(rasterScale, Math.sqrt(16_000_000 / (rect.width * rect.height)));
    const canvas = node.toCanvas({ x: rect.x, y: rect.y, width: rect.width, height: rect.height, pixelRatio: scale });
    node.destroy();
    const image = await pdf.embedPng(await sources.png(canvas));
    const name = w.page.node.newXObject('Pic', image.ref);
    w.ops.push(pushGraphicsState(), ...alphaState(w, opacity), concatTransformationMatrix(rect.width, 0, 0, -rect.height, rect.x, rect.y + rect.height), drawObject(name), popGraphicsState());
  }

  /** A picture of one element (at the origin, unrotated: the caller's transform places it). */
  async function elementPicture(w: PageWriter, el: Element, opacity: number): Promise<void> {
    const node = buildElement(ctx, { ...el, x: 0, y: 0, rotation: 0, opacity: 1 } as Element);
    await drawPicture(w, node as unknown as Parameters<typeof drawPicture>[1], opacity);
  }

  function paint(w: PageWriter, path: PDFOperator[], fillColour: string | null | undefined, strokeColour: string | null | undefined, strokeWidth: number, opacity: number, extra: PDFOperator[] = []): void {
    const f = fillColour ? parseColour(fillColour) : null;
    const s = strokeColour && strokeWidth > 0 ? parseColour(strokeColour) : null;
    const doFill = f !== null && f.a > 0;
    const doStroke = s !== null && s.a > 0;
    if (!doFill && !doStroke) return;
    w.ops.push(pushGraphicsState(), ...alphaState(w, opacity * (f?.a ?? 1), opacity * (s?.a ?? 1)), ...extra);
    if (doFill) w.ops.push(setFillingRgbColor(f.r, f.g, f.b));
    if (doStroke) w.ops.push(setStrokingRgbColor(s.r, s.g, s.b), setLineWidth(strokeWidth));
    w.ops.push(...path, doFill && doStroke ? fillAndStroke() : doFill ? fill() : stroke(), popGraphicsState());
  }

  async function drawImage(w: PageWriter, el: ImageElement, opacity: number): Promise<void> {
    const hasFilters = el.filters.brightness || el.filters.contrast || el.filters.saturation || el.filters.blur || el.filters.grayscale;
    const image = hasFilters ? null : await photoFor(el.assetId);
    if (!image || el.shadow) return elementPicture(w, el, opacity);
    const name = w.page.node.newXObject('Photo', image.ref);
    const fw = el.width / el.crop.width;
    const fh = el.height / el.crop.height;
    const x = -el.crop.x * fw;
    const y = -el.crop.y * fh;
    w.ops.push(pushGraphicsState(), ...alphaState(w, opacity), ...roundedRect(el.width, el.height, el.cornerRadius), clip(), endPath());
    if (el.flipX) w.ops.push(concatTransformationMatrix(-1, 0, 0, 1, el.width, 0));
    if (el.flipY) w.ops.push(concatTransformationMatrix(1, 0, 0, -1, 0, el.height));
    // An image XObject fills the unit square bottom-up: flip it into this top-down space.
    w.ops.push(concatTransformationMatrix(fw, 0, 0, -fh, x, y + fh), drawObject(name), popGraphicsState());
    if (el.stroke && el.strokeWidth > 0) paint(w, roundedRect(el.width, el.height, el.cornerRadius), null, el.stroke, el.strokeWidth, opacity);
  }

  function lineOps(el: LineElement | ArrowElement): PDFOperator[] {
    return [setLineCap(LineCapStyle.Round), setLineJoin(LineJoinStyle.Round), ...(el.dash.length ? [setDashPattern(el.dash, 0)] : [])];
  }

  function arrowHead(el: ArrowElement, atStart: boolean): PDFOperator[] {
    const p = el.points;
    const n = p.length;
    const [ex, ey, fx, fy] = atStart ? [p[0]!, p[1]!, p[2]!, p[3]!] : [p[n - 2]!, p[n - 1]!, p[n - 4]!, p[n - 3]!];
    const angle = Math.atan2(ey - fy, ex - fx);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const pt = (x: number, y: number): [number, number] => [ex + x * cos - y * sin, ey + x * sin + y * cos];
    const a = pt(-el.pointerLength, el.pointerWidth / 2);
    const b = pt(-el.pointerLength, -el.pointerWidth / 2);
    return [moveTo(ex, ey), lineTo(a[0], a[1]), lineTo(b[0], b[1]), closePath()];
  }

  function drawPath(w: PageWriter, el: PathElement, opacity: number): void {
    const ops = [concatTransformationMatrix(el.width / el.viewBox.width, 0, 0, el.height / el.viewBox.height, 0, 0)];
    const caps = { butt: LineCapStyle.Butt, round: LineCapStyle.Round, square: LineCapStyle.Projecting } as const;
    const joins = { miter: LineJoinStyle.Miter, round: LineJoinStyle.Round, bevel: LineJoinStyle.Bevel } as const;
    paint(w, svgPathToOperators(el.data), el.fill as string | null, el.stroke, el.strokeWidth, opacity, [...ops, setLineCap(caps[el.lineCap]), setLineJoin(joins[el.lineJoin])]);
  }

  /** Whether every character of the text has a glyph in the font (colour emoji usually do not). */
  function covers(font: PDFFont, text: string): boolean {
    const set = new Set(font.getCharacterSet());
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp > 32 && !set.has(cp) && !/\s/.test(ch)) return false;
    }
    return true;
  }

  async function drawText(w: PageWriter, el: TextElement, opacity: number): Promise<void> {
    if (el.background) {
      const p = el.background.padding;
      w.ops.push(pushGraphicsState(), concatTransformationMatrix(1, 0, 0, 1, -p, -p));
      paint(w, roundedRect(el.width + 2 * p, el.height + 2 * p, el.background.cornerRadius), el.background.color, null, 0, opacity);
      w.ops.push(popGraphicsState());
    }
    const family = ctx.hasFont(el.fontFamily) ? el.fontFamily : FALLBACK_FONT;
    const font = await fontFor(family, el.fontWeight, el.fontStyle === 'italic');
    const layout = layoutText(ctx, el);
    const fillColour = typeof el.fill === 'string' ? parseColour(el.fill) : null;
    // Drawn as a picture (with the words invisible on top) when PDF text cannot look the same.
    const picture = !font || !isPlainFill(el.fill) || el.shadow !== null || fillColour === null || !covers(font, el.text);
    if (picture) {
      const { background: _bg, ...bare } = el;
      await elementPicture(w, { ...bare, background: null } as TextElement, opacity);
      if (!font) return;
    }
    const size = layout.fontSize;
    const unitsWidth = (s: string) => font!.widthOfTextAtSize(s, size);
    const spaceWidth = unitsWidth(' ');
    const strokeColour = el.stroke && el.strokeWidth > 0 ? parseColour(el.stroke) : null;
    w.ops.push(pushGraphicsState(), ...alphaState(w, opacity * (fillColour?.a ?? 1), opacity * (strokeColour?.a ?? 1)), beginText(), setFontAndSize(w.page.node.newFontDictionary(font!.name, font!.ref), size));
    if (el.letterSpacing) w.ops.push(setCharacterSpacing(el.letterSpacing));
    const passes: { mode: TextRenderingMode; colour: Rgba | null }[] = picture
      ? [{ mode: TextRenderingMode.Invisible, colour: null }]
      : [...(strokeColour ? [{ mode: TextRenderingMode.Outline, colour: strokeColour }] : []), { mode: TextRenderingMode.Fill, colour: fillColour }];
    for (const pass of passes) {
      w.ops.push(setTextRenderingMode(pass.mode));
      if (pass.colour && pass.mode === TextRenderingMode.Outline) w.ops.push(setStrokingRgbColor(pass.colour.r, pass.colour.g, pass.colour.b), setLineWidth(el.strokeWidth));
      if (pass.colour && pass.mode === TextRenderingMode.Fill) w.ops.push(setFillingRgbColor(pass.colour.r, pass.colour.g, pass.colour.b));
      layout.lines.forEach((line, i) => {
        const baseline = layout.firstBaseline + i * layout.lineHeightPx;
        const free = el.width - line.width;
        let x = el.align === 'right' ? free : el.align === 'center' ? free / 2 : 0;
        const words = line.text.split(' ');
        if (el.align === 'justify' && !line.lastInParagraph && words.length > 1) {
          // PDF word spacing does not apply to two-byte fonts: place each word.
          const extra = free / (words.length - 1);
          for (const word of words) {
            if (word) w.ops.push(setTextMatrix(1, 0, 0, -1, x, baseline), showText(font!.encodeText(word)));
            x += unitsWidth(word) + spaceWidth + extra + el.letterSpacing * ([...word].length + 1);
          }
          return;
        }
        if (line.text) w.ops.push(setTextMatrix(1, 0, 0, -1, x, baseline), showText(font!.encodeText(line.text)));
      });
    }
    w.ops.push(endText(), popGraphicsState());
  }

  async function drawElement(w: PageWriter, el: Element, parentOpacity: number): Promise<void> {
    if (!el.visible) return;
    const opacity = parentOpacity * el.opacity;
    w.ops.push(pushGraphicsState(), ...placeOps(el));
    const fillable = 'fill' in el ? el.fill : null;
    const needsPicture = ('shadow' in el && el.shadow !== null && el.type !== 'text') || (el.type !== 'text' && el.type !== 'group' && !isPlainFill(fillable as Fill | null));
    if (needsPicture) await elementPicture(w, el, opacity);
    else
      switch (el.type) {
        case 'group':
          for (const child of el.elements) await drawElement(w, child, opacity);
          break;
        case 'text':
          await drawText(w, el, opacity);
          break;
        case 'image':
          await drawImage(w, el, opacity);
          break;
        case 'rect':
          paint(w, roundedRect(el.width, el.height, el.cornerRadius), el.fill as string | null, el.stroke, el.strokeWidth, opacity);
          break;
        case 'ellipse':
          paint(w, ellipse(el.width, el.height), el.fill as string | null, el.stroke, el.strokeWidth, opacity);
          break;
        case 'star':
          paint(w, polygon(starPoints(el)), el.fill as string | null, el.stroke, el.strokeWidth, opacity);
          break;
        case 'polygon':
          if (el.cornerRadius > 0) await elementPicture(w, el, opacity);
          else paint(w, polygon(polygonPoints(el)), el.fill as string | null, el.stroke, el.strokeWidth, opacity);
          break;
        case 'line':
        case 'arrow':
          if (el.type === 'line' && el.tension > 0) await elementPicture(w, el, opacity);
          else {
            paint(w, polygon(el.points, false), null, el.stroke, el.strokeWidth, opacity, lineOps(el));
            if (el.type === 'arrow') {
              if (el.pointerAtEnd) paint(w, arrowHead(el, false), el.stroke, el.stroke, el.strokeWidth, opacity, [setLineJoin(LineJoinStyle.Round)]);
              if (el.pointerAtStart) paint(w, arrowHead(el, true), el.stroke, el.stroke, el.strokeWidth, opacity, [setLineJoin(LineJoinStyle.Round)]);
            }
          }
          break;
        case 'path':
          drawPath(w, el, opacity);
          break;
      }
    w.ops.push(popGraphicsState());
  }

  async function drawBackground(w: PageWriter, bg: Background): Promise<void> {
    if (bg.type === 'color') return paint(w, roundedRect(doc.width, doc.height, 0), bg.color, null, 0, 1);
    if (bg.type === 'gradient') {
      const node = buildBackground(ctx, doc, bg);
      return drawPicture(w, node as unknown as Parameters<typeof drawPicture>[1], 1);
    }
    paint(w, roundedRect(doc.width, doc.height, 0), bg.color, null, 0, 1);
    const image = await photoFor(bg.assetId);
    if (!image) return;
    // Cover: the photo cropped to the page ratio, centred (as buildBackground does).
    const ratio = doc.width / doc.height;
    const cw = Math.min(image.width, image.height * ratio);
    const ch = cw / ratio;
    const s = doc.width / cw;
    const name = w.page.node.newXObject('Photo', image.ref);
    const x = -((image.width - cw) / 2) * s;
    const y = -((image.height - ch) / 2) * s;
    w.ops.push(pushGraphicsState(), ...roundedRect(doc.width, doc.height, 0), clip(), endPath(), concatTransformationMatrix(image.width * s, 0, 0, -image.height * s, x, y + image.height * s), drawObject(name), popGraphicsState());
  }

  async function drawPage(page: Page): Promise<void> {
    const w: PageWriter = { page: pdf.addPage([doc.width * PT_PER_PX, doc.height * PT_PER_PX]), ops: [] };
    // Design pixels, top-left origin, y down: the same space Konva draws in.
    w.ops.push(pushGraphicsState(), concatTransformationMatrix(PT_PER_PX, 0, 0, -PT_PER_PX, 0, doc.height * PT_PER_PX));
    w.ops.push(pushGraphicsState(), ...roundedRect(doc.width, doc.height, 0), clip(), endPath());
    await drawBackground(w, page.background);
    for (const el of page.elements) await drawElement(w, el, 1);
    w.ops.push(popGraphicsState(), popGraphicsState());
    w.page.pushOperators(...w.ops);
  }

  for (const [i, page] of doc.pages.entries()) {
    if (options.signal?.aborted) throw new Error('PDF export cancelled.');
    await drawPage(page);
    options.onPage?.(i + 1, doc.pages.length);
  }
  return pdf.save();
}
