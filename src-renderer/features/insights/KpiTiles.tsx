// The month's KPI tiles, each with its change against the month before.
import { useTranslation } from 'react-i18next';
import type { Summary } from '../../../src-main/contract/api/insights';
import type { InsightFormats } from './format';
import { networkName } from './network-name';

export function KpiTiles({ summary: s, f }: { summary: Summary; f: InsightFormats }) {
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
