// A client's posts exported as a content pack: which days, statuses and posts, in which language,
// with progress and Cancel while it renders, then where it went (or its download in the browser).
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, Post } from '../../../src-main/contract';
import type { PackExportReport } from '../../../src-main/contract/api/packs';
import { POST_STATUSES, type PostStatus } from '../../../src-main/core/domain/posts';
import { slugify } from '../../../src-main/core/packs/naming';
import { errorMessage } from '../../app/errors';
import { useRefreshFailed } from '../../app/failure-toast';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { ClientOptions } from '../../ui/ClientOptions';
import { DateField } from '../../ui/DateFields';
import { LanguageOptions } from '../../ui/LanguageOptions';
import { ProgressWithCancel } from '../../ui/Progress';
import { matchingPosts } from './matching-posts';
import { TranslatedNotes } from './TranslatedNotes';
import { downloadUrl, newJobId } from './transfer';

interface Progress {
  jobId: string;
  phase: 'render' | 'write' | 'done';
  done: number;
  total: number;
}

export function PackExportCard({ clients }: { clients: Client[] }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const refreshFailed = useRefreshFailed();
  const appClientId = useApp((s) => s.clientId);
  const [clientId, setClientId] = useState(appClientId ?? clients[0]?.id ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [statuses, setStatuses] = useState<PostStatus[]>([]);
  const [language, setLanguage] = useState<'en' | 'fr'>(i18n.language.startsWith('fr') ? 'fr' : 'en');
  const [posts, setPosts] = useState<Post[]>([]);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<Progress | null>(null);
  const [exported, setExported] = useState<PackExportReport | null>(null);
  const ids = { client: useId(), from: useId(), to: useId(), lang: useId() };
  const desktop = host.kind === 'electron';

  useEffect(() => {
    if (!clientId && clients[0]) setClientId(clients[0].id);
  }, [clients, clientId]);

  useEffect(() => {
    if (!clientId) return setPosts([]);
    let live = true;
    const load = () =>
      void host
        .invoke('posts.list', { clientId, includeUnscheduled: true })
        .then((list) => live && setPosts(list))
        .catch(refreshFailed);
    load();
    const off = host.on('posts.changed', (p) => {
      if (p.clientIds.includes(clientId)) load();
    });
    return () => {
      live = false;
      off();
    };
  }, [host, clientId, refreshFailed]);

  useEffect(() => host.on('packs.progress', (p) => setProgress((current) => (current && current.jobId === p.jobId ? p : current))), [host]);

  const matching = useMemo(() => matchingPosts(posts, { from, to, statuses }), [posts, from, to, statuses]);
  const chosen = matching.filter((p) => !excluded.has(p.id));
  const running = progress !== null && progress.phase !== 'done';
  const client = clients.find((c) => c.id === clientId);

  function toggleStatus(status: PostStatus): void {
    setStatuses((list) => (list.includes(status) ? list.filter((s) => s !== status) : [...list, status]));
  }

  async function runExport(): Promise<void> {
    if (!client || chosen.length === 0) return;
    let out: string | undefined;
    if (desktop) {
      const name = `${slugify(client.name)}-${from || 'start'}_${to || 'end'}.zip`;
      const saved = await host.invoke('dialogs.saveFile', { title: t('packs.export.saveTitle'), defaultName: name, filters: [{ name: 'Atelier pack', extensions: ['zip'] }] });
      if (saved.canceled || !saved.path) return;
      out = saved.path;
    }
    const jobId = newJobId();
    setExported(null);
    setProgress({ jobId, phase: 'render', done: 0, total: 0 });
    try {
      const report = await host.invoke('packs.export', {
        clientId: client.id,
        from: from || undefined,
        to: to || undefined,
        postIds: chosen.map((p) => p.id),
        out,
        jobId,
        language,
      });
      setExported(report);
      toast({ tone: 'info', message: t('packs.export.done', { count: report.posts }) });
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(t, error) });
    } finally {
      setProgress(null);
    }
  }

  async function cancel(): Promise<void> {
    if (!progress) return;
    try {
      await host.invoke('packs.cancel', { jobId: progress.jobId });
    } catch (error) {
      toast({ tone: 'error', message: t('packs.export.cancelFailed', { reason: errorMessage(t, error) }) });
    }
  }

  return (
    <section className="packs-card" aria-labelledby="packs-export-title">
      <h2 id="packs-export-title">{t('packs.export.title')}</h2>
      <div className="packs-row">
        <div className="packs-field">
          <label htmlFor={ids.client}>{t('packs.export.client')}</label>
          <select id={ids.client} value={clientId} onChange={(e) => { setClientId(e.target.value); setExcluded(new Set()); }}>
            <ClientOptions clients={clients} />
          </select>
        </div>
        <div className="packs-field">
          <label htmlFor={ids.from}>{t('packs.export.from')}</label>
          <DateField id={ids.from} value={from} onChange={setFrom} />
        </div>
        <div className="packs-field">
          <label htmlFor={ids.to}>{t('packs.export.to')}</label>
          <DateField id={ids.to} value={to} min={from || undefined} onChange={setTo} />
        </div>
        <div className="packs-field">
          <label htmlFor={ids.lang}>{t('packs.export.language')}</label>
          <select id={ids.lang} value={language} onChange={(e) => setLanguage(e.target.value as 'en' | 'fr')}>
            <LanguageOptions />
          </select>
        </div>
      </div>
      <fieldset className="packs-fieldset packs-statuses">
        <legend>{t('packs.export.statuses')}</legend>
        {POST_STATUSES.map((s) => (
          <label key={s}>
            <input type="checkbox" checked={statuses.includes(s)} onChange={() => toggleStatus(s)} /> {t(`packs.status.${s}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="packs-fieldset">
        <legend>{t('packs.export.posts', { count: chosen.length, total: matching.length })}</legend>
        {matching.length === 0 ? (
          <p className="muted">{t('packs.export.none')}</p>
        ) : (
          <ul className="packs-posts">
            {matching.map((p) => (
              <li key={p.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={!excluded.has(p.id)}
                    onChange={() =>
                      setExcluded((set) => {
                        const next = new Set(set);
                        if (next.has(p.id)) next.delete(p.id);
                        else next.add(p.id);
                        return next;
                      })
                    }
                  />{' '}
                  <span>{p.title}</span> <span className="muted">{p.localTime ? p.localTime.replace('T', ' ') : t('packs.export.unscheduled')} · {t(`packs.status.${p.status}`)}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="packs-actions">
        {running ? (
          <ProgressWithCancel
            label={progress.phase === 'render' ? t('packs.export.rendering', { done: progress.done, total: progress.total }) : t('packs.export.writing', { done: progress.done, total: progress.total })}
            value={progress.total > 0 ? progress.done / progress.total : null}
            onCancel={() => void cancel()}
            cancelLabel={t('packs.export.cancel')}
          />
        ) : (
          <button type="button" className="button button-primary" disabled={chosen.length === 0} onClick={() => void runExport()}>
            {t('packs.export.button', { count: chosen.length })}
          </button>
        )}
      </div>
      {exported && (
        <div role="status" className="packs-report">
          <p>{t('packs.export.report', { posts: exported.posts, images: exported.images, size: (exported.bytes / 1024 / 1024).toFixed(1) })}</p>
          {exported.download ? (
            <a className="button button-primary" href={downloadUrl(exported.download)} download={exported.download}>
              {t('packs.export.download', { name: exported.download })}
            </a>
          ) : (
            <p className="muted">{t('packs.export.savedTo', { file: exported.file })}</p>
          )}
          <TranslatedNotes messages={exported.warnings} />
        </div>
      )}
    </section>
  );
}
