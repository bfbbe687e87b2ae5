// A client's brand kit: palette, heading and body fonts, logos. The editor reads the same kit
// through `brandKits.get` and `fonts.list({ clientId })` and offers these first.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { In } from '../../../src-main/contract';
import type { BrandKit, FontEntry } from '../../../src-main/contract/api/library';
import { mediaPath } from '../../../src-main/core/domain/assets';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';

export function useBrandKit(clientId: string | null) {
  const host = useHost();
  const [kit, setKit] = useState<BrandKit | null>(null);
  const reload = useCallback(() => {
    if (!clientId) return setKit(null);
    host.invoke('brandKits.get', { clientId }).then(setKit, () => setKit(null));
  }, [host, clientId]);
  useEffect(() => {
    reload();
    return host.on('brandKits.changed', (p) => {
      if (clientId && p.clientIds.includes(clientId)) reload();
    });
  }, [host, clientId, reload]);
  const update = useCallback((patch: Omit<In<'brandKits.update'>, 'clientId'>) => (clientId ? host.invoke('brandKits.update', { clientId, ...patch }).then(setKit) : Promise.resolve()), [host, clientId]);
  return { kit, update };
}

export function BrandKitPanel({ clientId, clientName, kit, update }: { clientId: string; clientName: string; kit: BrandKit | null; update: ReturnType<typeof useBrandKit>['update'] }) {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const [fonts, setFonts] = useState<FontEntry[]>([]);
  const [newColor, setNewColor] = useState('#4f46e5');
  const ids = { heading: useId(), body: useId(), color: useId(), title: useId() };

  useEffect(() => {
    host.invoke('fonts.list', { clientId }).then(setFonts, () => setFonts([]));
  }, [host, clientId, kit?.updatedAt]);

  function save(patch: Omit<In<'brandKits.update'>, 'clientId'>) {
    update(patch).catch((error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }));
  }
  const families = [...new Map(fonts.map((f) => [f.family.toLowerCase(), f])).values()];
  const fontValue = (f: BrandKit['headingFont']) => (f ? f.family : '');
  const choose = (family: string) => {
    if (!family) return null;
    const entry = families.find((f) => f.family === family);
    return { family, assetId: entry?.assetId ?? null };
  };
  const palette = kit?.palette ?? [];

  return (
    <section className="brand-kit card" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('library.kit.title', { client: clientName })}</h2>
      <div className="kit-row">
        <span className="kit-label">{t('library.kit.palette')}</span>
        <ul className="kit-swatches">
          {palette.map((color) => (
            <li key={color}>
              <span className="kit-swatch" style={{ background: color }} aria-hidden="true" />
              <code>{color}</code>
              <button type="button" className="icon-button" aria-label={t('library.kit.removeColor', { color })} onClick={() => save({ palette: palette.filter((c) => c !== color) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <label className="visually-hidden" htmlFor={ids.color}>
          {t('library.kit.newColor')}
        </label>
        <input id={ids.color} type="color" value={newColor} onChange={(e) => setNewColor(e.target.value)} />
        <button type="button" className="button" onClick={() => save({ palette: [...palette, newColor] })}>
          {t('library.kit.addColor')}
        </button>
      </div>
      <div className="kit-row">
        <label className="kit-label" htmlFor={ids.heading}>
          {t('library.kit.headingFont')}
        </label>
        <select id={ids.heading} value={fontValue(kit?.headingFont ?? null)} onChange={(e) => save({ headingFont: choose(e.target.value) })}>
          <option value="">{t('library.kit.noFont')}</option>
          {families.map((f) => (
            <option key={f.family} value={f.family}>
              {f.family}
            </option>
          ))}
        </select>
        <label className="kit-label" htmlFor={ids.body}>
          {t('library.kit.bodyFont')}
        </label>
        <select id={ids.body} value={fontValue(kit?.bodyFont ?? null)} onChange={(e) => save({ bodyFont: choose(e.target.value) })}>
          <option value="">{t('library.kit.noFont')}</option>
          {families.map((f) => (
            <option key={f.family} value={f.family}>
              {f.family}
            </option>
          ))}
        </select>
      </div>
      <div className="kit-row">
        <span className="kit-label">{t('library.kit.logos')}</span>
        {kit && kit.logos.length === 0 && <span className="muted">{t('library.kit.noLogos')}</span>}
        <ul className="kit-logos">
          {kit?.logos.map((logo) => (
            <li key={logo.id}>
              <img src={mediaPath('thumbs', logo.id)} alt={logo.name} />
              <button type="button" className="icon-button" aria-label={t('library.kit.removeLogo', { name: logo.name })} onClick={() => save({ logoIds: kit.logos.filter((l) => l.id !== logo.id).map((l) => l.id) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
