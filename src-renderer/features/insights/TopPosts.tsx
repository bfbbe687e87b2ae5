// The month's best posts by engagement.
import { useTranslation } from 'react-i18next';
import type { Summary } from '../../../src-main/contract/api/insights';
import type { InsightFormats } from './format';
import { networkName } from './network-name';

export function TopPosts({ summary: s, f }: { summary: Summary; f: InsightFormats }) {
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
