import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, Post } from '../../../src-main/contract';
import type { DecisionsReport, PackExportReport, PackImportReport } from '../../../src-main/contract/api/packs';
import { POST_STATUSES, type PostStatus } from '../../../src-main/core/domain/posts';
import { slugify } from '../../../src-main/core/packs/naming';
import { useRefreshFailed } from '../../app/failure-toast';
import { errorMessage } from '../../app/errors';
import { translateMessage } from '../../app/messages';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { DateField } from '../../ui/DateFields';
import { ProgressWithCancel } from '../../ui/Progress';
import { downloadUrl, newJobId, pickPath, uploadPack } from './transfer';
import './packs.css';

type Target = 'auto' | 'client' | 'new';

interface Progress {
  jobId: string;
  phase: 'render' | 'write' | 'done';
  done: number;
  total: number;
}

/** The posts an export takes, as the service chooses them: the client's local days, then statuses. */
export function matchingPosts(posts: readonly Post[], filter: { from: string; to: string; statuses: readonly PostStatus[] }): Post[] {
  const dated = Boolean(filter.from || filter.to);
  return posts
    .filter((p) => {
      if (p.deletedAt) return false;
      const day = p.localTime?.slice(0, 10) ?? null;
      if (day === null) return !dated;
      return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to);
    })
    .filter((p) => filter.statuses.length === 0 || filter.statuses.includes(p.status))
    .sort((a, b) => (a.scheduledAt ?? '\uffff').localeCompare(b.scheduledAt ?? '\uffff') || a.title.localeCompare(b.title));
}

