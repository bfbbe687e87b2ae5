// The caption writer: one master caption per post, a variant per target network that follows the
// master until edited, counted live the way each network counts (pure core, no round trip).
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptionPrefs, Snippet } from '../../../src-main/contract/api/captions';
import type { Client, Post } from '../../../src-main/contract';
import {
  defaultUtm,
  expandSnippet,
  extractEntities,
  insertAt,
  measureCaption,
  NETWORK_RULES,
  tagLinks,
  type CaptionMeasure,
  type UtmParams,
} from '../../../src-main/core/captions';
import { NETWORKS, type NetworkId } from '../../../src-main/core/domain/posts';
import { useRefreshFailed } from '../../app/failure-toast';
import { useHost } from '../../app/host-context';
import { errorMessage } from '../../app/errors';
import { useApp } from '../../app/store';
import { CaptionEditor } from '../../ui/caption-text/CaptionText';
import { useSpelling } from '../../ui/caption-text/use-spelling';
import { LanguageOptions } from '../../ui/LanguageOptions';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { SnippetPanel, UtmPanel } from './SidePanels';
import { VariantCard, type Target, type VariantState } from './VariantCard';
import './captions.css';

const SAVE_DELAY = 400;

function useDebounced(delay: number) {
  const timers = useRef(new Map<string, { timer: ReturnType<typeof setTimeout>; run: () => void }>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((p) => (clearTimeout(p.timer), p.run()));
  }, []);
  const schedule = useCallback(
    (key: string, run: () => void) => {
      const pending = timers.current.get(key);
      if (pending) clearTimeout(pending.timer);
      timers.current.set(key, {
        run,
        timer: setTimeout(() => {
          timers.current.delete(key);
          run();
        }, delay),
      });
    },
    [delay],
  );
  const flush = useCallback((key: string) => {
    const pending = timers.current.get(key);
    if (!pending) return;
    clearTimeout(pending.timer);
    timers.current.delete(key);
    pending.run();
  }, []);
  return { schedule, flush };
}

