// The post composer: one place to plan a post end to end — client, title, networks, date and time in
// the client's zone, status, labels and campaign, a picture per network (a design, a new design, or
// library photos), the caption writer (master, variants, counters, snippets, spelling, first
// comments), a live preview per network and the checks to pass before scheduling. It edits a local
// draft and writes it in one Save: posts.create or posts.update, whose time and status changes go
// through the calendar's commands (undoable, in the history). Opened over any screen through
// `useApp().openComposer(request)`.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../../src-main/contract';
import { expandSnippet, extractEntities, NETWORK_RULES } from '../../../src-main/core/captions';
import { findPreset } from '../../../src-main/core/design';
import { NETWORKS, type NetworkId, type PostStatus } from '../../../src-main/core/domain/posts';
import { checkPost } from '../../../src-main/core/posts/checks';
import { DEFAULT_PRESET, networkForPlatform } from '../../../src-main/core/posts/media-rules';
import type { MockupInput } from '../../../src-main/core/posts/mockup';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp, type ComposerRequest } from '../../app/store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { NetworkIcon } from '../../ui/NetworkIcon';
import { useModal } from '../../ui/use-modal';
import { CaptionEditor, Chips, Counter, Problems } from '../../ui/caption-text/CaptionText';
import { useSpelling } from '../../ui/caption-text/use-spelling';
import {
  createInput,
  draftFromPost,
  duplicateDraft,
  newDraft,
  statusChoices,
  storeDraft,
  storedDraft,
  textFor,
  toggleNetwork,
  updateInput,
  wallClock,
  type NetworkDraft,
  type PostDraft,
} from './draft';
import { MediaPicker } from './MediaPicker';
import { ChecksSummary, PreviewPane, type CheckGroup } from './PreviewPane';
import { clearDesignTrip, startDesignTrip } from './design-trip';
import { useComposerData } from './use-composer-data';
import { WhenFields } from './WhenFields';
import './composer.css';

const requestKeys = new WeakMap<ComposerRequest, number>();
let nextKey = 1;
const keyOf = (request: ComposerRequest) => {
  if (!requestKeys.has(request)) requestKeys.set(request, nextKey++);
  return requestKeys.get(request)!;
};

export function Composer() {
  const request = useApp((s) => s.composer);
  if (!request) return null;
  return <ComposerDialog key={keyOf(request)} request={request} />;
}

/** The draft a request starts from (an existing post, a new one, a copy, or the one kept during a design trip). */
async function startingDraft(request: ComposerRequest, host: ReturnType<typeof useHost>, context: { clientId: string | null; copyTitle(title: string): string }): Promise<PostDraft> {
  if (request.kind === 'edit') return draftFromPost(await host.invoke('posts.get', { id: request.postId }));
  if (request.kind === 'resume') {
    const kept = storedDraft();
    if (kept) return kept;
    return newDraft({ clientId: context.clientId });
  }
  if (request.duplicateOf) {
    const source = draftFromPost(await host.invoke('posts.get', { id: request.duplicateOf }));
    return duplicateDraft(source, context.copyTitle(source.title));
  }
  if (request.designId) {
    // "Schedule this design": the design's client, the network its size was made for, its name as the title.
    const design = await host.invoke('designs.get', { id: request.designId });
    const network = networkForPlatform(findPreset(design.preset)?.platform);
    return newDraft({
      clientId: design.clientId ?? request.clientId ?? context.clientId,
      title: design.name,
      date: request.date,
      time: request.time,
      networks: network ? [network] : [],
      designId: design.id,
    });
  }
  return newDraft({ clientId: request.clientId ?? context.clientId, date: request.date, time: request.time });
}

