// Insights: the networks' exports dropped in, a client's KPIs for a month against the month before
// (by network, label or campaign), charts with the numbers in tables beside them, best times to
// post (usable as queue slots), top posts, the review of how imported posts were matched, and the
// monthly report PDF.
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../src-main/contract';
import type { FileReport, Summary } from '../../../src-main/contract/api/insights';
import { DARK_CHART_THEME, heatmapChartOption, LIGHT_CHART_THEME, networkChartOption, trendChartOption } from '../../../src-main/core/insights/charts';
import { NETWORK_NAMES } from '../../../src-main/core/insights/report-strings';
import { INSIGHT_NETWORKS, type InsightNetwork } from '../../../src-main/core/insights/sources';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { useFileDrop } from '../../ui/use-file-drop';
import { EChart, useThemeName } from './EChart';
import { insightFormats, monthChoices, monthIn, previousMonth, type InsightFormats } from './format';
import { MatchReview } from './MatchReview';
import { readExports, saveReport } from './transfer';
import './insights.css';

const networkName = (n: string) => NETWORK_NAMES[n] ?? n;
/** ISO weekdays, Monday first, and the day's hours: the best-times grid's axes. */
const WEEK = [1, 2, 3, 4, 5, 6, 7];
const HOURS = Array.from({ length: 24 }, (_, h) => `${h}`);

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
      <div className="screen-header">
        <div>
          <h1>{t('insights.title')}</h1>
          <p className="muted">{t('insights.intro')}</p>
        </div>
      </div>

      <section className="card insights-filters" aria-label={t('insights.filters.label')}>
        <label htmlFor={ids.client}>{t('insights.filters.client')}</label>
        <select id={ids.client} value={clientId} onChange={(e) => setClientId(e.target.value)}>
          {clients.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
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

      {summary && <Kpis summary={summary} f={f} />}
      {summary && <Charts summary={summary} f={f} />}
      {summary && client && <BestTimes summary={summary} f={f} clientId={client.id} />}
      {summary && <TopPosts summary={summary} f={f} />}
      {client && <MatchReview clientId={client.id} month={month} network={network} f={f} reloads={reloads} />}
      {client && <ReportCard clients={clients} clientId={client.id} month={month} f={f} busy={busy === 'report'} onDownload={downloadReport} />}
    </div>
  );
}

function ImportResults({ reports }: { reports: FileReport[] }) {
  const { t } = useTranslation();
  return (
    <ul className="insights-import-results">
      {reports.map((r) => (
        <li key={r.file}>
          <strong translate="no">{r.file}</strong>{' '}
          {t('insights.import.fileResult', { networks: r.networks.map(networkName).join(', '), posts: r.posts, added: r.added, updated: r.updated })}
          {r.added > 0 && ` ${t('insights.import.matched', { link: r.matchedByLink, time: r.matchedByTime, created: r.created })}`}
          {r.older > 0 && ` ${t('insights.import.older', { count: r.older })}`}
          {r.followerDays > 0 && ` ${t('insights.import.followerDays', { count: r.followerDays })}`}
          {r.activityHours > 0 && ` ${t('insights.import.activity', { count: r.activityHours })}`}
          {r.renamed.map((n) => <span key={`${n.network}-${n.metric}`} className="muted"> {t('insights.import.renamed', { network: networkName(n.network), header: n.header })}</span>)}
        </li>
      ))}
    </ul>
  );
}

function Kpis({ summary: s, f }: { summary: Summary; f: InsightFormats }) {
  const { t } = useTranslation();
  const previous = f.month(s.previousPeriod.from.slice(0, 7));
  const tiles: { key: keyof Summary['changes'] | 'adherence'; value: string; points?: boolean }[] = [
    { key: 'posts', value: f.number(s.posts) },
    { key: 'reach', value: f.number(s.reach) },
    { key: 'impressions', value: f.number(s.impressions) },
    { key: 'engagements', value: f.number(s.engagements) },
    { key: 'engagementRate', value: f.rate(s.engagementRate), points: true },
    { key: 'followersGained', value: f.signed(s.followersGained) },
    { key: 'clicks', value: f.number(s.clicks) },
    { key: 'adherence', value: f.rate(s.adherence.rate) },
  ];
  return (
    <section className="card" aria-labelledby="insights-kpis-title">
      <h2 id="insights-kpis-title">{t('insights.kpis.title', { period: f.month(s.period.from.slice(0, 7)) })}</h2>
      <ul className="insights-tiles">
        {tiles.map((tile) => {
          const change = tile.key === 'adherence' ? null : f.change(s.changes[tile.key], tile.points);
          return (
            <li key={tile.key} className="insights-tile" data-kpi={tile.key}>
              <span className="insights-tile-label">{t(`insights.kpis.${tile.key}`)}</span>
              <span className="insights-tile-value">{tile.value}</span>
              <span className={`insights-tile-change${change && change.sign > 0 ? ' up' : change && change.sign < 0 ? ' down' : ''}`}>
                {tile.key === 'adherence'
                  ? t('insights.kpis.adherenceDetail', { published: s.adherence.published, planned: s.adherence.planned })
                  : change?.text
                    ? t('insights.kpis.vs', { change: change.text, period: previous })
                    : t('insights.kpis.noComparison')}
              </span>
            </li>
          );
        })}
      </ul>
      {s.exports.length > 0 && (
        <p className="muted">{t('insights.kpis.asOf', { exports: s.exports.map((e) => `${networkName(e.network)} ${f.day(e.exportDate.slice(0, 10))}`).join(', ') })}</p>
      )}
    </section>
  );
}

