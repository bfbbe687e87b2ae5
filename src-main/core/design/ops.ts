// Pure element and page operations (Excalidraw style): each takes a document and returns a new one,
// sharing every untouched page and element, and bumps `version` on what it changed.
import { elementBounds, unionBoxes, type Box } from './geometry';
import type { DesignDocument, Element, GroupElement, Page } from './schema';

export type IdFactory = () => string;

type Patch = Partial<Omit<Element, 'id' | 'type' | 'version'>> & Record<string, unknown>;

export function findPage(doc: DesignDocument, pageId: string): Page {
  const page = doc.pages.find((p) => p.id === pageId);
  if (!page) throw new Error(`No page ${pageId} in design ${doc.id}.`);
  return page;
}

export function findElement(elements: readonly Element[], id: string): Element | undefined {
  for (const el of elements) {
    if (el.id === id) return el;
    if (el.type === 'group') {
      const found = findElement(el.elements, id);
      if (found) return found;
    }
  }
  return undefined;
}

/** Every element id in a list, groups' children included. */
export function allIds(elements: readonly Element[], out: string[] = []): string[] {
  for (const el of elements) {
    out.push(el.id);
    if (el.type === 'group') allIds(el.elements, out);
  }
  return out;
}

function bump<T extends Element>(el: T, patch: Patch): T {
  return { ...el, ...patch, id: el.id, type: el.type, version: el.version + 1 } as T;
}

function withPage(doc: DesignDocument, pageId: string, fn: (page: Page) => Page): DesignDocument {
  let hit = false;
  const pages = doc.pages.map((p) => {
    if (p.id !== pageId) return p;
    hit = true;
    return fn(p);
  });
  if (!hit) throw new Error(`No page ${pageId} in design ${doc.id}.`);
  return { ...doc, pages };
}

function mapDeep(elements: Element[], ids: ReadonlySet<string>, fn: (el: Element) => Element): Element[] {
  let changed = false;
  const out = elements.map((el) => {
    if (ids.has(el.id)) {
      changed = true;
      return fn(el);
    }
    if (el.type === 'group') {
      const children = mapDeep(el.elements, ids, fn);
      if (children !== el.elements) {
        changed = true;
        return { ...el, elements: children };
      }
    }
    return el;
  });
  return changed ? out : elements;
}

/** Apply a patch (or a function returning one) to elements by id, at any depth. */
export function updateElements(
  doc: DesignDocument,
  pageId: string,
  ids: readonly string[],
  patch: Patch | ((el: Element) => Patch),
): DesignDocument {
  const set = new Set(ids);
  return withPage(doc, pageId, (page) => {
    const elements = mapDeep(page.elements, set, (el) => bump(el, typeof patch === 'function' ? patch(el) : patch));
    return elements === page.elements ? page : { ...page, elements };
  });
}

export function addElements(doc: DesignDocument, pageId: string, elements: readonly Element[], index?: number): DesignDocument {
  return withPage(doc, pageId, (page) => {
    const list = page.elements.slice();
    list.splice(index ?? list.length, 0, ...elements);
    return { ...page, elements: list };
  });
}

function removeDeep(elements: Element[], ids: ReadonlySet<string>): Element[] {
  let changed = false;
  const out: Element[] = [];
  for (const el of elements) {
    if (ids.has(el.id)) {
      changed = true;
      continue;
    }
    if (el.type === 'group') {
      const children = removeDeep(el.elements, ids);
      if (children !== el.elements) {
        changed = true;
        if (children.length > 0) out.push({ ...el, elements: children, version: el.version + 1 });
        continue;
      }
    }
    out.push(el);
  }
  return changed ? out : elements;
}

export function removeElements(doc: DesignDocument, pageId: string, ids: readonly string[]): DesignDocument {
  const set = new Set(ids);
  return withPage(doc, pageId, (page) => {
    const elements = removeDeep(page.elements, set);
    return elements === page.elements ? page : { ...page, elements };
  });
}

/** Move elements by a delta; locked elements stay put. */
export function moveElements(doc: DesignDocument, pageId: string, ids: readonly string[], dx: number, dy: number): DesignDocument {
  if (dx === 0 && dy === 0) return doc;
  return updateElements(doc, pageId, ids, (el) => (el.locked ? {} : { x: el.x + dx, y: el.y + dy }));
}

/** A deep copy with fresh ids (children too). */
export function cloneElement(el: Element, newId: IdFactory, dx = 0, dy = 0): Element {
  const copy = { ...el, id: newId(), version: 1, x: el.x + dx, y: el.y + dy } as Element;
  if (copy.type === 'group') copy.elements = copy.elements.map((c) => cloneElement(c, newId));
  return copy;
}

