import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Client } from '../../../src-main/contract';
import type { Asset } from '../../../src-main/contract/api/library';
import { AtelierError } from '../../../src-main/contract/errors';
import { assetMatcher, ASSET_KINDS, type AssetKind } from '../../../src-main/core/domain/assets';
import { errorMessage } from '../../app/errors';
import { useApp } from '../../app/store';
import { ClientOptions } from '../../ui/ClientOptions';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { AssetDetails } from './AssetDetails';
import { AssetGrid } from './AssetGrid';
import { BrandKitPanel, useBrandKit } from './BrandKitPanel';
import type { LibraryStore } from './library-store';
import { useFileDrop } from '../../ui/use-file-drop';
import { undoToast } from '../../ui/undo-toast';
import { ScreenHeader } from '../../ui/ScreenHeader';
import './library.css';

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif,image/avif,image/heic,image/heif,image/svg+xml,.svg,.ttf,.otf,.woff,.woff2,.heic,.heif,.avif';
const NO_CLIENT = '__none__';

export function LibraryScreen({ store, clients }: { store: LibraryStore; clients: Client[] }) {
  const { t } = useTranslation();
  const toast = useApp((s) => s.toast);
  const appClientId = useApp((s) => s.clientId);
  const assets = useStore(store, (s) => s.assets);
  const loaded = useStore(store, (s) => s.loaded);
  const selectedId = useStore(store, (s) => s.selectedId);
  const importing = useStore(store, (s) => s.importing);
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<AssetKind | ''>('');
  const [client, setClient] = useState<string>(appClientId ?? '');
  const [tag, setTag] = useState('');
  const [unused, setUnused] = useState(false);
  const [confirming, setConfirming] = useState<Asset | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = { search: useId(), kind: useId(), client: useId(), tag: useId(), unused: useId(), file: useId() };
  const deferredSearch = useDeferredValue(search);

  useEffect(() => setClient(appClientId ?? ''), [appClientId]);
  useEffect(() => {
    if (!loaded) store.getState().load().catch((error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }));
  }, [loaded, store, t, toast]);

  const clientId = client === NO_CLIENT ? null : client || undefined;
  const visible = useMemo(
    () => assets.filter(assetMatcher({ search: deferredSearch, kind: kind || undefined, clientId, tag: tag || undefined, unused })),
    [assets, deferredSearch, kind, clientId, tag, unused],
  );
  const tags = useMemo(() => [...new Set(assets.flatMap((a) => a.tags))].sort(), [assets]);
  const selected = assets.find((a) => a.id === selectedId) ?? null;
  const kitClient = clientId ? clients.find((c) => c.id === clientId) : undefined;
  const { kit, update: updateKit } = useBrandKit(kitClient?.id ?? null);

  const importFiles = useCallback(
    async (files: File[]) => {
      const outcomes = await store.getState().importFiles(files, { clientId: clientId ?? undefined });
      const added = outcomes.filter((o) => o.result && !o.result.duplicate).length;
      const duplicates = outcomes.filter((o) => o.result?.duplicate).length;
      if (added + duplicates > 0) toast({ message: t('library.toast.imported', { count: added, duplicates }), tone: 'info' });
      for (const o of outcomes) if (o.error) toast({ message: errorMessage(t, o.error), tone: 'error' });
      const last = outcomes.filter((o) => o.result).at(-1);
      if (last?.result) store.getState().select(last.result.asset.id);
    },
    [store, clientId, t, toast],
  );
  const dragging = useFileDrop(importFiles);
  const selectAsset = useCallback((id: string) => store.getState().select(id), [store]);

  async function remove(asset: Asset, force: boolean) {
    setConfirming(null);
    try {
      await store.getState().remove(asset.id, force);
      undoToast(
        t('library.toast.deleted', { name: asset.name }),
        t('library.toast.undo'),
        async () => {
          await store.getState().restore(asset.id);
          toast({ message: t('library.toast.restored', { name: asset.name }), tone: 'info' });
        },
        (error) => errorMessage(t, error),
      );
    } catch (error) {
      // Used somewhere: ask, then delete anyway if confirmed.
      if (error instanceof AtelierError && error.code === 'conflict' && !force) setConfirming(asset);
      else toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }

  return (
    <section className="library-screen" aria-labelledby="library-title">
      <ScreenHeader id="library-title" title={t('library.title')} intro={t('library.intro')}>
        <div className="library-import">
          <input
            ref={fileInput}
            id={ids.file}
            className="visually-hidden"
            type="file"
            multiple
            accept={ACCEPT}
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              e.target.value = '';
              if (files.length > 0) void importFiles(files);
            }}
          />
          <button type="button" className="button button-primary" onClick={() => fileInput.current?.click()}>
            {t('library.import')}
          </button>
          {importing > 0 && (
            <>
              <span className="muted" role="status">
                {t('library.importing', { count: importing })}
              </span>
              <button type="button" className="button" onClick={() => store.getState().cancelImport()}>
                {t('library.cancelImport')}
              </button>
            </>
          )}
        </div>
      </ScreenHeader>
      <div className="library-filters" role="search">
        <label htmlFor={ids.search} className="visually-hidden">
          {t('library.filters.search')}
        </label>
        <input id={ids.search} type="search" placeholder={t('library.filters.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <label htmlFor={ids.kind}>{t('library.filters.kind')}</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as AssetKind | '')}>
          <option value="">{t('library.filters.allKinds')}</option>
          {ASSET_KINDS.filter((k) => k !== 'other').map((k) => (
            <option key={k} value={k}>
              {t(`library.kinds.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.client}>{t('library.filters.client')}</label>
        <select id={ids.client} value={client} onChange={(e) => setClient(e.target.value)}>
          <option value="">{t('library.filters.allClients')}</option>
          <option value={NO_CLIENT}>{t('library.filters.noClient')}</option>
          <ClientOptions clients={clients} />
        </select>
        <label htmlFor={ids.tag}>{t('library.filters.tag')}</label>
        <select id={ids.tag} value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">{t('library.filters.allTags')}</option>
          {tags.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
        <label className="check" htmlFor={ids.unused}>
          <input id={ids.unused} type="checkbox" checked={unused} onChange={(e) => setUnused(e.target.checked)} />
          {t('library.filters.unused')}
        </label>
        <span className="muted" aria-live="polite">
          {t('library.count', { count: visible.length, total: assets.length })}
        </span>
      </div>
      {kitClient && <BrandKitPanel clientId={kitClient.id} clientName={kitClient.name} kit={kit} update={updateKit} />}
      <div className="library-body">
        {loaded && assets.length === 0 ? (
          <div className="empty-state library-empty">
            <h2>{t('library.emptyTitle')}</h2>
            <p>{t('library.emptyBody')}</p>
            <button type="button" className="button button-primary" onClick={() => fileInput.current?.click()}>
              {t('library.import')}
            </button>
          </div>
        ) : (
          <div className="library-grid-wrap">
            <AssetGrid assets={visible} selectedId={selectedId} onSelect={selectAsset} />
            {loaded && visible.length === 0 && <p className="muted library-no-match">{t('library.noMatch')}</p>}
          </div>
        )}
        {selected && (
          <AssetDetails
            asset={selected}
            store={store}
            clients={clients}
            onDelete={(a) => void remove(a, false)}
            logoClientName={kitClient?.name}
            onUseAsLogo={
              kitClient && kit
                ? (a) => {
                    if (!kit.logos.some((l) => l.id === a.id)) {
                      updateKit({ logoIds: [...kit.logos.map((l) => l.id), a.id] }).catch((error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }));
                    }
                  }
                : undefined
            }
          />
        )}
      </div>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>{t('library.dropHere')}</p>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('library.confirmDelete.title', { name: confirming.name })}
          body={t('library.confirmDelete.body', { count: confirming.usage.posts + confirming.usage.designs + confirming.usage.brandKits })}
          confirmLabel={t('library.confirmDelete.confirm')}
          cancelLabel={t('library.confirmDelete.cancel')}
          onConfirm={() => void remove(confirming, true)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  );
}
