import { useTranslation } from 'react-i18next';
import { useApp, type Screen } from '../../app/store';

/** Screens whose issue has not landed yet: say what is coming, and nothing more. */
export function ComingSoon({ screen }: { screen: Exclude<Screen, 'clients' | 'settings'> }) {
  const { t } = useTranslation();
  const go = useApp((s) => s.go);
  return (
    <section className="screen" aria-labelledby="placeholder-title">
      <header className="screen-header">
        <h1 id="placeholder-title">{t(`nav.${screen}`)}</h1>
      </header>
      <div className="empty-state">
        <p>{t(`placeholder.${screen}`)}</p>
        <p className="muted">{t('placeholder.comingSoon')}</p>
        <button type="button" className="button" onClick={() => go('clients')}>
          {t('placeholder.manageClients')}
        </button>
      </div>
    </section>
  );
}