/** A button that opens the native dialog on the desktop, or a file input in the browser. */
function FileButton(props: { label: string; accept: string; primary?: boolean; disabled: boolean; native: (() => void) | null; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={props.primary ? 'button button-primary' : 'button'} disabled={props.disabled} onClick={() => (props.native ? props.native() : input.current?.click())}>
        {props.label}
      </button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        aria-label={props.label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}

export function PacksScreen({ clients }: { clients: Client[] }) {
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
  const [target, setTarget] = useState<Target>('auto');
  const [targetClient, setTargetClient] = useState(appClientId ?? clients[0]?.id ?? '');
  const [imported, setImported] = useState<PackImportReport | null>(null);
  const [decided, setDecided] = useState<DecisionsReport | null>(null);
  const [busy, setBusy] = useState<'import' | 'decisions' | null>(null);
  const ids = { client: useId(), from: useId(), to: useId(), lang: useId(), targetClient: useId() };
  const desktop = host.kind === 'electron';

  useEffect(() => {
    if (!clientId && clients[0]) setClientId(clients[0].id);
    if (!targetClient && clients[0]) setTargetClient(clients[0].id);
  }, [clients, clientId, targetClient]);

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

  const importTarget = () => (target === 'client' ? { clientId: targetClient } : target === 'new' ? { asNewClient: true } : {});

  async function importPack(file?: File): Promise<void> {
    setBusy('import');
    setImported(null);
    try {
      let report: PackImportReport;
      if (file) report = await uploadPack(file, importTarget());
      else {
        const picked = await pickPath(host, 'zip', t('packs.import.pickTitle'));
        if (!picked) return;
        report = await host.invoke('packs.import', { file: picked, ...importTarget() });
      }
      setImported(report);
      toast({ tone: 'info', message: t('packs.import.done', { count: report.posts, client: report.clientName }) });
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(t, error) });
    } finally {
      setBusy(null);
    }
  }

  async function applyDecisions(file?: File): Promise<void> {
    setBusy('decisions');
    setDecided(null);
    try {
      let report: DecisionsReport;
      if (file) report = await host.invoke('packs.applyDecisions', { text: await file.text() });
      else {
        const picked = await pickPath(host, 'json', t('packs.decisions.pickTitle'));
        if (!picked) return;
        report = await host.invoke('packs.applyDecisions', { file: picked });
      }
      setDecided(report);
      toast({ tone: 'info', message: t('packs.decisions.done', { count: report.applied.length }) });
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(t, error) });
    } finally {
      setBusy(null);
    }
  }

  const importSections = (
      <>
        <section className="packs-card" aria-labelledby="packs-import-title">
          <h2 id="packs-import-title">{t('packs.import.title')}</h2>
          <p className="muted">{t('packs.import.intro')}</p>
          <fieldset className="packs-fieldset">
            <legend>{t('packs.import.target')}</legend>
            <label>
              <input type="radio" name="packs-target" checked={target === 'auto'} onChange={() => setTarget('auto')} /> {t('packs.import.targetAuto')}
            </label>
            {clients.length > 0 && (
              <label>
                <input type="radio" name="packs-target" checked={target === 'client'} onChange={() => setTarget('client')} /> {t('packs.import.targetClient')}
              </label>
            )}
            <label>
              <input type="radio" name="packs-target" checked={target === 'new'} onChange={() => setTarget('new')} /> {t('packs.import.targetNew')}
            </label>
            {target === 'client' && (
              <div className="packs-field">
                <label htmlFor={ids.targetClient}>{t('packs.import.client')}</label>
                <select id={ids.targetClient} value={targetClient} onChange={(e) => setTargetClient(e.target.value)}>
                  {clients.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </fieldset>
          <div className="packs-actions">
            <FileButton label={busy === 'import' ? t('packs.import.running') : t('packs.import.button')} accept=".zip,application/zip" primary disabled={busy !== null} native={desktop ? () => void importPack() : null} onFile={(f) => void importPack(f)} />
          </div>
          {imported && (
            <div role="status" className="packs-report">
              <p>{t('packs.import.report', { count: imported.posts, client: imported.clientName, designs: imported.designs, added: imported.assetsAdded, present: imported.assetsAlreadyPresent })}</p>
              {imported.skippedPosts.length > 0 && <p className="muted">{t('packs.import.skipped', { count: imported.skippedPosts.length })}</p>}
              {imported.warnings.map((w, i) => (
                <p key={i} className="muted">
                  {translateMessage(t, i18n.language, w)}
                </p>
              ))}
            </div>
          )}
        </section>
        <section className="packs-card" aria-labelledby="packs-decisions-title">
          <h2 id="packs-decisions-title">{t('packs.decisions.title')}</h2>
          <p className="muted">{t('packs.decisions.intro')}</p>
          <div className="packs-actions">
            <FileButton label={t('packs.decisions.button')} accept=".json,application/json" disabled={busy !== null} native={desktop ? () => void applyDecisions() : null} onFile={(f) => void applyDecisions(f)} />
          </div>
          {decided && (
            <div role="status" className="packs-report">
              <ul>
                {decided.applied.map((a) => (
                  <li key={a.postId}>
                    {a.from === a.to
                      ? t('packs.decisions.unchanged', { title: a.title, status: t(`packs.status.${a.to}`) })
                      : t('packs.decisions.applied', { title: a.title, from: t(`packs.status.${a.from}`), to: t(`packs.status.${a.to}`) })}
                    {a.comment && <q>{a.comment}</q>}
                  </li>
                ))}
                {decided.skipped.map((s) => (
                  <li key={s.postId} className="muted">
                    {t('packs.decisions.skipped', { title: s.title || t('packs.decisions.unknownPost'), reason: translateMessage(t, i18n.language, s.reason) })}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      </>
    );

  if (clients.length === 0) {
    return (
      <section className="screen" aria-labelledby="packs-title">
        <header className="screen-header">
          <h1 id="packs-title">{t('packs.title')}</h1>
        </header>
        <div className="empty-state">
          <p>{t('packs.noClients')}</p>
        </div>
        {importSections}
      </section>
    );
  }

  return (
    <section className="screen packs" aria-labelledby="packs-title">
      <header className="screen-header">
        <div>
          <h1 id="packs-title">{t('packs.title')}</h1>
          <p className="muted">{t('packs.intro')}</p>
        </div>
      </header>
      <section className="packs-card" aria-labelledby="packs-export-title">
        <h2 id="packs-export-title">{t('packs.export.title')}</h2>
        <div className="packs-row">
          <div className="packs-field">
            <label htmlFor={ids.client}>{t('packs.export.client')}</label>
            <select id={ids.client} value={clientId} onChange={(e) => { setClientId(e.target.value); setExcluded(new Set()); }}>
              {clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
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
              <option value="en" lang="en">
                English
              </option>
              <option value="fr" lang="fr">
                Français
              </option>
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
            {exported.warnings.map((w, i) => (
              <p key={i} className="muted">
                {translateMessage(t, i18n.language, w)}
              </p>
            ))}
          </div>
        )}
      </section>
      {importSections}
    </section>
  );
}
