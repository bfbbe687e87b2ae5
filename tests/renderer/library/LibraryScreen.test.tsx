import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../../src-main/contract/api/library';
import { AtelierError } from '../../../src-main/contract/errors';
import { HostProvider } from '../../../src-renderer/app/host-context';
import { catalogues, createI18n } from '../../../src-renderer/app/i18n';
import { useApp } from '../../../src-renderer/app/store';
import { LibraryScreen } from '../../../src-renderer/features/library/LibraryScreen';
import { createLibraryStore } from '../../../src-renderer/features/library/library-store';
import { importAsBytes, type HostClient } from '../../../src-renderer/host/client';
import { Toasts } from '../../../src-renderer/ui/Toasts';

const sha = (n: number) => n.toString(16).padStart(64, '0');

function asset(n: number, patch: Partial<Asset> = {}): Asset {
  return {
    id: sha(n),
    kind: 'image',
    mime: 'image/png',
    size: 1000 * n,
    width: 100,
    height: 50,
    name: `photo-${n}.png`,
    clientId: null,
    tags: [],
    fontFamily: null,
    usage: { posts: 0, designs: 0, brandKits: 0 },
    createdAt: '2026-11-28T10:00:00.000Z',
    deletedAt: null,
    ...patch,
  };
}

/** A host that keeps assets in memory and records every call. */
function memoryHost(initial: Asset[]) {
  let assets = [...initial];
  const calls: { method: string; input: Record<string, unknown> }[] = [];
  const host: HostClient = {
    kind: 'memory',
    upload(file, meta) {
      return importAsBytes(this, file, meta);
    },
    async invoke(method, input) {
      const i = input as Record<string, unknown>;
      calls.push({ method, input: i });
      const find = () => assets.find((a) => a.id === i.id)!;
      switch (method) {
        case 'assets.list':
          return assets.filter((a) => !a.deletedAt) as never;
        case 'assets.usage':
          return (find().usage.posts > 0 ? [{ ownerType: 'post', ownerId: 'p1', title: 'Launch day', clientId: 'c1' }] : []) as never;
        case 'assets.delete': {
          const a = find();
          if (a.usage.posts > 0 && !i.force) throw new AtelierError('conflict', `"${a.name}" is used in ${a.usage.posts} post; confirm to delete it anyway.`);
          a.deletedAt = '2026-11-28T11:00:00.000Z';
          return a as never;
        }
        case 'assets.restore': {
          const a = find();
          a.deletedAt = null;
          return a as never;
        }
        case 'assets.import': {
          const created = asset(assets.length + 100, { name: String(i.name) });
          assets = [created, ...assets];
          return { asset: created, duplicate: false } as never;
        }
        default:
          throw new Error(`unexpected ${method}`);
      }
    },
    on: () => () => undefined,
  };
  return { host, calls };
}

function renderLibrary(host: HostClient) {
  const store = createLibraryStore(host);
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <HostProvider host={host}>
        <LibraryScreen store={store} clients={[]} />
        <Toasts />
      </HostProvider>
    </I18nextProvider>,
  );
  return store;
}

// happy-dom lays nothing out; give the grid's scroll area a size so the virtualiser renders rows.
const sizes = { clientWidth: 800, clientHeight: 600 } as const;
const realDescriptors = Object.fromEntries(Object.keys(sizes).map((k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k) ?? Object.getOwnPropertyDescriptor(Element.prototype, k)]));
beforeAll(() => {
  for (const [key, value] of Object.entries(sizes)) {
    const real = realDescriptors[key];
    Object.defineProperty(HTMLElement.prototype, key, {
      configurable: true,
      get(this: HTMLElement) {
        return this.dataset.testid === 'asset-grid' ? value : (real?.get?.call(this) ?? 0);
      },
    });
  }
});
afterAll(() => {
  for (const key of Object.keys(sizes)) {
    const real = realDescriptors[key];
    if (real) Object.defineProperty(HTMLElement.prototype, key, real);
  }
});

afterEach(() => {
  cleanup();
  useApp.setState({ toasts: [], screen: 'library', clientId: null });
});

