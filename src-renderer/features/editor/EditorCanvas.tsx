// The canvas: three layers (background, not listening; content; interaction with the transformer,
// guides and marquee). Elements subscribe by id; a drag moves Konva nodes directly and commits to
// the document once, at drag end (drag-edits.ts); a transformer handle's edits are in transform-edits.ts.
import Konva from 'konva';
import { memo, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { Group, Layer, Rect, Stage, Transformer } from 'react-konva';
import { useStore } from 'zustand';
import { boxesIntersect, boxFromPoints, elementBounds, findPreset, safeRect, snapTargets, snapValue } from '../../../src-main/core/design';
import type { Commands } from './commands';
import { CropOverlay, cropSession } from './CropOverlay';
import type { EditorStore } from './editor-store';
import { goLive } from './chunks';
import { idOf, topNode } from './canvas-nodes';
import { Background, Elements } from './ElementNodes';
import { BULK_SELECTION, SelectionTransformer } from './SelectionTransformer';
import { CanvasDrag, otherBoxes, SNAP_PX, type DragCanvas } from './drag-edits';
import { isSideAnchor, transformLive, transformPatches } from './transform-edits';

export { newId, nodeFor, topNode } from './canvas-nodes';

/** Zoom steps: Ctrl+wheel moves about 10 % a notch, Ctrl +/− by 25 %. */
export const WHEEL_ZOOM_PER_NOTCH = 1.1;

export const EditorCanvas = memo(function EditorCanvas({ editor, cmd, stageRef, label }: { editor: EditorStore; cmd: Commands; stageRef: RefObject<Konva.Stage | null>; label: string }) {
  // Primitives only: an edit to an element must not re-render the whole stage.
  const docId = useStore(editor.store, (s) => s.doc?.id);
  const width = useStore(editor.store, (s) => s.doc?.width ?? 0);
  const height = useStore(editor.store, (s) => s.doc?.height ?? 0);
  const presetId = useStore(editor.store, (s) => s.doc?.preset ?? '');
  const doc = docId ? { id: docId, width, height, preset: presetId } : null;
  const order = useStore(editor.store, (s) => s.order);
  const zoom = useStore(editor.store, (s) => s.zoom);
  const fitRequest = useStore(editor.store, (s) => s.fitRequest);
  const boxRef = useRef<HTMLDivElement>(null);
  const trRef = useRef<Konva.Transformer>(null);
  const interactionRef = useRef<Konva.Layer>(null);
  const guidesRef = useRef<Konva.Group>(null);
  const marqueeRef = useRef<Konva.Rect>(null);
  // Measured before the stage is first drawn: each layer's canvases are made once, at their size.
  const [measured, setSize] = useState<{ width: number; height: number } | null>(null);
  const size = measured ?? { width: 800, height: 600 };
  const [pan, setPan] = useState({ x: 40, y: 40 });
  const [spaceDown, setSpaceDown] = useState(false);
  const drag = useRef(new CanvasDrag()).current;
  const marquee = useRef<{ x0: number; y0: number; shift: boolean } | null>(null);
  /** The transformer handle being dragged (sides and corners do different things to text and photos). */
  const anchor = useRef<string | null>(null);
  /** The next zoom change comes with its own pan (the wheel zooms about the pointer, fit centres the page). */
  const placing = useRef(false);

  // Size the stage to its box (before the first paint, so the stage is not made at a guessed size).
  const hasBox = docId !== undefined;
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => setSize((s) => (s && s.width === box.clientWidth && s.height === box.clientHeight ? s : { width: box.clientWidth, height: box.clientHeight }));
    const ro = new ResizeObserver(measure);
    ro.observe(box);
    measure();
    return () => ro.disconnect();
  }, [hasBox]);

  // The view the last fit chose: while the view is still that one, a new canvas size (the side
  // panel opening or closing, the window resized) fits the page again; a zoom or a pan by the user
  // keeps their view.
  const fitted = useRef<{ zoom: number; x: number; y: number } | null>(null);
  function fitPage(): void {
    const box = boxRef.current;
    if (!docId || !width || !height || !box) return;
    const z = Math.min((box.clientWidth - 80) / width, (box.clientHeight - 80) / height, 1);
    const next = z > 0 ? z : 0.2;
    const at = { x: (box.clientWidth - width * next) / 2, y: (box.clientHeight - height * next) / 2 };
    placing.current = next !== editor.store.getState().zoom;
    editor.setZoom(next);
    // What the store holds (it bounds the zoom): the view is "still fitted" while it holds this.
    fitted.current = { zoom: editor.store.getState().zoom, ...at };
    setPan(at);
  }

  // Fit the page when a design opens or changes size — keyed on primitives only, so a pan or zoom
  // by the user (or any other edit) never refits.
  useEffect(fitPage, [editor, docId, width, height, fitRequest]);

  // The canvas changed size: fit again, unless the user has zoomed or panned since the last fit.
  const boxWidth = measured?.width ?? 0;
  const boxHeight = measured?.height ?? 0;
  // The latest view and fit, read when the size changes (a zoom or pan alone must not run this).
  const latest = useRef({ zoom, pan, fitPage });
  latest.current = { zoom, pan, fitPage };
  useEffect(() => {
    const f = fitted.current;
    const v = latest.current;
    if (!f || !boxWidth || !boxHeight) return;
    if (v.zoom !== f.zoom || v.pan.x !== f.x || v.pan.y !== f.y) return;
    v.fitPage();
  }, [boxWidth, boxHeight]);

  // Zoom set from outside (toolbar, Ctrl +/−) keeps the middle of the view where it is.
  const lastZoom = useRef(zoom);
  useLayoutEffect(() => {
    const old = lastZoom.current;
    lastZoom.current = zoom;
    if (old === zoom || placing.current) {
      placing.current = false;
      return;
    }
    setPan((p) => ({ x: size.width / 2 - ((size.width / 2 - p.x) / old) * zoom, y: size.height / 2 - ((size.height / 2 - p.y) / old) * zoom }));
  }, [zoom, size.width, size.height]);

  // Space-drag pans.
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.code === 'Space' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) setSpaceDown(true);
    };
    const up = (e: KeyboardEvent) => e.code === 'Space' && setSpaceDown(false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, []);

  // A Transformer attached to many nodes during bulk updates costs O(n²): detach it synchronously on
  // a document change, before React rebuilds nodes; SelectionTransformer re-attaches after. A few
  // nodes stay attached (an undo of one move then costs nothing here).
  useEffect(
    () =>
      editor.store.subscribe((next, prev) => {
        if (next.index !== prev.index && trRef.current && trRef.current.nodes().length > BULK_SELECTION) trRef.current.nodes([]);
      }),
    [editor],
  );

  if (!doc) return <div className="editor-canvas" ref={boxRef} />;
  const preset = findPreset(doc.preset);
  const safe = preset && preset.width === doc.width && preset.height === doc.height ? safeRect(preset) : null;

  /** The canvas as a drag sees it, when the drag event arrives. */
  function dragCanvas(): DragCanvas {
    return {
      editor,
      stage: stageRef.current,
      transformer: trRef.current,
      interaction: interactionRef.current,
      guides: guidesRef.current,
      snapTargets: (moving) => snapTargets(doc!, otherBoxes(editor, moving), safe),
    };
  }

  /** Live: a text box rewraps at its new width instead of stretching; a photo recrops instead of stretching. */
  function onTransform() {
    const tr = trRef.current;
    if (!tr || tr.nodes().length !== 1) return;
    const node = tr.nodes()[0]!;
    anchor.current = tr.getActiveAnchor();
    transformLive(node, editor.element(idOf(node)), isSideAnchor(anchor.current));
  }

  function onTransformEnd() {
    const tr = trRef.current;
    if (!tr) return;
    const side = isSideAnchor(anchor.current);
    anchor.current = null;
    for (const [id, patch] of transformPatches(tr.nodes(), editor, side)) cmd.update([id], patch);
  }

  function pointer(): { x: number; y: number } {
    const stage = stageRef.current!;
    const p = stage.getPointerPosition() ?? { x: 0, y: 0 };
    return { x: (p.x - stage.x()) / stage.scaleX(), y: (p.y - stage.y()) / stage.scaleY() };
  }

  /** The element a click lands on: a top-level element, or inside the group being edited, its child. */
  function hit(target: Konva.Node): Konva.Node | null {
    const top = target === stageRef.current ? null : topNode(target);
    const groupId = editor.store.getState().groupId;
    if (!top || !groupId || idOf(top) !== groupId) return top;
    let n: Konva.Node | null = target;
    while (n && n.getParent() !== top) n = n.getParent() as Konva.Node | null;
    return n && n !== top ? n : top;
  }

  function onMouseDown(e: Konva.KonvaEventObject<MouseEvent>) {
    if (spaceDown) return;
    const s0 = editor.store.getState();
    if (s0.croppingId) {
      // A click outside the photo keeps the crop.
      let n: Konva.Node | null = e.target;
      while (n && !n.hasName('crop-overlay')) n = n.getParent() as Konva.Node | null;
      if (!n) cropSession.apply?.();
      return;
    }
    if ((e.target.getParent() as Konva.Node | null) === trRef.current) return;
    const node = hit(e.target);
    if (s0.groupId && (!node || node === topNode(node) && idOf(node) !== s0.groupId)) editor.enterGroup(null);
    if (!node) {
      const p = pointer();
      marquee.current = { x0: p.x, y0: p.y, shift: e.evt.shiftKey };
      if (!e.evt.shiftKey) editor.select([]);
      return;
    }
    const id = idOf(node);
    const sel = editor.store.getState().selection;
    if (e.evt.shiftKey || e.evt.metaKey || e.evt.ctrlKey) editor.select(sel.includes(id) ? sel.filter((x) => x !== id) : [...sel, id]);
    else if (!sel.includes(id)) editor.select([id]);
  }

  function onMouseMove() {
    const m = marquee.current;
    const r = marqueeRef.current;
    if (!m || !r) return;
    const p = pointer();
    const b = boxFromPoints(m.x0, m.y0, p.x, p.y);
    r.setAttrs({ ...b, visible: true });
    r.getLayer()?.batchDraw();
  }

  function onMouseUp() {
    const m = marquee.current;
    marquee.current = null;
    const r = marqueeRef.current;
    if (!m || !r) return;
    const p = pointer();
    r.visible(false);
    r.getLayer()?.batchDraw();
    const b = boxFromPoints(m.x0, m.y0, p.x, p.y);
    if (b.width < 3 && b.height < 3) return;
    const s = editor.store.getState();
    const hit = s.order.filter((id) => {
      const el = s.index.get(id)!;
      return el.visible && !el.locked && boxesIntersect(b, elementBounds(el));
    });
    editor.select(m.shift ? [...new Set([...s.selection, ...hit])] : hit);
  }

  /** Double-click: type into a text, crop a photo, or step into a group to edit what is inside. */
  function onDblClick(e: Konva.KonvaEventObject<MouseEvent>) {
    if (editor.store.getState().croppingId) {
      cropSession.apply?.();
      return;
    }
    const node = hit(e.target);
    if (!node) return;
    const el = editor.element(idOf(node));
    if (!el || el.locked) return;
    if (el.type === 'text') editor.editText(el.id);
    else if (el.type === 'image' && editor.store.getState().index.has(el.id)) editor.crop(el.id);
    else if (el.type === 'group') {
      let child: Konva.Node | null = e.target;
      while (child && child.getParent() !== node) child = child.getParent() as Konva.Node | null;
      editor.enterGroup(el.id, child ? [idOf(child)] : []);
    }
  }

  function onWheel(e: Konva.KonvaEventObject<WheelEvent>) {
    e.evt.preventDefault();
    const stage = stageRef.current!;
    if (e.evt.ctrlKey || e.evt.metaKey) {
      // Zoom about the pointer (trackpad pinch arrives as ctrl+wheel).
      // A mouse notch is deltaY ±100 (in pixel mode): about 10 % a notch; a trackpad pinch sends small deltas.
      const old = stage.scaleX();
      const p = stage.getPointerPosition() ?? { x: size.width / 2, y: size.height / 2 };
      const notches = (e.evt.deltaMode === 1 ? e.evt.deltaY / 3 : e.evt.deltaY / 100);
      const next = Math.min(8, Math.max(0.05, old * Math.pow(WHEEL_ZOOM_PER_NOTCH, -notches)));
      const world = { x: (p.x - stage.x()) / old, y: (p.y - stage.y()) / old };
      placing.current = next !== old;
      editor.setZoom(next);
      setPan({ x: p.x - world.x * next, y: p.y - world.y * next });
    } else {
      setPan((q) => ({ x: q.x - e.evt.deltaX, y: q.y - e.evt.deltaY }));
    }
  }

  function anchorBound(oldPos: Konva.Vector2d, newPos: Konva.Vector2d): Konva.Vector2d {
    // Resize handles snap to page edges, centres, the safe zone and other elements.
    const stage = stageRef.current;
    if (!stage) return newPos;
    const s = editor.store.getState();
    const t = snapTargets(doc!, otherBoxes(editor, new Set(s.selection)), safe);
    const threshold = SNAP_PX / s.zoom;
    const wx = (newPos.x - stage.x()) / stage.scaleX();
    const wy = (newPos.y - stage.y()) / stage.scaleY();
    const sx = snapValue(wx, t.vertical, threshold);
    const sy = snapValue(wy, t.horizontal, threshold);
    return { x: sx.value * stage.scaleX() + stage.x(), y: sy.value * stage.scaleY() + stage.y() };
  }

  const clip = { x: 0, y: 0, width: doc.width, height: doc.height };
  return (
    <div className={`editor-canvas${spaceDown ? ' panning' : ''}`} ref={boxRef} role="img" aria-label={label}>
      {measured && <Stage
        ref={stageRef}
        width={size.width}
        height={size.height}
        scaleX={zoom}
        scaleY={zoom}
        x={pan.x}
        y={pan.y}
        draggable={spaceDown}
        onDragEnd={(e) => {
          if (e.target === stageRef.current) setPan({ x: e.target.x(), y: e.target.y() });
          else drag.end(dragCanvas(), e);
        }}
        onDragStart={(e) => drag.start(dragCanvas(), e)}
        onDragMove={(e) => drag.move(dragCanvas(), e)}
        onMouseDown={onMouseDown}
        onMouseMove={onMouseMove}
        onMouseUp={onMouseUp}
        onDblClick={onDblClick}
        onWheel={onWheel}
      >
        <Layer listening={false}>
          <Rect x={0} y={0} width={doc.width} height={doc.height} shadowColor="#000" shadowBlur={24} shadowOpacity={0.25} fill="#fff" />
          <Group clip={clip}>
            <Background editor={editor} />
          </Group>
        </Layer>
        <Layer clip={clip} name="content">
          <Elements editor={editor} order={order} />
        </Layer>
        <SelectionTransformer editor={editor} trRef={trRef} />
        <Layer ref={interactionRef} name="interaction">
          {safe && <Rect {...safe} stroke="#0ea5e9" dash={[10, 8]} strokeWidth={1} strokeScaleEnabled={false} listening={false} name="safe-zone" />}
          <Group ref={guidesRef} listening={false} />
          <Rect ref={marqueeRef} visible={false} fill="rgba(67,56,202,0.08)" stroke="#4338ca" strokeWidth={1} strokeScaleEnabled={false} listening={false} />
          <Transformer
            ref={trRef}
            rotationSnaps={[0, 45, 90, 135, 180, 225, 270, 315]}
            rotationSnapTolerance={4}
            anchorDragBoundFunc={anchorBound}
            boundBoxFunc={(oldBox, newBox) => (Math.abs(newBox.width) < 4 || Math.abs(newBox.height) < 4 ? oldBox : newBox)}
            onTransformStart={() => trRef.current?.nodes().forEach((n) => goLive(n))}
            onTransform={onTransform}
            onTransformEnd={onTransformEnd}
            ignoreStroke
          />
          <CropOverlay editor={editor} cmd={cmd} />
        </Layer>
      </Stage>}
    </div>
  );
});
