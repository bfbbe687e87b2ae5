// The background renderer: a worker only while there is drawing to do.
import { describe, expect, it, vi } from 'vitest';
import { parseDesign } from '../../../src-main/core/design';
import { createBackgroundRenderer } from '../../../src-main/render/background';

const doc = parseDesign({ schemaVersion: 2, id: 'd1', name: 'Square', preset: 'instagram-square', width: 1080, height: 1080, pages: [{ id: 'p1', background: { type: 'color', color: '#0ea5e9' }, elements: [] }] });

describe('background renderer', () => {
  it('starts a worker on first use, renders, and stops it after the idle delay', async () => {
    const renderer = createBackgroundRenderer({ idleMs: 100 });
    try {
      expect(renderer.running).toBe(false);
      const [page] = await renderer.run({ doc, page: 0, scale: 0.1, format: 'png' });
      expect(Buffer.from(page!.bytes).subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(renderer.running).toBe(true);
      await vi.waitFor(() => expect(renderer.running).toBe(false), { timeout: 5_000, interval: 20 });
      // And starts again when asked.
      const [again] = await renderer.run({ doc, page: 0, scale: 0.1, format: 'png' });
      expect(Buffer.from(again!.bytes).equals(Buffer.from(page!.bytes))).toBe(true);
    } finally {
      await renderer.close();
    }
    expect(renderer.running).toBe(false);
  });
});
