import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { CalendarScreen } from '../features/calendar/CalendarScreen';
import { CaptionsScreen } from '../features/captions/CaptionsScreen';
import { ClientsScreen } from '../features/clients/ClientsScreen';
import { Composer } from '../features/composer/Composer';
import { DesignTripBar } from '../features/composer/DesignTripBar';
import { EditorScreen } from '../features/editor/EditorScreen';
import { createClientsStore } from '../features/clients/clients-store';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { createLibraryStore } from '../features/library/library-store';
import { PacksScreen } from '../features/packs/PacksScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { Toasts } from '../ui/Toasts';
import { GlobalKeys } from './GlobalKeys';
import { screenShortcut } from './shortcuts';
import { useHost } from './host-context';
import { SCREENS, useApp, type Screen } from './store';
import { Welcome } from './Welcome';

const NAV_ICONS: Record<Screen, string> = {
  calendar: '▦',
  editor: '✎',
  captions: '¶',
  library: '▣',
  packs: '▤',
  clients: '☺',
  settings: '⚙',
};

export function App() {
  const { t } = useTranslation();
  const host = useHost();
  const screen = useApp((s) => s.screen);
  const go = useApp((s) => s.go);
  const clientId = useApp((s) => s.clientId);
  const selectClient = useApp((s) => s.selectClient);
  const connected = useApp((s) => s.connected);
  const clientsStore = useMemo(() => createClientsStore(host), [host]);
  const clients = useStore(clientsStore, (s) => s.clients);
  const libraryStore = useMemo(() => createLibraryStore(host), [host]);
  const switcherId = useId();
  const clientsLoaded = useStore(clientsStore, (s) => s.loaded);
  const [blank, setBlank] = useState(() => localStorage.getItem('atelier.startedBlank') === '1');
  const welcome = clientsLoaded && clients.length === 0 && !blank && screen === 'clients';

  useEffect(() => {
    void clientsStore.getState().load().catch(() => undefined);
  }, [clientsStore]);
  useEffect(() => {
    if (clientId && clients.length > 0 && !clients.some((c) => c.id === clientId)) selectClient(null);
  }, [clients, clientId, selectClient]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <div className="switcher">
          <label htmlFor={switcherId}>{t('switcher.label')}</label>
          <select id={switcherId} value={clientId ?? ''} onChange={(e) => selectClient(e.target.value || null)}>
            <option value="">{t('switcher.all')}</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {!connected && (
          <span className="banner" role="status">
            {t('app.reconnecting')}
          </span>
        )}
      </header>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <ul>
          {SCREENS.map((s) => (
            <li key={s}>
              <button type="button" className="nav-item" aria-current={s === screen ? 'page' : undefined} aria-keyshortcuts={screenShortcut(s)} onClick={() => go(s)}>
                <span aria-hidden="true" className="nav-icon">
                  {NAV_ICONS[s]}
                </span>
                {t(`nav.${s}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {welcome && (
          <Welcome
            onBlank={() => {
              localStorage.setItem('atelier.startedBlank', '1');
              setBlank(true);
            }}
            onSeeded={() => void clientsStore.getState().load().catch(() => undefined)}
          />
        )}
        {screen === 'calendar' ? (
          <CalendarScreen />
        ) : screen === 'clients' ? (
          <ClientsScreen store={clientsStore} />
        ) : screen === 'library' ? (
          <LibraryScreen store={libraryStore} clients={clients} />
        ) : screen === 'captions' ? (
          <CaptionsScreen clients={clients} />
        ) : screen === 'settings' ? (
          <SettingsScreen />
        ) : screen === 'editor' ? (
          <EditorScreen />
        ) : (
          <PacksScreen clients={clients} />
        )}
      </main>
      <Composer />
      <DesignTripBar />
      <Toasts />
      <GlobalKeys clients={clients} />
    </div>
  );
}