export function CaptionsScreen({ clients }: { clients: readonly Client[] }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const refreshFailed = useRefreshFailed();
  const clientId = useApp((s) => s.clientId);
  const [posts, setPosts] = useState<Post[]>([]);
  const [postId, setPostId] = useState<string | null>(null);
  const [master, setMaster] = useState('');
  const [variants, setVariants] = useState<Partial<Record<NetworkId, VariantState>>>({});
  const [snippets, setSnippets] = useState<Snippet[]>([]);
  const [prefs, setPrefs] = useState<CaptionPrefs | null>(null);
  const [focused, setFocused] = useState<Target>('master');
  const inputs = useRef(new Map<Target, HTMLTextAreaElement>());
  const { schedule, flush } = useDebounced(SAVE_DELAY);
  const ids = { post: useId(), master: useId(), lang: useId(), title: useId(), mastodon: useId() };

  const post = posts.find((p) => p.id === postId) ?? null;
  const postClient = clients.find((c) => c.id === post?.clientId) ?? null;
  const prefsClientId = clientId ?? post?.clientId ?? null;

  const loadPosts = useCallback(async () => {
    const list = await host.invoke('posts.list', { clientId: clientId ?? undefined, includeUnscheduled: true });
    setPosts(list);
    return list;
  }, [host, clientId]);

  const loadSnippets = useCallback(async () => {
    setSnippets(await host.invoke('snippets.list', { clientId: prefsClientId ?? undefined }));
  }, [host, prefsClientId]);

  useEffect(() => {
    loadPosts()
      .then((list) => setPostId((current) => (current && list.some((p) => p.id === current) ? current : (list[0]?.id ?? null))))
      .catch((error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }));
  }, [loadPosts, t, toast]);
  useEffect(() => {
    loadSnippets().catch(refreshFailed);
    return host.on('snippets.changed', () => void loadSnippets().catch(refreshFailed));
  }, [host, loadSnippets, refreshFailed]);
  useEffect(() => {
    if (!prefsClientId) return setPrefs(null);
    host
      .invoke('captions.prefs.get', { clientId: prefsClientId })
      .then(setPrefs)
      .catch(() => setPrefs(null));
  }, [host, prefsClientId]);

  // Switching posts loads its captions; later edits stay local and are saved in the background.
  const loadedPost = useRef<string | null>(null);
  useEffect(() => {
    if (!post || loadedPost.current === post.id) return;
    loadedPost.current = post.id;
    setMaster(post.caption);
    setVariants(Object.fromEntries(post.variants.map((v) => [v.network, { caption: v.caption, followsMaster: v.followsMaster }])));
  }, [post]);

  const mastodonLimit = prefs?.mastodonLimit;
  const targets = useMemo(() => NETWORKS.filter((n) => variants[n]), [variants]);
  const texts = useMemo(
    () => Object.fromEntries(targets.map((n) => [n, variants[n]!.followsMaster ? master : variants[n]!.caption])) as Record<NetworkId, string>,
    [master, variants, targets],
  );
  const measures = useMemo(() => {
    const out: Partial<Record<NetworkId, CaptionMeasure>> = {};
    for (const n of targets) out[n] = measureCaption(texts[n], n, n === 'mastodon' && mastodonLimit ? { limit: mastodonLimit } : {});
    return out;
  }, [texts, targets, mastodonLimit]);

  // Keystroke → counters on screen, for the benchmark (performance marks read from the page).
  useLayoutEffect(() => {
    if (performance.getEntriesByName('captions:input', 'mark').length === 0) return;
    performance.measure('captions:keystroke', 'captions:input');
    performance.clearMarks('captions:input');
  }, [measures]);

  const dateLabel = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: post?.timeZone }).format(post?.scheduledAt ? new Date(post.scheduledAt) : new Date()),
    [i18n.language, post?.scheduledAt, post?.timeZone],
  );
  const firstLink = useMemo(() => extractEntities(master).urls[0]?.text ?? '', [master]);
  const expand = useCallback(
    (body: string) => expandSnippet(body, { client: postClient?.name ?? '', date: dateLabel, link: firstLink }),
    [postClient?.name, dateLabel, firstLink],
  );

  // Spell checking (offline, main side), debounced, in the client's language.
  const language = prefs?.spellLanguage ?? 'en';
  const spellTexts = useMemo(() => [master, ...targets.map((n) => texts[n])], [master, texts, targets]);
  const misspelled = useSpelling(host, language, spellTexts);

  const fail = useCallback((error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }), [t, toast]);
  const adopt = useCallback((updated: Post) => {
    setPosts((list) => list.map((p) => (p.id === updated.id ? updated : p)));
  }, []);

  const changeMaster = useCallback(
    (text: string) => {
      performance.mark('captions:input');
      setMaster(text);
      if (!postId) return;
      schedule('master', () => void host.invoke('posts.update', { id: postId, caption: text }).then(adopt).catch(fail));
    },
    [postId, host, schedule, adopt, fail],
  );
  const changeVariant = useCallback(
    (network: NetworkId, text: string) => {
      performance.mark('captions:input');
      setVariants((v) => ({ ...v, [network]: { caption: text, followsMaster: false } }));
      if (!postId) return;
      schedule(network, () => void host.invoke('variants.update', { postId, network, caption: text }).then(adopt).catch(fail));
    },
    [postId, host, schedule, adopt, fail],
  );
  const resetVariant = useCallback(
    (network: NetworkId) => {
      if (!postId) return;
      flush('master');
      flush(network);
      setVariants((v) => ({ ...v, [network]: { caption: master, followsMaster: true } }));
      void host.invoke('variants.reset', { postId, network }).then(adopt).catch(fail);
    },
    [postId, host, flush, master, adopt, fail],
  );
  const copyVariant = useCallback(
    (network: NetworkId) => {
      navigator.clipboard
        .writeText(texts[network] ?? '')
        .then(() => toast({ message: t('captions.variant.copied', { name: NETWORK_RULES[network].name }), tone: 'info' }))
        .catch(() => toast({ message: t('captions.variant.copyFailed'), tone: 'error' }));
    },
    [texts, toast, t],
  );
  const toggleNetwork = useCallback(
    (network: NetworkId, on: boolean) => {
      if (!postId) return;
      flush('master');
      setVariants((v) => {
        const next = { ...v };
        if (on) next[network] = { caption: master, followsMaster: true };
        else delete next[network];
        return next;
      });
      void host.invoke(on ? 'variants.add' : 'variants.remove', { postId, network }).then(adopt).catch(fail);
    },
    [postId, host, flush, master, adopt, fail],
  );
  const registerInput = useCallback((target: Target, el: HTMLTextAreaElement | null) => {
    if (el) inputs.current.set(target, el);
    else inputs.current.delete(target);
  }, []);
  const insertSnippet = useCallback(
    (snippet: Snippet) => {
      const el = inputs.current.get(focused);
      const current = focused === 'master' ? master : (texts[focused] ?? '');
      const at = el ? el.selectionStart : current.length;
      const end = el ? el.selectionEnd : current.length;
      const pad = at > 0 && !/\s$/.test(current.slice(0, at)) ? ' ' : '';
      const next = insertAt(current, at, end, pad + expand(snippet.body));
      if (focused === 'master') changeMaster(next.text);
      else changeVariant(focused, next.text);
      requestAnimationFrame(() => {
        el?.focus();
        el?.setSelectionRange(next.caret, next.caret);
      });
    },
    [focused, master, texts, expand, changeMaster, changeVariant],
  );
  const applyUtm = useCallback(
    (params: UtmParams) => {
      // Each network's links get that network as utm_source, so every variant gets its own tagged copy.
      for (const n of targets) changeVariant(n, tagLinks(texts[n], defaultUtm(n, params)));
    },
    [targets, texts, changeVariant],
  );
  const changeMastodonLimit = useCallback(
    (value: number) => {
      if (!prefsClientId || !Number.isInteger(value) || value < 1 || value > 100_000) return;
      host.invoke('captions.prefs.update', { clientId: prefsClientId, mastodonLimit: value }).then(setPrefs).catch(fail);
    },
    [host, prefsClientId, fail],
  );
  const changeLanguage = useCallback(
    (value: CaptionPrefs['spellLanguage']) => {
      if (!prefsClientId) return;
      host.invoke('captions.prefs.update', { clientId: prefsClientId, spellLanguage: value }).then(setPrefs).catch(fail);
    },
    [host, prefsClientId, fail],
  );

  return (
    <section className="screen captions-screen" aria-labelledby={ids.title}>
      <ScreenHeader id={ids.title} title={t('captions.title')} intro={t('captions.intro')}>
        <div className="captions-pickers">
          <label htmlFor={ids.post}>{t('captions.post')}</label>
          <select id={ids.post} value={postId ?? ''} onChange={(e) => setPostId(e.target.value || null)}>
            {posts.length === 0 && <option value="">{t('captions.noPosts')}</option>}
            {posts.map((p) => (
              <option key={p.id} value={p.id}>
                {clientId ? p.title : `${clients.find((c) => c.id === p.clientId)?.name ?? ''} · ${p.title}`}
              </option>
            ))}
          </select>
          {prefs && (
            <>
              <label htmlFor={ids.lang}>{t('captions.spellLanguage')}</label>
              <select id={ids.lang} value={prefs.spellLanguage} onChange={(e) => changeLanguage(e.target.value as CaptionPrefs['spellLanguage'])}>
                <LanguageOptions />
                <option value="none">{t('captions.spellOff')}</option>
              </select>
              <label htmlFor={ids.mastodon}>{t('captions.mastodonLimit')}</label>
              <input
                id={ids.mastodon}
                key={`${prefs.clientId}-${prefs.mastodonLimit}`}
                type="number"
                min={1}
                max={100000}
                defaultValue={prefs.mastodonLimit}
                onBlur={(e) => changeMastodonLimit(Number(e.target.value))}
              />
            </>
          )}
        </div>
      </ScreenHeader>
      {!post ? (
        <div className="empty-state">
          <h2>{t('captions.emptyTitle')}</h2>
          <p>{t('captions.emptyBody')}</p>
        </div>
      ) : (
        <div className="captions-layout">
          <div className="captions-main">
            <section className="card">
              <h2 id={`${ids.master}-title`}>{t('captions.master')}</h2>
              <CaptionEditor
                label={t('captions.master')}
                textareaId={ids.master}
                value={master}
                snippets={snippets}
                expand={expand}
                onChange={changeMaster}
                onFocus={() => setFocused('master')}
                inputRef={(el) => registerInput('master', el)}
              />
              <fieldset className="network-picker">
                <legend>{t('captions.networks')}</legend>
                {NETWORKS.map((n) => (
                  <label key={n} className="network-toggle">
                    <input type="checkbox" checked={Boolean(variants[n])} onChange={(e) => toggleNetwork(n, e.target.checked)} />
                    {NETWORK_RULES[n].name}
                  </label>
                ))}
              </fieldset>
            </section>
            {targets.map((n) => (
              <VariantCard
                key={n}
                network={n}
                variant={{ caption: texts[n], followsMaster: variants[n]!.followsMaster }}
                master={master}
                measure={measures[n]!}
                snippets={snippets}
                misspelled={misspelled}
                expand={expand}
                onChange={changeVariant}
                onReset={resetVariant}
                onCopy={copyVariant}
                onFocus={setFocused}
                registerInput={registerInput}
              />
            ))}
            {misspelled.size > 0 && (
              <section className="card" aria-label={t('captions.spelling.title')}>
                <h2>{t('captions.spelling.title')}</h2>
                <ul className="spelling-list">
                  {[...misspelled].slice(0, 30).map(([word, suggestions]) => (
                    <li key={word}>
                      <span className="misspelled">{word}</span> → {suggestions.length ? suggestions.join(', ') : t('captions.spelling.none')}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
          <aside className="captions-side" aria-label={t('captions.sidePanel')}>
            <SnippetPanel clientId={prefsClientId} snippets={snippets} onInsert={insertSnippet} onChanged={() => void loadSnippets()} />
            <UtmPanel master={master} onApply={applyUtm} />
          </aside>
        </div>
      )}
    </section>
  );
}
