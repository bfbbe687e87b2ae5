// The editor's state: the open document (immutable), the current page, the selection, and undo.
// Elements subscribe by id through `index`, so a change re-renders only the nodes it touched.
import { createStore } from 'zustand/vanilla';
import type { HostClient } from '../../host/client';
import { AtelierError } from '../../../src-main/contract/errors';
import {
  DocumentHistory,
  findElement,
  parseDesign,
  type DesignDocument,
  type Element,
  type Page,
} from '../../../src-main/core/design';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface EditorState {
  designId: string | null;
  doc: DesignDocument | null;
  pageId: string | null;
  /** Top-level elements of the current page by id (stable references: unchanged ⇒ same object). */
  index: Map<string, Element>;
  /** Top-level element ids of the current page, bottom to top. */
  order: string[];
  selection: string[];
  zoom: number;
  canUndo: boolean;
  canRedo: boolean;
  save: SaveState;
  saveError: string | null;
  /** Why the last save failed (translated where shown), or null. */
  saveProblem: unknown;
  /** The design was saved from another window since this one opened it: this window's saves are refused until it reloads. */
  saveConflict: boolean;
  loadError: string | null;
  editingTextId: string | null;
  /** The group whose children are being edited (double-click into a group), or null. */
  groupId: string | null;
  /** The image in crop mode (double-click a photo), or null. */
  croppingId: string | null;
  /** Width and height change together in the properties panel unless unlocked. */
  aspectLocked: boolean;
  /** Incremented to ask the canvas to fit the page in view (Ctrl+0, Shift+1). */
  fitRequest: number;
  /** The client the design belongs to (its brand kit is offered), or null. */
  clientId: string | null;
  /** Incremented to rebuild every node of the page from the document (see redrawAll). */
  redraws: number;
}

export const AUTOSAVE_MS = 600;

const selectionSets = new WeakMap<readonly string[], ReadonlySet<string>>();
/** The selection as a set, computed once per selection array (rows ask "am I selected?" in O(1)). */
export function selectionSet(selection: readonly string[]): ReadonlySet<string> {
  let set = selectionSets.get(selection);
  if (!set) selectionSets.set(selection, (set = new Set(selection)));
  return set;
}

function indexPage(page: Page | undefined): Pick<EditorState, 'index' | 'order'> {
  const index = new Map<string, Element>();
  const order: string[] = [];
  for (const el of page?.elements ?? []) {
    index.set(el.id, el);
    order.push(el.id);
  }
  return { index, order };
}

