import { describe, expect, it } from 'vitest';
import { findPreset, magicResize, MIN_LEGIBLE_FRACTION, safeRect, SIZE_PRESETS, snapBox, snapTargets, snapValue } from '../../../src-main/core/design';
import { doc, rect } from './fixtures';

describe('presets and safe zones', () => {
  it('covers the platforms with unique ids; stories have safe zones inside the page', () => {
    const ids = SIZE_PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['instagram-square', 'instagram-portrait', 'instagram-story', 'pinterest-pin', 'youtube-thumbnail', 'tiktok-video', 'x-post', 'linkedin-post', 'facebook-post']) expect(findPreset(id)).toBeDefined();
    const s = safeRect(findPreset('instagram-story'))!;
    expect(s.y).toBeGreaterThan(0);
    expect(s.y + s.height).toBeLessThan(1920);
    expect(safeRect(findPreset('instagram-square'))).toBeNull();
  });
});

describe('snapping', () => {
  const targets = snapTargets({ width: 1000, height: 800 }, [{ x: 600, y: 100, width: 100, height: 50 }], { x: 50, y: 50, width: 900, height: 700 });
  it('snaps the nearest edge or centre within the threshold and reports the guide', () => {
    const r = snapBox({ x: 447, y: 280, width: 100, height: 100 }, targets, 5);
    expect(r.dx).toBe(3); // centre 497 → page centre 500
    expect(r.guides).toEqual([{ orientation: 'vertical', position: 500 }]);
    const e = snapBox({ x: 703, y: 148, width: 50, height: 50 }, targets, 5);
    expect([e.dx, e.dy]).toEqual([-3, 2]); // left edge to other's right edge, top to other's bottom
  });
  it('leaves a box alone outside the threshold', () => {
    expect(snapBox({ x: 420, y: 300, width: 20, height: 20 }, targets, 5)).toEqual({ dx: 0, dy: 0, guides: [] });
    expect(snapValue(53, targets.vertical, 4)).toEqual({ value: 50, line: 50 });
  });
});

describe('magic resize', () => {
  const square = doc([
    rect('bg', 0, 0, 1080, 1080),
    rect('logo', 40, 40, 100, 100),
    rect('badge', 940, 940, 100, 100),
    { id: 't', type: 'text', x: 140, y: 500, width: 800, height: 80, text: 'Title', fontFamily: 'Inter', fontSize: 20 },
  ]);
  it('scales, re-anchors to the nearest edge, stretches full-bleed and keeps text legible', () => {
    const story = magicResize(square, { id: 'story', preset: 'instagram-story', width: 1080, height: 1920 });
    expect(story).toMatchObject({ id: 'story', linkedFrom: 'd1', width: 1080, height: 1920 });
    const [bg, logo, badge, text] = story.pages[0]!.elements;
    expect([bg!.width, bg!.height]).toEqual([1080, 1920]);
    expect([logo!.x, logo!.y]).toEqual([40, 40]);
    expect(badge!.y + badge!.height).toBeCloseTo(1920 - 40);
    expect(text!.y + text!.height / 2).toBeCloseTo(540 * (1920 / 1080));
    const thumb = magicResize(square, { id: 'yt', preset: 'youtube-thumbnail', width: 1280, height: 720 });
    const t = thumb.pages[0]!.elements[3]!;
    expect(t.type === 'text' && t.fontSize).toBeCloseTo(Math.min(20, 720 * MIN_LEGIBLE_FRACTION) > 20 * (720 / 1080) ? 720 * MIN_LEGIBLE_FRACTION : 20 * (720 / 1080));
  });
});
