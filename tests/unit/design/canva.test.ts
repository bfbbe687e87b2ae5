// The editor's everyday rules in core: text boxes follow their text, photos cover their frames
// without stretching, a brand kit maps a template's colours and fonts, search ignores accents,
// icons become one path, and SVG paths become PDF paths.
import { describe, expect, it } from 'vitest';
import {
  applyBrandKit,
  coverCrop,
  cropFromBoxes,
  designColours,
  fittedTextHeight,
  keepCovering,
  lockedResize,
  makeElement,
  magicResize,
  photoBox,
  recropForAspect,
  recropForSize,
  type ImageElement,
  type TextElement,
} from '../../../src-main/core/design';
import { iconToPath } from '../../../src-main/core/design/icon-path';
import { parseSvgPath } from '../../../src-main/core/design/svg-path';
import { foldText, matchesQuery } from '../../../src-main/core/domain/search';
import { doc } from './fixtures';

const text = (over: Partial<TextElement> = {}) => makeElement({ id: 't', type: 'text', x: 0, y: 0, width: 600, height: 80, text: 'Nouvelle', fontFamily: 'Inter', fontSize: 64, ...over }) as TextElement;
/** A measure where every 10 characters make one 80 px line. */
const measure = (el: TextElement) => Math.max(1, Math.ceil(el.text.length / 10)) * 80;

describe('text boxes that follow their text', () => {
  it('grows a box as its text wraps onto more lines, so nothing is cut', () => {
    const before = text();
    const after = { ...before, text: 'Nouvelle collection d’automne en boutique' };
    expect(fittedTextHeight(before, after, measure)).toBe(400);
  });
  it('shrinks a box that fitted its text, keeps the extra room of a box sized on purpose', () => {
    const fitted = text({ text: 'Nouvelle collection', height: 160 });
    expect(fittedTextHeight(fitted, { ...fitted, text: 'Nouvelle' }, measure)).toBe(80);
    const roomy = text({ text: 'Nouvelle', height: 300 });
    expect(fittedTextHeight(roomy, { ...roomy, text: 'Nouvelle!' }, measure)).toBe(300);
  });
  it('leaves shrink-to-fit boxes and changes that do not touch the layout alone', () => {
    const fit = text({ autoFit: true });
    expect(fittedTextHeight(fit, { ...fit, text: 'x'.repeat(100) }, measure)).toBe(80);
    const plain = text();
    expect(fittedTextHeight(plain, { ...plain, fill: '#ff0000' }, measure)).toBe(80);
  });
});

describe('photos cover their frame', () => {
  const natural = { width: 600, height: 300 };
  const ratio = (el: Pick<ImageElement, 'width' | 'height' | 'crop'>) => (el.crop.width * natural.width) / (el.crop.height * natural.height) / (el.width / el.height);

  it('crops a 2:1 photo to a square frame around its centre', () => {
    expect(coverCrop({ width: 300, height: 300 }, natural)).toEqual({ x: 0.25, y: 0, width: 0.5, height: 1 });
  });
  it('recrops instead of stretching when the frame changes shape, keeping the photo’s scale', () => {
    const el = { width: 600, height: 300, crop: { x: 0, y: 0, width: 1, height: 1 } };
    const narrower = recropForSize(el, natural, { width: 300, height: 300 });
    expect(ratio({ width: 300, height: 300, crop: narrower })).toBeCloseTo(1, 6);
    expect(narrower.height).toBe(1);
    const taller = recropForSize(el, natural, { width: 600, height: 600 });
    expect(ratio({ width: 600, height: 600, crop: taller })).toBeCloseTo(1, 6); // zoomed in to cover
  });
  it('round-trips crop mode: the photo box, moved or zoomed, gives back an undistorted crop', () => {
    const el = { width: 300, height: 300, crop: { x: 0.25, y: 0, width: 0.5, height: 1 } };
    const photo = photoBox(el);
    expect(photo).toEqual({ x: -150, y: -0, width: 600, height: 300 });
    const moved = keepCovering({ ...photo, x: -1000 }, { x: 0, y: 0, width: 300, height: 300 });
    expect(moved.x).toBe(-300); // stopped where the photo's right edge meets the frame's
    const crop = cropFromBoxes({ x: 0, y: 0, width: 300, height: 300 }, moved);
    expect(crop).toEqual({ x: 0.5, y: 0, width: 0.5, height: 1 });
    expect(ratio({ ...el, crop })).toBeCloseTo(1, 6);
  });
  it('keeps proportions on numeric sizes and recrops on aspect changes without the photo’s size', () => {
    expect(lockedResize({ width: 400, height: 200 }, { width: 300 })).toEqual({ width: 300, height: 150 });
    expect(lockedResize({ width: 400, height: 200 }, { height: 100 })).toEqual({ width: 200, height: 100 });
    const crop = recropForAspect({ x: 0, y: 0, width: 1, height: 1 }, { width: 600, height: 300 }, { width: 300, height: 300 });
    expect(crop).toEqual({ x: 0.25, y: 0, width: 0.5, height: 1 });
  });
  it('magic resize crops a full-bleed photo to the new page instead of stretching it', () => {
    const square = doc([{ id: 'p', type: 'image', x: 0, y: 0, width: 1080, height: 1080, assetId: 'a'.repeat(64) }]);
    const story = magicResize(square, { id: 's', preset: 'instagram-story', width: 1080, height: 1920 });
    const photo = story.pages[0]!.elements[0] as ImageElement;
    expect(photo.height / photo.width).toBeCloseTo(1920 / 1080, 3);
    expect(photo.crop.width / photo.crop.height).toBeCloseTo(1080 / 1920, 3);
  });
});

