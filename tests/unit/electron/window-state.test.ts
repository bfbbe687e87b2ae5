// The window comes back where it was, and always on a screen that exists.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WINDOW_SIZING } from '../../../src-main/host/electron/window-options';
import {
  parseWindowState,
  placeWindow,
  readWindowState,
  WINDOW_STATE_FILE,
  writeWindowState,
  type Rect,
} from '../../../src-main/host/electron/window-state';
import { tempDir } from '../../helpers/temp';

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const right: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const small: Rect = { x: 0, y: 0, width: 1280, height: 680 };

describe('parseWindowState', () => {
  it.each([
    ['missing file', null],
    ['empty', ''],
    ['not JSON', '{"x": 10,'],
    ['an array', '[1,2,3]'],
    ['a missing width', '{"x":0,"y":0,"height":700}'],
    ['strings for numbers', '{"x":"0","y":0,"width":"1200","height":700}'],
    ['a zero size', '{"x":0,"y":0,"width":0,"height":700}'],
    ['a negative size', '{"x":0,"y":0,"width":-5,"height":700}'],
    ['absurd coordinates', '{"x":1e12,"y":0,"width":1200,"height":700}'],
    ['fractions', '{"x":0.5,"y":0,"width":1200,"height":700}'],
    ['a non-boolean maximized', '{"x":0,"y":0,"width":1200,"height":700,"maximized":"yes"}'],
  ])('ignores %s', (_name, text) => {
    expect(parseWindowState(text)).toBeNull();
  });

  it('reads a valid state, maximized defaulting to false', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1200,"height":760}')).toEqual({ bounds: { x: 10, y: 20, width: 1200, height: 760 }, maximized: false });
    expect(parseWindowState('{"x":-1910,"y":20,"width":1200,"height":760,"maximized":true}')?.maximized).toBe(true);
  });
});

describe('placeWindow', () => {
  const state = (x: number, y: number, width: number, height: number, maximized = false) => ({ bounds: { x, y, width, height }, maximized });

  it.each([
    ['nothing stored: default size, centred by the OS', null, [primary], { width: 1280, height: 820, maximized: false }],
    ['nothing stored on a small screen: shrunk to it', null, [small], { width: 1280, height: 680, maximized: false }],
    ['a window on the primary screen stays put', state(100, 80, 1300, 850), [primary], { x: 100, y: 80, width: 1300, height: 850, maximized: false }],
    ['a window half off the right edge moves back on', state(1500, 100, 1300, 850), [primary], { x: 620, y: 100, width: 1300, height: 850, maximized: false }],
    ['a window above the top moves down', state(100, -400, 1300, 850), [primary], { x: 100, y: 0, width: 1300, height: 850, maximized: false }],
    ['a window on the second screen stays there', state(2000, 100, 1600, 1000), [primary, right], { x: 2000, y: 100, width: 1600, height: 1000, maximized: false }],
    ['the second screen is gone: centred on the primary', state(2000, 100, 1600, 1000), [primary], { x: 160, y: 20, width: 1600, height: 1000, maximized: false }],
    ['larger than the screen: shrunk to fit', state(0, 0, 3000, 2000), [primary], { x: 0, y: 0, width: 1920, height: 1040, maximized: false }],
    ['smaller than the minimum: grown to it', state(10, 10, 300, 200), [primary], { x: 10, y: 10, width: 1024, height: 700, maximized: false }],
    ['maximized is kept', state(10, 10, 1300, 850, true), [primary], { x: 10, y: 10, width: 1300, height: 850, maximized: true }],
  ])('%s', (_name, stored, areas, expected) => {
    expect(placeWindow(stored, areas, WINDOW_SIZING)).toEqual(expected);
  });

  it('keeps the whole window on the screen it overlaps most', () => {
    const placed = placeWindow(state(1700, 50, 1300, 850), [primary, right], WINDOW_SIZING);
    // 220 px on the primary, 1080 px on the right screen: it belongs to the right one.
    expect(placed.x).toBe(1920);
    expect(placed.x! + placed.width).toBeLessThanOrEqual(right.x + right.width);
  });
});

describe('readWindowState / writeWindowState', () => {
  const temp = tempDir('atelier-window-');
  afterEach(() => temp.cleanup());

  it('round-trips through the library folder and survives a damaged file', () => {
    expect(readWindowState(temp.dir)).toBeNull();
    writeWindowState(temp.dir, { bounds: { x: 12.4, y: 30, width: 1200, height: 760 }, maximized: true });
    expect(readWindowState(temp.dir)).toEqual({ bounds: { x: 12, y: 30, width: 1200, height: 760 }, maximized: true });
    expect(JSON.parse(readFileSync(path.join(temp.dir, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({ width: 1200 });
    writeFileSync(path.join(temp.dir, WINDOW_STATE_FILE), '\u0000garbage');
    expect(readWindowState(temp.dir)).toBeNull();
  });
});
