// What each dropped export brought in: posts added or updated, how they were matched, what was renamed.
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../../src-main/contract/api/insights';
import { networkName } from './network-name';

export function ImportResults({ reports }: { reports: FileReport[] }) {
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
