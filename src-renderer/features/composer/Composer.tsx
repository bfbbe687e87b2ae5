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
import { expandSnippet, extractEntities } from '../../../src-main/core/captions';
import type { NetworkId, PostStatus } from '../../../src-main/core/domain/posts';
import { checkPost } from '../../../src-main/core/posts/checks';
import { DEFAULT_PRESET } from '../../../src-main/core/posts/media-rules';
import type { MockupInput } from '../../../src-main/core/posts/mockup';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp, type ComposerRequest } from '../../app/store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useModal } from '../../ui/use-modal';
import { CaptionEditor } from '../../ui/caption-text/CaptionText';
import { useSpelling } from '../../ui/caption-text/use-spelling';
import { createInput, statusChoices, storeDraft, textFor, updateInput, wallClock, type NetworkDraft, type PostDraft } from './draft';
import { NetworkSection } from './NetworkSection';
import { PostBasics } from './PostBasics';
import { ChecksSummary, PreviewPane, type CheckGroup } from './PreviewPane';
import { clearDesignTrip, startDesignTrip } from './design-trip';
import { startingDraft } from './starting-draft';
import { useComposerData } from './use-composer-data';
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
  const ids = { heading: useId(), master: useId(), checks: useId() };
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
            <PostBasics draft={draft} clients={data.clients} statuses={statuses} zone={zone} update={update} />

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
            {draft.networks.map((n) => (
              <NetworkSection
                key={n.network}
                network={n}
                draft={draft}
                measure={summary?.networks.find((s) => s.network === n.network)?.measure}
                data={data}
                expand={expand}
                update={update}
                updateNetwork={updateNetwork}
                onFocus={() => setPreviewed(n.network)}
                onNewDesign={() => void newDesign(n.network)}
                onPhotos={(assetIds) => photos(n.network, assetIds)}
              />
            ))}
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
