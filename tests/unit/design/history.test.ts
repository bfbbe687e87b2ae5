import { describe, expect, it } from 'vitest';
import { addPage, blankPage, DocumentHistory, moveElements, updateElements } from '../../../src-main/core/design';
import { doc, rect } from './fixtures';

describe('undo/redo on document diffs', () => {
  it('undoes and redoes element, page and root changes', () => {
    const h = new DocumentHistory();
    let d = doc([rect('a', 0, 0), rect('b', 0, 0)]);
    const d0 = d;
    const d1 = moveElements(d, 'p1', ['a'], 5, 5);
    h.record(d, d1);
    const d2 = addPage(d1, blankPage('p2'));
    h.record(d1, d2);
    const d3 = { ...d2, name: 'Renamed' };
    h.record(d2, d3);
    d = h.undo(d3)!;
    expect(d.name).toBe('Test');
    d = h.undo(d)!;
    expect(d.pages).toHaveLength(1);
    d = h.undo(d)!;
    expect(d).toEqual(d0);
    expect(h.undo(d)).toBeNull();
    d = h.redo(h.redo(h.redo(d)!)!)!;
    expect(d).toEqual(d3);
  });

  it('keeps at least 200 steps and drops the oldest beyond its limit', () => {
    const h = new DocumentHistory({ limit: 200 });
    let d = doc([rect('a', 0, 0)]);
    for (let i = 0; i < 250; i++) {
      const n = moveElements(d, 'p1', ['a'], 1, 0);
      h.record(d, n);
      d = n;
    }
    let steps = 0;
    while (h.canUndo) {
      d = h.undo(d)!;
      steps++;
    }
    expect(steps).toBe(200);
    expect(d.pages[0]!.elements[0]!.x).toBe(50);
  });

  it('coalesces typing with the same key into one step, and a new step after seal', () => {
    const h = new DocumentHistory();
    const d0 = doc([{ id: 't', type: 'text', x: 0, y: 0, width: 10, height: 10, text: '', fontFamily: 'Inter', fontSize: 20 }]);
    let d = d0;
    for (const [i, ch] of [...'hello'].entries()) {
      const n = updateElements(d, 'p1', ['t'], (el) => ({ text: (el.type === 'text' ? el.text : '') + ch }));
      h.record(d, n, { key: 'text:t', at: i * 100 });
      d = n;
    }
    expect(h.size).toBe(1);
    h.seal();
    const n = updateElements(d, 'p1', ['t'], { text: 'hello!' });
    h.record(d, n, { key: 'text:t', at: 600 });
    expect(h.size).toBe(2);
    const back = h.undo(h.undo(n)!)!;
    expect(back).toEqual(d0);
  });

  it('a new change clears redo', () => {
    const h = new DocumentHistory();
    const d = doc([rect('a', 0, 0)]);
    const d1 = moveElements(d, 'p1', ['a'], 1, 0);
    h.record(d, d1);
    const u = h.undo(d1)!;
    h.record(u, moveElements(u, 'p1', ['a'], 0, 1));
    expect(h.canRedo).toBe(false);
  });
});
