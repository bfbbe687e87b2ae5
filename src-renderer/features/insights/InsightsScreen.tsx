// Insights: the networks' exports dropped in, a client's KPIs for a month against the month before
// (by network, label or campaign), charts with the numbers in tables beside them, best times to
// post (usable as queue slots), top posts, the review of how imported posts were matched, and the
// monthly report PDF.
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../src-main/contract';
import type { FileReport, Summary } from '../../../src-main/contract/api/insights';
import { INSIGHT_NETWORKS, type InsightNetwork } from '../../../src-main/core/insights/sources';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { ClientOptions } from '../../ui/ClientOptions';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useFileDrop } from '../../ui/use-file-drop';
import { BestTimes } from './BestTimes';
import { insightFormats, monthChoices, monthIn, previousMonth } from './format';
import { ImportResults } from './ImportResults';
import { InsightsCharts } from './InsightsCharts';
import { KpiTiles } from './KpiTiles';
import { MatchReview } from './MatchReview';
import { networkName } from './network-name';
import { ReportCard } from './ReportCard';
import { TopPosts } from './TopPosts';
import { readExports, saveReport } from './transfer';
import './insights.css';

export function InsightsScreen({ clients }: { clients: Client[] }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const appClientId = useApp((s) => s.clientId);
  const [clientId, setClientId] = useState(appClientId ?? clients[0]?.id ?? '');
  const client = clients.find((c) => c.id === clientId);
  const [month, setMonth] = useState(() => previousMonth(monthIn(client?.timeZone ?? 'UTC')));
  const [network, setNetwork] = useState('');
  const [label, setLabel] = useState('');
  const [campaign, setCampaign] = useState('');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [reports, setReports] = useState<FileReport[] | null>(null);
  const [busy, setBusy] = useState<'import' | 'report' | null>(null);
  const [reloads, setReloads] = useState(0);
  const ids = { client: useId(), month: useId(), network: useId(), label: useId(), campaign: useId(), file: useId() };
  const f = useMemo(() => insightFormats(i18n.language, t('insights.none'), (value) => t('insights.points', { value })), [i18n.language, t]);
  const fail = useCallback((error: unknown) => toast({ tone: 'error', message: errorMessage(t, error) }), [toast, t]);

  useEffect(() => {
    if (appClientId) setClientId(appClientId);
  }, [appClientId]);
  useEffect(() => {
    if (!clientId && clients[0]) setClientId(clients[0].id);
  }, [clients, clientId]);

  useEffect(() => {
    if (!clientId || !/^\d{4}-\d{2}$/.test(month)) return setSummary(null);
    let live = true;
    host
      .invoke('insights.summary', { clientId, month, network: (network || undefined) as InsightNetwork | undefined, label: label || undefined, campaign: campaign || undefined })
      .then((s) => live && setSummary(s), (error) => live && fail(error));
    return () => {
      live = false;
    };
  }, [host, clientId, month, network, label, campaign, reloads, fail]);
  useEffect(() => host.on('insights.changed', (p) => p.clientIds.includes(clientId) && setReloads((n) => n + 1)), [host, clientId]);

  const importFiles = useCallback(
    async (files: File[]) => {
      if (!clientId || files.length === 0) return;
      setBusy('import');
      setReports(null);
      try {
        const { uploads, tooLarge } = await readExports(files);
        if (tooLarge.length) toast({ tone: 'error', message: t('insights.import.tooLarge', { files: tooLarge.join(', ') }) });
        if (uploads.length === 0) return;
        const result = await host.invoke('insights.import', { clientId, files: uploads });
        setReports(result.files);
        toast({ tone: 'info', message: t('insights.import.done', { count: result.files.reduce((n, r) => n + r.posts, 0), files: result.files.length }) });
        setReloads((n) => n + 1);
      } catch (error) {
        fail(error);
      } finally {
        setBusy(null);
      }
    },
    [clientId, host, toast, t, fail],
  );
  const dragging = useFileDrop(importFiles);

  async function downloadReport(language: 'en' | 'fr', brandClientId: string): Promise<void> {
    if (!client) return;
    setBusy('report');
    try {
      const name = `${client.name}-${month}.pdf`;
      const saved = await saveReport(host, { clientId: client.id, month, language, brandClientId: brandClientId || undefined }, t('insights.report.saveTitle'), name);
      if (saved) toast({ tone: 'info', message: saved.file ? t('insights.report.saved', { file: saved.file }) : t('insights.report.downloaded', { name: saved.name }) });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  }

  if (clients.length === 0) {
    return (
      <div className="screen insights-screen">
        <h1>{t('insights.title')}</h1>
        <p className="empty-state">{t('insights.noClients')}</p>
      </div>
    );
  }

  return (
    <div className={`screen insights-screen${dragging ? ' insights-dragging' : ''}`}>
      <ScreenHeader title={t('insights.title')} intro={t('insights.intro')} />

      <section className="card insights-filters" aria-label={t('insights.filters.label')}>
        <label htmlFor={ids.client}>{t('insights.filters.client')}</label>
        <select id={ids.client} value={clientId} onChange={(e) => setClientId(e.target.value)}>
          <ClientOptions clients={clients} />
        </select>
        <label htmlFor={ids.month}>{t('insights.filters.month')}</label>
        {/* Months named in the studio's language (a native month input follows the browser's). */}
        <select id={ids.month} value={month} onChange={(e) => setMonth(e.target.value)}>
          {monthChoices(monthIn(client?.timeZone ?? 'UTC'), month).map((m) => <option key={m} value={m}>{f.month(m)}</option>)}
        </select>
        <label htmlFor={ids.network}>{t('insights.filters.network')}</label>
        <select id={ids.network} value={network} onChange={(e) => setNetwork(e.target.value)}>
          <option value="">{t('insights.filters.allNetworks')}</option>
          {INSIGHT_NETWORKS.map((n) => <option key={n} value={n}>{networkName(n)}</option>)}
        </select>
        <label htmlFor={ids.label}>{t('insights.filters.labelFilter')}</label>
        <select id={ids.label} value={label} onChange={(e) => setLabel(e.target.value)}>
          <option value="">{t('insights.filters.any')}</option>
          {summary?.labels.map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
        <label htmlFor={ids.campaign}>{t('insights.filters.campaign')}</label>
        <select id={ids.campaign} value={campaign} onChange={(e) => setCampaign(e.target.value)}>
          <option value="">{t('insights.filters.any')}</option>
          {summary?.campaigns.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </section>

      <section className="card insights-drop" aria-labelledby="insights-import-title" data-dragging={dragging || undefined}>
        <h2 id="insights-import-title">{t('insights.import.title')}</h2>
        <p className="muted">{t('insights.import.intro')}</p>
        <div className="insights-drop-zone">
          <span>{dragging ? t('insights.import.release') : t('insights.import.drop')}</span>
          <label className="button" htmlFor={ids.file}>{t('insights.import.choose')}</label>
          <input id={ids.file} className="visually-hidden" type="file" multiple accept=".csv,.txt,.xls,.xlsx,.zip" disabled={busy === 'import'} onChange={(e) => { const files = Array.from(e.target.files ?? []); e.target.value = ''; void importFiles(files); }} />
        </div>
        {busy === 'import' && <p role="status">{t('insights.import.working')}</p>}
        {reports && <ImportResults reports={reports} />}
      </section>

      {summary && <KpiTiles summary={summary} f={f} />}
      {summary && <InsightsCharts summary={summary} f={f} />}
      {summary && client && <BestTimes summary={summary} f={f} clientId={client.id} />}
      {summary && <TopPosts summary={summary} f={f} />}
      {client && <MatchReview clientId={client.id} month={month} network={network} f={f} reloads={reloads} />}
      {client && <ReportCard clients={clients} clientId={client.id} month={month} f={f} busy={busy === 'report'} onDownload={downloadReport} />}
    </div>
  );
}
