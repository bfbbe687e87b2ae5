// Big pages draw from cached chunks: consecutive elements (in z-order) share a Konva group cached as
// a bitmap at the current zoom, so a change redraws its own chunk and the page is then a few
// bitmaps, not a thousand shapes. Undo of one step on a 1,000-element page costs a tenth of a full
// redraw this way. A chunk is drawn live (uncached) while one of its nodes is dragged or transformed.
import Konva from 'konva';

/** Pages with fewer elements draw every shape directly, as before. */
export const CHUNK_FROM = 200;
export const CHUNK_SIZE = 100;
/** A chunk whose bitmap would be larger than this many pixels is drawn directly. */
const MAX_CACHE_PIXELS = 4096 * 4096;

const dirty = new Set<Konva.Group>();
let flushing = false;

export function chunkOf(node: Konva.Node | null | undefined): Konva.Group | null {
  let n: Konva.Node | null = node ?? null;
  while (n && !n.hasName('chunk')) n = n.getParent() as Konva.Node | null;
  return (n as Konva.Group | null) ?? null;
}

/** Caches a chunk at the stage's scale (sharp on screen), or leaves it live when too large. */
export function recache(group: Konva.Group): void {
  group.clearCache();
  if (!group.getStage() || !group.hasChildren()) return;
  const pixelRatio = Math.abs(group.getAbsoluteScale().x) * Konva.pixelRatio;
  const rect = group.getClientRect({ skipTransform: true });
  if (!(rect.width > 0 && rect.height > 0) || rect.width * rect.height * pixelRatio * pixelRatio > MAX_CACHE_PIXELS) return;
  group.cache({ pixelRatio, offset: 1 });
}

/** A node of this chunk changed: its bitmap is made again once, after the change has been committed. */
export function markChanged(node: Konva.Node | null | undefined): void {
  const chunk = chunkOf(node);
  if (!chunk) return;
  dirty.add(chunk);
  if (flushing) return;
  flushing = true;
  queueMicrotask(() => {
    flushing = false;
    const list = [...dirty];
    dirty.clear();
    for (const c of list) recache(c);
    list[0]?.getLayer()?.batchDraw();
  });
}

/** Draws a node's chunk live until `markChanged` (a drag or a transform in progress). */
export function goLive(node: Konva.Node | null | undefined): void {
  const chunk = chunkOf(node);
  if (chunk?.isCached()) chunk.clearCache();
}
