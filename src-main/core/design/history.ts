// Undo/redo on document diffs. A diff records only what changed: the root fields, the page list,
// or, inside a page whose element order is unchanged, the changed elements by index. Documents are
// immutable, so "before"/"after" values are shared references, not copies.
import type { DesignDocument, Element, Page } from './schema';

type Root = Omit<DesignDocument, 'pages'>;

export interface DocDiff {
  root?: { before: Root; after: Root };
  /** The page list changed shape (added, removed or reordered pages). */
  pages?: { before: Page[]; after: Page[] };
  /** Same page ids in the same order: per-page changes. */
  pageChanges?: PageChange[];
}

interface PageChange {
  index: number;
  /** Page fields other than elements, or the whole element list when its order changed. */
  page?: { before: Page; after: Page };
  /** Same element ids in the same order: the changed elements only. */
  elements?: { index: number; before: Element; after: Element }[];
}

function rootOf(doc: DesignDocument): Root {
  const { pages: _pages, ...root } = doc;
  return root;
}

function sameRoot(a: DesignDocument, b: DesignDocument): boolean {
  return a.id === b.id && a.name === b.name && a.preset === b.preset && a.width === b.width && a.height === b.height && a.schemaVersion === b.schemaVersion && a.linkedFrom === b.linkedFrom;
}

function sameIds<T extends { id: string }>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id) return false;
  return true;
}

export function diffDocuments(before: DesignDocument, after: DesignDocument): DocDiff | null {
  if (before === after) return null;
  const diff: DocDiff = {};
  if (!sameRoot(before, after)) diff.root = { before: rootOf(before), after: rootOf(after) };
  if (before.pages !== after.pages) {
    if (!sameIds(before.pages, after.pages)) {
      diff.pages = { before: before.pages, after: after.pages };
    } else {
      const changes: PageChange[] = [];
      before.pages.forEach((pb, i) => {
        const pa = after.pages[i]!;
        if (pb === pa) return;
        const metaSame = pb.name === pa.name && pb.background === pa.background;
        if (metaSame && sameIds(pb.elements, pa.elements)) {
          const elements: NonNullable<PageChange['elements']> = [];
          pb.elements.forEach((eb, j) => {
            const ea = pa.elements[j]!;
            if (eb !== ea) elements.push({ index: j, before: eb, after: ea });
          });
          if (elements.length) changes.push({ index: i, elements });
        } else {
          changes.push({ index: i, page: { before: pb, after: pa } });
        }
      });
      if (changes.length) diff.pageChanges = changes;
    }
  }
  return diff.root || diff.pages || diff.pageChanges ? diff : null;
}

/** Applies a diff forward ('after') or backward ('before'). */
export function applyDiff(doc: DesignDocument, diff: DocDiff, side: 'before' | 'after'): DesignDocument {
  let pages = doc.pages;
  if (diff.pages) pages = diff.pages[side];
  else if (diff.pageChanges) {
    pages = pages.slice();
    for (const change of diff.pageChanges) {
      if (change.page) pages[change.index] = change.page[side];
      else if (change.elements) {
        const page = pages[change.index]!;
        const elements = page.elements.slice();
        for (const e of change.elements) elements[e.index] = e[side];
        pages[change.index] = { ...page, elements };
      }
    }
  }
  const root = diff.root ? diff.root[side] : rootOf(doc);
  return { ...root, pages } as DesignDocument;
}

interface Entry {
  diff: DocDiff;
  key: string | null;
  at: number;
}

export interface HistoryOptions {
  /** Maximum undo steps kept (at least 200). */
  limit?: number;
  /** Changes with the same key within this window merge into one step (typing, nudges, sliders). */
  coalesceMs?: number;
}

/** An undo/redo stack over immutable documents. Pure except for its own arrays. */
export class DocumentHistory {
  private past: Entry[] = [];
  private future: Entry[] = [];
  readonly limit: number;
  private readonly coalesceMs: number;

  constructor(options: HistoryOptions = {}) {
    this.limit = Math.max(200, options.limit ?? 500);
    this.coalesceMs = options.coalesceMs ?? 1000;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }
  get size(): number {
    return this.past.length;
  }

  /**
   * Records the step from `before` to `after`. With a `key` equal to the last step's key within
   * the coalescing window, the two merge (one undo restores the state before the first).
   */
  record(before: DesignDocument, after: DesignDocument, options: { key?: string | null; at?: number } = {}): void {
    const key = options.key ?? null;
    const at = options.at ?? 0;
    const last = this.past[this.past.length - 1];
    if (key && last && last.key === key && at - last.at <= this.coalesceMs && this.future.length === 0) {
      const origin = applyDiff(before, last.diff, 'before');
      const merged = diffDocuments(origin, after);
      if (merged) this.past[this.past.length - 1] = { diff: merged, key, at };
      else this.past.pop();
      return;
    }
    const diff = diffDocuments(before, after);
    if (!diff) return;
    this.past.push({ diff, key, at });
    if (this.past.length > this.limit) this.past.splice(0, this.past.length - this.limit);
    this.future = [];
  }

  /** Ends coalescing: the next change starts a new step even with the same key. */
  seal(): void {
    const last = this.past[this.past.length - 1];
    if (last) last.key = null;
  }

  undo(current: DesignDocument): DesignDocument | null {
    const entry = this.past.pop();
    if (!entry) return null;
    this.future.push({ ...entry, key: null });
    return applyDiff(current, entry.diff, 'before');
  }

  redo(current: DesignDocument): DesignDocument | null {
    const entry = this.future.pop();
    if (!entry) return null;
    this.past.push(entry);
    return applyDiff(current, entry.diff, 'after');
  }

  clear(): void {
    this.past = [];
    this.future = [];
  }
}
