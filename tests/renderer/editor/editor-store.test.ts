// The editor's store over the real services in-process (real SQLite, the real contract): autosave,
// a refused save, per-element re-renders, and two windows editing one design.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Method } from '../../../src-main/contract';
import { moveElements, parseDesign, updateElements, type DesignDocument } from '../../../src-main/core/design';
import { createEditorStore } from '../../../src-renderer/features/editor/editor-store';
import type { HostClient } from '../../../src-renderer/host/client';
import { testAtelier } from '../../helpers/app';
import { inProcessHost } from '../../helpers/in-process-host';

let t: ReturnType<typeof testAtelier>;
let designId: string;

/** A window: the in-process host, with the methods it called. */
function windowHost(): { host: HostClient; calls: Method[] } {
  const base = inProcessHost(t.atelier);
  const calls: Method[] = [];
  return {
    calls,
    host: { ...base, invoke: (method, input) => (calls.push(method), base.invoke(method, input)) },
  };
}

async function stored(): Promise<DesignDocument> {
  return (await t.atelier.call('designs.get', { id: designId })).document as DesignDocument;
}

const firstX = (doc: DesignDocument | null) => doc!.pages[0]!.elements[0]!.x;

beforeEach(async () => {
  t = testAtelier();
  const created = await t.atelier.call('designs.create', { name: 'Launch', preset: 'instagram-square' });
  designId = created.id;
  // Two rectangles to move about (a new design starts empty).
  const empty = created.document as DesignDocument;
  const rects = [0, 50].map((x) => ({ id: `r${x}`, type: 'rect', x, y: 0, width: 10, height: 10 }));
  const doc = parseDesign({ ...empty, pages: [{ ...empty.pages[0]!, elements: rects }] });
  await t.atelier.call('designs.save', { id: designId, document: doc });
});
afterEach(() => {
  vi.useRealTimers();
  t.cleanup();
});

describe('editor store', () => {
  it('autosaves once, within a second of the last change, and flush writes immediately', async () => {
    const { host, calls } = windowHost();
    const ed = createEditorStore(host);
    await ed.open(designId);
    vi.useFakeTimers();
    ed.apply((d, p) => moveElements(d, p, ['r0'], 5, 0));
    vi.advanceTimersByTime(300);
    ed.apply((d, p) => moveElements(d, p, ['r0'], 5, 0));
    expect(calls.filter((m) => m === 'designs.save')).toHaveLength(0);
    expect(ed.store.getState().save).toBe('pending');
    await vi.advanceTimersByTimeAsync(1000);
    vi.useRealTimers();
    await vi.waitFor(() => expect(ed.store.getState().save).toBe('saved'));
    expect(calls.filter((m) => m === 'designs.save')).toHaveLength(1);
    expect(firstX(await stored())).toBe(10);
    ed.apply((d, p) => moveElements(d, p, ['r50'], 1, 0));
    await ed.flush();
    expect(calls.filter((m) => m === 'designs.save')).toHaveLength(2);
    expect((await stored()).pages[0]!.elements[1]!.x).toBe(51);
  });

  it('an undo is shown and marked unsaved in one state change (one render), and the undone version is saved', async () => {
    const { host, calls } = windowHost();
    const ed = createEditorStore(host, { autosaveMs: 10 });
    await ed.open(designId);
    ed.apply((d, p) => moveElements(d, p, ['r0'], 5, 0));
    ed.seal();
    await ed.flush();
    let changes = 0;
    const stop = ed.store.subscribe(() => changes++);
    ed.undo();
    stop();
    expect(changes).toBe(1);
    expect(ed.store.getState()).toMatchObject({ save: 'pending', canUndo: false, canRedo: true });
    await ed.flush();
    expect(calls.filter((m) => m === 'designs.save')).toHaveLength(2);
    expect(firstX(await stored())).toBe(0);
  });

  it('a refused save keeps the changes on screen, keeps the stored version, and says why', async () => {
    const ed = createEditorStore(windowHost().host, { autosaveMs: 10 });
    await ed.open(designId);
    // A width the document schema refuses (JSON has no NaN: it arrives as null).
    ed.apply((d, p) => updateElements(moveElements(d, p, ['r0'], 5, 0), p, ['r0'], { width: Number.NaN }));
    await ed.flush();
    expect(ed.store.getState().save).toBe('error');
    expect(ed.store.getState().saveProblem).toMatchObject({ code: 'invalid_input', reason: { key: 'designs.notSaved' } });
    expect(ed.store.getState().saveConflict).toBe(false);
    expect(ed.hasUnsaved()).toBe(true);
    expect(firstX(ed.store.getState().doc)).toBe(5);
    expect(firstX(await stored())).toBe(0);
  });

  it('re-renders only changed elements: untouched ids keep the same object; undo/redo restore', async () => {
    const ed = createEditorStore(windowHost().host, { autosaveMs: 5 });
    await ed.open(designId);
    const before = ed.store.getState().index;
    ed.apply((d, p) => updateElements(d, p, ['r0'], { opacity: 0.5 }));
    const after = ed.store.getState().index;
    expect(after.get('r50')).toBe(before.get('r50'));
    expect(after.get('r0')).not.toBe(before.get('r0'));
    ed.undo();
    expect(ed.store.getState().index.get('r0')!.opacity).toBe(1);
    ed.redo();
    expect(ed.store.getState().index.get('r0')!.opacity).toBe(0.5);
    await ed.close();
    expect((await stored()).pages[0]!.elements[0]!.opacity).toBe(0.5);
  });

  it('two windows: a save over the other window’s newer one is refused, said plainly, and a reload shows that version', async () => {
    const a = createEditorStore(windowHost().host, { autosaveMs: 10_000 });
    const b = createEditorStore(windowHost().host, { autosaveMs: 10_000 });
    await a.open(designId);
    await b.open(designId);
    a.apply((d, p) => moveElements(d, p, ['r0'], 100, 0));
    await a.flush();
    expect(a.store.getState().save).toBe('saved');

    b.apply((d, p) => moveElements(d, p, ['r0'], 7, 0));
    await b.flush();
    expect(b.store.getState().save).toBe('error');
    expect(b.store.getState().saveConflict).toBe(true);
    expect(b.store.getState().saveProblem).toMatchObject({ code: 'conflict', reason: { key: 'designs.changedElsewhere', params: { name: 'Launch' } } });
    // Window A's version is what is stored; B's edit did not overwrite it.
    expect(firstX(await stored())).toBe(100);

    await b.reload();
    expect(firstX(b.store.getState().doc)).toBe(100);
    expect(b.store.getState().saveConflict).toBe(false);
    expect(b.hasUnsaved()).toBe(false);
    b.apply((d, p) => moveElements(d, p, ['r0'], 1, 0));
    await b.flush();
    expect(b.store.getState().save).toBe('saved');
    expect(firstX(await stored())).toBe(101);
  });

  it('renaming the open design from its own window does not make its next save look stale', async () => {
    const ed = createEditorStore(windowHost().host, { autosaveMs: 10_000 });
    await ed.open(designId);
    ed.apply((d) => ({ ...d, name: 'Launch day' }));
    await ed.updateDesign({ name: 'Launch day' });
    ed.apply((d, p) => moveElements(d, p, ['r0'], 3, 0));
    await ed.flush();
    expect(ed.store.getState().save).toBe('saved');
    const doc = await stored();
    expect([doc.name, firstX(doc)]).toEqual(['Launch day', 3]);
  });
});
