// Big pages draw from cached chunks: consecutive elements (in z-order) share a Konva group cached as
// a bitmap at the current zoom, so a pan or a redraw is a few bitmaps, not a thousand shapes.
// A chunk whose nodes change is drawn live at once (dropping a bitmap costs nothing) and cached
// again just after the frame that shows the change: an undo of one step then waits for the drawing
// of one chunk's shapes, not for a new bitmap too. The same goes for opening a page (first paint
// is live, the bitmaps follow) and for a zoom (the bitmaps follow at the new scale). A chunk stays
// live while one of its nodes is dragged or transformed (`goLive` until `markChanged`).
import Konva from 'konva';
import type { Canvas } from 'konva/lib/Canvas';
import { boxesIntersect, type Box } from '../../../src-main/core/design';

/** Pages with fewer elements draw every shape directly, as before. */
export const CHUNK_FROM = 200;
export const CHUNK_SIZE = 100;
/** A chunk whose bitmap would be larger than this many pixels is drawn directly. */
const MAX_CACHE_PIXELS = 4096 * 4096;

/** Chunks waiting to be cached again after the next frame. */
const stale = new Set<Konva.Group>();
/** Chunks with a node being dragged or transformed: live until that ends. */
const pinned = new Set<Konva.Group>();
let idleScheduled = false;

export function chunkOf(node: Konva.Node | null | undefined): Konva.Group | null {
  let n: Konva.Node | null = node ?? null;
  while (n && !n.hasName('chunk')) n = n.getParent() as Konva.Node | null;
  return (n as Konva.Group | null) ?? null;
}

/**
 * Caches a chunk at the stage's scale (sharp on screen), or leaves it live when too large. The hit
 * canvas (what a click finds) is made at the same on-screen scale: as precise as the layer's own,
 * and a fraction of a page-sized one at the usual zooms. The bitmap shows exactly what the live
 * shapes showed, so caching asks for no redraw.
 */
export function recache(group: Konva.Group): void {
  const autoDraw = Konva.autoDrawEnabled;
  Konva.autoDrawEnabled = false;
  try {
    group.clearCache();
    if (!group.getStage() || !group.hasChildren()) return;
    const scale = Math.abs(group.getAbsoluteScale().x);
    const pixelRatio = scale * Konva.pixelRatio;
    const rect = group.getClientRect({ skipTransform: true });
    if (!(rect.width > 0 && rect.height > 0) || rect.width * rect.height * pixelRatio * pixelRatio > MAX_CACHE_PIXELS) return;
    group.cache({ pixelRatio, hitCanvasPixelRatio: scale, offset: 1 });
  } finally {
    Konva.autoDrawEnabled = autoDraw;
  }
}

/** How long one task may spend caching chunks before it lets a frame and the user's input through. */
const CACHE_BUDGET_MS = 8;

/**
 * After the next frame (the one that shows the change, drawn live): the waiting chunks are cached
 * again, a few per task, so a newly opened 1,000-element page takes clicks while it settles.
 */
