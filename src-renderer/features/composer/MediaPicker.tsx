// A network's pictures in the composer: the attached design (one page or all of them as a carousel),
// or a choice — a gallery of the client's designs, a new design in the editor, or library photos
// (made into a design at the network's size, so packs and "Due now" treat them like any design).
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset } from '../../../src-main/contract/api/library';
import type { DesignSummary } from '../../../src-main/contract/api/designs';
import { mediaPath } from '../../../src-main/core/domain/assets';
import type { NetworkId } from '../../../src-main/core/domain/posts';
import { fold } from '../../app/CommandPalette';
import { useHost } from '../../app/host-context';
import type { NetworkDraft } from './draft';

type Panel = 'none' | 'designs' | 'photos';

export interface MediaPickerProps {
  network: NetworkId;
  networkName: string;
  draft: NetworkDraft;
  clientId: string | null;
  designs: readonly DesignSummary[];
  previews: Record<string, string[]>;
  canShare: boolean;
  onAttach(designId: string, pageIndex: number | null): void;
  onRemove(): void;
  onUseEverywhere(): void;
  onNewDesign(): void;
  onPhotos(assetIds: string[]): Promise<void>;
}

export function MediaPicker(props: MediaPickerProps) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<Panel>('none');
  const design = props.designs.find((d) => d.id === props.draft.designId) ?? null;
  const pageSelectId = useId();
  const pages = design ? (props.previews[design.id] ?? []) : [];
  const shown = design ? pages[props.draft.pageIndex ?? 0] : undefined;

  return (
    <div className="composer-media" data-network={props.network}>
      {props.draft.designId && !design && <p className="form-problem">{t('composer.media.missing')}</p>}
      {design ? (
        <div className="composer-attached">
          {shown ? <img src={shown} alt="" width={72} height={72} className="composer-attached-thumb" /> : <span className="composer-attached-thumb" aria-hidden="true" />}
          <div className="composer-attached-info">
            <strong>{design.name}</strong>
            <span className="muted">
              {t('composer.media.size', { width: design.width, height: design.height })}
              {design.pages > 1 ? ` · ${t('composer.media.pages', { count: design.pages })}` : ''}
            </span>
            {design.pages > 1 && (
              <span className="composer-inline">
                <label htmlFor={pageSelectId}>{t('composer.media.show')}</label>
                <select id={pageSelectId} value={props.draft.pageIndex ?? 'all'} onChange={(e) => props.onAttach(design.id, e.target.value === 'all' ? null : Number(e.target.value))}>
                  <option value="all">{t('composer.media.allPages', { count: design.pages })}</option>
                  {Array.from({ length: design.pages }, (_, i) => (
                    <option key={i} value={i}>
                      {t('composer.media.page', { n: i + 1 })}
                    </option>
                  ))}
                </select>
              </span>
            )}
          </div>
          <div className="composer-media-actions">
            <button type="button" className="button" onClick={() => setPanel(panel === 'designs' ? 'none' : 'designs')} aria-expanded={panel === 'designs'}>
              {t('composer.media.change')}
            </button>
            {props.canShare && (
              <button type="button" className="button" onClick={props.onUseEverywhere}>
                {t('composer.media.everywhere')}
              </button>
            )}
            <button type="button" className="button button-danger-ghost" onClick={props.onRemove} aria-label={t('composer.media.removeFrom', { network: props.networkName })}>
              {t('composer.media.remove')}
            </button>
          </div>
        </div>
      ) : (
        <div className="composer-media-actions">
          <button type="button" className="button" disabled={!props.clientId} onClick={() => setPanel(panel === 'designs' ? 'none' : 'designs')} aria-expanded={panel === 'designs'}>
            {t('composer.media.choose')}
          </button>
          <button type="button" className="button" disabled={!props.clientId} onClick={props.onNewDesign}>
            {t('composer.media.newDesign')}
          </button>
          <button type="button" className="button" disabled={!props.clientId} onClick={() => setPanel(panel === 'photos' ? 'none' : 'photos')} aria-expanded={panel === 'photos'}>
            {t('composer.media.photos')}
          </button>
        </div>
      )}
      {panel === 'designs' && (
        <DesignGallery
          designs={props.designs}
          previews={props.previews}
          networkName={props.networkName}
          onPick={(id) => {
            props.onAttach(id, null);
            setPanel('none');
          }}
          onClose={() => setPanel('none')}
        />
      )}
      {panel === 'photos' && props.clientId && (
        <PhotoPicker
          clientId={props.clientId}
          networkName={props.networkName}
          onAdd={async (ids) => {
            await props.onPhotos(ids);
            setPanel('none');
          }}
          onClose={() => setPanel('none')}
        />
      )}
    </div>
  );
}

