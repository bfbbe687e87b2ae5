// What a transformer handle does to the selected elements: while it moves, a text box rewraps at its
// new width and a photo recrops instead of stretching; when it is let go, the patches that make the
// document say what the screen shows (sizes, not scales).
import Konva from 'konva';
import { recropForSize, type Element } from '../../../src-main/core/design';
import { idOf } from './canvas-nodes';
import type { EditorStore } from './editor-store';
import { imageSize } from './scene-context';

const SIDES = new Set(['middle-left', 'middle-right', 'top-center', 'bottom-center']);

/** Whether a handle is on a side (it changes one dimension) rather than a corner. */
export function isSideAnchor(anchor: string | null): boolean {
  return anchor !== null && SIDES.has(anchor);
}

/** Live, on one transformed node: a text box rewraps at its new width; a photo recrops instead of stretching. */
export function transformLive(node: Konva.Node, el: Element | undefined, side: boolean): void {
  if (el?.type === 'text' && side && node instanceof Konva.Text) {
    node.setAttrs({ width: Math.max(20, node.width() * node.scaleX()), scaleX: 1, scaleY: 1, height: undefined });
  } else if (el?.type === 'image' && side && node instanceof Konva.Group) {
    const img = node.findOne('Image') as Konva.Image | undefined;
    const natural = imageSize(el.assetId);
    if (!img || !natural) return;
    const size = { width: Math.max(4, el.width * Math.abs(node.scaleX())), height: Math.max(4, el.height * Math.abs(node.scaleY())) };
    const crop = recropForSize(el, natural, size);
    const source = img.image() as HTMLImageElement;
    node.scale({ x: 1, y: 1 });
    img.setAttrs({ image: source, ...size, offsetX: el.flipX ? size.width : 0, offsetY: el.flipY ? size.height : 0, crop: { x: crop.x * source.naturalWidth, y: crop.y * source.naturalHeight, width: crop.width * source.naturalWidth, height: crop.height * source.naturalHeight } });
    node.setAttr('liveSize', size);
  }
}

/** When the handle is let go: each transformed element's patch, by id. */
export function transformPatches(nodes: Konva.Node[], editor: EditorStore, side: boolean): Map<string, Partial<Element> & Record<string, unknown>> {
  const patches = new Map<string, Partial<Element> & Record<string, unknown>>();
  for (const node of nodes) {
    const id = idOf(node);
    const el = editor.element(id);
    if (!el) continue;
    if (el.type === 'text') {
      // Sides: a new width (rewrapped, the height follows the text). Corners: the text scales.
      const f = Math.abs(node.scaleX());
      const width = node instanceof Konva.Text && side ? node.width() : Math.max(20, el.width * f);
      patches.set(id, side ? { x: node.x(), y: node.y(), rotation: node.rotation(), width } : { x: node.x(), y: node.y(), rotation: node.rotation(), width, fontSize: Math.max(1, el.fontSize * f), ...(el.autoFit ? { height: el.height * Math.abs(node.scaleY()) } : {}) });
      continue;
    }
    if (el.type === 'image') {
      const live = node.getAttr('liveSize') as { width: number; height: number } | undefined;
      const natural = imageSize(el.assetId);
      const size = live ?? { width: Math.max(1, el.width * Math.abs(node.scaleX())), height: Math.max(1, el.height * Math.abs(node.scaleY())) };
      const uniform = Math.abs(size.width / el.width - size.height / el.height) < 1e-3;
      patches.set(id, { x: node.x(), y: node.y(), rotation: node.rotation(), ...size, ...(!uniform && natural ? { crop: recropForSize(el, natural, size) } : {}) });
      continue;
    }
    const baseSY = el.type === 'star' || el.type === 'polygon' ? el.height / Math.max(el.width, 1e-6) : 1;
    const fx = Math.abs(node.scaleX());
    const fy = Math.abs(node.scaleY()) / baseSY;
    const patch: Record<string, unknown> = { x: node.x(), y: node.y(), rotation: node.rotation(), width: Math.max(1, el.width * fx), height: Math.max(el.type === 'line' || el.type === 'arrow' ? 0 : 1, el.height * fy) };
    if (el.type === 'line' || el.type === 'arrow') patch.points = el.points.map((p, i) => (i % 2 === 0 ? p * fx : p * fy));
    if (el.type === 'group') patch.elements = el.elements.map((c) => ({ ...c, x: c.x * fx, y: c.y * fy, width: c.width * fx, height: c.height * fy, version: c.version + 1 }));
    patches.set(id, patch as Partial<Element>);
  }
  return patches;
}
