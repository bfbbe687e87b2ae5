// Settings → Backups: the verified backups, newest first, a "back up now" button and a restore
// that asks first and says where the replaced database was kept.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../src-main/contract/api/backups';
import { useHost } from '../../app/host-context';
import { errorMessage } from '../../app/errors';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatSize, formatWhen } from '../../ui/format';
import { ScreenHeader } from '../../ui/ScreenHeader';
import '../../ui/backups.css';

export function BackupsSection({ onRestored = () => location.reload() }: { onRestored?: () => void }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);

  const load = useCallback(() => {
    host.invoke('backups.list', {}).then(
      (r) => setBackups(r.backups),
      (error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }),
    );
  }, [host, t, toast]);
  useEffect(load, [load]);

  async function backUpNow() {
    setBusy(true);
    try {
      const made = await host.invoke('backups.create', {});
      toast({ message: t('backups.created', { when: formatWhen(made.backup.createdAt, i18n.language) }), tone: 'info' });
      load();
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  async function restore(backup: BackupInfo) {
    setConfirm(null);
    setBusy(true);
    try {
      const result = await host.invoke('backups.restore', { file: backup.file });
      toast({ message: t('backups.restored', { when: formatWhen(backup.createdAt, i18n.language), keptAside: result.keptAside ?? '—' }), tone: 'info' });
      onRestored();
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="backups-title">
      <ScreenHeader id="backups-title" level={2} title={t('backups.title')} intro={t('backups.intro')}>
        <button type="button" className="button button-primary" onClick={() => void backUpNow()} disabled={busy}>
          {t('backups.now')}
        </button>
      </ScreenHeader>
      {backups === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : backups.length === 0 ? (
        <p>{t('backups.none')}</p>
      ) : (
        <ul className="backup-list" aria-label={t('backups.listLabel')}>
          {backups.map((b) => (
            <li key={b.file} className="backup-row">
              <div className="backup-row-main">
                <span>{formatWhen(b.createdAt, i18n.language)}</span>
                <span className="muted">{t(`backups.kind.${b.kind}`)}</span>
              </div>
              <span className="muted">{formatSize(b.size, i18n.language)}</span>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => setConfirm(b)}
                aria-label={t('backups.restoreLabel', { when: formatWhen(b.createdAt, i18n.language) })}
              >
                {t('backups.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {confirm && (
        <ConfirmDialog
          title={t('backups.confirm.title')}
          body={t('backups.confirm.body', { when: formatWhen(confirm.createdAt, i18n.language) })}
          confirmLabel={t('backups.confirm.yes')}
          cancelLabel={t('backups.confirm.no')}
          onConfirm={() => void restore(confirm)}
          onCancel={() => setConfirm(null)}
        />
      )}
    </section>
  );
}
