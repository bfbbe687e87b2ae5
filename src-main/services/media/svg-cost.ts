// What an SVG would cost to draw, read from its markup before any renderer sees it. A few hundred
// bytes can ask for minutes of CPU (a blur over a filter region a hundred times the picture) and a
// few MB for gigabytes (200,000 shapes, or `<use>` copies of copies). Drawing always runs under a
// time and memory budget anyway (svg-raster.ts); this check refuses the known shapes of abuse at
// once, with a reason a person can act on.
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export const SVG_LIMITS = {
  /** Elements once every `<use>` is expanded. A detailed illustration has a few thousand. */
  maxElements: 20_000,
  /** Filter primitives (feGaussianBlur, feOffset…) in one filter, and in the whole document. */
  maxPrimitivesPerFilter: 16,
  maxPrimitives: 64,
  /** Elements drawn through a filter. */
  maxFilteredElements: 200,
  /** A filter region may reach this many times the element (or picture) it applies to, per side. */
  maxFilterRegion: 3,
  maxBlurDeviation: 500,
  maxMorphologyRadius: 100,
  maxConvolveOrder: 9,
  maxTurbulenceOctaves: 8,
  /** Depth of nested elements. */
  maxDepth: 256,
} as const;

export interface SvgCost {
  /** Elements after `<use>` expansion. */
  elements: number;
  primitives: number;
  filtered: number;
  /** Inline `data:image/…` pictures, to be checked for size before drawing. */
  dataImages: string[];
}

export class SvgCostProblem extends Error {}

interface Node {
  id: string | null;
  /** Elements in this subtree, `<use>` not expanded. */
  count: number;
  /** `<use>` targets in this subtree → how many times. */
  uses: Map<string, number>;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  for (const [key, value] of Object.entries(tag.attributes)) if (localName(key) === name) return value;
  return undefined;
}

function numbers(value: string | undefined): number[] {
  if (!value) return [];
  return value
    .trim()
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isFinite(n));
}

/** A length as a multiple of the reference (`%` or a fraction for bounding-box units; user units against `reference`). */
function factor(value: string | undefined, boundingBox: boolean, reference: number): number | null {
  if (value === undefined) return null;
  const match = /^\s*(-?[\d.]+(?:e-?\d+)?)\s*(%|px)?\s*$/i.exec(value);
  if (!match) return null;
  const n = Number(match[1]);
  if (!Number.isFinite(n)) return Number.POSITIVE_INFINITY;
  if (match[2] === '%') return n / 100;
  return boundingBox ? n : n / Math.max(reference, 1);
}

/** The filter a presentation attribute or a style declaration points at (`url(#f)`). */
function filterRef(tag: SaxesTagPlain): string | null {
  const direct = attr(tag, 'filter');
  const style = attr(tag, 'style');
  const fromStyle = style ? /filter\s*:\s*([^;]+)/i.exec(style)?.[1] : undefined;
  const value = direct ?? fromStyle;
  const match = value ? /url\(\s*['"]?#([^'")\s]+)['"]?\s*\)/.exec(value) : null;
  return match ? match[1]! : null;
}