function sameOrder(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export function createEditorStore(host: HostClient, options: { now?: () => number; autosaveMs?: number } = {}) {
  const now = options.now ?? (() => Date.now());
  const autosaveMs = options.autosaveMs ?? AUTOSAVE_MS;
  const history = new DocumentHistory({ limit: 500 });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> | null = null;
  let unsaved: DesignDocument | null = null;
  // The stored version the open document was edited from (its updatedAt): saves name it, so a save
  // over another window's newer one is refused instead of overwriting it.
  let revision: string | undefined;

  const store = createStore<EditorState>(() => ({
    designId: null,
    doc: null,
    pageId: null,
    index: new Map(),
    order: [],
    selection: [],
    zoom: 1,
    canUndo: false,
    canRedo: false,
    save: 'saved',
    saveError: null,
    saveProblem: null,
    saveConflict: false,
    loadError: null,
    editingTextId: null,
    groupId: null,
    croppingId: null,
    aspectLocked: true,
    fitRequest: 0,
    clientId: null,
    redraws: 0,
  }));

  function page(doc: DesignDocument | null, pageId: string | null): Page | undefined {
    return doc?.pages.find((p) => p.id === pageId) ?? doc?.pages[0];
  }

  /** Puts a document in the state, re-indexing only what changed on the current page. */
  function show(doc: DesignDocument, pageId?: string | null, extra: Partial<EditorState> = {}): void {
    const s = store.getState();
    const pid = pageId !== undefined && pageId !== null && doc.pages.some((p) => p.id === pageId) ? pageId : page(doc, s.pageId)?.id ?? null;
    const p = page(doc, pid);
    const prevPage = page(s.doc, s.pageId);
    let next: Pick<EditorState, 'index' | 'order'>;
    if (prevPage && p && prevPage.elements === p.elements && s.pageId === pid) next = { index: s.index, order: s.order };
    else {
      next = indexPage(p);
      if (s.pageId === pid && sameOrder(next.order, s.order)) next.order = s.order;
    }
    const alive = new Set(next.order);
    // Inside a group, its children are what can be selected; a group that is gone is left.
    const group = s.groupId ? next.index.get(s.groupId) : undefined;
    const groupId = group?.type === 'group' && s.pageId === pid ? group.id : null;
    if (group?.type === 'group') for (const child of group.elements) alive.add(child.id);
    store.setState({
      doc,
      pageId: pid,
      ...next,
      groupId,
      croppingId: s.croppingId && alive.has(s.croppingId) ? s.croppingId : null,
      // The same array when nothing left it: whatever shows the selection is not redone on each edit.
      selection: s.selection.every((id) => alive.has(id)) ? s.selection : s.selection.filter((id) => alive.has(id)),
      canUndo: history.canUndo,
      canRedo: history.canRedo,
      ...extra,
    });
  }

  /** An edit, an undo or a redo: shown and marked unsaved in one state change (one render), saved soon. */
  function showEdited(doc: DesignDocument, pageId?: string | null, extra: Partial<EditorState> = {}): void {
    show(doc, pageId, { save: 'pending', ...extra });
    unsaved = doc;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), autosaveMs);
  }

  async function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (saving) await saving;
    const doc = unsaved;
    const id = store.getState().designId;
    if (!doc || !id) return;
    unsaved = null;
    store.setState({ save: 'saving' });
    saving = host
      .invoke('designs.save', { id, document: doc, baseUpdatedAt: revision })
      .then((saved) => {
        if (saved.id === store.getState().designId) revision = saved.updatedAt;
        if (!unsaved) store.setState({ save: 'saved', saveError: null, saveProblem: null });
      })
      .catch((error: unknown) => {
        // Keep the document to retry with the next change; the stored version is intact.
        unsaved ??= doc;
        const conflict = error instanceof AtelierError && error.reason?.key === 'designs.changedElsewhere';
        store.setState({ save: 'error', saveError: (error as Error).message, saveProblem: error, saveConflict: conflict });
      })
      .finally(() => {
        saving = null;
      });
    await saving;
  }

  const actions = {
    store,
    history,
    async open(id: string): Promise<void> {
      await flush();
      history.clear();
      try {
        const d = await host.invoke('designs.get', { id });
        const doc = parseDesign(d.document);
        revision = d.updatedAt;
        store.setState({ designId: id, doc: null, pageId: null, selection: [], loadError: null, save: 'saved', saveError: null, saveProblem: null, saveConflict: false, editingTextId: null, groupId: null, croppingId: null, clientId: d.clientId });
        show(doc, doc.pages[0]!.id);
      } catch (error) {
        store.setState({ loadError: (error as Error).message });
        throw error;
      }
    },
    close: async (): Promise<void> => {
      await flush();
      history.clear();
      store.setState({ designId: null, doc: null, pageId: null, selection: [], index: new Map(), order: [], canUndo: false, canRedo: false, groupId: null, croppingId: null, editingTextId: null });
    },
    /** Applies a pure operation as one undo step (or merged into the last one with the same key). */
    apply(fn: (doc: DesignDocument, pageId: string) => DesignDocument, options: { key?: string; select?: string[]; pageId?: string } = {}): void {
      const { doc, pageId } = store.getState();
      if (!doc || !pageId) return;
      const next = fn(doc, pageId);
      if (next === doc) {
        if (options.select) store.setState({ selection: options.select });
        return;
      }
      history.record(doc, next, { key: options.key ?? null, at: now() });
      showEdited(next, options.pageId ?? pageId, options.select ? { selection: options.select } : {});
    },
    undo(): void {
      const { doc } = store.getState();
      if (!doc) return;
      const prev = history.undo(doc);
      if (prev) showEdited(prev);
    },
    redo(): void {
      const { doc } = store.getState();
      if (!doc) return;
      const next = history.redo(doc);
      if (next) showEdited(next);
    },
    seal: () => history.seal(),
    select(ids: string[]): void {
      store.setState({ selection: ids });
    },
    setPage(pageId: string): void {
      const { doc } = store.getState();
      if (!doc) return;
      store.setState({ selection: [], editingTextId: null, groupId: null, croppingId: null });
      show(doc, pageId);
    },
    setZoom(zoom: number): void {
      store.setState({ zoom: Math.min(8, Math.max(0.05, zoom)) });
    },
    editText(id: string | null): void {
      store.setState({ editingTextId: id });
    },
    /** Edit inside a group (its children become selectable), or leave it with null. */
    enterGroup(groupId: string | null, select: string[] = []): void {
      store.setState({ groupId, selection: groupId ? select : store.getState().groupId ? [store.getState().groupId!] : [], editingTextId: null });
    },
    /** Crop mode for an image, or back to normal with null. */
    crop(id: string | null): void {
      store.setState({ croppingId: id, editingTextId: null, selection: id ? [id] : store.getState().selection });
    },
    setAspectLocked(aspectLocked: boolean): void {
      store.setState({ aspectLocked });
    },
    /**
     * Rebuilds every element's node from the document and redraws the page: what a view that did
     * not patch changed nodes would do on every change (the undo benchmark's baseline).
     */
    redrawAll(): void {
      store.setState((s) => ({ redraws: s.redraws + 1 }));
    },
    fit(): void {
      store.setState((s) => ({ fitRequest: s.fitRequest + 1 }));
    },
    setClientId(clientId: string | null): void {
      store.setState({ clientId });
    },
    /**
     * Renames the open design or gives it to a client. Pending changes are saved first, and the new
     * version becomes the one this window's next save is based on.
     */
    async updateDesign(patch: { name?: string; clientId?: string | null }): Promise<void> {
      await flush();
      const id = store.getState().designId;
      if (!id) return;
      const updated = await host.invoke('designs.update', { id, ...patch });
      if (updated.id === store.getState().designId) revision = updated.updatedAt;
    },
    /** Drops this window's unsaved changes and opens the stored design again (after another window saved it). */
    async reload(): Promise<void> {
      const id = store.getState().designId;
      if (timer) clearTimeout(timer);
      timer = null;
      unsaved = null;
      if (saving) await saving;
      unsaved = null;
      if (id) await actions.open(id);
    },
    flush,
    /** Whether there are changes not yet written. */
    hasUnsaved: () => unsaved !== null || saving !== null,
    currentPage(): Page | undefined {
      const s = store.getState();
      return page(s.doc, s.pageId);
    },
    /** An element of the current page by id, at any depth (a group's child too). */
    element(id: string): Element | undefined {
      const s = store.getState();
      return s.index.get(id) ?? findElement(page(s.doc, s.pageId)?.elements ?? [], id);
    },
  };
  return actions;
}

export type EditorStore = ReturnType<typeof createEditorStore>;