function scheduleIdle(): void {
  if (idleScheduled) return;
  idleScheduled = true;
  const run = () => {
    idleScheduled = false;
    releaseRetired();
    const until = performance.now() + CACHE_BUDGET_MS;
    for (const chunk of [...stale]) {
      if (Konva.DD.isDragging || performance.now() > until) break;
      stale.delete(chunk);
      if (!pinned.has(chunk) && chunk.getStage()) recache(chunk);
    }
    if (stale.size > 0) scheduleIdle();
  };
  // The layer's own draw is queued for the same frame: this task runs after it has been drawn.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}

/** Bitmaps dropped while something changed: their memory is given back when the browser is idle. */
let retired: HTMLCanvasElement[] = [];

/**
 * Drops a chunk's bitmap so that it draws live. Konva's clearCache also shrinks the bitmap's canvases
 * to give their memory back, which costs more than the drop itself: that part waits for the idle task.
 */
function dropBitmap(group: Konva.Group): void {
  const node = group as unknown as { _canvasCache: { scene: { _canvas: HTMLCanvasElement }; filter: { _canvas: HTMLCanvasElement }; hit?: { _canvas: HTMLCanvasElement } } | null };
  const cache = node._canvasCache;
  if (cache) {
    retired.push(cache.scene._canvas, cache.filter._canvas);
    if (cache.hit) retired.push(cache.hit._canvas);
    node._canvasCache = null;
  }
  group.clearCache();
}

function releaseRetired(): void {
  if (retired.length === 0) return;
  Konva.Util.releaseCanvas(...retired);
  retired = [];
}

/**
 * Draws a chunk live now and caches it again after the next frame. With `draw: false` the caller
 * redraws what changed itself (see patch-draw.ts) instead of the whole layer.
 */
export function refresh(group: Konva.Group, options: { draw?: boolean } = {}): void {
  if (group.isCached()) {
    const auto = Konva.autoDrawEnabled;
    if (options.draw === false) Konva.autoDrawEnabled = false;
    try {
      dropBitmap(group);
    } finally {
      Konva.autoDrawEnabled = auto;
    }
    if (options.draw !== false) group.getLayer()?.batchDraw();
  }
  stale.add(group);
  scheduleIdle();
}

/** A node of this chunk changed (or a drag or transform of it ended): live now, cached after the next frame. */
export function markChanged(node: Konva.Node | null | undefined, options: { draw?: boolean } = {}): void {
  const chunk = chunkOf(node);
  if (!chunk) return;
  pinned.delete(chunk);
  refresh(chunk, options);
}

/** Draws a node's chunk live until `markChanged` (a drag or a transform in progress). */
export function goLive(node: Konva.Node | null | undefined): void {
  const chunk = chunkOf(node);
  if (!chunk) return;
  pinned.add(chunk);
  stale.delete(chunk);
  if (chunk.isCached()) dropBitmap(chunk);
}

interface CanvasCache {
  scene: Canvas;
  hit: Canvas | null;
  hitConfig: { pixelRatio: number; width: number; height: number };
  x: number;
  y: number;
}

/**
 * Redraws a cached chunk's bitmap (and its hit bitmap, when built) inside `boxes` (stage pixels,
 * grown by `pad` for antialiasing) only, from the few nodes that overlap them: one element that
 * moved or changed costs the drawing of its neighbours, not of the chunk's hundred shapes, and the
 * chunk stays a bitmap. False when the chunk has no bitmap to patch or a box leaves the bitmap's
 * bounds (the caller draws the chunk live, and it is cached again with new bounds).
 */
export function patchBitmap(group: Konva.Group, boxes: readonly Box[], pad: number): boolean {
  const node = group as unknown as { _canvasCache: CanvasCache | null; _isUnderCache: boolean; _clearSelfAndDescendantCache(attr?: string): void };
  const cache = node._canvasCache;
  if (!cache || pinned.has(group) || !group.getStage()) return false;
  // Stage pixels to the chunk's own units (zoom and pan only: chunks are never rotated).
  const toLocal = group.getAbsoluteTransform().copy().invert();
  const local: Box[] = [];
  const padded = boxes.map((b) => ({ x: b.x - pad, y: b.y - pad, width: b.width + 2 * pad, height: b.height + 2 * pad }));
  for (const [i, b] of boxes.entries()) {
    const a = toLocal.point({ x: b.x, y: b.y });
    const c = toLocal.point({ x: b.x + b.width, y: b.y + b.height });
    const inside = Math.min(a.x, c.x) >= cache.x && Math.min(a.y, c.y) >= cache.y && Math.max(a.x, c.x) <= cache.x + cache.hitConfig.width && Math.max(a.y, c.y) <= cache.y + cache.hitConfig.height;
    if (!inside) return false;
    const pa = toLocal.point({ x: padded[i]!.x, y: padded[i]!.y });
    const pc = toLocal.point({ x: padded[i]!.x + padded[i]!.width, y: padded[i]!.y + padded[i]!.height });
    local.push({ x: Math.min(pa.x, pc.x), y: Math.min(pa.y, pc.y), width: Math.abs(pc.x - pa.x), height: Math.abs(pc.y - pa.y) });
  }
  const drawn = group.getChildren().filter((child) => padded.some((b) => boxesIntersect(child.getClientRect(), b)));
  const targets: { canvas: Canvas; ratio: number; draw: (n: Konva.Node, c: Canvas) => void }[] = [
    { canvas: cache.scene, ratio: cache.scene.getPixelRatio(), draw: (n, c) => n.drawScene(c, group) },
  ];
  if (cache.hit) targets.push({ canvas: cache.hit, ratio: cache.hitConfig.pixelRatio, draw: (n, c) => n.drawHit(c, group) });
  // As Konva's own cache(): opacity is taken relative to the chunk while drawing into its bitmap.
  node._isUnderCache = true;
  for (const child of drawn) (child as unknown as typeof node)._clearSelfAndDescendantCache('absoluteOpacity');
  try {
    for (const { canvas, ratio, draw } of targets) {
      const ctx = canvas.getContext()._context;
      ctx.save();
      ctx.translate(-cache.x, -cache.y);
      // Out to whole pixels of this bitmap, so antialiased edges are cleared and redrawn too.
      const snapped = local.map((b) => {
        const x = cache.x + Math.floor((b.x - cache.x) * ratio) / ratio;
        const y = cache.y + Math.floor((b.y - cache.y) * ratio) / ratio;
        return { x, y, width: cache.x + Math.ceil((b.x + b.width - cache.x) * ratio) / ratio - x, height: cache.y + Math.ceil((b.y + b.height - cache.y) * ratio) / ratio - y };
      });
      ctx.beginPath();
      for (const b of snapped) ctx.rect(b.x, b.y, b.width, b.height);
      ctx.clip();
      for (const b of snapped) ctx.clearRect(b.x, b.y, b.width, b.height);
      try {
        for (const child of drawn) draw(child, canvas);
      } finally {
        ctx.restore();
      }
    }
  } finally {
    node._isUnderCache = false;
    for (const child of drawn) (child as unknown as typeof node)._clearSelfAndDescendantCache('absoluteOpacity');
  }
  return true;
}

/** A chunk that leaves the page is forgotten. */
export function forget(group: Konva.Group): void {
  stale.delete(group);
  pinned.delete(group);
}
