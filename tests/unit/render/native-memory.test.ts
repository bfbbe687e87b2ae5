// Renders free their canvases and decoded images themselves, not at some later GC: native memory the
// garbage collector does not see would otherwise pile up in render workers (issue 7, pack export).
import { describe, expect, it } from 'vitest';
import { renderAllPages, renderPage } from '../../../src-main/render';
import { Konva } from '../../../src-main/render/konva-napi';
import { heldNativeResources } from '../../../src-main/render/native-memory';
import { pngBytes } from '../../helpers/packs';

const [a, b] = ['a'.repeat(64), 'b'.repeat(64)];
const image = (id: string, assetId: string) => ({ id, type: 'image', x: 0, y: 0, width: 100, height: 100, assetId });
const doc = (pages: number) => ({
  schemaVersion: 2, id: 'd', name: 'img', preset: 'custom', width: 400, height: 300,
  pages: Array.from({ length: pages }, (_, i) => ({ id: `p${i}`, background: { type: 'color', color: '#00ff00' }, elements: [image(`i${i}`, a), image(`j${i}`, b)] })),
});

/** Every canvas Konva creates while `run` runs. */
async function canvasesMadeBy(run: () => Promise<unknown>): Promise<{ width: number; height: number }[]> {
  const util = Konva.Util as unknown as { createCanvasElement: () => { width: number; height: number } };
  const original = util.createCanvasElement;
  const made: { width: number; height: number }[] = [];
  util.createCanvasElement = () => {
    const canvas = original();
    made.push(canvas);
    return canvas;
  };
  try {
    await run();
  } finally {
    util.createCanvasElement = original;
  }
  return made;
}

describe('render native memory', () => {
  const logo = pngBytes(64, 64, '#b45309');

  it('shrinks every page-sized canvas to 0×0 and frees decoded images once a page is encoded', async () => {
    const made = await canvasesMadeBy(async () => {
      await renderPage(doc(1), { scale: 2, assetResolver: async () => logo });
      await renderAllPages(doc(3), { assetResolver: async () => logo });
    });
    // Konva keeps one untouched 300×300 canvas per thread for measuring text; the rest were pages.
    const pages = made.filter((c) => !(c.width === 300 && c.height === 300));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.filter((c) => c.width !== 0 || c.height !== 0)).toEqual([]);
    expect(heldNativeResources()).toEqual({ canvases: 0, images: 0 });
  });

  it('frees the images already decoded when loading another one fails', async () => {
    const resolver = async (id: string) => {
      if (id === b) {
        await new Promise((resolve) => setTimeout(resolve, 20)); // after the first image decoded
        throw new Error('disk unplugged');
      }
      return logo;
    };
    await expect(renderPage(doc(1), { assetResolver: resolver })).rejects.toThrow('disk unplugged');
    expect(heldNativeResources()).toEqual({ canvases: 0, images: 0 });
  });
});
