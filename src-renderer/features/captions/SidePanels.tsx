// The caption writer's side panels: snippets and hashtag sets (insert with /, create, edit,
// delete; kind and scope are fixed once created), and the UTM link-tagging builder.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snippet } from '../../../src-main/contract/api/captions';
import { listLinks, type UtmParams } from '../../../src-main/core/captions';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';

/** Shown literally in help texts (i18next would otherwise fill them). */
const VARIABLE_NAMES = { client: '{{client}}', date: '{{date}}', link: '{{link}}' };

export function SnippetPanel(props: { clientId: string | null; snippets: readonly Snippet[]; onInsert(s: Snippet): void; onChanged(): void }) {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const [name, setName] = useState('');
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<Snippet['kind']>('snippet');
  const [scope, setScope] = useState<'client' | 'global'>('client');
  /** The snippet being rewritten in the form, or null when the form creates a new one. */
  const [editing, setEditing] = useState<Snippet | null>(null);
  const ids = { name: useId(), body: useId(), kind: useId(), scope: useId() };

  function startEditing(snippet: Snippet) {
    setEditing(snippet);
    setName(snippet.name);
    setBody(snippet.body);
    setKind(snippet.kind);
    setScope(snippet.clientId ? 'client' : 'global');
  }

  function stopEditing() {
    setEditing(null);
    setName('');
    setBody('');
  }

  async function remove(snippet: Snippet) {
    try {
      await host.invoke('snippets.delete', { id: snippet.id });
      if (editing?.id === snippet.id) stopEditing();
      toast({ message: t('captions.snippets.deleted', { name: snippet.name }), tone: 'info' });
      props.onChanged();
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      if (editing) {
        const saved = await host.invoke('snippets.update', { id: editing.id, name, body });
        toast({ message: t('captions.snippets.updated', { name: saved.name }), tone: 'info' });
      } else {
        await host.invoke('snippets.create', { name, body, kind, clientId: scope === 'client' && props.clientId ? props.clientId : null });
      }
      stopEditing();
      props.onChanged();
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }

  return (
    <section className="card side-panel" aria-labelledby={`${ids.name}-title`}>
      <h2 id={`${ids.name}-title`}>{t('captions.snippets.title')}</h2>
      <p className="muted">{t('captions.snippets.hint', VARIABLE_NAMES)}</p>
      {props.snippets.length === 0 ? (
        <p className="muted">{t('captions.snippets.empty')}</p>
      ) : (
        <ul className="snippet-list">
          {props.snippets.map((s) => (
            <li key={s.id}>
              <button type="button" className="button snippet-insert" onClick={() => props.onInsert(s)} aria-label={t('captions.snippets.insert', { name: s.name })}>
                {s.kind === 'hashtag_set' ? '#' : '¶'} {s.name}
              </button>
              <span className="muted">{s.clientId ? t('captions.snippets.clientScope') : t('captions.snippets.globalScope')}</span>
              <button type="button" className="icon-button" aria-label={t('captions.snippets.edit', { name: s.name })} aria-pressed={editing?.id === s.id} onClick={() => startEditing(s)}>
                ✎
              </button>
              <button type="button" className="icon-button" aria-label={t('captions.snippets.delete', { name: s.name })} onClick={() => void remove(s)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="snippet-form" onSubmit={save} aria-label={editing ? t('captions.snippets.editing', { name: editing.name }) : t('captions.snippets.new')}>
        {editing && <p className="muted">{t('captions.snippets.editing', { name: editing.name })}</p>}
        <label htmlFor={ids.name}>{t('captions.snippets.name')}</label>
        <input id={ids.name} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={ids.body}>{t('captions.snippets.body')}</label>
        <textarea id={ids.body} value={body} rows={3} onChange={(e) => setBody(e.target.value)} placeholder={t('captions.snippets.bodyPlaceholder', VARIABLE_NAMES)} />
        <label htmlFor={ids.kind}>{t('captions.snippets.kind')}</label>
        <select id={ids.kind} value={kind} disabled={editing !== null} onChange={(e) => setKind(e.target.value as Snippet['kind'])}>
          <option value="snippet">{t('captions.snippets.kindSnippet')}</option>
          <option value="hashtag_set">{t('captions.snippets.kindHashtags')}</option>
        </select>
        <label htmlFor={ids.scope}>{t('captions.snippets.scope')}</label>
        <select id={ids.scope} value={props.clientId ? scope : 'global'} disabled={!props.clientId || editing !== null} onChange={(e) => setScope(e.target.value as 'client' | 'global')}>
          <option value="client">{t('captions.snippets.clientScope')}</option>
          <option value="global">{t('captions.snippets.globalScope')}</option>
        </select>
        <button type="submit" className="button button-primary" disabled={!name.trim() || !body.trim()}>
          {editing ? t('captions.snippets.update') : t('captions.snippets.save')}
        </button>
        {editing && (
          <button type="button" className="button" onClick={stopEditing}>
            {t('captions.snippets.cancelEdit')}
          </button>
        )}
      </form>
    </section>
  );
}

export function UtmPanel(props: { master: string; onApply(params: UtmParams): void }) {
  const { t } = useTranslation();
  const [params, setParams] = useState<UtmParams>({ medium: 'social', campaign: '', content: '', term: '' });
  const ids = { medium: useId(), campaign: useId(), content: useId(), term: useId(), title: useId() };
  const links = useMemo(() => listLinks(props.master, params), [props.master, params]);
  const field = (key: keyof UtmParams, id: string) => (
    <>
      <label htmlFor={id}>{t(`captions.utm.${key}`)}</label>
      <input id={id} value={params[key] ?? ''} onChange={(e) => setParams((p) => ({ ...p, [key]: e.target.value }))} />
    </>
  );
  return (
    <section className="card side-panel" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('captions.utm.title')}</h2>
      <p className="muted">{t('captions.utm.hint')}</p>
      <div className="snippet-form">
        {field('campaign', ids.campaign)}
        {field('medium', ids.medium)}
        {field('content', ids.content)}
        {field('term', ids.term)}
      </div>
      {links.length === 0 ? (
        <p className="muted">{t('captions.utm.noLinks')}</p>
      ) : (
        <ul className="utm-links" aria-label={t('captions.utm.links')}>
          {links.map((l, i) => (
            <li key={i}>
              <code>{l.original}</code>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button-primary" disabled={links.length === 0} onClick={() => props.onApply(params)}>
        {t('captions.utm.apply')}
      </button>
    </section>
  );
}
