// Smart guides: snap a moving box's edges and centre to page edges/centres, other elements and the
// safe zone, within a threshold in design pixels (the editor passes screen pixels ÷ zoom).
import type { Box } from './geometry';

export interface SnapTargets {
  vertical: number[];
  horizontal: number[];
}

export interface Guide {
  orientation: 'vertical' | 'horizontal';
  /** x for vertical guides, y for horizontal ones. */
  position: number;
}

export interface SnapResult {
  dx: number;
  dy: number;
  guides: Guide[];
}

/** Candidate lines: page edges and centre, the safe zone, and every other box's edges and centre. */
export function snapTargets(page: { width: number; height: number }, others: readonly Box[], safe?: Box | null): SnapTargets {
  const vertical = [0, page.width / 2, page.width];
  const horizontal = [0, page.height / 2, page.height];
  if (safe) {
    vertical.push(safe.x, safe.x + safe.width);
    horizontal.push(safe.y, safe.y + safe.height);
  }
  for (const b of others) {
    vertical.push(b.x, b.x + b.width / 2, b.x + b.width);
    horizontal.push(b.y, b.y + b.height / 2, b.y + b.height);
  }
  return { vertical, horizontal };
}

function nearest(lines: readonly number[], stops: readonly number[], threshold: number): { delta: number; line: number } | null {
  let best: { delta: number; line: number } | null = null;
  for (const line of lines) {
    for (const s of stops) {
      const d = line - s;
      if (Math.abs(d) <= threshold && (!best || Math.abs(d) < Math.abs(best.delta))) best = { delta: d, line };
    }
  }
  return best;
}

/** The correction to apply to a moving box so its nearest edge or centre lands on a target line. */
export function snapBox(box: Box, targets: SnapTargets, threshold: number): SnapResult {
  const v = nearest(targets.vertical, [box.x, box.x + box.width / 2, box.x + box.width], threshold);
  const h = nearest(targets.horizontal, [box.y, box.y + box.height / 2, box.y + box.height], threshold);
  const guides: Guide[] = [];
  if (v) guides.push({ orientation: 'vertical', position: v.line });
  if (h) guides.push({ orientation: 'horizontal', position: h.line });
  return { dx: v?.delta ?? 0, dy: h?.delta ?? 0, guides };
}

/** Snap one value (a resize edge) to the nearest line. */
export function snapValue(value: number, lines: readonly number[], threshold: number): { value: number; line: number | null } {
  const hit = nearest(lines, [value], threshold);
  return hit ? { value: value + hit.delta, line: hit.line } : { value, line: null };
}
