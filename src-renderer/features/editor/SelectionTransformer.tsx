// The transformer (resize and rotate handles) on the selected nodes, attached again after they are
// rebuilt, and after the frame when hundreds are selected.
import Konva from 'konva';
import { useLayoutEffect, type RefObject } from 'react';
import { useStore } from 'zustand';
import { idOf, nodeFor } from './canvas-nodes';
import type { EditorStore } from './editor-store';

/** More selected nodes than this: the transformer is detached while they change and attached after the frame. */
export const BULK_SELECTION = 50;

const ALL_ANCHORS = ['top-left', 'top-center', 'top-right', 'middle-right', 'middle-left', 'bottom-left', 'bottom-center', 'bottom-right'];
const TEXT_ANCHORS = ['top-left', 'top-right', 'middle-right', 'middle-left', 'bottom-left', 'bottom-right'];
const LINE_ANCHORS = ['middle-left', 'middle-right'];

/**
 * Whether the nodes' box is small on screen (under three handles across): its handles then sit
 * outside it, or they would cover its middle and a press inside it would resize instead of move.
 */
function smallOnScreen(tr: Konva.Transformer, nodes: Konva.Node[]): boolean {
  if (nodes.length === 0) return false;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const n of nodes) {
    const r = n.getClientRect({ skipShadow: true, skipStroke: true });
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return Math.min(x1 - x0, y1 - y0) < 3 * tr.anchorSize();
}

/** Attaches the transformer to the selected nodes after they are (re)built. */
export function SelectionTransformer({ editor, trRef }: { editor: EditorStore; trRef: RefObject<Konva.Transformer | null> }) {
  const selection = useStore(editor.store, (s) => s.selection);
  const index = useStore(editor.store, (s) => s.index);
  const zoom = useStore(editor.store, (s) => s.zoom);
  useLayoutEffect(() => {
    const tr = trRef.current;
    if (!tr) return;
    const attach = () => {
      // Never during a drag: the nodes are riding in the drag group; the drop re-runs this effect.
      if (Konva.DD.isDragging) return;
      if (editor.store.getState().croppingId) {
        tr.nodes([]);
        return;
      }
      const attached = selection.map((id) => nodeFor(id)).filter((n): n is Konva.Node => Boolean(n) && !editor.element(idOf(n!))?.locked);
      const only = selection.length === 1 ? editor.element(selection[0]!) : undefined;
      // Photos keep their shape from the corners; their sides crop. Text boxes: the sides set the
      // width (the height follows the text), the corners scale the text.
      const keepRatio = only?.type === 'image' || only?.type === 'text' || only?.type === 'path';
      const anchors = only?.type === 'line' || only?.type === 'arrow' ? LINE_ANCHORS : only?.type === 'text' && !only.autoFit ? TEXT_ANCHORS : ALL_ANCHORS;
      // The same nodes (an undo or a nudge moved them): the transformer follows their moves by
      // itself; attaching again would redo its bookkeeping for nothing.
      const current = tr.nodes();
      if (current.length !== attached.length || current.some((n, i) => n !== attached[i])) tr.nodes(attached);
      if (tr.keepRatio() !== keepRatio) tr.keepRatio(keepRatio);
      if (tr.enabledAnchors() !== anchors) tr.enabledAnchors(anchors);
      const padding = selection.length <= BULK_SELECTION && smallOnScreen(tr, attached) ? tr.anchorSize() / 2 + 1 : 0;
      if (tr.padding() !== padding) tr.padding(padding);
      tr.getLayer()?.batchDraw();
    };
    // Attaching hundreds of nodes costs tens of milliseconds: do it after the frame that shows the change.
    if (selection.length <= BULK_SELECTION) {
      attach();
      return;
    }
    // Both frames are cancelled when the selection or the document changes again before then: a
    // stale attach would cost as much as the real one, for nothing.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(attach);
    });
    return () => cancelAnimationFrame(frame);
  }, [selection, index, zoom, trRef, editor]);
  return null;
}
