// First run: the library has no client yet. Offer the demo library or a blank start. Shown above the
// landing screen (Clients), whose own empty state is the blank start's next step; its button names
// avoid the screens' names so they never shadow the navigation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors';
import { useHost } from './host-context';
import { comboKeys } from './shortcuts';
import { useApp } from './store';

export function Welcome({ onBlank, onSeeded }: { onBlank(): void; onSeeded(): void }) {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const [busy, setBusy] = useState(false);

  async function seed() {
    setBusy(true);
    try {
      const result = await host.invoke('app.seedDemo', {});
      toast({ message: t(result.clients === 0 ? 'polish.welcome.demoAlreadyThere' : 'polish.welcome.demoReady', result), tone: 'info' });
      onSeeded();
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <div className="welcome-intro">
        <h2 id="welcome-title" className="welcome-title">{t('polish.welcome.title')}</h2>
        <p>{t('polish.welcome.body')}</p>
      </div>
      <div className="welcome-choices">
        <div className="card welcome-choice">
          <h3>{t('polish.welcome.demoTitle')}</h3>
          <p className="muted">{t('polish.welcome.demoBody')}</p>
          <button type="button" className="button button-primary" onClick={() => void seed()} disabled={busy} aria-busy={busy}>
            {busy ? t('polish.welcome.loading') : t('polish.welcome.demo')}
          </button>
        </div>
        <div className="card welcome-choice">
          <h3>{t('polish.welcome.blankTitle')}</h3>
          <p className="muted">{t('polish.welcome.blankBody')}</p>
          <button type="button" className="button" onClick={onBlank} disabled={busy}>
            {t('polish.welcome.blank')}
          </button>
        </div>
      </div>
      <p className="muted welcome-hint">{t('polish.welcome.hint', { palette: comboKeys('Mod+K', undefined, (k) => t(`polish.keys.${k}`)).join('+'), help: '?' })}</p>
    </section>
  );
}