/** Duplicates top-level elements just above the originals; returns the new ids in order. */
export function duplicateElements(
  doc: DesignDocument,
  pageId: string,
  ids: readonly string[],
  newId: IdFactory,
  offset = 20,
): { doc: DesignDocument; ids: string[] } {
  const set = new Set(ids);
  const created: string[] = [];
  const next = withPage(doc, pageId, (page) => {
    const out: Element[] = [];
    for (const el of page.elements) {
      out.push(el);
      if (set.has(el.id)) {
        const copy = cloneElement(el, newId, offset, offset);
        created.push(copy.id);
        out.push(copy);
      }
    }
    return { ...page, elements: out };
  });
  return { doc: next, ids: created };
}

export type ZOrder = 'forward' | 'backward' | 'front' | 'back';

/** Reorders top-level elements; the relative order of the moved ones is kept. */
export function reorderElements(doc: DesignDocument, pageId: string, ids: readonly string[], to: ZOrder): DesignDocument {
  const set = new Set(ids);
  return withPage(doc, pageId, (page) => {
    const list = page.elements.slice();
    if (to === 'front' || to === 'back') {
      const moved = list.filter((e) => set.has(e.id));
      const rest = list.filter((e) => !set.has(e.id));
      return { ...page, elements: to === 'front' ? [...rest, ...moved] : [...moved, ...rest] };
    }
    if (to === 'forward') {
      for (let i = list.length - 2; i >= 0; i--) {
        if (set.has(list[i]!.id) && !set.has(list[i + 1]!.id)) [list[i], list[i + 1]] = [list[i + 1]!, list[i]!];
      }
    } else {
      for (let i = 1; i < list.length; i++) {
        if (set.has(list[i]!.id) && !set.has(list[i - 1]!.id)) [list[i], list[i - 1]] = [list[i - 1]!, list[i]!];
      }
    }
    return { ...page, elements: list };
  });
}

/** Move one top-level element to an index (layers panel drag). */
export function moveElementToIndex(doc: DesignDocument, pageId: string, id: string, index: number): DesignDocument {
  return withPage(doc, pageId, (page) => {
    const from = page.elements.findIndex((e) => e.id === id);
    if (from < 0) return page;
    const list = page.elements.slice();
    const [el] = list.splice(from, 1);
    list.splice(Math.max(0, Math.min(index, list.length)), 0, el!);
    return { ...page, elements: list };
  });
}

/** Groups top-level elements into one group placed where the topmost of them was. */
export function groupElements(doc: DesignDocument, pageId: string, ids: readonly string[], groupId: string, name = 'Group'): DesignDocument {
  const set = new Set(ids);
  return withPage(doc, pageId, (page) => {
    const members = page.elements.filter((e) => set.has(e.id));
    if (members.length < 2) return page;
    const box = unionBoxes(members.map(elementBounds))!;
    const group: GroupElement = {
      id: groupId,
      type: 'group',
      name,
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      rotation: 0,
      opacity: 1,
      visible: true,
      locked: false,
      version: 1,
      elements: members.map((e) => ({ ...e, x: e.x - box.x, y: e.y - box.y, version: e.version + 1 })),
    };
    const lastIndex = page.elements.reduce((acc, e, i) => (set.has(e.id) ? i : acc), -1);
    const out: Element[] = [];
    page.elements.forEach((e, i) => {
      if (i === lastIndex) out.push(group);
      if (!set.has(e.id)) out.push(e);
    });
    return { ...page, elements: out };
  });
}

/** Ungroups (unrotated groups keep children in place; a rotated group adds its rotation to them). */
export function ungroupElements(doc: DesignDocument, pageId: string, groupId: string): { doc: DesignDocument; ids: string[] } {
  let ids: string[] = [];
  const next = withPage(doc, pageId, (page) => {
    const index = page.elements.findIndex((e) => e.id === groupId);
    const group = page.elements[index];
    if (!group || group.type !== 'group') return page;
    const r = (group.rotation * Math.PI) / 180;
    const cos = Math.cos(r);
    const sin = Math.sin(r);
    const children = group.elements.map((c) => ({
      ...c,
      x: group.x + c.x * cos - c.y * sin,
      y: group.y + c.x * sin + c.y * cos,
      rotation: c.rotation + group.rotation,
      opacity: c.opacity * group.opacity,
      version: c.version + 1,
    })) as Element[];
    ids = children.map((c) => c.id);
    const list = page.elements.slice();
    list.splice(index, 1, ...children);
    return { ...page, elements: list };
  });
  return { doc: next, ids };
}

export type Alignment = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';

/**
 * Aligns elements to the selection's bounds (or to the page when one element, or when asked).
 * One pass, one new document: one undo step whatever the count.
 */
