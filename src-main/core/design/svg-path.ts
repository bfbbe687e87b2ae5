// SVG path data (the `d` of an icon) as PDF path operators, in the path's own coordinates:
// M L H V C S Q T A Z in absolute and relative forms. Arcs become cubic Béziers (SVG 1.1, F.6.5).
import { appendBezierCurve, closePath, lineTo, moveTo, type PDFOperator } from 'pdf-lib';

const COMMAND = /([MLHVCSQTAZ])|(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/gi;
const ARGS: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };

/** Parsed path: one absolute command per segment (quadratics raised to cubics, arcs split). */
export function parseSvgPath(d: string): { op: 'M' | 'L' | 'C' | 'Z'; args: number[] }[] {
  const tokens: (string | number)[] = [];
  for (const m of d.matchAll(COMMAND)) tokens.push(m[1] ?? Number(m[2]));
  const out: { op: 'M' | 'L' | 'C' | 'Z'; args: number[] }[] = [];
  let i = 0;
  let cmd = '';
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  let lastCubic: [number, number] | null = null;
  let lastQuad: [number, number] | null = null;
  while (i < tokens.length) {
    if (typeof tokens[i] === 'string') cmd = tokens[i++] as string;
    else if (!cmd) break;
    const upper = cmd.toUpperCase();
    const rel = cmd !== upper;
    const n = ARGS[upper]!;
    const a: number[] = [];
    for (let k = 0; k < n; k++) {
      const v = tokens[i++];
      if (typeof v !== 'number') return out; // malformed: stop where it breaks, as browsers do
      a.push(v);
    }
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    let cubic: [number, number] | null = null;
    let quad: [number, number] | null = null;
    switch (upper) {
      case 'M':
        x = a[0]! + ox;
        y = a[1]! + oy;
        sx = x;
        sy = y;
        out.push({ op: 'M', args: [x, y] });
        cmd = rel ? 'l' : 'L'; // further pairs are line-tos
        break;
      case 'L':
        x = a[0]! + ox;
        y = a[1]! + oy;
        out.push({ op: 'L', args: [x, y] });
        break;
      case 'H':
        x = a[0]! + ox;
        out.push({ op: 'L', args: [x, y] });
        break;
      case 'V':
        y = a[0]! + oy;
        out.push({ op: 'L', args: [x, y] });
        break;
      case 'C':
      case 'S': {
        const [c1x, c1y]: [number, number] = upper === 'C' ? [a[0]! + ox, a[1]! + oy] : lastCubic ? [2 * x - lastCubic[0], 2 * y - lastCubic[1]] : [x, y];
        const rest = upper === 'C' ? a.slice(2) : a;
        const c2 = [rest[0]! + ox, rest[1]! + oy];
        x = rest[2]! + ox;
        y = rest[3]! + oy;
        out.push({ op: 'C', args: [c1x, c1y, c2[0]!, c2[1]!, x, y] });
        cubic = [c2[0]!, c2[1]!];
        break;
      }
      case 'Q':
      case 'T': {
        const prevQuad: [number, number] | null = lastQuad;
        const control: [number, number] = upper === 'Q' ? [a[0]! + ox, a[1]! + oy] : prevQuad ? [2 * x - prevQuad[0], 2 * y - prevQuad[1]] : [x, y];
        const qx = control[0];
        const qy = control[1];
        const ex = (upper === 'Q' ? a[2]! : a[0]!) + ox;
        const ey = (upper === 'Q' ? a[3]! : a[1]!) + oy;
        out.push({ op: 'C', args: [x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y), ex + (2 / 3) * (qx - ex), ey + (2 / 3) * (qy - ey), ex, ey] });
        x = ex;
        y = ey;
        quad = [qx, qy];
        break;
      }
      case 'A': {
        const ex = a[5]! + ox;
        const ey = a[6]! + oy;
        for (const c of arcToCubics(x, y, a[0]!, a[1]!, a[2]!, a[3]! !== 0, a[4]! !== 0, ex, ey)) out.push({ op: 'C', args: c });
        x = ex;
        y = ey;
        break;
      }
      case 'Z':
        out.push({ op: 'Z', args: [] });
        x = sx;
        y = sy;
        break;
    }
    lastCubic = cubic;
    lastQuad = quad;
  }
  return out;
}

/** An elliptical arc from (x1, y1) to (x2, y2) as cubic Bézier segments of at most 90°. */
function arcToCubics(x1: number, y1: number, rxIn: number, ryIn: number, angle: number, large: boolean, sweep: boolean, x2: number, y2: number): number[][] {
  if (x1 === x2 && y1 === y2) return [];
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  if (rx === 0 || ry === 0) return [[x1, y1, x2, y2, x2, y2]];
  const phi = (angle * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (x1 - x2) / 2;
  const dy = (y1 - y2) / 2;
  const x1p = cos * dx + sin * dy;
  const y1p = -sin * dx + cos * dy;
  const lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
  const den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
  const coef = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
  const cxp = (coef * rx * y1p) / ry;
  const cyp = (-coef * ry * x1p) / rx;
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
  const angleOf = (ux: number, uy: number, vx: number, vy: number) => {
    const a = Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    return a;
  };
  const theta1 = angleOf(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
  let delta = angleOf((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const segments = Math.max(1, Math.ceil(Math.abs(delta) / (Math.PI / 2)));
  const step = delta / segments;
  const t = (4 / 3) * Math.tan(step / 4);
  const point = (th: number) => [cx + rx * Math.cos(th) * cos - ry * Math.sin(th) * sin, cy + rx * Math.cos(th) * sin + ry * Math.sin(th) * cos];
  const deriv = (th: number) => [-rx * Math.sin(th) * cos - ry * Math.cos(th) * sin, -rx * Math.sin(th) * sin + ry * Math.cos(th) * cos];
  const out: number[][] = [];
  for (let k = 0; k < segments; k++) {
    const a0 = theta1 + k * step;
    const a1 = a0 + step;
    const p0 = point(a0);
    const p1 = point(a1);
    const d0 = deriv(a0);
    const d1 = deriv(a1);
    out.push([p0[0]! + t * d0[0]!, p0[1]! + t * d0[1]!, p1[0]! - t * d1[0]!, p1[1]! - t * d1[1]!, p1[0]!, p1[1]!]);
  }
  const last = out[out.length - 1]!;
  last[4] = x2;
  last[5] = y2;
  return out;
}

export function svgPathToOperators(d: string): PDFOperator[] {
  return parseSvgPath(d).map((s) => {
    const a = s.args;
    if (s.op === 'M') return moveTo(a[0]!, a[1]!);
    if (s.op === 'L') return lineTo(a[0]!, a[1]!);
    if (s.op === 'C') return appendBezierCurve(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!);
    return closePath();
  });
}