function ComposerDialog({ request }: { request: ComposerRequest }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const close = useApp((s) => s.closeComposer);
  const toast = useApp((s) => s.toast);
  const openItem = useApp((s) => s.openItem);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<PostDraft | null>(null);
  const [initial, setInitial] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  // The preview follows the network being edited.
  const [previewed, setPreviewed] = useState<NetworkId | null>(null);
  const ids = { title: useId(), heading: useId(), client: useId(), status: useId(), labels: useId(), campaign: useId(), master: useId(), checks: useId(), networks: useId() };
  useModal(dialogRef);

  const copyTitle = useCallback((title: string) => t('composer.copyTitle', { title }), [t]);
  useEffect(() => {
    let live = true;
    const appClient = useApp.getState().clientId;
    startingDraft(request, host, { clientId: appClient, copyTitle })
      .then((d) => {
        if (!live) return;
        setDraft(d);
        // A resumed draft was changed before the trip: it counts as unsaved.
        setInitial(request.kind === 'resume' ? '' : JSON.stringify(d));
      })
      .catch((e: unknown) => live && setError(errorMessage(t, e)));
    return () => {
      live = false;
    };
  }, [request, host, copyTitle, t]);

  const data = useComposerData(host, draft?.clientId ?? null);
  // When only one client exists, a new post is for that client.
  useEffect(() => {
    if (draft && !draft.clientId && data.clients.length === 1) setDraft({ ...draft, clientId: data.clients[0]!.id });
  }, [draft, data.clients]);

  const update = useCallback((patch: Partial<PostDraft> | ((d: PostDraft) => PostDraft)) => {
    setError(null);
    setDraft((d) => (d ? (typeof patch === 'function' ? patch(d) : { ...d, ...patch }) : d));
  }, []);
  const updateNetwork = useCallback(
    (network: NetworkId, patch: Partial<NetworkDraft>) => update((d) => ({ ...d, networks: d.networks.map((n) => (n.network === network ? { ...n, ...patch } : n)) })),
    [update],
  );

  const dirty = draft !== null && JSON.stringify(draft) !== initial;
  const client = data.clients.find((c) => c.id === draft?.clientId) ?? null;
  const zone = data.client?.timeZone ?? client?.timeZone ?? null;
  const mastodonLimit = data.prefs?.mastodonLimit;
  const designsById = useMemo(() => new Map(data.designs.map((d) => [d.id, d])), [data.designs]);

  const summary = useMemo(() => {
    if (!draft) return null;
    return checkPost(
      draft.networks.map((n) => {
        const design = n.designId ? designsById.get(n.designId) : undefined;
        return {
          network: n.network,
          text: textFor(draft, n),
          media: design ? { width: design.width, height: design.height, count: n.pageIndex === null ? design.pages : 1 } : null,
          ...(n.network === 'mastodon' && mastodonLimit ? { limit: mastodonLimit } : {}),
        };
      }),
      { scheduling: draft.status === 'scheduled', hasTime: draft.date !== '' },
    );
  }, [draft, designsById, mastodonLimit]);
  const checkGroups: CheckGroup[] = useMemo(() => (summary ? [{ network: null, checks: summary.general }, ...summary.networks.map((n) => ({ network: n.network, checks: n.checks }))] : []), [summary]);
  const blocking = draft?.status === 'scheduled' && checkGroups.some((g) => g.checks.some((c) => c.severity === 'error'));

  const spellTexts = useMemo(() => (draft ? [draft.master, ...draft.networks.filter((n) => !n.followsMaster).map((n) => n.caption)] : []), [draft]);
  const misspelled = useSpelling(host, data.prefs?.spellLanguage ?? 'none', spellTexts);

  const when = useMemo(() => {
    if (!draft?.date) return t('composer.preview.unscheduled');
    const format = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
    return format.format(new Date(`${draft.date}T${draft.time || '09:00'}:00Z`));
  }, [draft?.date, draft?.time, i18n.language, t]);
  const mockups: MockupInput[] = useMemo(() => {
    if (!draft) return [];
    return draft.networks.map((n) => {
      const design = n.designId ? designsById.get(n.designId) : undefined;
      const pages = design ? (data.previews[design.id] ?? []) : [];
      return {
        network: n.network,
        account: { name: client?.name ?? t('composer.preview.account'), color: client?.color ?? '#4f46e5', avatarUrl: data.logoUrl },
        meta: when,
        text: textFor(draft, n),
        images: n.pageIndex === null ? pages : pages.slice(n.pageIndex, n.pageIndex + 1),
        ratio: design ? design.width / design.height : undefined,
        ...(n.network === 'mastodon' && mastodonLimit ? { limit: mastodonLimit } : {}),
      };
    });
  }, [draft, designsById, data.previews, data.logoUrl, client, when, mastodonLimit, t]);

  const firstLink = useMemo(() => (draft ? (extractEntities(draft.master).urls[0]?.text ?? '') : ''), [draft]);
  const expand = useCallback((body: string) => expandSnippet(body, { client: client?.name ?? '', date: when, link: firstLink }), [client?.name, when, firstLink]);

  function requestClose() {
    if (dirty) setConfirmDiscard(true);
    else finish();
  }
  function finish() {
    storeDraft(null);
    clearDesignTrip();
    close();
  }

  async function save() {
    if (!draft) return;
    if (!draft.clientId) return setError(t('composer.needClient'));
    if (blocking) {
      setError(t('composer.fixFirst'));
      document.getElementById(ids.checks)?.scrollIntoView({ block: 'nearest' });
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const untitled = t('composer.untitled');
      const saved: Post = draft.postId ? await host.invoke('posts.update', updateInput(draft, untitled)) : await host.invoke('posts.create', createInput(draft, untitled));
      finish();
      const key = draft.postId ? 'composer.toast.saved' : saved.status === 'scheduled' ? 'composer.toast.scheduled' : 'composer.toast.created';
      // A new post, or a new time or status, is a step of the calendar's history: the toast offers its undo.
      const before = initial ? (JSON.parse(initial) as PostDraft) : null;
      const recorded = !draft.postId || !before || before.status !== draft.status || wallClock(before) !== wallClock(draft);
      const onCalendar = useApp.getState().screen === 'calendar';
      const undo = () =>
        void host.invoke('calendar.undo', {}).then(
          () => toast({ message: t('composer.toast.undone', { title: saved.title }), tone: 'info' }),
          (e: unknown) => toast({ message: errorMessage(t, e), tone: 'error' }),
        );
      toast({
        message: t(key, { title: saved.title, when: saved.localTime ? when : t('composer.preview.unscheduled') }),
        tone: 'info',
        ...(!onCalendar
          ? { action: { label: t('composer.toast.show'), run: () => openItem('post', saved.id) } }
          : recorded
            ? { action: { label: t('composer.toast.undo'), run: undo } }
            : {}),
      });
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setSaving(false);
    }
  }

  async function newDesign(network: NetworkId) {
    if (!draft?.clientId) return setError(t('composer.needClient'));
    try {
      const design = await host.invoke('designs.create', {
        clientId: draft.clientId,
        preset: DEFAULT_PRESET[network],
        name: draft.title.trim() || t('composer.untitled'),
      });
      const next = { ...draft, networks: draft.networks.map((n) => (n.network === network ? { ...n, designId: design.id, pageIndex: null } : n)) };
      // The draft waits in this tab while the user designs; the editor offers the way back.
      storeDraft(next);
      startDesignTrip({ designId: design.id, title: next.title.trim() || t('composer.untitled') });
      close();
      openItem('design', design.id);
    } catch (e) {
      setError(errorMessage(t, e));
    }
  }

  async function photos(network: NetworkId, assetIds: string[]) {
    if (!draft?.clientId) return;
    try {
      const design = await host.invoke('designs.fromPhotos', {
        clientId: draft.clientId,
        preset: DEFAULT_PRESET[network],
        assetIds,
        name: draft.title.trim() || t('composer.untitled'),
      });
      await data.reloadDesigns();
      updateNetwork(network, { designId: design.id, pageIndex: null });
    } catch (e) {
      setError(errorMessage(t, e));
    }
  }

  useEffect(() => {
    if (draft) storeDraft(draft);
  }, [draft]);

  const statuses: PostStatus[] = draft ? statusChoices(draft, data.client?.approvalMode ?? 'none') : [];
  const heading = draft?.postId ? t('composer.editTitle') : t('composer.newTitle');

  return (
    <dialog
      ref={dialogRef}
      className="composer"
      role="dialog"
      aria-modal="true"
      aria-labelledby={ids.heading}
      onCancel={(e) => {
        e.preventDefault();
        requestClose();
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
          e.preventDefault();
          void save();
        }
      }}
    >
      <header className="composer-head">
        <h2 id={ids.heading}>{heading}</h2>
        {client && <span className="composer-client-chip" style={{ borderColor: client.color }}>{client.name}</span>}
        <button type="button" className="icon-button" aria-label={t('composer.close')} onClick={requestClose}>
          ×
        </button>
      </header>
      {!draft ? (
        <div className="composer-loading">{error ? <p className="form-problem" role="alert">{error}</p> : <p className="muted">{t('app.loading')}</p>}</div>
      ) : (
        <form
          className="composer-body"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="composer-form">
            <section className="composer-section composer-basics">
              {!draft.postId && (
                <div className="composer-field">
                  <label htmlFor={ids.client}>{t('composer.client')}</label>
                  <select
                    id={ids.client}
                    value={draft.clientId ?? ''}
                    onChange={(e) => update({ clientId: e.target.value || null, networks: draft.networks.map((n) => ({ ...n, designId: null, pageIndex: null })) })}
                    required
                  >
                    <option value="">{t('composer.chooseClient')}</option>
                    {data.clients.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <div className="composer-field composer-title">
                <label htmlFor={ids.title}>{t('composer.title')}</label>
                <input id={ids.title} value={draft.title} maxLength={200} placeholder={t('composer.titlePlaceholder')} onChange={(e) => update({ title: e.target.value })} autoFocus={!draft.postId} />
              </div>
              <fieldset className="composer-networks">
                <legend id={ids.networks}>{t('composer.networks')}</legend>
                <div className="composer-chips">
                  {NETWORKS.map((n) => {
                    const on = draft.networks.some((d) => d.network === n);
                    return (
                      <button key={n} type="button" className="net-chip" aria-pressed={on} data-network={n} onClick={() => update((d) => toggleNetwork(d, n, !on))}>
                        <NetworkIcon network={n} />
                        {NETWORK_RULES[n].name}
                      </button>
                    );
                  })}
                </div>
              </fieldset>
              <WhenFields
                date={draft.date}
                time={draft.time}
                zone={zone}
                onChange={(patch) =>
                  update((d) => {
                    const next = { ...d, ...patch };
                    // Without a date nothing can stay scheduled.
                    return next.date === '' && next.status === 'scheduled' ? { ...next, status: d.savedStatus === 'scheduled' ? 'draft' : (d.savedStatus ?? 'draft') } : next;
                  })
                }
              />
              <div className="composer-row">
                <div className="composer-field">
                  <label htmlFor={ids.status}>{t('composer.status')}</label>
                  <select id={ids.status} value={draft.status} onChange={(e) => update({ status: e.target.value as PostStatus })}>
                    {statuses.map((s) => (
                      <option key={s} value={s}>
                        {t(`calendar.status.${s}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="composer-field">
                  <label htmlFor={ids.labels}>{t('composer.labels')}</label>
                  <input
                    id={ids.labels}
                    defaultValue={draft.labels.join(', ')}
                    placeholder={t('composer.labelsPlaceholder')}
                    onChange={(e) => update({ labels: [...new Set(e.target.value.split(',').map((l) => l.trim()).filter(Boolean))] })}
                  />
                </div>
                <div className="composer-field">
                  <label htmlFor={ids.campaign}>{t('composer.campaign')}</label>
                  <input id={ids.campaign} value={draft.campaign} maxLength={200} onChange={(e) => update({ campaign: e.target.value })} />
                </div>
              </div>
            </section>

            <section className="composer-section" aria-labelledby={`${ids.master}-h`}>
              <div className="composer-section-head">
                <h3 id={`${ids.master}-h`}>{t('composer.caption')}</h3>
                <span className="muted">{t('composer.captionHint')}</span>
              </div>
              <CaptionEditor label={t('composer.caption')} textareaId={ids.master} value={draft.master} snippets={data.snippets} expand={expand} onChange={(master) => update({ master })} />
              {misspelled.size > 0 && (
                <p className="muted composer-spelling">
                  {t('composer.spelling', { words: [...misspelled.keys()].slice(0, 8).join(', ') })}
                </p>
              )}
            </section>

            {draft.networks.length === 0 && <p className="muted composer-section">{t('composer.pickNetworks')}</p>}
            {draft.networks.map((n) => {
              const name = NETWORK_RULES[n.network].name;
              const measure = summary?.networks.find((s) => s.network === n.network)?.measure;
              return (
                <section key={n.network} className="composer-section composer-network" data-network={n.network} aria-label={name} onFocus={() => setPreviewed(n.network)}>
                  <div className="composer-section-head">
                    <h3>
                      <NetworkIcon network={n.network} brand /> {name}
                    </h3>
                    {measure && <Counter measure={measure} label={name} />}
                    <label className="composer-check-label">
                      <input
                        type="checkbox"
                        checked={!n.followsMaster}
                        onChange={(e) => updateNetwork(n.network, e.target.checked ? { followsMaster: false, caption: draft.master } : { followsMaster: true })}
                      />
                      {t('composer.ownCaption', { network: name })}
                    </label>
                  </div>
                  {!n.followsMaster && (
                    <CaptionEditor
                      label={t('composer.variantLabel', { network: name })}
                      value={n.caption}
                      snippets={data.snippets}
                      expand={expand}
                      onChange={(caption) => updateNetwork(n.network, { caption })}
                    />
                  )}
                  {measure && <Chips measure={measure} name={name} />}
                  {measure && <Problems measure={measure} name={name} />}
                  <MediaPicker
                    network={n.network}
                    networkName={name}
                    draft={n}
                    clientId={draft.clientId}
                    designs={data.designs}
                    previews={data.previews}
                    canShare={draft.networks.length > 1}
                    onAttach={(designId, pageIndex) => updateNetwork(n.network, { designId, pageIndex })}
                    onRemove={() => updateNetwork(n.network, { designId: null, pageIndex: null })}
                    onUseEverywhere={() => update((d) => ({ ...d, networks: d.networks.map((x) => ({ ...x, designId: n.designId, pageIndex: n.pageIndex })) }))}
                    onNewDesign={() => void newDesign(n.network)}
                    onPhotos={(assetIds) => photos(n.network, assetIds)}
                  />
                  <FirstComment value={n.firstComment} network={name} onChange={(firstComment) => updateNetwork(n.network, { firstComment })} />
                </section>
              );
            })}
          </div>

          <aside className="composer-side" aria-label={t('composer.preview.title')}>
            <h3 className="composer-side-title">{t('composer.preview.title')}</h3>
            <PreviewPane mockups={mockups} active={previewed} onActive={setPreviewed} />
            <ChecksSummary groups={checkGroups} scheduling={draft.status === 'scheduled'} id={ids.checks} />
          </aside>

          <footer className="composer-foot">
            <p className="form-problem composer-error" role="alert">
              {error ?? ''}
            </p>
            {draft.postId && (
              <button type="button" className="button" onClick={() => useApp.getState().openComposer({ kind: 'new', duplicateOf: draft.postId! })} disabled={dirty}>
                {t('composer.duplicate')}
              </button>
            )}
            <button type="button" className="button" onClick={requestClose}>
              {t('composer.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={saving || !draft.clientId} aria-describedby={blocking ? ids.checks : undefined}>
              {saving ? t('composer.saving') : t('composer.save')}
            </button>
          </footer>
        </form>
      )}
      {confirmDiscard && (
        <ConfirmDialog
          title={t('composer.discard.title')}
          body={t('composer.discard.body')}
          confirmLabel={t('composer.discard.confirm')}
          cancelLabel={t('composer.discard.keep')}
          onConfirm={() => {
            setConfirmDiscard(false);
            finish();
          }}
          onCancel={() => setConfirmDiscard(false)}
        />
      )}
    </dialog>
  );
}

function FirstComment({ value, network, onChange }: { value: string; network: string; onChange(text: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(value !== '');
  if (!open) {
    return (
      <button type="button" className="button button-ghost composer-add-comment" onClick={() => setOpen(true)}>
        {t('composer.firstComment.add')}
      </button>
    );
  }
  return (
    <div className="composer-field">
      <label htmlFor={id}>{t('composer.firstComment.label', { network })}</label>
      <textarea id={id} className="caption-textarea" rows={2} value={value} maxLength={10_000} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
