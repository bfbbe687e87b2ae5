// The library as the renderer sees it: every asset loaded once (10,000 is a few MB), filtered here
// with the same predicate the services use, refreshed on `assets.changed`.
import { createStore } from 'zustand/vanilla';
import type { Asset, AssetUsage, ImportResult } from '../../../src-main/contract/api/library';
import type { HostClient } from '../../host/client';
import { uploadFile, type UploadOptions } from '../../ui/upload';

export interface ImportOutcome {
  file: string;
  result?: ImportResult;
  error?: unknown;
}

export interface LibraryState {
  assets: Asset[];
  loaded: boolean;
  selectedId: string | null;
  importing: number;
  load(): Promise<void>;
  /** Stops a running import after the file in flight; files already imported stay. */
  cancelImport(): void;
  select(id: string | null): void;
  importFiles(files: readonly File[], options?: UploadOptions): Promise<ImportOutcome[]>;
  rename(id: string, name: string): Promise<Asset>;
  setTags(id: string, tags: string[]): Promise<Asset>;
  setClient(id: string, clientId: string | null): Promise<Asset>;
  remove(id: string, force?: boolean): Promise<Asset>;
  restore(id: string): Promise<Asset>;
  usage(id: string): Promise<AssetUsage[]>;
}

export interface LibraryStoreOptions {
  /** A refresh after `assets.changed` failed (the screen shows what it had): tell the person. */
  onRefreshError?: (error: unknown) => void;
}

export function createLibraryStore(host: HostClient, options: LibraryStoreOptions = {}) {
  // Without a reporter (a test, a tool), the failure still shows in the console.
  const onRefreshError = options.onRefreshError ?? ((error: unknown) => console.error('Library refresh failed', error));
  let loading: Promise<void> | null = null;
  let cancelled = false;
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  const store = createStore<LibraryState>((set, get) => {
    const replace = (asset: Asset) => {
      set({ assets: get().assets.map((a) => (a.id === asset.id ? asset : a)) });
      return asset;
    };
    return {
      assets: [],
      loaded: false,
      selectedId: null,
      importing: 0,
      load() {
        // One load at a time; a burst of change events becomes one refresh.
        loading ??= host
          .invoke('assets.list', {})
          .then((assets) => set({ assets, loaded: true }))
          .finally(() => {
            loading = null;
          });
        return loading;
      },
      select: (selectedId) => set({ selectedId }),
      cancelImport() {
        cancelled = true;
      },
      async importFiles(files, options) {
        cancelled = false;
        set({ importing: get().importing + files.length });
        const outcomes: ImportOutcome[] = [];
        for (const [index, file] of files.entries()) {
          if (cancelled) {
            set({ importing: Math.max(0, get().importing - (files.length - index)) });
            break;
          }
          try {
            outcomes.push({ file: file.name, result: await uploadFile(host, file, options) });
          } catch (error) {
            outcomes.push({ file: file.name, error });
          } finally {
            set({ importing: get().importing - 1 });
          }
        }
        await get().load();
        return outcomes;
      },
      rename: async (id, name) => replace(await host.invoke('assets.rename', { id, name })),
      setTags: async (id, tags) => replace(await host.invoke('assets.setTags', { id, tags })),
      setClient: async (id, clientId) => replace(await host.invoke('assets.setClient', { id, clientId })),
      async remove(id, force) {
        const asset = await host.invoke('assets.delete', { id, force });
        set({ assets: get().assets.filter((a) => a.id !== id), selectedId: get().selectedId === id ? null : get().selectedId });
        return asset;
      },
      async restore(id) {
        const asset = await host.invoke('assets.restore', { id });
        await get().load();
        return asset;
      },
      usage: (id) => host.invoke('assets.usage', { id }),
    };
  });
  // A batch import sends one change per file: refresh once the burst settles.
  host.on('assets.changed', () => {
    if (!store.getState().loaded) return;
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => void store.getState().load().catch(onRefreshError), 150);
  });
  return store;
}

export type LibraryStore = ReturnType<typeof createLibraryStore>;
