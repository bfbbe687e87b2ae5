// What a drag on the canvas does: one element rides on the interaction layer while it moves (the
// content layer stays still), many ride in one cached group, a group's child moves inside its group;
// the move snaps to the page, the safe zone and the other elements, and is committed once, on drop.
import Konva from 'konva';
import { duplicateElements, elementBounds, moveElements, snapBox, type SnapTargets } from '../../../src-main/core/design';
import { idOf, newId, nodeFor, nodes, topNode } from './canvas-nodes';
import { goLive, markChanged, recache } from './chunks';
import type { EditorStore } from './editor-store';

/** How close (screen px) an edge must come to a target to snap to it. */
export const SNAP_PX = 6;

interface DragState {
  id: string;
  start: Map<string, { x: number; y: number }>;
  box: { x: number; y: number; width: number; height: number };
  targets: SnapTargets;
  alt: boolean;
  single: Konva.Node | null;
  home: Konva.Group | null;
  /** Many elements: they ride in one group on the interaction layer; only the group moves. */
  group: Konva.Group | null;
  homes: Map<Konva.Node, Konva.Container>;
  /** A group's child dragged inside the group. */
  child: Konva.Node | null;
}

/** What a drag needs of the canvas, read when each drag event arrives. */
export interface DragCanvas {
  editor: EditorStore;
  stage: Konva.Stage | null;
  transformer: Konva.Transformer | null;
  interaction: Konva.Layer | null;
  guides: Konva.Group | null;
  /** Where the dragged elements may snap: the page, its safe zone, and the elements not moving. */
  snapTargets(moving: Set<string>): SnapTargets;
}

/** Draws the snapping guides (none: clears them). */
export function showGuides(guides: Konva.Group | null, lines: { orientation: 'vertical' | 'horizontal'; position: number }[]): void {
  if (!guides) return;
  guides.destroyChildren();
  for (const l of lines) {
    guides.add(
      new Konva.Line({
        points: l.orientation === 'vertical' ? [l.position, -10000, l.position, 10000] : [-10000, l.position, 10000, l.position],
        stroke: '#ec4899',
        strokeWidth: 1,
        strokeScaleEnabled: false,
        listening: false,
      }),
    );
  }
  guides.getLayer()?.batchDraw();
}

/** The bounds of the page's visible elements, except those given (the ones being moved or resized). */
export function otherBoxes(editor: EditorStore, exclude: Set<string>) {
  const s = editor.store.getState();
  const out = [];
  for (const id of s.order) if (!exclude.has(id)) {
    const el = s.index.get(id)!;
    if (el.visible) out.push(elementBounds(el));
  }
  return out;
}

/** One drag at a time on a canvas: Konva's dragstart, dragmove and dragend go to start, move and end. */
export class CanvasDrag {
  private state: DragState | null = null;

  /** A drag begins: remember where everything starts, and lift what moves onto the interaction layer. */
  start(c: DragCanvas, e: Konva.KonvaEventObject<DragEvent>): void {
    const { editor } = c;
    if (e.target === c.stage || e.target.hasName('crop-photo')) return;
    const s0 = editor.store.getState();
    const top = topNode(e.target);
    if (s0.groupId && top && idOf(top) === s0.groupId && e.target !== top) {
      // A child dragged inside its group: it moves in the group's own coordinates, without snapping.
      const id = idOf(e.target);
      if (!s0.selection.includes(id)) editor.select([id]);
      goLive(e.target);
      this.state = { id, start: new Map([[id, { x: e.target.x(), y: e.target.y() }]]), box: { x: 0, y: 0, width: 0, height: 0 }, targets: { vertical: [], horizontal: [] } as unknown as SnapTargets, alt: false, single: null, home: null, group: null, homes: new Map(), child: e.target };
      return;
    }
    const node = top;
    if (!node) return;
    const id = node.getAttr('elementId') as string;
    const s = editor.store.getState();
    let sel = s.selection;
    if (!sel.includes(id)) {
      sel = [id];
      editor.select(sel);
    }
    const start = new Map<string, { x: number; y: number }>();
    for (const sid of sel) {
      const n = nodes.get(sid);
      if (n) start.set(sid, { x: n.x(), y: n.y() });
    }
    const el = s.index.get(id)!;
    const moving = new Set(sel);
    for (const sid of sel) goLive(nodes.get(sid));
    this.state = {
      id,
      start,
      box: elementBounds(el),
      targets: c.snapTargets(moving),
      alt: (e.evt as MouseEvent).altKey,
      single: null,
      home: null,
      group: null,
      homes: new Map(),
      child: null,
    };
    // Many elements: the transformer follows them only after the drop (attached, it costs O(n²)),
    // and they move as one group on the interaction layer, so a frame is one transform, not n.
    if (sel.length > 1 && c.interaction) {
      c.transformer?.nodes([]);
      const group = new Konva.Group({ draggable: true });
      c.interaction.add(group);
      for (const sid of sel) {
        const n = nodes.get(sid);
        if (!n) continue;
        this.state.homes.set(n, n.getParent() as Konva.Container);
        n.moveTo(group);
      }
      this.state.group = group;
      node.stopDrag();
      group.startDrag();
      // The moving group is one bitmap while it moves: a frame draws one image, not every shape.
      recache(group);
      this.state.home = null;
      node.getStage()?.batchDraw();
      return;
    }
    // One element: draw it on the interaction layer while it moves, so the content layer stays still.
    if (sel.length === 1 && c.interaction) {
      this.state.single = node;
      this.state.home = node.getParent() as Konva.Group;
      node.moveTo(c.interaction);
      c.transformer?.moveToTop();
      this.state.home.getLayer()?.batchDraw();
    }
  }

