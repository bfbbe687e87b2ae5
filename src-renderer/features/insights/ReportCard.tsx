// The monthly report PDF: its language and whose brand it wears.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../src-main/contract';
import { ClientOptions } from '../../ui/ClientOptions';
import type { InsightFormats } from './format';

export function ReportCard({ clients, clientId, month, f, busy, onDownload }: { clients: Client[]; clientId: string; month: string; f: InsightFormats; busy: boolean; onDownload(language: 'en' | 'fr', brand: string): void }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<'en' | 'fr'>(i18n.language === 'fr' ? 'fr' : 'en');
  const [brand, setBrand] = useState('');
  const ids = { language: useId(), brand: useId() };
  return (
    <section className="card" aria-labelledby="insights-report-title">
      <h2 id="insights-report-title">{t('insights.report.title')}</h2>
      <p className="muted">{t('insights.report.intro', { month: /^\d{4}-\d{2}$/.test(month) ? f.month(month) : month })}</p>
      <form className="inline-form insights-report-form" onSubmit={(e) => { e.preventDefault(); onDownload(language, brand === clientId ? '' : brand); }}>
        <label htmlFor={ids.language}>{t('insights.report.language')}</label>
        <select id={ids.language} value={language} onChange={(e) => setLanguage(e.target.value as 'en' | 'fr')}>
          <option value="en">{t('insights.report.english')}</option>
          <option value="fr">{t('insights.report.french')}</option>
        </select>
        <label htmlFor={ids.brand}>{t('insights.report.brand')}</label>
        <select id={ids.brand} value={brand} onChange={(e) => setBrand(e.target.value)}>
          <ClientOptions clients={clients.filter((c) => c.id !== clientId)} empty={t('insights.report.clientBrand')} />
        </select>
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? t('insights.report.working') : t('insights.report.download')}</button>
      </form>
    </section>
  );
}
