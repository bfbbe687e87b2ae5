// The page's element nodes: one small component per element, subscribed to its element by id, that
// builds its Konva node (or just moves it) and redraws only its boxes; big pages group them in
// cached chunks, whose bitmaps are patched in the same boxes. And the page's background, drawn on its own layer.
import Konva from 'konva';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { Group } from 'react-konva';
import { useStore } from 'zustand';
import { buildBackground, buildElement, type Element } from '../../../src-main/core/design';
import { nodes } from './canvas-nodes';
import { CHUNK_FROM, CHUNK_SIZE, chunkOf, forget, markChanged, refresh } from './chunks';
import type { EditorStore } from './editor-store';
import { elementChanges, nodeFlags } from './element-changes';
import { boxOf, patching, quietly, redrawBoxes } from './patch-draw';
import { browserSceneContext, useFonts, useImages } from './scene-context';

const MOVE_ONLY = new Set(['x', 'y', 'version']);

/** True when only the position changed: the node moves instead of being rebuilt. */
function onlyMoved(prev: Element | undefined, next: Element): boolean {
  if (!prev || prev.type !== next.type) return false;
  const a = prev as unknown as Record<string, unknown>;
  const b = next as unknown as Record<string, unknown>;
  for (const key in b) if (!MOVE_ONLY.has(key) && a[key] !== b[key]) return false;
  return true;
}

const ElementNode = memo(function ElementNode({ editor, id }: { editor: EditorStore; id: string }) {
  // One subscription per node, told only when its element (or how it is shown) changed.
  const changes = elementChanges(editor);
  const subscribe = useMemo(() => changes.subscribe(id), [changes, id]);
  const el = useSyncExternalStore(subscribe, () => editor.store.getState().index.get(id));
  const flags = useSyncExternalStore(subscribe, () => nodeFlags(editor.store.getState(), id));
  const [hiddenFlag, inGroupFlag, editingChild] = flags.split('|');
  const hidden = hiddenFlag === '1';
  const inGroup = inGroupFlag === '1';
  const usesImages = el?.type === 'image' || el?.type === 'group';
  const usesFonts = el?.type === 'text' || el?.type === 'group';
  const imagesVersion = useImages((s) => (usesImages ? s.version : 0));
  const fontsVersion = useFonts((s) => (usesFonts ? s.version : 0));
  const ref = useRef<Konva.Group>(null);
  const built = useRef<{ el: Element; key: string; node: Konva.Node } | null>(null);
  useLayoutEffect(() => {
    const g = ref.current;
    if (!g || !el) return;
    const prev = built.current;
    const key = `${flags}|${imagesVersion}|${fontsVersion}`;
    const layer = g.getLayer();
    // Undo, redo and drags change x/y only: move the node and redraw its old and new boxes, nothing else.
    if (prev && prev.node.getParent() && prev.key === key && onlyMoved(prev.el, el)) {
      const patch = patching(layer);
      const before = patch ? boxOf(prev.node) : null;
      quietly(() => {
        prev.node.position({ x: el.x, y: el.y });
        if (!patch) markChanged(g, { draw: false });
      });
      built.current = { ...prev, el };
      if (patch) redrawBoxes(layer, [before, boxOf(prev.node)], chunkOf(g));
      return;
    }
    // Anything else: rebuild this node only, and redraw where it was and where it is.
    const patch = Boolean(prev) && patching(layer);
    const before = patch && prev!.node.getParent() ? boxOf(prev!.node) : null;
    const node = quietly(() => {
      g.destroyChildren();
      const n = buildElement(browserSceneContext(), el) as Konva.Node;
      n.addName('top');
      n.setAttr('elementId', id);
      // Inside a group its children move, not the group.
      n.draggable(!el.locked && !inGroup);
      if (inGroup && el.type === 'group' && n instanceof Konva.Group) {
        n.getChildren().forEach((child, i) => {
          const c = el.elements[i];
          child.draggable(Boolean(c && !c.locked));
          if (c && c.id === editingChild) child.opacity(0);
        });
      }
      if (hidden) n.opacity(0);
      g.add(n as Konva.Shape);
      if (!patch) markChanged(g, { draw: false });
      return n;
    });
    nodes.set(id, node);
    built.current = { el, key, node };
    // The first build of a page's nodes draws the layer once; later rebuilds patch their boxes.
    if (patch) redrawBoxes(layer, [before, boxOf(node)], chunkOf(g));
    else layer?.batchDraw();
  }, [el, flags, hidden, editingChild, inGroup, id, imagesVersion, fontsVersion]);
  useEffect(
    () => () => {
      if (built.current && nodes.get(id) === built.current.node) nodes.delete(id);
    },
    [id],
  );
  return <Group ref={ref} />;
});

/** Consecutive elements drawn from one cached bitmap (see chunks.ts); cached again when the zoom changes. */
const Chunk = memo(function Chunk({ editor, ids }: { editor: EditorStore; ids: readonly string[] }) {
  const ref = useRef<Konva.Group>(null);
  const zoom = useStore(editor.store, (s) => s.zoom);
  // Children build their nodes first (their layout effects run before this one). The chunk is drawn
  // live for the first paint (and at a new zoom) and cached when the browser is idle.
  useLayoutEffect(() => {
    if (ref.current) refresh(ref.current);
  }, [ids, zoom]);
  useEffect(() => {
    const g = ref.current;
    return () => {
      if (g) forget(g);
    };
  }, []);
  return (
    <Group ref={ref} name="chunk">
      {ids.map((id) => (
        <ElementNode key={id} editor={editor} id={id} />
      ))}
    </Group>
  );
});

/** The page's elements: directly, or in cached chunks on big pages. */
export function Elements({ editor, order }: { editor: EditorStore; order: readonly string[] }) {
  const chunks = useMemo(() => {
    if (order.length < CHUNK_FROM) return null;
    const out: string[][] = [];
    for (let i = 0; i < order.length; i += CHUNK_SIZE) out.push(order.slice(i, i + CHUNK_SIZE));
    return out;
  }, [order]);
  if (!chunks) return order.map((id) => <ElementNode key={id} editor={editor} id={id} />);
  return chunks.map((ids, i) => <Chunk key={i} editor={editor} ids={ids} />);
}

export function Background({ editor }: { editor: EditorStore }) {
  const doc = useStore(editor.store, (s) => s.doc);
  const pageId = useStore(editor.store, (s) => s.pageId);
  const imagesVersion = useImages((s) => s.version);
  const ref = useRef<Konva.Group>(null);
  const page = doc?.pages.find((p) => p.id === pageId);
  const bg = page?.background;
  const width = doc?.width;
  const height = doc?.height;
  useLayoutEffect(() => {
    const g = ref.current;
    if (!g || !bg || !width || !height) return;
    g.destroyChildren();
    g.add(buildBackground(browserSceneContext(), { width, height }, bg) as Konva.Shape);
    g.getLayer()?.batchDraw();
  }, [bg, width, height, imagesVersion]);
  return <Group ref={ref} />;
}