/** Measures `text`; throws SvgCostProblem with the reason when it is beyond SVG_LIMITS. */
export function measureSvg(text: string): SvgCost {
  const parser = new SaxesParser();
  const stack: Node[] = [{ id: null, count: 0, uses: new Map() }];
  const byId = new Map<string, Node>();
  const dataImages: string[] = [];
  let viewport = { width: 0, height: 0 };
  let filter: { primitives: number } | null = null;
  let primitives = 0;
  let filtered = 0;
  let seen = 0;

  const fail = (reason: string): never => {
    throw new SvgCostProblem(reason);
  };

  parser.on('error', (error) => fail(`it is not well-formed XML (${error.message.split('\n')[0]!.slice(0, 120)})`));
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    seen++;
    if (seen > SVG_LIMITS.maxElements) fail(`it has more than ${SVG_LIMITS.maxElements.toLocaleString('en')} elements`);
    if (stack.length > SVG_LIMITS.maxDepth) fail(`its elements nest more than ${SVG_LIMITS.maxDepth} deep`);
    if (name === 'svg' && stack.length === 1) {
      const box = numbers(attr(tag, 'viewBox'));
      viewport = { width: box[2] ?? numbers(attr(tag, 'width'))[0] ?? 0, height: box[3] ?? numbers(attr(tag, 'height'))[0] ?? 0 };
    }
    if (name === 'use') {
      const href = (attr(tag, 'href') ?? '').trim();
      if (href.startsWith('#')) {
        const top = stack[stack.length - 1]!;
        top.uses.set(href.slice(1), (top.uses.get(href.slice(1)) ?? 0) + 1);
      }
    }
    if (name === 'image') {
      const href = (attr(tag, 'href') ?? '').trim();
      if (/^data:image\//i.test(href)) dataImages.push(href);
    }
    if (name === 'filter') {
      const bbox = (attr(tag, 'filterUnits') ?? 'objectBoundingBox') !== 'userSpaceOnUse';
      for (const [key, reference] of [
        ['width', viewport.width],
        ['height', viewport.height],
      ] as const) {
        const f = bbox || reference > 0 ? factor(attr(tag, key), bbox, reference) : null;
        if (f !== null && Math.abs(f) > SVG_LIMITS.maxFilterRegion) fail(`a filter's region is ${Math.round(f)} times the size of what it applies to (at most ${SVG_LIMITS.maxFilterRegion})`);
      }
      for (const [key, reference] of [
        ['x', viewport.width],
        ['y', viewport.height],
      ] as const) {
        const f = bbox || reference > 0 ? factor(attr(tag, key), bbox, reference) : null;
        if (f !== null && Math.abs(f) > SVG_LIMITS.maxFilterRegion) fail(`a filter's region starts ${Math.round(Math.abs(f))} times its size away (at most ${SVG_LIMITS.maxFilterRegion})`);
      }
      filter = { primitives: 0 };
    } else if (filter && /^fe[A-Z]/.test(name) && !/^fe(Func[RGBA]|MergeNode|DistantLight|PointLight|SpotLight)$/.test(name)) {
      filter.primitives++;
      primitives++;
      if (filter.primitives > SVG_LIMITS.maxPrimitivesPerFilter) fail(`a filter chains more than ${SVG_LIMITS.maxPrimitivesPerFilter} effects`);
      if (primitives > SVG_LIMITS.maxPrimitives) fail(`it has more than ${SVG_LIMITS.maxPrimitives} filter effects`);
      if (name === 'feGaussianBlur' && numbers(attr(tag, 'stdDeviation')).some((d) => Math.abs(d) > SVG_LIMITS.maxBlurDeviation)) {
        fail(`a blur is wider than ${SVG_LIMITS.maxBlurDeviation}`);
      }
      if (name === 'feMorphology' && numbers(attr(tag, 'radius')).some((r) => Math.abs(r) > SVG_LIMITS.maxMorphologyRadius)) fail(`a morphology radius is over ${SVG_LIMITS.maxMorphologyRadius}`);
      if (name === 'feConvolveMatrix' && numbers(attr(tag, 'order')).some((o) => o > SVG_LIMITS.maxConvolveOrder)) fail(`a convolution matrix is larger than ${SVG_LIMITS.maxConvolveOrder}×${SVG_LIMITS.maxConvolveOrder}`);
      if (name === 'feTurbulence' && numbers(attr(tag, 'numOctaves')).some((o) => o > SVG_LIMITS.maxTurbulenceOctaves)) fail(`a turbulence has more than ${SVG_LIMITS.maxTurbulenceOctaves} octaves`);
    }
    if (filterRef(tag)) {
      filtered++;
      if (filtered > SVG_LIMITS.maxFilteredElements) fail(`more than ${SVG_LIMITS.maxFilteredElements} elements are drawn through filters`);
    }
    const id = attr(tag, 'id') ?? null;
    stack.push({ id, count: 1, uses: new Map() });
  });
  parser.on('closetag', (tag) => {
    const node = stack.pop()!;
    const parent = stack[stack.length - 1]!;
    if (localName(tag.name) === 'filter') filter = null;
    if (node.id !== null && !byId.has(node.id)) byId.set(node.id, node);
    parent.count += node.count;
    for (const [target, n] of node.uses) parent.uses.set(target, (parent.uses.get(target) ?? 0) + n);
  });
  parser.write(text).close();

  // `<use>` copies: each counts as much as what it copies, copies of copies included.
  const totals = new Map<string, number>();
  const visiting = new Set<string>();
  const total = (node: Node): number => {
    let sum = node.count;
    for (const [target, n] of node.uses) {
      const referenced = byId.get(target);
      if (!referenced) continue;
      if (visiting.has(target)) fail('a <use> element refers to itself through its own copies');
      let t = totals.get(target);
      if (t === undefined) {
        visiting.add(target);
        t = total(referenced);
        visiting.delete(target);
        totals.set(target, t);
      }
      sum += n * t;
      if (sum > SVG_LIMITS.maxElements) fail(`its <use> copies add up to more than ${SVG_LIMITS.maxElements.toLocaleString('en')} elements`);
    }
    return sum;
  };
  let elements: number;
  try {
    elements = total(stack[0]!);
  } catch (error) {
    if (error instanceof RangeError) fail('its <use> elements chain copies too deeply');
    throw error;
  }
  return { elements, primitives, filtered, dataImages };
}
