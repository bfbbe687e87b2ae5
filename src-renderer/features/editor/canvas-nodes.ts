// The Konva nodes drawn for the open page's elements, by element id: what the canvas's drag,
// transform and selection code (and the test hooks) reach for, without a search of the stage.
import Konva from 'konva';

export const nodes = new Map<string, Konva.Node>();
let newIdCounter = 0;
export const newId = () => `${Date.now().toString(36)}${(newIdCounter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The Konva node drawn for an element: a top-level one, or a child inside a group's node. */
export function nodeFor(id: string): Konva.Node | undefined {
  const top = nodes.get(id);
  if (top) return top;
  for (const node of nodes.values()) {
    if (node instanceof Konva.Group) {
      const found = node.findOne((n: Konva.Node) => n.id() === id && n.hasName('element'));
      if (found) return found;
    }
  }
  return undefined;
}

/** The element id a node stands for (top-level nodes carry it as an attribute, children as their id). */
export function idOf(node: Konva.Node): string {
  return (node.getAttr('elementId') as string | undefined) ?? node.id();
}

/** The top-level element node a Konva target belongs to. */
export function topNode(target: Konva.Node): Konva.Node | null {
  let n: Konva.Node | null = target;
  while (n && !n.hasName('top')) n = n.getParent() as Konva.Node | null;
  return n;
}
