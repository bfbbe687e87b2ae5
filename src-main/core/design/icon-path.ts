// Icon-set glyphs (Lucide's [tag, attributes] lists of SVG shapes) as one SVG path string, so an
// icon becomes a `path` element that Konva, the headless renderer and the PDF writer all draw.
type Attrs = Record<string, string | number | undefined>;
export type IconNode = readonly (readonly [string, Attrs])[];

const n = (v: string | number | undefined, fallback = 0) => (v === undefined ? fallback : Number(v));

function ellipsePath(cx: number, cy: number, rx: number, ry: number): string {
  return `M${cx - rx} ${cy}a${rx} ${ry} 0 1 0 ${2 * rx} 0a${rx} ${ry} 0 1 0 ${-2 * rx} 0Z`;
}

function rectPath(x: number, y: number, w: number, h: number, rxIn: number, ryIn: number): string {
  const rx = Math.min(rxIn, w / 2);
  const ry = Math.min(ryIn, h / 2);
  if (!rx || !ry) return `M${x} ${y}h${w}v${h}h${-w}Z`;
  return `M${x + rx} ${y}h${w - 2 * rx}a${rx} ${ry} 0 0 1 ${rx} ${ry}v${h - 2 * ry}a${rx} ${ry} 0 0 1 ${-rx} ${ry}h${-(w - 2 * rx)}a${rx} ${ry} 0 0 1 ${-rx} ${-ry}v${-(h - 2 * ry)}a${rx} ${ry} 0 0 1 ${rx} ${-ry}Z`;
}

function pointsPath(points: string, close: boolean): string {
  const nums = points.trim().split(/[\s,]+/).map(Number);
  let d = `M${nums[0]} ${nums[1]}`;
  for (let i = 2; i + 1 < nums.length; i += 2) d += `L${nums[i]} ${nums[i + 1]}`;
  return close ? `${d}Z` : d;
}

const NUMBER = /^\s*m\s*(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*,?\s*(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/i;

/**
 * A path made absolute at its start: a leading relative moveto ("m6 6 12 12") is relative to the
 * origin only at the very start of a path, so before joining paths it becomes "M6 6l12 12".
 */
function absoluteStart(d: string): string {
  const m = NUMBER.exec(d);
  if (!m || !/^\s*m/.test(d)) return d;
  const rest = d.slice(m[0].length).trimStart();
  return `M${m[1]} ${m[2]}${rest && !/^[a-z]/i.test(rest) ? `l${rest}` : rest}`;
}

/** One path for all the shapes of an icon (they share its stroke). Unknown tags are left out. */
export function iconToPath(node: IconNode): string {
  const parts: string[] = [];
  for (const [tag, a] of node) {
    if (tag === 'path' && a.d) parts.push(absoluteStart(String(a.d)));
    else if (tag === 'circle') parts.push(ellipsePath(n(a.cx), n(a.cy), n(a.r), n(a.r)));
    else if (tag === 'ellipse') parts.push(ellipsePath(n(a.cx), n(a.cy), n(a.rx), n(a.ry)));
    else if (tag === 'rect') parts.push(rectPath(n(a.x), n(a.y), n(a.width), n(a.height), n(a.rx, n(a.ry)), n(a.ry, n(a.rx))));
    else if (tag === 'line') parts.push(`M${n(a.x1)} ${n(a.y1)}L${n(a.x2)} ${n(a.y2)}`);
    else if ((tag === 'polyline' || tag === 'polygon') && a.points) parts.push(pointsPath(String(a.points), tag === 'polygon'));
  }
  return parts.join('');
}