function Charts({ summary: s, f }: { summary: Summary; f: InsightFormats }) {
  const { t } = useTranslation();
  const theme = useThemeName() === 'dark' ? DARK_CHART_THEME : LIGHT_CHART_THEME;
  const labels = useMemo(() => ({ impressions: t('insights.kpis.impressions'), engagements: t('insights.kpis.engagements') }), [t]);
  const networkOption = useMemo(() => networkChartOption(s.networks.map((n) => ({ label: networkName(n.network), reach: n.reach, impressions: n.impressions, engagements: n.engagements })), labels, theme, true), [s, theme, labels]);
  const dailyOption = useMemo(() => trendChartOption(s.daily.map((d) => ({ label: String(+d.date.slice(8)), value: d.engagements ?? 0 })), labels.engagements, theme, true), [s, theme, labels.engagements]);
  return (
    <section className="card" aria-labelledby="insights-charts-title">
      <h2 id="insights-charts-title">{t('insights.charts.title')}</h2>
      {s.networks.length === 0 ? <p className="muted">{t('insights.charts.empty')}</p> : (
        <div className="insights-chart-block">
          <h3>{t('insights.charts.byNetwork')}</h3>
          <EChart option={networkOption} height={240} label={t('insights.charts.byNetwork')} />
          <table className="insights-table">
            <caption className="visually-hidden">{t('insights.charts.byNetwork')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insights.table.network')}</th>
                <th scope="col">{t('insights.kpis.posts')}</th>
                <th scope="col">{t('insights.kpis.reach')}</th>
                <th scope="col">{t('insights.kpis.impressions')}</th>
                <th scope="col">{t('insights.kpis.engagements')}</th>
                <th scope="col">{t('insights.kpis.engagementRate')}</th>
                <th scope="col">{t('insights.kpis.followersGained')}</th>
              </tr>
            </thead>
            <tbody>
              {s.networks.map((n) => (
                <tr key={n.network}>
                  <th scope="row">{networkName(n.network)}</th>
                  <td>{f.number(n.posts)}</td>
                  <td>{f.number(n.reach)}</td>
                  <td>{f.number(n.impressions)}</td>
                  <td>{f.number(n.engagements)}</td>
                  <td title={t(`insights.table.denominator.${n.denominator}`)}>{f.rate(n.engagementRate)}</td>
                  <td>{f.signed(n.followersGained)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="insights-chart-block">
        <h3>{t('insights.charts.perDay')}</h3>
        <EChart option={dailyOption} height={200} label={t('insights.charts.perDay')} />
        <details>
          <summary>{t('insights.charts.showNumbers')}</summary>
          <table className="insights-table">
            <caption className="visually-hidden">{t('insights.charts.perDay')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insights.table.day')}</th>
                <th scope="col">{t('insights.kpis.posts')}</th>
                <th scope="col">{t('insights.kpis.engagements')}</th>
                <th scope="col">{t('insights.kpis.followersGained')}</th>
              </tr>
            </thead>
            <tbody>
              {s.daily.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{f.day(d.date)}</th>
                  <td>{f.number(d.posts)}</td>
                  <td>{f.number(d.engagements)}</td>
                  <td>{f.signed(d.followersGained)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </div>
    </section>
  );
}

function BestTimes({ summary: s, f, clientId }: { summary: Summary; f: InsightFormats; clientId: string }) {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((st) => st.toast);
  const theme = useThemeName() === 'dark' ? DARK_CHART_THEME : LIGHT_CHART_THEME;
  const [network, setNetwork] = useState<string>(s.filters.network ?? s.networks[0]?.network ?? 'instagram');
  const [layer, setLayer] = useState<'score' | 'audience'>('score');
  const ids = { network: useId(), layer: useId() };
  const hasAudience = s.heatmap.cells.some((c) => c.audience !== null);
  const option = useMemo(
    () => heatmapChartOption(s.heatmap.cells, WEEK.map((d) => f.weekday(d)), WEEK, { hours: HOURS, score: t(layer === 'score' ? 'insights.best.score' : 'insights.best.audience') }, theme, true, layer),
    [s, f, theme, layer, t],
  );
  async function addQueueSlots(): Promise<void> {
    try {
      const result = await host.invoke('insights.useAsSlots', { clientId, network: network as Summary['networks'][number]['network'], slots: s.bestTimes.map((b) => ({ weekday: b.weekday, hour: b.hour })) });
      toast({ tone: 'info', message: t('insights.best.slotsAdded', { count: result.added.length, kept: result.existing, network: networkName(network) }) });
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(t, error) });
    }
  }
  return (
    <section className="card" aria-labelledby="insights-best-title">
      <h2 id="insights-best-title">{t('insights.best.title')}</h2>
      <p className="muted">{t('insights.best.intro', { zone: s.timeZone, count: s.heatmap.posts })}</p>
      {hasAudience && (
        <div className="inline-form">
          <label htmlFor={ids.layer}>{t('insights.best.layer')}</label>
          <select id={ids.layer} value={layer} onChange={(e) => setLayer(e.target.value as 'score' | 'audience')}>
            <option value="score">{t('insights.best.layerScore')}</option>
            <option value="audience">{t('insights.best.layerAudience')}</option>
          </select>
        </div>
      )}
      {s.bestTimes.length === 0 ? <p className="muted">{t('insights.best.none')}</p> : (
        <>
          <EChart option={option} height={230} label={t('insights.best.title')} />
          <table className="insights-table" aria-label={t('insights.best.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('insights.best.slot')}</th>
                <th scope="col">{t('insights.best.score')}</th>
                <th scope="col">{t('insights.kpis.posts')}</th>
                <th scope="col">{t('insights.best.confidence')}</th>
              </tr>
            </thead>
            <tbody>
              {s.bestTimes.map((b) => (
                <tr key={`${b.weekday}-${b.hour}`} data-slot={`${b.weekday}-${b.time}`}>
                  <th scope="row">{t('insights.best.slotLabel', { day: f.weekday(b.weekday), time: b.time })}</th>
                  <td>{b.score === null ? t('insights.best.audienceOnly') : f.score(b.score)}</td>
                  <td>{f.number(b.posts)}</td>
                  <td>{t(`insights.best.confidenceLevel.${b.confidence}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void addQueueSlots(); }}>
            <label htmlFor={ids.network}>{t('insights.best.slotsFor')}</label>
            <select id={ids.network} value={network} onChange={(e) => setNetwork(e.target.value)}>
              {INSIGHT_NETWORKS.map((n) => <option key={n} value={n}>{networkName(n)}</option>)}
            </select>
            <button type="submit" className="button">{t('insights.best.useAsSlots')}</button>
          </form>
        </>
      )}
    </section>
  );
}

function TopPosts({ summary: s, f }: { summary: Summary; f: InsightFormats }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="insights-top-title">
      <h2 id="insights-top-title">{t('insights.top.title')}</h2>
      {s.topPosts.length === 0 ? <p className="muted">{t('insights.top.empty')}</p> : (
        <ol className="insights-top">
          {s.topPosts.map((p) => (
            <li key={p.insightId}>
              {p.thumbnail ? <img src={p.thumbnail} alt="" width={56} height={56} /> : <span className="insights-thumb" aria-hidden="true">{networkName(p.network).slice(0, 1)}</span>}
              <div>
                <strong translate="no">{p.title}</strong>
                <span className="muted"> · {networkName(p.network)}{p.localTime ? ` · ${p.precision === 'day' ? f.day(p.localTime.slice(0, 10)) : f.dateTime(p.localTime)}` : ''}</span>
                <div>{t('insights.top.figures', { views: f.number(p.views), engagements: f.number(p.engagements), rate: f.rate(p.engagementRate) })}</div>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ReportCard({ clients, clientId, month, f, busy, onDownload }: { clients: Client[]; clientId: string; month: string; f: InsightFormats; busy: boolean; onDownload(language: 'en' | 'fr', brand: string): void }) {
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
          <option value="">{t('insights.report.clientBrand')}</option>
          {clients.filter((c) => c.id !== clientId).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? t('insights.report.working') : t('insights.report.download')}</button>
      </form>
    </section>
  );
}
