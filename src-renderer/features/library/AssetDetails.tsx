// The details panel: preview, name (rename), facts, client, tags, where used (with links), delete.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../src-main/contract';
import type { Asset, AssetUsage } from '../../../src-main/contract/api/library';
import { formatBytes, mediaPath, normalizeTags } from '../../../src-main/core/domain/assets';
import { errorMessage } from '../../app/errors';
import { useApp } from '../../app/store';
import { ClientOptions } from '../../ui/ClientOptions';
import type { LibraryStore } from './library-store';

interface Props {
  asset: Asset;
  store: LibraryStore;
  clients: Client[];
  onDelete(asset: Asset): void;
  onUseAsLogo?: (asset: Asset) => void;
  logoClientName?: string;
}

export function AssetDetails({ asset, store, clients, onDelete, onUseAsLogo, logoClientName }: Props) {
  const { t, i18n } = useTranslation();
  const toast = useApp((s) => s.toast);
  const go = useApp((s) => s.go);
  const selectClient = useApp((s) => s.selectClient);
  const [name, setName] = useState(asset.name);
  const [tags, setTags] = useState(asset.tags.join(', '));
  const [usage, setUsage] = useState<AssetUsage[] | null>(null);
  const ids = { name: useId(), tags: useId(), client: useId(), title: useId() };

  useEffect(() => {
    setName(asset.name);
    setTags(asset.tags.join(', '));
  }, [asset.id, asset.name, asset.tags]);
  const used = asset.usage.posts + asset.usage.designs + asset.usage.brandKits;
  useEffect(() => {
    let live = true;
    setUsage(null);
    store
      .getState()
      .usage(asset.id)
      .then((u) => live && setUsage(u))
      .catch(() => live && setUsage([]));
    return () => {
      live = false;
    };
  }, [asset.id, used, store]);

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }

  function open(u: AssetUsage) {
    if (u.clientId) selectClient(u.clientId);
    go(u.ownerType === 'design' ? 'editor' : u.ownerType === 'post' ? 'captions' : 'library');
  }

  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(asset.createdAt));
  return (
    <aside className="asset-details card" aria-labelledby={ids.title}>
      <h2 id={ids.title} className="visually-hidden">
        {t('library.details.title', { name: asset.name })}
      </h2>
      <div className="asset-preview">
        {asset.kind === 'image' ? (
          <img src={mediaPath('thumbs', asset.id)} alt={t('library.details.previewAlt', { name: asset.name })} />
        ) : (
          <span className="asset-font asset-font-large">{asset.fontFamily ?? 'Aa'}</span>
        )}
      </div>
      <form
        className="details-field"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() && name.trim() !== asset.name) void run(() => store.getState().rename(asset.id, name.trim()));
        }}
      >
        <label htmlFor={ids.name}>{t('library.details.name')}</label>
        <div className="inline-form">
          <input id={ids.name} value={name} maxLength={255} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button" disabled={!name.trim() || name.trim() === asset.name}>
            {t('library.details.rename')}
          </button>
        </div>
      </form>
      <dl className="facts asset-facts">
        <dt>{t('library.details.type')}</dt>
        <dd>{asset.kind === 'font' ? t('library.details.font', { family: asset.fontFamily ?? '' }) : asset.mime.replace('image/', '').toUpperCase()}</dd>
        {asset.width !== null && (
          <>
            <dt>{t('library.details.dimensions')}</dt>
            <dd>{t('library.details.pixels', { width: asset.width, height: asset.height })}</dd>
          </>
        )}
        <dt>{t('library.details.size')}</dt>
        <dd>{formatBytes(asset.size)}</dd>
        <dt>{t('library.details.added')}</dt>
        <dd>{date}</dd>
      </dl>
      <div className="details-field">
        <label htmlFor={ids.client}>{t('library.details.client')}</label>
        <select id={ids.client} value={asset.clientId ?? ''} onChange={(e) => void run(() => store.getState().setClient(asset.id, e.target.value || null))}>
          <ClientOptions clients={clients} empty={t('library.details.noClient')} />
        </select>
      </div>
      <form
        className="details-field"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => store.getState().setTags(asset.id, normalizeTags(tags.split(','))));
        }}
      >
        <label htmlFor={ids.tags}>{t('library.details.tags')}</label>
        <div className="inline-form">
          <input id={ids.tags} value={tags} placeholder={t('library.details.tagsPlaceholder')} onChange={(e) => setTags(e.target.value)} />
          <button type="submit" className="button">
            {t('library.details.saveTags')}
          </button>
        </div>
      </form>
      <section aria-label={t('library.details.whereUsed')}>
        <h3 className="details-heading">{t('library.details.usedIn', { count: asset.usage.posts, designs: asset.usage.designs })}</h3>
        {usage && usage.length > 0 && (
          <ul className="usage-list">
            {usage.map((u) => (
              <li key={`${u.ownerType}:${u.ownerId}`}>
                <button type="button" className="button-ghost link-button" onClick={() => open(u)}>
                  {t(`library.details.owner.${u.ownerType}`, { title: u.title ?? u.ownerId })}
                </button>
              </li>
            ))}
          </ul>
        )}
        {usage && usage.length === 0 && <p className="muted">{t('library.details.notUsed')}</p>}
      </section>
      <div className="details-actions">
        {onUseAsLogo && asset.kind === 'image' && (
          <button type="button" className="button" onClick={() => onUseAsLogo(asset)}>
            {t('library.details.useAsLogo', { client: logoClientName })}
          </button>
        )}
        <button type="button" className="button button-danger" onClick={() => onDelete(asset)}>
          {t('library.details.delete')}
        </button>
      </div>
    </aside>
  );
}