function DesignGallery({ designs, previews, networkName, onPick, onClose }: { designs: readonly DesignSummary[]; previews: Record<string, string[]>; networkName: string; onPick(id: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const found = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    return designs.filter((d) => words.every((w) => fold(d.name).includes(w)));
  }, [designs, query]);
  return (
    <section className="composer-picker" aria-label={t('composer.media.galleryLabel', { network: networkName })} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}>
      <div className="composer-picker-head">
        <label htmlFor={searchId} className="visually-hidden">
          {t('composer.media.search')}
        </label>
        <input id={searchId} type="search" placeholder={t('composer.media.search')} value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
        <button type="button" className="button" onClick={onClose}>
          {t('composer.close')}
        </button>
      </div>
      {found.length === 0 ? (
        <p className="muted">{designs.length === 0 ? t('composer.media.noDesigns') : t('composer.media.noMatch')}</p>
      ) : (
        <ul className="composer-gallery">
          {found.map((d) => (
            <li key={d.id}>
              <button type="button" className="composer-tile" onClick={() => onPick(d.id)} data-design-id={d.id}>
                {previews[d.id]?.[0] ? <img src={previews[d.id]![0]} alt="" loading="lazy" /> : <span className="composer-tile-blank" aria-hidden="true" />}
                <span className="composer-tile-name">{d.name}</span>
                <span className="muted">
                  {t('composer.media.size', { width: d.width, height: d.height })}
                  {d.pages > 1 ? ` · ${t('composer.media.pages', { count: d.pages })}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PhotoPicker({ clientId, networkName, onAdd, onClose }: { clientId: string; networkName: string; onAdd(ids: string[]): Promise<void>; onClose(): void }) {
  const { t } = useTranslation();
  const host = useHost();
  const [photos, setPhotos] = useState<Asset[] | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState('');
  const searchId = useId();
  useEffect(() => {
    let live = true;
    // The client's photos and the shared ones.
    Promise.all([host.invoke('assets.list', { kind: 'image', clientId }), host.invoke('assets.list', { kind: 'image', clientId: null })])
      .then(([mine, shared]) => live && setPhotos([...mine, ...shared.filter((s) => !mine.some((m) => m.id === s.id))]))
      .catch(() => live && setPhotos([]));
    return () => {
      live = false;
    };
  }, [host, clientId]);
  const found = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    return (photos ?? []).filter((p) => words.every((w) => fold(`${p.name} ${p.tags.join(' ')}`).includes(w)));
  }, [photos, query]);
  const toggle = (id: string) => setPicked((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  return (
    <section className="composer-picker" aria-label={t('composer.media.photosLabel', { network: networkName })} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}>
      <div className="composer-picker-head">
        <label htmlFor={searchId} className="visually-hidden">
          {t('composer.media.searchPhotos')}
        </label>
        <input id={searchId} type="search" placeholder={t('composer.media.searchPhotos')} value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
        <button
          type="button"
          className="button button-primary"
          disabled={picked.length === 0 || busy}
          onClick={() => {
            setBusy(true);
            void onAdd(picked).finally(() => setBusy(false));
          }}
        >
          {picked.length ? t('composer.media.addPhotos', { count: picked.length }) : t('composer.media.addPhotosNone')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('composer.close')}
        </button>
      </div>
      {photos === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : found.length === 0 ? (
        <p className="muted">{photos.length === 0 ? t('composer.media.noPhotos') : t('composer.media.noMatch')}</p>
      ) : (
        <ul className="composer-gallery">
          {found.map((p) => {
            const order = picked.indexOf(p.id);
            return (
              <li key={p.id}>
                <button type="button" className="composer-tile" aria-pressed={order >= 0} onClick={() => toggle(p.id)}>
                  <img src={mediaPath('thumbs', p.id)} alt="" loading="lazy" />
                  <span className="composer-tile-name">{p.name}</span>
                  {order >= 0 && <span className="composer-tile-order">{order + 1}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
