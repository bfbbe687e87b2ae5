// Best times to post: the week's heatmap, its table, and the best slots added as queue slots.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Summary } from '../../../src-main/contract/api/insights';
import { DARK_CHART_THEME, heatmapChartOption, LIGHT_CHART_THEME } from '../../../src-main/core/insights/charts';
import { INSIGHT_NETWORKS } from '../../../src-main/core/insights/sources';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { ColumnHeads } from './ColumnHeads';
import { EChart, useThemeName } from './EChart';
import type { InsightFormats } from './format';
import { networkName } from './network-name';

/** ISO weekdays, Monday first, and the day's hours: the best-times grid's axes. */
const WEEK = [1, 2, 3, 4, 5, 6, 7];
const HOURS = Array.from({ length: 24 }, (_, h) => `${h}`);

export function BestTimes({ summary: s, f, clientId }: { summary: Summary; f: InsightFormats; clientId: string }) {
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
            <ColumnHeads labels={[t('insights.best.slot'), t('insights.best.score'), t('insights.kpis.posts'), t('insights.best.confidence')]} />
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
