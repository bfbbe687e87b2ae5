// Charts drawn headlessly: Apache ECharts' server-side SVG renderer (no DOM, no canvas), and a
// small painter that puts that SVG into a PDF page as vector paths and real text, so a report's
// charts stay sharp and their labels can be searched and copied.
import * as echarts from 'echarts';
import { concatTransformationMatrix, degrees, popGraphicsState, pushGraphicsState, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export function renderChartSvg(option: Record<string, unknown>, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

interface SvgNode {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string) => s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? m)));

/** The drawable elements of ECharts' SVG output, in paint order (it writes a flat list). */
export function parseSvgElements(svg: string): SvgNode[] {
  const nodes: SvgNode[] = [];
  const body = svg.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<defs[\s\S]*?<\/defs>/g, '');
  const tag = /<(path|text|rect|circle|line|polyline|polygon)\b([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g;
  for (const m of body.matchAll(tag)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
    for (const rule of (attrs.style ?? '').split(';')) {
      const [k, v] = rule.split(':').map((x) => x?.trim());
      if (k && v && !(k in attrs)) attrs[k] = v;
    }
    nodes.push({ tag: m[1]!, attrs, text: decode((m[4] ?? '').replace(/<[^>]+>/g, '')) });
  }
  return nodes;
}

type Rgb = { r: number; g: number; b: number; a: number };
const NAMED: Record<string, string> = { black: '#000000', white: '#ffffff', gray: '#808080', grey: '#808080', red: '#ff0000' };

export function parseColor(value: string | undefined): Rgb | null {
  if (!value || value === 'none' || value === 'transparent') return null;
  const v = NAMED[value.toLowerCase()] ?? value.trim();
  let m = /^#([0-9a-f]{3,8})$/i.exec(v);
  if (m) {
    let hex = m[1]!;
    if (hex.length === 3 || hex.length === 4) hex = [...hex].map((c) => c + c).join('');
    const n = (i: number) => parseInt(hex.slice(i, i + 2), 16) / 255;
    return { r: n(0), g: n(2), b: n(4), a: hex.length === 8 ? n(6) : 1 };
  }
  m = /^rgba?\(([^)]+)\)$/i.exec(v);
  if (m) {
    const [r, g, b, a] = m[1]!.split(',').map((x) => parseFloat(x));
    return { r: r! / 255, g: g! / 255, b: b! / 255, a: a ?? 1 };
  }
  return null;
}

/** [a b c d e f] of an SVG transform list (translate, scale, rotate, matrix). */
export function parseTransform(value: string | undefined): [number, number, number, number, number, number] {
  let m: [number, number, number, number, number, number] = [1, 0, 0, 1, 0, 0];
  const mul = (n: number[]) => {
    const [a, b, c, d, e, f] = m;
    m = [a * n[0]! + c * n[1]!, b * n[0]! + d * n[1]!, a * n[2]! + c * n[3]!, b * n[2]! + d * n[3]!, a * n[4]! + c * n[5]! + e, b * n[4]! + d * n[5]! + f];
  };
  for (const t of (value ?? '').matchAll(/(matrix|translate|scale|rotate)\(([^)]*)\)/g)) {
    const n = t[2]!.split(/[\s,]+/).filter(Boolean).map(Number);
    if (t[1] === 'matrix' && n.length === 6) mul(n);
    else if (t[1] === 'translate') mul([1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0]);
    else if (t[1] === 'scale') mul([n[0] ?? 1, 0, 0, n[1] ?? n[0] ?? 1, 0, 0]);
    else if (t[1] === 'rotate') {
      const r = ((n[0] ?? 0) * Math.PI) / 180;
      mul([Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0]);
    }
  }
  return m;
}

export interface ChartPlacement {
  x: number;
  /** Top edge in PDF points (PDF's y grows upwards). */
  top: number;
  /** PDF points per SVG pixel. */
  scale: number;
  font: PDFFont;
  /** Characters the font cannot draw are replaced (the font decides). */
  clean(text: string): string;
}