describe('library screen', () => {
  it('lists assets and narrows them by search', async () => {
    const { host } = memoryHost([asset(1, { name: 'Beach hero.png', tags: ['summer'] }), asset(2, { name: 'Logo.png' })]);
    renderLibrary(host);
    await waitFor(() => expect(document.querySelectorAll('.asset-cell')).toHaveLength(2));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the library' }), { target: { value: 'summer' } });
    await waitFor(() => expect(document.querySelectorAll('.asset-cell')).toHaveLength(1));
    expect(document.querySelector('.asset-name')?.textContent).toBe('Beach hero.png');
    expect(screen.getByText('1 of 2')).toBeTruthy();
  });

  it('asks before deleting an asset that is used, deletes on confirm, and undoes', async () => {
    const { host, calls } = memoryHost([asset(1, { name: 'Used.png', usage: { posts: 1, designs: 0, brandKits: 0 } })]);
    renderLibrary(host);
    await waitFor(() => expect(document.querySelectorAll('.asset-cell')).toHaveLength(1));
    fireEvent.click(document.querySelector('.asset-cell')!);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Delete Used.png?')).toBeTruthy();
    expect(document.querySelectorAll('.asset-cell')).toHaveLength(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete anyway' }));
    await waitFor(() => expect(document.querySelectorAll('.asset-cell')).toHaveLength(0));
    expect(calls.filter((c) => c.method === 'assets.delete').map((c) => c.input.force)).toEqual([false, true]);
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(document.querySelectorAll('.asset-cell')).toHaveLength(1));
  });

  it('imports an image pasted from the clipboard', async () => {
    const { host, calls } = memoryHost([]);
    renderLibrary(host);
    await screen.findByText('Your library is empty');
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'image.png', { type: 'image/png' });
    const paste = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(paste, 'clipboardData', { value: { files: [file], types: ['Files'] } });
    await act(async () => {
      window.dispatchEvent(paste);
    });
    await waitFor(() => expect(calls.some((c) => c.method === 'assets.import')).toBe(true));
    const call = calls.find((c) => c.method === 'assets.import')!;
    expect(call.input.name).toMatch(/^image \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.png$/);
    // The bytes themselves, not a base64 string.
    expect(call.input.bytes).toBeInstanceOf(Uint8Array);
    expect([...(call.input.bytes as Uint8Array)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await waitFor(() => expect(document.querySelectorAll('.asset-cell')).toHaveLength(1));
  });

  it('moves the selection with the arrow keys', async () => {
    const { host } = memoryHost([asset(1), asset(2), asset(3)]);
    const store = renderLibrary(host);
    await waitFor(() => expect(document.querySelectorAll('.asset-cell')).toHaveLength(3));
    fireEvent.click(document.querySelector('.asset-cell')!);
    expect(store.getState().selectedId).toBe(sha(1));
    // The grid is 800 px wide here: four columns, so all three assets sit on one row.
    fireEvent.keyDown(screen.getByTestId('asset-grid'), { key: 'ArrowRight' });
    expect(store.getState().selectedId).toBe(sha(2));
    fireEvent.keyDown(screen.getByTestId('asset-grid'), { key: 'ArrowLeft' });
    expect(store.getState().selectedId).toBe(sha(1));
    fireEvent.keyDown(screen.getByTestId('asset-grid'), { key: 'ArrowDown' });
    expect(store.getState().selectedId).toBe(sha(3));
    fireEvent.keyDown(screen.getByTestId('asset-grid'), { key: 'End' });
    expect(store.getState().selectedId).toBe(sha(3));
    fireEvent.keyDown(screen.getByTestId('asset-grid'), { key: 'Home' });
    expect(store.getState().selectedId).toBe(sha(1));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-asset-id')).toBe(sha(1)));
  });

  it('links where an asset is used to the screen that shows it', async () => {
    const { host } = memoryHost([asset(1, { name: 'Used.png', usage: { posts: 1, designs: 0, brandKits: 0 } })]);
    renderLibrary(host);
    await waitFor(() => expect(document.querySelectorAll('.asset-cell')).toHaveLength(1));
    fireEvent.click(document.querySelector('.asset-cell')!);
    fireEvent.click(await screen.findByRole('button', { name: 'Post: Launch day' }));
    expect(useApp.getState().screen).toBe('captions');
    expect(useApp.getState().clientId).toBe('c1');
  });

  it('has every English library string in French, and no extra ones', () => {
    const keys = (o: unknown, prefix = ''): string[] =>
      o && typeof o === 'object' ? Object.entries(o).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];
    const { en, fr } = catalogues();
    const base = (k: string) => k.replace(/_(one|other|many)$/, '');
    expect([...new Set(keys(fr.library).map(base))].sort()).toEqual([...new Set(keys(en.library).map(base))].sort());
  });
});
