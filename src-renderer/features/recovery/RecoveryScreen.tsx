// Shown instead of the studio when the library database is damaged. It works without an open
// library: restore the newest verified backup, or export every row that can still be read.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryStatus } from '../../../src-main/contract/api/recovery';
import { useHost } from '../../app/host-context';
import { errorMessage } from '../../app/errors';
import { translateReason } from '../../app/messages';
import { formatWhen } from '../../ui/format';
import '../../ui/backups.css';

export function RecoveryScreen({ status, onRestored }: { status: RecoveryStatus; onRestored(): void }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ text: await action(), tone: 'info' });
    } catch (error) {
      setMessage({ text: errorMessage(t, error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  const restore = () =>
    run(async () => {
      await host.invoke('recovery.restoreLatest', {});
      onRestored();
      return t('recovery.restored');
    });
  const exportReadable = () =>
    run(async () => {
      const result = await host.invoke('recovery.export', {});
      return t('recovery.exported', { file: result.file });
    });

  return (
    <main id="main" className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('recovery.title')}</h1>
      <p>{t('recovery.intro')}</p>
      {status.problem && <p className="recovery-problem">{(status.problemReason && translateReason(t, i18n.language, status.problemReason)) || status.problem}</p>}
      <section className="card" aria-labelledby="recovery-restore">
        <h2 id="recovery-restore">{t('recovery.restoreTitle')}</h2>
        {status.newestBackup ? (
          <>
            <p>{t('recovery.newest', { when: formatWhen(status.newestBackup.createdAt, i18n.language) })}</p>
            <button type="button" className="button button-primary" onClick={() => void restore()} disabled={busy}>
              {t('recovery.restore')}
            </button>
          </>
        ) : (
          <p>{t('recovery.noBackup')}</p>
        )}
        <p className="muted">{t('recovery.keptAside')}</p>
      </section>
      <section className="card" aria-labelledby="recovery-export">
        <h2 id="recovery-export">{t('recovery.exportTitle')}</h2>
        <p>{t('recovery.exportIntro')}</p>
        <button type="button" className="button" onClick={() => void exportReadable()} disabled={busy}>
          {t('recovery.export')}
        </button>
      </section>
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'form-problem' : undefined}>
          {message.text}
        </p>
      )}
    </main>
  );
}
