import { describe, expect, it } from 'vitest';
import { nameForFile } from '../../../src-renderer/ui/upload';
import { createLibraryStore } from '../../../src-renderer/features/library/library-store';
import { importAsBytes, type HostClient } from '../../../src-renderer/host/client';

describe('library store', () => {
  it('stops a batch import after the file in flight when cancelled, keeping what was imported', async () => {
    const imported: string[] = [];
    let release: () => void = () => undefined;
    const host: HostClient = {
      kind: 'memory',
      upload(file, meta) {
        return importAsBytes(this, file, meta);
      },
      async invoke(method, input) {
        if (method === 'assets.list') return [] as never;
        if (method === 'assets.import') {
          const name = (input as { name: string }).name;
          await new Promise<void>((resolve) => (release = resolve));
          imported.push(name);
          return { asset: { id: 'x', name }, duplicate: false } as never;
        }
        throw new Error(method);
      },
      on: () => () => undefined,
    };
    const store = createLibraryStore(host);
    const files = ['a.png', 'b.png', 'c.png'].map((n) => new File([new Uint8Array([1])], n, { type: 'image/png' }));
    const running = store.getState().importFiles(files);
    await Promise.resolve();
    expect(store.getState().importing).toBe(3);
    store.getState().cancelImport();
    await new Promise((r) => setTimeout(r, 0));
    release();
    const outcomes = await running;
    expect(imported).toEqual(['a.png']);
    expect(outcomes.map((o) => o.file)).toEqual(['a.png']);
    expect(store.getState().importing).toBe(0);
  });

  it('names pasted images after the moment they were pasted', () => {
    const pasted = new File([new Uint8Array([1])], 'image.png', { type: 'image/png' });
    expect(nameForFile(pasted, new Date('2026-11-28T20:30:05Z'))).toBe('image 2026-11-28 20:30:05.png');
    expect(nameForFile(new File([new Uint8Array([1])], 'logo.svg', { type: 'image/svg+xml' }))).toBe('logo.svg');
  });
});
