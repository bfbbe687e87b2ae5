// Calendar files from the UI: export the shown client (or all) as ICS or CSV, import a CSV.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarClient, CsvExport, ImportReport } from '../../../src-main/contract/api/calendar';
import { AtelierError } from '../../../src-main/contract/errors';
import { errorMessage } from '../../app/errors';
import { translateMessage } from '../../app/messages';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { downloadBlob } from '../../ui/files';

type Format = 'atelier' | 'hootsuite' | 'publer';

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'atelier';

/** How many lines of a long report show before "and N more". */
const REPORT_LINES = 8;

export function ExchangePanel({ client, range }: { client?: CalendarClient; range: { from: string; to: string } }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const [format, setFormat] = useState<Format>('atelier');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [report, setReport] = useState<string[] | null>(null);
  const ids = { title: useId(), format: useId(), file: useId(), skip: useId() };
  const base = `${slug(client?.name ?? 'all-clients')}-${range.from}`;
  const fail = (error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' });
  const capped = (lines: string[]) => (lines.length > REPORT_LINES ? [...lines.slice(0, REPORT_LINES), t('calendar.exchange.more', { count: lines.length - REPORT_LINES })] : lines);
  const rowLines = (rows: ImportReport['skipped']) =>
    capped(rows.map((r) => t('calendar.exchange.badRow', { row: r.row, problems: r.problems.map((p) => translateMessage(t, i18n.language, p)).join(' ') })));
  /** What a CSV export wrote, what it left out (scheduler files hold posts ready to publish), and what to check. */
  const exported = (r: CsvExport) => [
    t('calendar.exchange.exported', { count: r.count }),
    ...capped(r.leftOut.map((l) => t(`calendar.exchange.leftOut.${l.reason}`, { title: l.title, status: t(`calendar.status.${l.status}`) }))),
    ...capped(r.warnings.map((w) => translateMessage(t, i18n.language, w))),
  ];

  return (
    <section className="card side-card" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('calendar.exchange.title')}</h2>
      <div className="form-actions exchange-actions">
        <button
          type="button"
          className="button"
          onClick={() => host.invoke('calendar.exportIcs', { clientId: client?.id, ...range }).then((r) => downloadBlob(new Blob([r.ics], { type: 'text/calendar' }), `${base}.ics`), fail)}
        >
          {t('calendar.exchange.ics')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            host.invoke('calendar.exportCsv', { clientId: client?.id, format, ...range }).then((r) => {
              downloadBlob(new Blob([r.csv], { type: 'text/csv' }), `${base}-${format}.csv`);
              setReport(exported(r));
            }, fail)
          }
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
            {/* A button in the studio's language; the browser's own file field speaks the browser's. */}
            <label className="button" htmlFor={ids.file}>{t('calendar.exchange.import')}</label>
            <input
              id={ids.file}
              className="visually-hidden"
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
                    (r) => setReport([t('calendar.exchange.imported', { count: r.imported, skipped: r.skipped.length, adjusted: r.adjusted.length }), ...rowLines(r.skipped)]),
                    (error) => {
                      // An atomic import names each bad row: show them, in the user's language.
                      const rows = error instanceof AtelierError ? (error.details as { rows?: ImportReport['skipped'] } | undefined)?.rows : undefined;
                      setReport([errorMessage(t, error), ...(rows ? rowLines(rows) : [])]);
                    },
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
        <div className="exchange-report" role="status">
          {report.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      )}
    </section>
  );
}
