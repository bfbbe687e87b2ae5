// Which element nodes a store change concerns, worked out once per change instead of by every node:
// a 1,000-element page would otherwise run thousands of selectors on each edit or undo. The index
// keeps unchanged elements as the same objects, so a change is a reference comparison.
import type { EditorState, EditorStore } from './editor-store';

type Listener = () => void;

export interface ElementChanges {
  /** Subscribe one node to changes of its element (or of how it is shown). */
  subscribe(id: string): (listener: Listener) => () => void;
}

const byEditor = new WeakMap<EditorStore, ElementChanges>();

/** Top-level ids whose node must be looked at again after a change from `prev` to `next`. */
export function changedIds(next: EditorState, prev: EditorState, all: () => Iterable<string>): Iterable<string> {
  if (next.redraws !== prev.redraws) return all();
  const ids = new Set<string>();
  if (next.index !== prev.index) for (const [id, el] of next.index) if (prev.index.get(id) !== el) ids.add(id);
  for (const key of ['editingTextId', 'croppingId', 'groupId'] as const) {
    if (next[key] !== prev[key]) {
      if (next[key]) ids.add(next[key]!);
      if (prev[key]) ids.add(prev[key]!);
    }
  }
  // A group's child being typed into hides that child inside the group's node.
  if (next.editingTextId !== prev.editingTextId && next.groupId) ids.add(next.groupId);
  return ids;
}

export function elementChanges(editor: EditorStore): ElementChanges {
  let found = byEditor.get(editor);
  if (found) return found;
  const listeners = new Map<string, Set<Listener>>();
  editor.store.subscribe((next, prev) => {
    for (const id of changedIds(next, prev, () => [...listeners.keys()])) listeners.get(id)?.forEach((fn) => fn());
  });
  found = {
    subscribe: (id) => (listener) => {
      let set = listeners.get(id);
      if (!set) listeners.set(id, (set = new Set()));
      set.add(listener);
      return () => {
        set!.delete(listener);
        if (set!.size === 0) listeners.delete(id);
      };
    },
  };
  byEditor.set(editor, found);
  return found;
}

/** How a node is shown besides its element: hidden while typed into or cropped, a group being edited. */
export function nodeFlags(s: EditorState, id: string): string {
  const hidden = s.editingTextId === id || s.croppingId === id;
  const inGroup = s.groupId === id;
  return `${hidden ? 1 : 0}|${inGroup ? 1 : 0}|${inGroup ? (s.editingTextId ?? '') : ''}|${s.redraws}`;
}
