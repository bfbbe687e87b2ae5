// Editor commands shared by the toolbar, the keyboard and the layers panel.
import {
  addElements,
  addPage,
  alignElements,
  blankPage,
  cloneElement,
  deletePage,
  distributeElements,
  duplicateElements,
  duplicatePage,
  groupElements,
  moveElements,
  movePage,
  newImage,
  newLine,
  newShape,
  newText,
  removeElements,
  reorderElements,
  ungroupElements,
  updateElements,
  type Alignment,
  type Element,
  type ZOrder,
} from '../../../src-main/core/design';
import { newId } from './EditorCanvas';
import type { EditorStore } from './editor-store';

const CLIPBOARD_KEY = 'atelier.editor.clipboard';

export function commands(editor: EditorStore) {
  const sel = () => editor.store.getState().selection;
  const centre = () => {
    const d = editor.store.getState().doc!;
    return { x: d.width / 2, y: d.height / 2 };
  };
  const add = (el: Element) => editor.apply((doc, pageId) => addElements(doc, pageId, [el]), { select: [el.id] });
  return {
    addText(text: string) {
      const c = centre();
      const fontSize = Math.round(editor.store.getState().doc!.width / 14);
      const el = newText(newId(), c.x - 300, c.y - fontSize, text, fontSize);
      add({ ...el, width: Math.min(600, editor.store.getState().doc!.width) } as Element);
    },
    addShape(type: 'rect' | 'ellipse' | 'star' | 'polygon') {
      const c = centre();
      add(newShape(newId(), type, c.x - 120, c.y - 120));
    },
    addLine(type: 'line' | 'arrow') {
      const c = centre();
      add(newLine(newId(), type, c.x - 150, c.y));
    },
    addImage(assetId: string, width: number, height: number) {
      const d = editor.store.getState().doc!;
      const s = Math.min(1, (d.width * 0.6) / width, (d.height * 0.6) / height);
      add(newImage(newId(), assetId, (d.width - width * s) / 2, (d.height - height * s) / 2, width * s, height * s));
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
    update(ids: string[], patch: Record<string, unknown>, key?: string) {
      if (ids.length) editor.apply((doc, pageId) => updateElements(doc, pageId, ids, patch), { key });
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
      editor.select(s.order.filter((id) => !s.index.get(id)!.locked));
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
