// Settings → Trash: what was deleted in the last 30 days, each restorable with one click.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrashItem } from '../../../src-main/contract/api/trash';
import { useHost } from '../../app/host-context';
import { errorMessage } from '../../app/errors';
import { useApp } from '../../app/store';
import { formatWhen } from '../../ui/format';
import '../../ui/backups.css';

export function TrashSection() {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const [items, setItems] = useState<TrashItem[] | null>(null);

  const load = useCallback(() => {
    host.invoke('trash.list', {}).then(setItems, (error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }));
  }, [host, t, toast]);
  useEffect(load, [load]);
  useEffect(() => {
    const offs = [host.on('clients.changed', load), host.on('posts.changed', load)];
    return () => offs.forEach((off) => off());
  }, [host, load]);

  async function restore(item: TrashItem) {
    try {
      await host.invoke('trash.restore', { kind: item.kind, id: item.id });
      toast({ message: t('trash.restored', { name: item.name }), tone: 'info' });
      load();
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }

  return (
    <section className="card" aria-labelledby="trash-title">
      <h2 id="trash-title">{t('trash.title')}</h2>
      <p className="muted">{t('trash.intro')}</p>
      {items === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('trash.empty')}</p>
      ) : (
        <ul className="backup-list" aria-label={t('trash.listLabel')}>
          {items.map((item) => (
            <li key={`${item.kind}:${item.id}`} className="backup-row">
              <div className="backup-row-main">
                <span>{item.name}</span>
                <span className="muted">
                  {t(`trash.kind.${item.kind}`)} · {t('trash.purgeOn', { when: formatWhen(item.purgeAt, i18n.language) })}
                </span>
              </div>
              <span />
              <button type="button" className="button" onClick={() => void restore(item)} aria-label={t('trash.restoreLabel', { name: item.name })}>
                {t('trash.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