/** Paints ECharts SVG output onto a PDF page: paths and rectangles as vectors, labels as text. */
export function drawSvgOnPage(page: PDFPage, svg: string, at: ChartPlacement): void {
  for (const node of parseSvgElements(svg)) {
    const a = node.attrs;
    const fill = parseColor(a.fill ?? (node.tag === 'text' ? '#000000' : undefined));
    const stroke = parseColor(a.stroke);
    const opacity = Number(a.opacity ?? a['fill-opacity'] ?? 1) * (fill?.a ?? 1);
    const strokeOpacity = Number(a.opacity ?? a['stroke-opacity'] ?? 1) * (stroke?.a ?? 1);
    const [ma, mb, mc, md, me, mf] = parseTransform(a.transform);
    if (node.tag === 'text') {
      if (!fill || !node.text.trim()) continue;
      const size = parseFloat(a['font-size'] ?? '12');
      const text = at.clean(node.text);
      const width = at.font.widthOfTextAtSize(text, size);
      let x = Number(a.x ?? 0);
      let y = Number(a.y ?? 0);
      if (a['text-anchor'] === 'middle') x -= width / 2;
      else if (a['text-anchor'] === 'end') x -= width;
      const baseline = a['dominant-baseline'];
      if (baseline === 'central' || baseline === 'middle') y += size * 0.35;
      else if (baseline === 'hanging') y += size * 0.8;
      // The label's origin through its transform (ECharts uses translate, sometimes rotate).
      const px = ma * x + mc * y + me;
      const py = mb * x + md * y + mf;
      const angle = (Math.atan2(mb, ma) * 180) / Math.PI;
      page.drawText(text, { x: at.x + px * at.scale, y: at.top - py * at.scale, size: size * at.scale, font: at.font, color: rgb(fill.r, fill.g, fill.b), opacity, rotate: degrees(-angle) });
      continue;
    }
    let d: string | null = null;
    if (node.tag === 'path') d = a.d ?? null;
    else if (node.tag === 'rect') {
      const x = Number(a.x ?? 0), y = Number(a.y ?? 0), w = Number(a.width ?? 0), h = Number(a.height ?? 0);
      if (w > 0 && h > 0) d = `M${x} ${y}h${w}v${h}h${-w}Z`;
    } else if (node.tag === 'circle') {
      const cx = Number(a.cx ?? 0), cy = Number(a.cy ?? 0), r = Number(a.r ?? 0);
      if (r > 0) d = `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
    } else if (node.tag === 'line') d = `M${a.x1 ?? 0} ${a.y1 ?? 0}L${a.x2 ?? 0} ${a.y2 ?? 0}`;
    else if (node.tag === 'polyline' || node.tag === 'polygon') d = `M${(a.points ?? '').trim().replace(/\s+/g, ' L')}${node.tag === 'polygon' ? 'Z' : ''}`;
    if (!d || (!fill && !stroke)) continue;
    // Page space ← chart placement ← the element's own transform ← SVG's y-down (drawSvgPath flips it back).
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(at.scale, 0, 0, -at.scale, at.x, at.top), concatTransformationMatrix(ma, mb, mc, md, me, mf), concatTransformationMatrix(1, 0, 0, -1, 0, 0));
    page.drawSvgPath(d, {
      x: 0,
      y: 0,
      color: fill ? rgb(fill.r, fill.g, fill.b) : undefined,
      opacity: fill ? opacity : undefined,
      borderColor: stroke ? rgb(stroke.r, stroke.g, stroke.b) : undefined,
      borderOpacity: stroke ? strokeOpacity : undefined,
      borderWidth: stroke ? Number(a['stroke-width'] ?? 1) : 0,
    });
    page.pushOperators(popGraphicsState());
  }
}