describe('apply brand kit', () => {
  const template = doc([
    { id: 'bg', type: 'rect', x: 0, y: 0, width: 1080, height: 400, fill: '#0891b2' },
    { id: 'dot', type: 'ellipse', x: 700, y: 100, width: 200, height: 200, fill: '#0891b2' },
    { id: 'accent', type: 'rect', x: 0, y: 900, width: 1080, height: 20, fill: '#f59e0b' },
    { id: 'title', type: 'text', x: 40, y: 500, width: 1000, height: 120, text: 'Title', fontFamily: 'Inter', fontSize: 96, fill: '#ffffff' },
    { id: 'body', type: 'text', x: 40, y: 700, width: 1000, height: 60, text: 'Body', fontFamily: 'Inter', fontSize: 32, fill: '#111111' },
  ]);
  it('maps the most used colour to the kit’s first, the next to its second, and keeps neutrals', () => {
    expect(designColours(template)).toEqual(['#0891b2', '#f59e0b']);
    const branded = applyBrandKit(template, { palette: ['#E11D48', '#7C3AED'], headingFont: 'Playfair Display', bodyFont: 'Lato' });
    const by = (id: string) => branded.pages[0]!.elements.find((e) => e.id === id)! as unknown as Record<string, unknown>;
    expect([by('bg').fill, by('dot').fill, by('accent').fill]).toEqual(['#E11D48', '#E11D48', '#7C3AED']);
    expect([by('title').fill, by('body').fill]).toEqual(['#ffffff', '#111111']);
    expect([by('title').fontFamily, by('body').fontFamily]).toEqual(['Playfair Display', 'Lato']);
    expect(by('title').version).toBe(2);
  });
  it('changes nothing without a kit colour or font', () => {
    const same = applyBrandKit(template, { palette: [], headingFont: null, bodyFont: null });
    expect(same.pages[0]!.elements).toEqual(template.pages[0]!.elements);
  });
});

describe('search', () => {
  it('ignores case and accents, and needs every word', () => {
    expect(foldText('Été à Paris — Œuvre')).toBe('ete a paris — oeuvre');
    expect(matchesQuery('Été à Paris', 'ete')).toBe(true);
    expect(matchesQuery('Été à Paris', 'PARIS été')).toBe(true);
    expect(matchesQuery('Été à Paris', 'hiver')).toBe(false);
    expect(matchesQuery('anything', '  ')).toBe(true);
  });
});

describe('icons and SVG paths', () => {
  it('joins an icon’s shapes into one path, with relative starts made absolute', () => {
    const d = iconToPath([
      ['path', { d: 'M18 6 6 18' }],
      ['path', { d: 'm6 6 12 12' }],
      ['circle', { cx: 12, cy: 12, r: 2 }],
      ['rect', { x: 2, y: 2, width: 4, height: 4 }],
    ]);
    expect(d).toBe('M18 6 6 18M6 6l12 12M10 12a2 2 0 1 0 4 0a2 2 0 1 0 -4 0ZM2 2h4v4h-4Z');
    const segs = parseSvgPath(d);
    expect(segs.slice(0, 4)).toEqual([
      { op: 'M', args: [18, 6] },
      { op: 'L', args: [6, 18] },
      { op: 'M', args: [6, 6] },
      { op: 'L', args: [18, 18] },
    ]);
  });
  it('turns arcs and quadratics into cubic curves that end where they should', () => {
    const segs = parseSvgPath('M0 0Q10 10 20 0A10 10 0 0 1 40 0z');
    expect(segs.map((s) => s.op)).toEqual(['M', 'C', 'C', 'C', 'Z']);
    expect(segs[1]!.args.slice(4)).toEqual([20, 0]);
    expect(segs[3]!.args.slice(4)).toEqual([40, 0]);
  });
});
