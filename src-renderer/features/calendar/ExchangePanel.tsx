// Calendar files from the UI: export the shown client (or all) as ICS or CSV, import a CSV.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarClient } from '../../../src-main/contract/api/calendar';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';

type Format = 'atelier' | 'hootsuite' | 'publer';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'atelier';

export function ExchangePanel({ client, range }: { client?: CalendarClient; range: { from: string; to: string } }) {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const [format, setFormat] = useState<Format>('atelier');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [report, setReport] = useState<string | null>(null);
  const ids = { title: useId(), format: useId(), file: useId(), skip: useId() };
  const base = `${slug(client?.name ?? 'all-clients')}-${range.from}`;
  const fail = (error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' });

  return (
    <section className="card side-card" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('calendar.exchange.title')}</h2>
      <div className="form-actions exchange-actions">
        <button
          type="button"
          className="button"
          onClick={() => host.invoke('calendar.exportIcs', { clientId: client?.id, ...range }).then((r) => download(`${base}.ics`, r.ics, 'text/calendar'), fail)}
        >
          {t('calendar.exchange.ics')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => host.invoke('calendar.exportCsv', { clientId: client?.id, format, ...range }).then((r) => download(`${base}-${format}.csv`, r.csv, 'text/csv'), fail)}
        >
          {t('calendar.exchange.csv')}
        </button>
      </div>
      <div className="slot-form">
        <label htmlFor={ids.format}>{t('calendar.exchange.format')}</label>
        <select id={ids.format} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
          <option value="atelier">Atelier</option>
          <option value="hootsuite">Hootsuite</option>
          <option value="publer">Publer</option>
        </select>
        {client && (
          <>
            <label htmlFor={ids.file}>{t('calendar.exchange.import')}</label>
            <input
              id={ids.file}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                void file
                  .text()
                  .then((text) => host.invoke('calendar.importCsv', { clientId: client.id, format, text, skipInvalid }))
                  .then(
                    (r) => setReport(t('calendar.exchange.imported', { count: r.imported, skipped: r.skipped.length, adjusted: r.adjusted.length })),
                    (error) => setReport(errorMessage(t, error)),
                  );
              }}
            />
            <div className="checkbox-row">
              <input id={ids.skip} type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
              <label htmlFor={ids.skip}>{t('calendar.exchange.skipInvalid')}</label>
            </div>
          </>
        )}
      </div>
      {report && (
        <p className="exchange-report" role="status">
          {report}
        </p>
      )}
    </section>
  );
}
