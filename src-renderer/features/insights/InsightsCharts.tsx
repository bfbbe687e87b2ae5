// The charts by network and per day, each with its numbers in a table beside it.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Summary } from '../../../src-main/contract/api/insights';
import { DARK_CHART_THEME, LIGHT_CHART_THEME, networkChartOption, trendChartOption } from '../../../src-main/core/insights/charts';
import { ColumnHeads } from './ColumnHeads';
import { EChart, useThemeName } from './EChart';
import type { InsightFormats } from './format';
import { networkName } from './network-name';

export function InsightsCharts({ summary: s, f }: { summary: Summary; f: InsightFormats }) {
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
            <ColumnHeads labels={[t('insights.table.network'), t('insights.kpis.posts'), t('insights.kpis.reach'), t('insights.kpis.impressions'), t('insights.kpis.engagements'), t('insights.kpis.engagementRate'), t('insights.kpis.followersGained')]} />
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
            <ColumnHeads labels={[t('insights.table.day'), t('insights.kpis.posts'), t('insights.kpis.engagements'), t('insights.kpis.followersGained')]} />
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
