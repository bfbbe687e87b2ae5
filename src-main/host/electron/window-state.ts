// The window comes back where the user left it: size, position and maximized state, stored as a
// small JSON file in the library folder. What is read back is validated (a damaged or hand-edited
// file falls back to defaults) and moved onto a screen that exists now (a monitor may be gone).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface WindowSizing {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

export const WINDOW_STATE_FILE = 'window-state.json';
const Coordinate = z.number().int().min(-100_000).max(100_000);
const Length = z.number().int().min(1).max(100_000);
const StoredWindowState = z.object({
  x: Coordinate,
  y: Coordinate,
  width: Length,
  height: Length,
  maximized: z.boolean().optional(),
});

/** Parses the stored file; null when it is missing, not JSON or not a window state. */
export function parseWindowState(text: string | null | undefined): WindowState | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = StoredWindowState.safeParse(value);
  if (!parsed.success) return null;
  const { maximized, ...bounds } = parsed.data;
  return { bounds, maximized: maximized ?? false };
}

export function serializeWindowState(state: WindowState): string {
  const { x, y, width, height } = state.bounds;
  return JSON.stringify({ x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height), maximized: state.maximized });
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

export interface PlacedWindow {
  width: number;
  height: number;
  /** Absent: let the OS centre the window. */
  x?: number;
  y?: number;
  maximized: boolean;
}

/**
 * Where to open the window: the stored bounds moved fully onto the display they overlap most,
 * shrunk to fit it (never below the minimum size nor above the screen); with nothing stored, or a
 * window on a display that is gone, the default size centred on the primary display.
 * `workAreas[0]` is the primary display.
 */
export function placeWindow(stored: WindowState | null, workAreas: readonly Rect[], sizing: WindowSizing): PlacedWindow {
  const primary = workAreas[0];
  if (!stored || !primary) {
    return {
      width: primary ? Math.min(sizing.width, primary.width) : sizing.width,
      height: primary ? Math.min(sizing.height, primary.height) : sizing.height,
      maximized: stored?.maximized ?? false,
    };
  }
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const o = overlap(stored.bounds, area);
    if (o > bestOverlap) {
      best = area;
      bestOverlap = o;
    }
  }
  const fit = (area: Rect, length: 'width' | 'height', min: number) => clamp(stored.bounds[length], Math.min(min, area[length]), area[length]);
  if (!best) {
    // Off every screen (a monitor was unplugged): keep the size that fits, centre on the primary one.
    const width = fit(primary, 'width', sizing.minWidth);
    const height = fit(primary, 'height', sizing.minHeight);
    return {
      width,
      height,
      x: Math.round(primary.x + (primary.width - width) / 2),
      y: Math.round(primary.y + (primary.height - height) / 2),
      maximized: stored.maximized,
    };
  }
  const width = fit(best, 'width', sizing.minWidth);
  const height = fit(best, 'height', sizing.minHeight);
  return {
    width,
    height,
    x: clamp(stored.bounds.x, best.x, best.x + best.width - width),
    y: clamp(stored.bounds.y, best.y, best.y + best.height - height),
    maximized: stored.maximized,
  };
}

export function readWindowState(dataDir: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/** Written to a temp file then renamed, so a crash never leaves half a file. */
export function writeWindowState(dataDir: string, state: WindowState): void {
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(`${file}.tmp`, serializeWindowState(state));
  renameSync(`${file}.tmp`, file);
}
