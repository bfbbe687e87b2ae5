// Redraws only the part of the content layer an edit touched. An undo, a nudge or a colour change
// on one element of a 1,000-element page moves or rebuilds one node: the layer is redrawn inside
// that node's old and new boxes (clipped), not over the whole page. Many changes at once (a bulk
// edit, a rebuild of every node) fall back to one ordinary full draw of the layer. On big pages the
// changed node's chunk keeps its bitmap, patched inside the same boxes (see chunks.ts).
import Konva from 'konva';
import type { Box } from '../../../src-main/core/design';
import { markChanged, patchBitmap } from './chunks';

/** More damaged boxes than this in one frame: the whole layer is drawn instead. */
const MAX_BOXES = 24;
/** Antialiasing and rounding around a node's box. */
const PAD = 2;

interface Damage {
  boxes: Box[];
  /** Cached chunks whose nodes changed, with the boxes to patch in each bitmap. */
  chunks: Map<Konva.Group, Box[]>;
}
const damaged = new Map<Konva.Layer, Damage>();
let scheduled = false;

/** A node's box on the layer's canvas (stage-container pixels), or null when it has none. */
export function boxOf(node: Konva.Node | null | undefined): Box | null {
  if (!node || !node.getStage()) return null;
  const r = node.getClientRect();
  return r.width > 0 || r.height > 0 ? r : null;
}

/** Runs `change` without Konva's automatic full redraws: the caller says what to redraw. */
export function quietly<T>(change: () => T): T {
  const auto = Konva.autoDrawEnabled;
  Konva.autoDrawEnabled = false;
  try {
    return change();
  } finally {
    Konva.autoDrawEnabled = auto;
  }
}

function fullDrawPending(layer: Konva.Layer): boolean {
  return Boolean((layer as unknown as { _waitingForDraw?: boolean })._waitingForDraw);
}

/**
 * Whether a change on this layer is worth measuring: not when the whole layer is drawn on the next
 * frame anyway (a bulk edit past MAX_BOXES), so 1,000 moved nodes measure 25 boxes, not 2,000.
 */
export function patching(layer: Konva.Layer | null | undefined): layer is Konva.Layer {
  return Boolean(layer) && !fullDrawPending(layer!);
}

/**
 * Asks for the boxes to be redrawn on the next frame (the whole layer when there are too many).
 * `chunk` is the cached chunk the changed node belongs to: its bitmap is patched in the same boxes.
 */
export function redrawBoxes(layer: Konva.Layer | null | undefined, boxes: readonly (Box | null)[], chunk?: Konva.Group | null): void {
  if (!layer) return;
  if (fullDrawPending(layer)) {
    if (chunk) markChanged(chunk, { draw: false });
    return;
  }
  const damage = damaged.get(layer) ?? { boxes: [], chunks: new Map<Konva.Group, Box[]>() };
  const own = boxes.filter((b): b is Box => b !== null);
  damage.boxes.push(...own);
  if (chunk) damage.chunks.set(chunk, [...(damage.chunks.get(chunk) ?? []), ...own]);
  if (damage.boxes.length > MAX_BOXES) {
    // The whole layer is drawn: the changed chunks draw live and are cached again after it.
    damaged.delete(layer);
    for (const c of damage.chunks.keys()) markChanged(c, { draw: false });
    layer.batchDraw();
    return;
  }
  damaged.set(layer, damage);
  if (!scheduled) {
    scheduled = true;
    const win = layer.getStage()?.container().ownerDocument.defaultView ?? window;
    win.requestAnimationFrame(flush);
  }
}

function flush(): void {
  scheduled = false;
  const work = [...damaged];
  damaged.clear();
  for (const [layer, { boxes, chunks }] of work) {
    const drawLayer = !fullDrawPending(layer) && layer.getStage() && boxes.length > 0;
    // A chunk whose bitmap cannot take the patch draws live (and is cached again after the frame).
    for (const [chunk, own] of chunks) if (!drawLayer || !patchBitmap(chunk, own, PAD)) markChanged(chunk, { draw: false });
    // A full draw is queued for this frame anyway, or the layer left the stage.
    if (drawLayer) drawClipped(layer, boxes);
  }
}

/** Draws the layer's scene and hit graph inside the boxes only. */
function drawClipped(layer: Konva.Layer, boxes: readonly Box[]): void {
  const scene = layer.getCanvas();
  const targets: { context: CanvasRenderingContext2D; draw: () => void }[] = [{ context: scene.getContext()._context, draw: () => layer.drawScene() }];
  if (layer.isListening()) targets.push({ context: layer.getHitCanvas().getContext()._context, draw: () => layer.drawHit() });
  const clearBefore = layer.clearBeforeDraw();
  layer.clearBeforeDraw(false);
  try {
    for (const { context: ctx, draw } of targets) {
      ctx.save();
      ctx.beginPath();
      for (const b of boxes) {
        const x = Math.floor(b.x) - PAD;
        const y = Math.floor(b.y) - PAD;
        ctx.rect(x, y, Math.ceil(b.x + b.width) + PAD - x, Math.ceil(b.y + b.height) + PAD - y);
      }
      ctx.clip();
      for (const b of boxes) {
        const x = Math.floor(b.x) - PAD;
        const y = Math.floor(b.y) - PAD;
        ctx.clearRect(x, y, Math.ceil(b.x + b.width) + PAD - x, Math.ceil(b.y + b.height) + PAD - y);
      }
      try {
        draw();
      } finally {
        ctx.restore();
      }
    }
  } finally {
    layer.clearBeforeDraw(clearBefore);
  }
}
