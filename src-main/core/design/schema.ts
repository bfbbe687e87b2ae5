// The design document: the file format the editor saves, the render module draws and content packs
// embed. Konva nodes are only a view of it. Bump SCHEMA_VERSION with an upgrade step in upgrade.ts.
import { z } from 'zod';

export const SCHEMA_VERSION = 3;

const Num = z.number().finite();
const Colour = z.string().min(1).max(64);
const Fraction = z.number().min(0).max(1);

export const GradientStop = z.object({ offset: Fraction, color: Colour });
export const LinearGradient = z.object({
  type: z.literal('linear'),
  /** Start and end points as 0–1 fractions of the element box. */
  from: z.object({ x: Num, y: Num }),
  to: z.object({ x: Num, y: Num }),
  stops: z.array(GradientStop).min(2).max(32),
});
export const RadialGradient = z.object({
  type: z.literal('radial'),
  /** Centre as 0–1 fractions of the element box; radius as a fraction of the longer side. */
  center: z.object({ x: Num, y: Num }),
  radius: z.number().positive().max(4),
  stops: z.array(GradientStop).min(2).max(32),
});
export const Gradient = z.discriminatedUnion('type', [LinearGradient, RadialGradient]);
/** A colour string or a gradient. */
export const Fill = z.union([Colour, Gradient]);

export const Background = z.discriminatedUnion('type', [
  z.object({ type: z.literal('color'), color: Colour }),
  z.object({ type: z.literal('gradient'), gradient: Gradient }),
  z.object({ type: z.literal('image'), assetId: z.string().regex(/^[0-9a-f]{64}$/), color: Colour.default('#ffffff') }),
]);

const Shadow = z.object({ color: Colour, blur: z.number().min(0).max(200), offsetX: Num, offsetY: Num, opacity: Fraction });

const base = {
  id: z.string().min(1).max(64),
  name: z.string().max(200).default(''),
  x: Num,
  y: Num,
  width: z.number().min(0).max(100_000),
  height: z.number().min(0).max(100_000),
  rotation: Num.default(0),
  opacity: Fraction.default(1),
  visible: z.boolean().default(true),
  locked: z.boolean().default(false),
  version: z.number().int().min(0).default(1),
};

const strokeFields = {
  stroke: Colour.nullable().default(null),
  strokeWidth: z.number().min(0).max(500).default(0),
  shadow: Shadow.nullable().default(null),
};

export const TextElement = z.object({
  ...base,
  type: z.literal('text'),
  text: z.string().max(20_000),
  fontFamily: z.string().min(1).max(100),
  fontSize: z.number().positive().max(2000),
  fontWeight: z.number().int().min(100).max(900).default(400),
  fontStyle: z.enum(['normal', 'italic']).default('normal'),
  fill: Fill.default('#000000'),
  align: z.enum(['left', 'center', 'right', 'justify']).default('left'),
  verticalAlign: z.enum(['top', 'middle', 'bottom']).default('top'),
  lineHeight: z.number().positive().max(10).default(1.2),
  letterSpacing: Num.default(0),
  ...strokeFields,
  /** A pill behind the text. */
  background: z.object({ color: Colour, padding: z.number().min(0).max(500), cornerRadius: z.number().min(0).max(1000) }).nullable().default(null),
  /** Shrink the font until the text fits the box. */
  autoFit: z.boolean().default(false),
});

export const ImageFilters = z.object({
  brightness: z.number().min(-1).max(1).default(0),
  contrast: z.number().min(-100).max(100).default(0),
  saturation: z.number().min(-2).max(10).default(0),
  blur: z.number().min(0).max(40).default(0),
  grayscale: z.boolean().default(false),
});
export const NO_FILTERS = { brightness: 0, contrast: 0, saturation: 0, blur: 0, grayscale: false } as const;

export const ImageElement = z.object({
  ...base,
  type: z.literal('image'),
  /** sha256 of the asset in the library. */
  assetId: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 asset id'),
  crop: z.object({ x: Fraction, y: Fraction, width: z.number().gt(0).max(1), height: z.number().gt(0).max(1) }).default({ x: 0, y: 0, width: 1, height: 1 }),
  filters: ImageFilters.default(NO_FILTERS),
  cornerRadius: z.number().min(0).max(10_000).default(0),
  flipX: z.boolean().default(false),
  flipY: z.boolean().default(false),
  alt: z.string().max(2000).default(''),
  ...strokeFields,
});

const shapeFields = { fill: Fill.nullable().default('#cccccc'), ...strokeFields };

