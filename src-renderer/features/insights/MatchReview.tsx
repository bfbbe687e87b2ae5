// How imported posts were matched to Atelier's: by the link recorded at "Mark published", by time
// and caption, or made "from the export". The user confirms a guess, or picks another post.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../src-main/contract';
import type { InsightRow } from '../../../src-main/contract/api/insights';
import { NETWORK_NAMES } from '../../../src-main/core/insights/report-strings';
import type { InsightNetwork } from '../../../src-main/core/insights/sources';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import type { InsightFormats } from './format';

export function MatchReview({ clientId, month, network, f, reloads }: { clientId: string; month: string; network: string; f: InsightFormats; reloads: number }) {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const [rows, setRows] = useState<InsightRow[]>([]);
  const [onlyReview, setOnlyReview] = useState(true);
  const [editing, setEditing] = useState<string | null>(null);
  const checkId = useId();
  const fail = useCallback((error: unknown) => toast({ tone: 'error', message: errorMessage(t, error) }), [toast, t]);

  const load = useCallback(() => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    host.invoke('insights.rows', { clientId, month, network: (network || undefined) as InsightNetwork | undefined }).then(setRows, fail);
  }, [host, clientId, month, network, fail]);
  useEffect(() => load(), [load, reloads]);

  const shown = onlyReview ? rows.filter((r) => r.match === 'auto' || r.match === 'created') : rows;
  async function setMatch(row: InsightRow, postId: string | null): Promise<void> {
    try {
      await host.invoke('insights.setMatch', { id: row.id, postId });
      setEditing(null);
      load();
    } catch (error) {
      fail(error);
    }
  }

  return (
    <section className="card" aria-labelledby="insights-matches-title">
      <h2 id="insights-matches-title">{t('insights.matches.title')}</h2>
      <p className="muted">{t('insights.matches.intro')}</p>
      <div className="checkbox-row">
        <input id={checkId} type="checkbox" checked={onlyReview} onChange={(e) => setOnlyReview(e.target.checked)} />
        <label htmlFor={checkId}>{t('insights.matches.onlyReview')}</label>
      </div>
      {shown.length === 0 ? <p className="muted">{rows.length === 0 ? t('insights.matches.empty') : t('insights.matches.allConfirmed')}</p> : (
        <table className="insights-table insights-matches">
          <thead>
            <tr>
              <th scope="col">{t('insights.matches.exported')}</th>
              <th scope="col">{t('insights.matches.post')}</th>
              <th scope="col">{t('insights.matches.how')}</th>
              <th scope="col"><span className="visually-hidden">{t('insights.matches.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} data-match={row.match}>
                <td>
                  <span className="muted">{NETWORK_NAMES[row.network] ?? row.network}{row.localTime ? ` · ${row.precision === 'day' ? f.day(row.localTime.slice(0, 10)) : f.dateTime(row.localTime)}` : ''}</span>
                  <div className="insights-caption" translate="no">{row.caption || row.externalId}</div>
                </td>
                <td translate="no">{row.post ? row.post.title : '—'}</td>
                <td>{t(`insights.matches.kind.${row.match}`)}</td>
                <td>
                  <div className="insights-actions">
                  {editing === row.id ? (
                    <Candidates row={row} f={f} onPick={(postId) => void setMatch(row, postId)} onCancel={() => setEditing(null)} />
                  ) : (
                    <>
                      {row.match === 'auto' && row.post && <button type="button" className="button" onClick={() => void setMatch(row, row.post!.id)}>{t('insights.matches.confirm')}</button>}
                      <button type="button" className="button" onClick={() => setEditing(row.id)}>{t('insights.matches.change')}</button>
                    </>
                  )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Candidates({ row, f, onPick, onCancel }: { row: InsightRow; f: InsightFormats; onPick(postId: string | null): void; onCancel(): void }) {
  const { t } = useTranslation();
  const host = useHost();
  const [list, setList] = useState<Out<'insights.candidates'> | null>(null);
  const [choice, setChoice] = useState('');
  const id = useId();
  useEffect(() => {
    host.invoke('insights.candidates', { id: row.id }).then(setList, () => setList([]));
  }, [host, row.id]);
  const others = (list ?? []).filter((c) => c.id !== row.post?.id);
  return (
    <form className="inline-form insights-candidates" onSubmit={(e) => { e.preventDefault(); onPick(choice === 'none' ? null : choice); }}>
      <label className="visually-hidden" htmlFor={id}>{t('insights.matches.pick')}</label>
      <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">{list === null ? t('insights.matches.loading') : t('insights.matches.pick')}</option>
        {others.map((c) => <option key={c.id} value={c.id}>{c.title}{c.localTime ? ` — ${f.dateTime(c.localTime)}` : ''}</option>)}
        {row.match !== 'created' && <option value="none">{t('insights.matches.own')}</option>}
      </select>
      <button type="submit" className="button" disabled={!choice}>{t('insights.matches.apply')}</button>
      <button type="button" className="button button-ghost" onClick={onCancel}>{t('insights.matches.cancel')}</button>
    </form>
  );
}
