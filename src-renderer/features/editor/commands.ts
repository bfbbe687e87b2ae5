// Editor commands shared by the toolbar, the keyboard and the layers panel.
import {
  addElements,
  addPage,
  alignElements,
  applyBrandKit,
  blankPage,
  cloneElement,
  coverCrop,
  fittedTextHeight,
  magicResize,
  deletePage,
  distributeElements,
  duplicateElements,
  duplicatePage,
  groupElements,
  moveElements,
  movePage,
  makeElement,
  newImage,
  newLine,
  newShape,
  newText,
  removeElements,
  reorderElements,
  ungroupElements,
  updateElements,
  updatePage,
  type Alignment,
  type BrandStyle,
  type DesignDocument,
  type Element,
  type TextElement,
  type ZOrder,
} from '../../../src-main/core/design';
import { newId } from './canvas-nodes';
import type { EditorStore } from './editor-store';
import { imageSize, measureText } from './scene-context';

type Patch = Record<string, unknown>;

/** A patch for one element, with a text box's height following its text (see fittedTextHeight). */
function withTextFit(el: Element, patch: Patch): Patch {
  if (el.type !== 'text') return patch;
  const next = { ...el, ...patch } as TextElement;
  const height = fittedTextHeight(el, next, measureText);
  return height === next.height ? patch : { ...patch, height };
}

/** Text presets of the side panel, sized for the page; heading and subheading use the kit's heading font. */
export type TextPreset = 'heading' | 'subheading' | 'body';
const PRESETS: Record<TextPreset, { size: number; weight: number; width: number }> = {
  heading: { size: 1 / 11, weight: 700, width: 0.8 },
  subheading: { size: 1 / 18, weight: 600, width: 0.7 },
  body: { size: 1 / 30, weight: 400, width: 0.6 },
};

export interface IconShape {
  name: string;
  data: string;
}

const CLIPBOARD_KEY = 'atelier.editor.clipboard';