export const RectElement = z.object({ ...base, type: z.literal('rect'), ...shapeFields, cornerRadius: z.number().min(0).max(10_000).default(0) });
export const EllipseElement = z.object({ ...base, type: z.literal('ellipse'), ...shapeFields });
export const StarElement = z.object({
  ...base,
  type: z.literal('star'),
  ...shapeFields,
  numPoints: z.number().int().min(3).max(100).default(5),
  /** Inner radius as a fraction of the outer one. */
  innerRatio: z.number().gt(0).max(1).default(0.45),
});
export const PolygonElement = z.object({
  ...base,
  type: z.literal('polygon'),
  ...shapeFields,
  sides: z.number().int().min(3).max(100).default(6),
  cornerRadius: z.number().min(0).max(10_000).default(0),
});
const lineFields = {
  /** Flat [x0, y0, x1, y1, …] relative to the element's x/y. */
  points: z.array(Num).min(4).max(20_000),
  stroke: Colour.default('#000000'),
  strokeWidth: z.number().min(0).max(500).default(4),
  dash: z.array(z.number().min(0)).max(16).default([]),
  shadow: Shadow.nullable().default(null),
};
export const LineElement = z.object({ ...base, type: z.literal('line'), ...lineFields, tension: z.number().min(0).max(1).default(0) });
export const ArrowElement = z.object({
  ...base,
  type: z.literal('arrow'),
  ...lineFields,
  pointerAtStart: z.boolean().default(false),
  pointerAtEnd: z.boolean().default(true),
  pointerLength: z.number().min(0).max(1000).default(20),
  pointerWidth: z.number().min(0).max(1000).default(20),
});

/**
 * A vector drawn from SVG path data (the icon set, logos traced as paths): `data` is in its own
 * `viewBox` units and is scaled to the element's box; the stroke width is in viewBox units too, so
 * an icon keeps its weight at any size. Added in schema 3.
 */
export const PathElement = z.object({
  ...base,
  type: z.literal('path'),
  data: z.string().min(1).max(100_000),
  viewBox: z.object({ width: z.number().positive().max(100_000), height: z.number().positive().max(100_000) }),
  fill: Fill.nullable().default(null),
  stroke: Colour.nullable().default('#111111'),
  strokeWidth: z.number().min(0).max(500).default(2),
  lineCap: z.enum(['butt', 'round', 'square']).default('round'),
  lineJoin: z.enum(['miter', 'round', 'bevel']).default('round'),
  shadow: Shadow.nullable().default(null),
});

const GroupFields = z.object({ ...base, type: z.literal('group') });

export const LeafElement = z.discriminatedUnion('type', [
  TextElement,
  ImageElement,
  RectElement,
  EllipseElement,
  StarElement,
  PolygonElement,
  LineElement,
  ArrowElement,
  PathElement,
]);

/** A group: children positioned relative to the group's x/y. */
export type GroupElement = z.infer<typeof GroupFields> & { elements: Element[] };
export type GroupElementInput = z.input<typeof GroupFields> & { elements: ElementInput[] };
export type Element = z.infer<typeof LeafElement> | GroupElement;
/** What callers may write: defaults are filled in on parse. */
export type ElementInput = z.input<typeof LeafElement> | GroupElementInput;

export const GroupElement = GroupFields.extend({
  elements: z.lazy((): z.ZodType<Element[], ElementInput[]> => z.array(Element).max(20_000)),
});

export const Element: z.ZodType<Element, ElementInput> = z.lazy(() =>
  z.discriminatedUnion('type', [TextElement, ImageElement, RectElement, EllipseElement, StarElement, PolygonElement, LineElement, ArrowElement, PathElement, GroupElement]),
);

export const Page = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(200).default(''),
  background: Background.default({ type: 'color', color: '#ffffff' }),
  elements: z.array(Element).max(20_000),
});

export const MAX_DESIGN_SIDE = 10_000;

export const DesignDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().min(1).max(64),
  name: z.string().max(200),
  preset: z.string().min(1).max(64),
  width: z.number().int().min(1).max(MAX_DESIGN_SIDE),
  height: z.number().int().min(1).max(MAX_DESIGN_SIDE),
  /** The design this one was magic-resized from (linked copies). */
  linkedFrom: z.string().max(64).nullable().default(null),
  pages: z.array(Page).min(1).max(200),
});

export type Fill = z.infer<typeof Fill>;
export type Gradient = z.infer<typeof Gradient>;
export type Background = z.infer<typeof Background>;
export type TextElement = z.infer<typeof TextElement>;
export type ImageElement = z.infer<typeof ImageElement>;
export type RectElement = z.infer<typeof RectElement>;
export type EllipseElement = z.infer<typeof EllipseElement>;
export type StarElement = z.infer<typeof StarElement>;
export type PolygonElement = z.infer<typeof PolygonElement>;
export type LineElement = z.infer<typeof LineElement>;
export type ArrowElement = z.infer<typeof ArrowElement>;
export type PathElement = z.infer<typeof PathElement>;
export type ElementType = Element['type'];
export type Page = z.infer<typeof Page>;
export type DesignDocument = z.infer<typeof DesignDocument>;
export type DesignDocumentInput = z.input<typeof DesignDocument>;