export function alignElements(doc: DesignDocument, pageId: string, ids: readonly string[], how: Alignment, toPage = false): DesignDocument {
  const page = findPage(doc, pageId);
  const set = new Set(ids);
  const members = page.elements.filter((e) => set.has(e.id) && !e.locked);
  if (members.length === 0) return doc;
  const target: Box = toPage || members.length === 1 ? { x: 0, y: 0, width: doc.width, height: doc.height } : unionBoxes(members.map(elementBounds))!;
  const deltas = new Map<string, { dx: number; dy: number }>();
  for (const el of members) {
    const b = elementBounds(el);
    let dx = 0;
    let dy = 0;
    if (how === 'left') dx = target.x - b.x;
    else if (how === 'center') dx = target.x + target.width / 2 - (b.x + b.width / 2);
    else if (how === 'right') dx = target.x + target.width - (b.x + b.width);
    else if (how === 'top') dy = target.y - b.y;
    else if (how === 'middle') dy = target.y + target.height / 2 - (b.y + b.height / 2);
    else dy = target.y + target.height - (b.y + b.height);
    if (dx !== 0 || dy !== 0) deltas.set(el.id, { dx, dy });
  }
  if (deltas.size === 0) return doc;
  return updateElements(doc, pageId, [...deltas.keys()], (el) => {
    const d = deltas.get(el.id)!;
    return { x: el.x + d.dx, y: el.y + d.dy };
  });
}

/** Equal gaps between elements along an axis, first and last staying put. */
export function distributeElements(doc: DesignDocument, pageId: string, ids: readonly string[], axis: 'horizontal' | 'vertical'): DesignDocument {
  const page = findPage(doc, pageId);
  const set = new Set(ids);
  const members = page.elements.filter((e) => set.has(e.id) && !e.locked).map((el) => ({ el, b: elementBounds(el) }));
  if (members.length < 3) return doc;
  const pos = axis === 'horizontal' ? (b: Box) => b.x : (b: Box) => b.y;
  const size = axis === 'horizontal' ? (b: Box) => b.width : (b: Box) => b.height;
  members.sort((a, b) => pos(a.b) - pos(b.b));
  const first = members[0]!.b;
  const last = members[members.length - 1]!.b;
  const span = pos(last) + size(last) - pos(first);
  const total = members.reduce((s, m) => s + size(m.b), 0);
  const gap = (span - total) / (members.length - 1);
  const deltas = new Map<string, number>();
  let cursor = pos(first);
  for (const m of members) {
    const d = cursor - pos(m.b);
    if (Math.abs(d) > 1e-9) deltas.set(m.el.id, d);
    cursor += size(m.b) + gap;
  }
  if (deltas.size === 0) return doc;
  return updateElements(doc, pageId, [...deltas.keys()], (el) =>
    axis === 'horizontal' ? { x: el.x + deltas.get(el.id)! } : { y: el.y + deltas.get(el.id)! },
  );
}

// ---- pages ----

export function addPage(doc: DesignDocument, page: Page, index?: number): DesignDocument {
  const pages = doc.pages.slice();
  pages.splice(index ?? pages.length, 0, page);
  return { ...doc, pages };
}

export function duplicatePage(doc: DesignDocument, pageId: string, newId: IdFactory): { doc: DesignDocument; pageId: string } {
  const index = doc.pages.findIndex((p) => p.id === pageId);
  if (index < 0) throw new Error(`No page ${pageId} in design ${doc.id}.`);
  const src = doc.pages[index]!;
  const copy: Page = { ...src, id: newId(), name: src.name ? `${src.name} (copy)` : '', elements: src.elements.map((e) => cloneElement(e, newId)) };
  return { doc: addPage(doc, copy, index + 1), pageId: copy.id };
}

/** Deletes a page; the last page cannot be deleted (a design always has one). */
export function deletePage(doc: DesignDocument, pageId: string): DesignDocument {
  if (doc.pages.length <= 1) return doc;
  const pages = doc.pages.filter((p) => p.id !== pageId);
  return pages.length === doc.pages.length ? doc : { ...doc, pages };
}

export function movePage(doc: DesignDocument, pageId: string, index: number): DesignDocument {
  const from = doc.pages.findIndex((p) => p.id === pageId);
  if (from < 0) return doc;
  const pages = doc.pages.slice();
  const [p] = pages.splice(from, 1);
  pages.splice(Math.max(0, Math.min(index, pages.length)), 0, p!);
  return { ...doc, pages };
}

export function updatePage(doc: DesignDocument, pageId: string, patch: Partial<Omit<Page, 'id' | 'elements'>>): DesignDocument {
  return withPage(doc, pageId, (page) => ({ ...page, ...patch }));
}
