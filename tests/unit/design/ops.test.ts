import { describe, expect, it } from 'vitest';
import {
  alignElements,
  deletePage,
  distributeElements,
  duplicateElements,
  duplicatePage,
  elementBounds,
  findElement,
  groupElements,
  moveElements,
  movePage,
  removeElements,
  reorderElements,
  ungroupElements,
  updateElements,
} from '../../../src-main/core/design';
import { counter, doc, rect } from './fixtures';

const ids = (d: ReturnType<typeof doc>) => d.pages[0]!.elements.map((e) => e.id);

describe('element operations', () => {
  it('update bumps version and shares untouched elements', () => {
    const d = doc([rect('a', 0, 0), rect('b', 0, 0)]);
    const n = updateElements(d, 'p1', ['a'], { opacity: 0.5 });
    expect(n.pages[0]!.elements[0]).toMatchObject({ opacity: 0.5, version: 2 });
    expect(n.pages[0]!.elements[1]).toBe(d.pages[0]!.elements[1]);
    expect(d.pages[0]!.elements[0]!.opacity).toBe(1);
  });

  it('move skips locked elements', () => {
    const d = doc([rect('a', 0, 0), rect('b', 0, 0, 100, 100, { locked: true })]);
    const n = moveElements(d, 'p1', ['a', 'b'], 10, -5);
    expect(n.pages[0]!.elements.map((e) => [e.x, e.y])).toEqual([[10, -5], [0, 0]]);
  });

  it('duplicate places copies above originals with fresh ids', () => {
    const d = doc([rect('a', 0, 0), rect('b', 50, 50)]);
    const r = duplicateElements(d, 'p1', ['a'], counter());
    expect(ids(r.doc)).toEqual(['a', 'n1', 'b']);
    expect(r.doc.pages[0]!.elements[1]).toMatchObject({ x: 20, y: 20, version: 1 });
  });

  it('z-order: forward, backward, front, back', () => {
    const d = doc([rect('a', 0, 0), rect('b', 0, 0), rect('c', 0, 0)]);
    expect(ids(reorderElements(d, 'p1', ['a'], 'forward'))).toEqual(['b', 'a', 'c']);
    expect(ids(reorderElements(d, 'p1', ['c'], 'backward'))).toEqual(['a', 'c', 'b']);
    expect(ids(reorderElements(d, 'p1', ['a'], 'front'))).toEqual(['b', 'c', 'a']);
    expect(ids(reorderElements(d, 'p1', ['b', 'c'], 'back'))).toEqual(['b', 'c', 'a']);
  });

  it('group then ungroup keeps every element where it was', () => {
    const d = doc([rect('a', 100, 200, 50, 50), rect('x', 0, 0), rect('b', 300, 400, 20, 10)]);
    const g = groupElements(d, 'p1', ['a', 'b'], 'g1');
    expect(ids(g)).toEqual(['x', 'g1']);
    const group = g.pages[0]!.elements[1]!;
    expect(group).toMatchObject({ x: 100, y: 200, width: 220, height: 210 });
    const u = ungroupElements(g, 'p1', 'g1');
    expect(u.ids).toEqual(['a', 'b']);
    expect(u.doc.pages[0]!.elements.map((e) => [e.id, e.x, e.y])).toEqual([['x', 0, 0], ['a', 100, 200], ['b', 300, 400]]);
  });

  it('removing the last child of a group removes the group; find works at depth', () => {
    const g = groupElements(doc([rect('a', 0, 0), rect('b', 5, 5)]), 'p1', ['a', 'b'], 'g');
    expect(findElement(g.pages[0]!.elements, 'b')?.x).toBe(5);
    const r = removeElements(g, 'p1', ['a', 'b']);
    expect(r.pages[0]!.elements).toEqual([]);
  });

  it('align to selection and to page, using rotated bounds', () => {
    const d = doc([rect('a', 10, 10, 100, 50), rect('b', 300, 200, 40, 40)]);
    const left = alignElements(d, 'p1', ['a', 'b'], 'left');
    expect(left.pages[0]!.elements.map((e) => e.x)).toEqual([10, 10]);
    const right = alignElements(d, 'p1', ['a', 'b'], 'right');
    expect(right.pages[0]!.elements.map((e) => e.x + e.width)).toEqual([340, 340]);
    const one = alignElements(d, 'p1', ['b'], 'center');
    expect(one.pages[0]!.elements[1]!.x).toBe(520);
    const rot = doc([rect('r', 100, 100, 100, 100, { rotation: 90 })]);
    const top = alignElements(rot, 'p1', ['r'], 'left');
    expect(elementBounds(top.pages[0]!.elements[0]!).x).toBeCloseTo(0);
  });

  it('distribute gives equal gaps and keeps the ends', () => {
    const d = doc([rect('a', 0, 0, 10, 10), rect('b', 15, 0, 30, 10), rect('c', 100, 0, 10, 10)]);
    const n = distributeElements(d, 'p1', ['a', 'b', 'c'], 'horizontal');
    const [a, b, c] = n.pages[0]!.elements;
    expect([a!.x, b!.x, c!.x]).toEqual([0, 40, 100]);
  });

  it('pages: duplicate, move, delete (never the last one)', () => {
    const d = doc([rect('a', 0, 0)]);
    const dup = duplicatePage(d, 'p1', counter('q'));
    expect(dup.doc.pages.map((p) => p.id)).toEqual(['p1', 'q1']);
    expect(dup.doc.pages[1]!.elements[0]!.id).toBe('q2');
    expect(movePage(dup.doc, 'q1', 0).pages.map((p) => p.id)).toEqual(['q1', 'p1']);
    expect(deletePage(deletePage(dup.doc, 'p1'), 'q1').pages.map((p) => p.id)).toEqual(['q1']);
  });
});
