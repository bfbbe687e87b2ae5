import { afterEach, describe, expect, it, vi } from 'vitest';
import { AtelierError } from '../../../src-main/contract/errors';
import { moveElements, parseDesign, updateElements, type DesignDocument } from '../../../src-main/core/design';
import { createEditorStore } from '../../../src-renderer/features/editor/editor-store';
import type { HostClient } from '../../../src-renderer/host/client';

function design(): DesignDocument {
  return parseDesign({ schemaVersion: 2, id: 'd1', name: 'T', preset: 'instagram-square', width: 1080, height: 1080, pages: [{ id: 'p1', elements: [{ id: 'a', type: 'rect', x: 0, y: 0, width: 10, height: 10 }, { id: 'b', type: 'rect', x: 50, y: 0, width: 10, height: 10 }] }, { id: 'p2', elements: [] }] });
}

function fakeHost(opts: { failSave?: boolean } = {}) {
  const saves: DesignDocument[] = [];
  const host = {
    kind: 'memory',
    async invoke(method: string, input: { id: string; document?: DesignDocument }) {
      if (method === 'designs.get') return { id: input.id, document: design() };
      if (method === 'designs.save') {
        if (opts.failSave) throw new AtelierError('invalid_input', 'Design d1 was not saved: pages.0 broken');
        saves.push(input.document!);
        return {};
      }
      throw new Error(method);
    },
    on: () => () => undefined,
  } as unknown as HostClient;
  return { host, saves };
}

afterEach(() => vi.useRealTimers());

describe('editor store', () => {
  it('autosaves once, within a second of the last change, and flush writes immediately', async () => {
    vi.useFakeTimers();
    const { host, saves } = fakeHost();
    const ed = createEditorStore(host);
    await ed.open('d1');
    ed.apply((d, p) => moveElements(d, p, ['a'], 5, 0));
    vi.advanceTimersByTime(300);
    ed.apply((d, p) => moveElements(d, p, ['a'], 5, 0));
    expect(saves).toHaveLength(0);
    expect(ed.store.getState().save).toBe('pending');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toHaveLength(1);
    expect(saves[0]!.pages[0]!.elements[0]!.x).toBe(10);
    expect(ed.store.getState().save).toBe('saved');
    ed.apply((d, p) => moveElements(d, p, ['b'], 1, 0));
    await ed.flush();
    expect(saves).toHaveLength(2);
  });

  it('a refused save keeps the changes, reports the error and retries on flush', async () => {
    const { host } = fakeHost({ failSave: true });
    const ed = createEditorStore(host, { autosaveMs: 10 });
    await ed.open('d1');
    ed.apply((d, p) => moveElements(d, p, ['a'], 5, 0));
    await ed.flush();
    expect(ed.store.getState().save).toBe('error');
    expect(ed.store.getState().saveError).toMatch(/not saved/);
    expect(ed.hasUnsaved()).toBe(true);
    expect(ed.store.getState().doc!.pages[0]!.elements[0]!.x).toBe(5);
  });

  it('re-renders only changed elements: untouched ids keep the same object; undo/redo restore', async () => {
    const { host } = fakeHost();
    const ed = createEditorStore(host, { autosaveMs: 5 });
    await ed.open('d1');
    const before = ed.store.getState().index;
    ed.apply((d, p) => updateElements(d, p, ['a'], { opacity: 0.5 }));
    const after = ed.store.getState().index;
    expect(after.get('b')).toBe(before.get('b'));
    expect(after.get('a')).not.toBe(before.get('a'));
    ed.undo();
    expect(ed.store.getState().index.get('a')!.opacity).toBe(1);
    ed.redo();
    expect(ed.store.getState().index.get('a')!.opacity).toBe(0.5);
    ed.setPage('p2');
    expect(ed.store.getState().order).toEqual([]);
    await ed.close();
  });
});