export function commands(editor: EditorStore) {
  const sel = () => editor.store.getState().selection;
  const centre = () => {
    const d = editor.store.getState().doc!;
    return { x: d.width / 2, y: d.height / 2 };
  };
  const add = (el: Element) => editor.apply((doc, pageId) => addElements(doc, pageId, [el]), { select: [el.id] });
  /** Where a new element of this size goes: centred on a point (a drop) or on the page. */
  const placeAt = (width: number, height: number, at?: { x: number; y: number }) => {
    const p = at ?? centre();
    return { x: p.x - width / 2, y: p.y - height / 2 };
  };
  return {
    /** A text box that fits its text: its height grows with every line typed into it. */
    addText(text: string, options: { preset?: TextPreset; fontFamily?: string; at?: { x: number; y: number } } = {}) {
      const d = editor.store.getState().doc!;
      const preset = PRESETS[options.preset ?? 'subheading'];
      const fontSize = Math.max(8, Math.round(d.width * preset.size));
      const width = Math.round(Math.min(d.width * preset.width, Math.max(text.length * fontSize * 0.6, fontSize * 4)));
      const base = newText(newId(), 0, 0, text, fontSize) as TextElement;
      const el = { ...base, width, fontWeight: preset.weight, fontFamily: options.fontFamily ?? base.fontFamily, align: 'center' as const };
      const height = Math.ceil(measureText(el));
      add({ ...el, height, ...placeAt(width, height, options.at) });
    },
    /** An icon of the icon set: a path element in the icon's 24×24 grid. */
    addIcon(icon: IconShape, at?: { x: number; y: number }) {
      const d = editor.store.getState().doc!;
      const size = Math.round(Math.min(d.width, d.height) / 5);
      add(makeElement({ id: newId(), type: 'path', name: icon.name, ...placeAt(size, size, at), width: size, height: size, data: icon.data, viewBox: { width: 24, height: 24 }, stroke: '#111111', strokeWidth: 2, fill: null }));
    },
    addShape(type: 'rect' | 'ellipse' | 'star' | 'polygon', at?: { x: number; y: number }) {
      const p = placeAt(240, 240, at);
      add(newShape(newId(), type, p.x, p.y));
    },
    addLine(type: 'line' | 'arrow', options: { at?: { x: number; y: number }; dashed?: boolean } = {}) {
      const p = placeAt(300, 0, options.at);
      const el = newLine(newId(), type, p.x, p.y);
      add(options.dashed ? ({ ...el, dash: [24, 16] } as Element) : el);
    },
    addImage(assetId: string, width: number, height: number, options: { at?: { x: number; y: number }; name?: string } = {}) {
      const d = editor.store.getState().doc!;
      const s = Math.min(1, (d.width * 0.6) / width, (d.height * 0.6) / height);
      const el = newImage(newId(), assetId, 0, 0, width * s, height * s);
      add({ ...el, ...placeAt(width * s, height * s, options.at), ...(options.name ? { name: options.name } : {}) } as Element);
    },
    /** Another photo in an image's frame: the frame stays, the new photo covers it (no stretching). */
    replaceImage(id: string, assetId: string, natural: { width: number; height: number } | null) {
      const el = editor.element(id);
      if (!el || el.type !== 'image' || el.locked) return;
      const size = natural ?? imageSize(assetId) ?? { width: el.width, height: el.height };
      editor.apply((doc, pageId) => updateElements(doc, pageId, [id], { assetId, crop: coverCrop(el, size) }), { select: [id] });
    },
    /** Lock or unlock the selection (a locked element cannot be moved, resized or deleted). */
    toggleLock() {
      const ids = sel();
      if (!ids.length) return;
      const lock = ids.some((id) => !editor.element(id)?.locked);
      editor.apply((doc, pageId) => updateElements(doc, pageId, ids, { locked: lock }));
    },
    /** The design's colours and fonts mapped to a brand kit, as one undo step. */
    applyBrandKit(kit: BrandStyle) {
      editor.apply((doc) => applyBrandKit(doc, kit));
    },
    /**
     * A template on this page: its first page replaces what is here (background and elements), its
     * other pages follow; laid out for this design's size and, when given, in the brand kit.
     */
    useTemplate(template: DesignDocument, kit?: BrandStyle) {
      const s = editor.store.getState();
      const d = s.doc!;
      let source = template.width === d.width && template.height === d.height ? template : magicResize(template, { id: template.id, preset: d.preset, width: d.width, height: d.height });
      if (kit) source = applyBrandKit(source, kit);
      const fresh = source.pages.map((p) => ({ ...p, id: newId(), elements: p.elements.map((e) => cloneElement(e, newId)) }));
      const [first, ...rest] = fresh;
      if (!first) return;
      editor.apply((doc, pageId) => {
        let next = updatePage(doc, pageId, { background: first.background });
        next = { ...next, pages: next.pages.map((p) => (p.id === pageId ? { ...p, elements: first.elements } : p)) };
        const at = next.pages.findIndex((p) => p.id === pageId) + 1;
        rest.forEach((p, i) => (next = addPage(next, p, at + i)));
        return next;
      }, { select: [] });
    },
    remove() {
      const ids = sel();
      if (ids.length) editor.apply((doc, pageId) => removeElements(doc, pageId, ids), { select: [] });
    },
    duplicate() {
      const ids = sel();
      if (!ids.length) return;
      let created: string[] = [];
      editor.apply((doc, pageId) => {
        const r = duplicateElements(doc, pageId, ids, newId);
        created = r.ids;
        return r.doc;
      });
      editor.select(created);
    },
    nudge(dx: number, dy: number) {
      const ids = sel();
      if (ids.length) editor.apply((doc, pageId) => moveElements(doc, pageId, ids, dx, dy), { key: `nudge:${ids.join(',')}` });
    },
    /** Changes elements (at any depth); a text box's height follows its text. */
    update(ids: string[], patch: Patch, key?: string) {
      if (ids.length) editor.apply((doc, pageId) => updateElements(doc, pageId, ids, (el) => withTextFit(el, patch)), { key });
    },
    zorder(to: ZOrder) {
      const ids = sel();
      if (ids.length) editor.apply((doc, pageId) => reorderElements(doc, pageId, ids, to));
    },
    align(how: Alignment) {
      const ids = sel();
      if (ids.length) editor.apply((doc, pageId) => alignElements(doc, pageId, ids, how));
    },
    distribute(axis: 'horizontal' | 'vertical') {
      const ids = sel();
      if (ids.length > 2) editor.apply((doc, pageId) => distributeElements(doc, pageId, ids, axis));
    },
    group() {
      const ids = sel();
      if (ids.length < 2) return;
      const gid = newId();
      editor.apply((doc, pageId) => groupElements(doc, pageId, ids, gid), { select: [gid] });
    },
    ungroup() {
      const ids = sel();
      const s = editor.store.getState();
      const gid = ids.find((id) => s.index.get(id)?.type === 'group');
      if (!gid) return;
      let out: string[] = [];
      editor.apply((doc, pageId) => {
        const r = ungroupElements(doc, pageId, gid);
        out = r.ids;
        return r.doc;
      });
      editor.select(out);
    },
    selectAll() {
      const s = editor.store.getState();
      const group = s.groupId ? s.index.get(s.groupId) : undefined;
      if (group?.type === 'group') editor.select(group.elements.filter((e) => !e.locked).map((e) => e.id));
      else editor.select(s.order.filter((id) => !s.index.get(id)!.locked));
    },
    copy() {
      const s = editor.store.getState();
      const els = sel().map((id) => s.index.get(id)).filter(Boolean);
      if (els.length) localStorage.setItem(CLIPBOARD_KEY, JSON.stringify(els));
    },
    /** Paste within and across designs (the clipboard lives in localStorage). */
    paste() {
      const raw = localStorage.getItem(CLIPBOARD_KEY);
      if (!raw) return;
      let els: Element[];
      try {
        els = JSON.parse(raw) as Element[];
      } catch {
        return;
      }
      const copies = els.map((e) => cloneElement(e, newId, 20, 20));
      editor.apply((doc, pageId) => addElements(doc, pageId, copies), { select: copies.map((c) => c.id) });
    },
    addPage() {
      const p = blankPage(newId(), '');
      const s = editor.store.getState();
      const at = s.doc!.pages.findIndex((x) => x.id === s.pageId) + 1;
      editor.apply((doc) => addPage(doc, p, at), { pageId: p.id });
    },
    duplicatePage(pageId: string) {
      let created = pageId;
      editor.apply((doc) => {
        const r = duplicatePage(doc, pageId, newId);
        created = r.pageId;
        return r.doc;
      });
      editor.setPage(created);
    },
    deletePage(pageId: string) {
      const s = editor.store.getState();
      const i = s.doc!.pages.findIndex((p) => p.id === pageId);
      const nextPage = s.doc!.pages[i === 0 ? 1 : i - 1]?.id;
      editor.apply((doc) => deletePage(doc, pageId), { pageId: nextPage });
    },
    movePage(pageId: string, to: number) {
      editor.apply((doc) => movePage(doc, pageId, to));
    },
  };
}

export type Commands = ReturnType<typeof commands>;

/** One set of commands per editor store. */
const cmdCache = new WeakMap<EditorStore, Commands>();
export function commandsFor(editor: EditorStore): Commands {
  let c = cmdCache.get(editor);
  if (!c) cmdCache.set(editor, (c = commands(editor)));
  return c;
}
