// App-wide keyboard layer: the command palette (Mod+K), the cheat sheet (?), screens (Mod+1…6,
// Mod+, — the same keys as the native View menu), search (/), new post (N), and the native menu's
// commands (app.menuCommand) when running under Electron.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, Post } from '../../src-main/contract';
import type { DesignSummary } from '../../src-main/contract/api/designs';
import { CheatSheet } from './CheatSheet';
import { CommandPalette, type PaletteActions, type PaletteItem } from './CommandPalette';
import { errorMessage } from './errors';
import { useHost } from './host-context';
import { isTyping, matches, NUMBERED_SCREENS } from './shortcuts';
import { SCREENS, useApp, type Screen } from './store';
import './polish.css';

type Overlay = 'palette' | 'cheatSheet' | null;

/** Focus the first field matching `selector` once the screen has rendered it. */
function focusSoon(selector: string, tries = 20) {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) el.focus();
  else if (tries > 0) setTimeout(() => focusSoon(selector, tries - 1), 50);
}

export function GlobalKeys({ clients }: { clients: readonly Client[] }) {
  const { t } = useTranslation();
  const host = useHost();
  const go = useApp((s) => s.go);
  const toast = useApp((s) => s.toast);
  const openItem = useApp((s) => s.openItem);
  const selectClient = useApp((s) => s.selectClient);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [returnFocus, setReturnFocus] = useState<HTMLElement | null>(null);
  // Focus goes back where it was when an overlay closes (unless the action moved it).
  useEffect(() => {
    if (overlay) return;
    if (returnFocus && (document.activeElement === document.body || document.activeElement === null) && returnFocus.isConnected) returnFocus.focus();
  }, [overlay, returnFocus]);
  const open = useCallback((o: Overlay) => {
    if (document.activeElement instanceof HTMLElement && !document.activeElement.closest('dialog')) setReturnFocus(document.activeElement);
    setOverlay(o);
  }, []);

  const newClient = useCallback(() => {
    go('clients');
    const button = () => [...document.querySelectorAll<HTMLButtonElement>('main .button-primary')].find((b) => b.textContent === t('clients.new'));
    setTimeout(() => {
      button()?.click();
      focusSoon('main input[name="name"]');
    }, 0);
  }, [go, t]);

  /** The composer for a new post, for the client in focus (it asks for one when none is). */
  const newPost = useCallback(() => {
    if (clients.length === 0) {
      toast({ message: t('polish.palette.needClient'), tone: 'info', action: { label: t('polish.palette.newClient'), run: () => newClient() } });
      return;
    }
    useApp.getState().openComposer({ kind: 'new', clientId: useApp.getState().clientId });
  }, [clients, newClient, t, toast]);

  const search = useCallback(() => {
    const field = document.querySelector<HTMLInputElement>('main input[type="search"]');
    if (field) field.focus();
    else open('palette');
  }, [open]);

  const build = useMemo((): PaletteActions => {
    const setSettings = useApp.getState().setSettings;
    const update = (patch: Parameters<typeof host.invoke<'settings.update'>>[1]) =>
      host.invoke('settings.update', patch).then(setSettings, (error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }));
    const action = (id: string, label: string, run: () => void): PaletteItem => ({ id: `action:${id}`, kind: 'action', label, run });
    const actions: PaletteItem[] = [
      action('newPost', t('polish.palette.newPost'), newPost),
      action('newClient', t('polish.palette.newClient'), newClient),
      action('newDesign', t('polish.palette.newDesign'), () => go('editor')),
      ...SCREENS.map((s: Screen) => action(`goto.${s}`, t('polish.palette.goto', { screen: t(`nav.${s}`) }), () => go(s))),
      action('lang.en', t('polish.palette.language', { language: t('polish.palette.languageName.en') }), () => void update({ language: 'en' })),
      action('lang.fr', t('polish.palette.language', { language: t('polish.palette.languageName.fr') }), () => void update({ language: 'fr' })),
      action('theme.light', t('polish.palette.theme.light'), () => void update({ theme: 'light' })),
      action('theme.dark', t('polish.palette.theme.dark'), () => void update({ theme: 'dark' })),
      action('theme.system', t('polish.palette.theme.system'), () => void update({ theme: 'system' })),
      action('seedDemo', t('polish.palette.seedDemo'), () => {
        host.invoke('app.seedDemo', {}).then(
          (result) => toast({ message: t(result.clients === 0 ? 'polish.welcome.demoAlreadyThere' : 'polish.welcome.demoReady', result), tone: 'info' }),
          (error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }),
        );
      }),
      action('shortcuts', t('polish.palette.shortcuts'), () => setTimeout(() => open('cheatSheet'), 0)),
    ];
    return {
      actions,
      openClient: (c: Client) => {
        selectClient(c.id);
        go('clients');
        setTimeout(() => document.querySelector<HTMLElement>(`[data-client-id="${CSS.escape(c.id)}"] button`)?.focus(), 50);
      },
      // The post opens in the composer over the calendar at its month, its details beside it, so
      // closing the composer leaves the user where the post lives.
      openPost: (p: Post) => {
        selectClient(p.clientId);
        openItem('post', p.id);
        useApp.getState().openComposer({ kind: 'edit', postId: p.id });
      },
      openDesign: (d: DesignSummary) => openItem('design', d.id),
    };
  }, [go, host, newClient, newPost, open, openItem, selectClient, t, toast]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      let handled = true;
      if (matches(e, 'Mod+K')) {
        if (overlay === 'palette') setOverlay(null);
        else open('palette');
      }
      else if (matches(e, 'Mod+,')) go('settings');
      else if (/^[1-7]$/.test(e.key) && matches(e, `Mod+${e.key}`)) go(NUMBERED_SCREENS[Number(e.key) - 1]!);
      else if (overlay || isTyping(e.target) || useApp.getState().composer) handled = false;
      else if (matches(e, '?')) open('cheatSheet');
      else if (matches(e, '/')) search();
      else if (matches(e, 'N') && useApp.getState().screen !== 'editor') newPost();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, newPost, open, overlay, search]);

  // The native menu's View → screen items and Settings.
  useEffect(
    () =>
      host.on('app.menuCommand', ({ command }) => {
        const screen = command.slice('goto.'.length) as Screen;
        if (SCREENS.includes(screen)) go(screen);
      }),
    [host, go],
  );

  if (overlay === 'palette') return <CommandPalette build={build} onClose={() => setOverlay(null)} />;
  if (overlay === 'cheatSheet') return <CheatSheet onClose={() => setOverlay(null)} />;
  return null;
}