  /** Each move: snap to the targets and show the guides; the other selected elements follow. */
  move(c: DragCanvas, e: Konva.KonvaEventObject<DragEvent>): void {
    const { editor } = c;
    const d = this.state;
    if (!d || d.child) return;
    if (d.group) {
      if ((e.target as Konva.Node) !== d.group) return;
      const zoom = editor.store.getState().zoom;
      const snapped = snapBox({ ...d.box, x: d.box.x + d.group.x(), y: d.box.y + d.group.y() }, d.targets, SNAP_PX / zoom);
      if (snapped.dx || snapped.dy) d.group.position({ x: d.group.x() + snapped.dx, y: d.group.y() + snapped.dy });
      if (snapped.guides.length || c.guides?.hasChildren()) showGuides(c.guides, snapped.guides);
      return;
    }
    const node = topNode(e.target);
    if (!node) return;
    const origin = d.start.get(d.id)!;
    let dx = node.x() - origin.x;
    let dy = node.y() - origin.y;
    const snapped = snapBox({ ...d.box, x: d.box.x + dx, y: d.box.y + dy }, d.targets, SNAP_PX / editor.store.getState().zoom);
    dx += snapped.dx;
    dy += snapped.dy;
    node.position({ x: origin.x + dx, y: origin.y + dy });
    for (const [sid, p] of d.start) {
      if (sid === d.id) continue;
      nodes.get(sid)?.position({ x: p.x + dx, y: p.y + dy });
    }
    if (snapped.guides.length || c.guides?.hasChildren()) showGuides(c.guides, snapped.guides);
  }

  /** The drop: put the nodes back in their places and commit the move (or the Alt-drag copies) once. */
  end(c: DragCanvas, e: Konva.KonvaEventObject<DragEvent>): void {
    const { editor } = c;
    const d = this.state;
    if (d?.group && (e.target as Konva.Node) !== d.group) return; // the node's own drag, handed over to the group
    this.state = null;
    showGuides(c.guides, []);
    if (!d) return;
    let dx: number;
    let dy: number;
    if (d.child) {
      const origin = d.start.get(d.id)!;
      dx = d.child.x() - origin.x;
      dy = d.child.y() - origin.y;
      if (dx !== 0 || dy !== 0) editor.apply((doc, pageId) => moveElements(doc, pageId, [d.id], dx, dy), { select: [d.id] });
      return;
    }
    if (d.group) {
      dx = d.group.x();
      dy = d.group.y();
      for (const [n, home] of d.homes) {
        home.add(n as Konva.Shape);
        n.position({ x: n.x() + dx, y: n.y() + dy });
      }
      d.group.destroy();
    } else {
      const node = topNode(e.target);
      const origin = d.start.get(d.id)!;
      dx = (node?.x() ?? origin.x) - origin.x;
      dy = (node?.y() ?? origin.y) - origin.y;
    }
    if (d.single && d.home) d.home.add(d.single as Konva.Shape);
    const ids = [...d.start.keys()];
    for (const sid of ids) markChanged(nodeFor(sid));
    if (d.alt) {
      // Alt-drag: the originals stay, copies land where the drag ended.
      for (const [sid, p] of d.start) nodes.get(sid)?.position(p);
      let created: string[] = [];
      editor.apply((doc, pageId) => {
        const r = duplicateElements(doc, pageId, ids, newId, 0);
        created = r.ids;
        return moveElements(r.doc, pageId, r.ids, dx, dy);
      });
      editor.select(created);
      return;
    }
    if (dx === 0 && dy === 0) {
      editor.select([...ids]);
      return;
    }
    editor.apply((doc, pageId) => moveElements(doc, pageId, ids, dx, dy));
  }
}
