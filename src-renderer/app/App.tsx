import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { calendarFirstDay } from './week';
import { ClientOptions } from '../ui/ClientOptions';
import { createCalendarStore } from '../features/calendar/calendar-store';
import { CalendarScreen } from '../features/calendar/CalendarScreen';
import { CaptionsScreen } from '../features/captions/CaptionsScreen';
import { ClientsScreen } from '../features/clients/ClientsScreen';
import { Composer } from '../features/composer/Composer';
import { DesignTripBar } from '../features/composer/DesignTripBar';
import { EditorScreen } from '../features/editor/EditorScreen';
import { InsightsScreen } from '../features/insights/InsightsScreen';
import { createClientsStore } from '../features/clients/clients-store';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { createLibraryStore } from '../features/library/library-store';
import { PacksScreen } from '../features/packs/PacksScreen';
import { BackupsSection } from '../features/backups/BackupsSection';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { TrashSection } from '../features/trash/TrashSection';
import { Toasts } from '../ui/Toasts';
import { useRefreshFailed } from './failure-toast';
import { GlobalKeys } from './GlobalKeys';
import { keepPlace, readPlace } from './place';
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
  insights: '◔',
  settings: '⚙',
};

export function App() {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const screen = useApp((s) => s.screen);
  const go = useApp((s) => s.go);
  const clientId = useApp((s) => s.clientId);
  const selectClient = useApp((s) => s.selectClient);
  const connected = useApp((s) => s.connected);
  const clientsStore = useMemo(() => createClientsStore(host), [host]);
  const clients = useStore(clientsStore, (s) => s.clients);
  const refreshFailed = useRefreshFailed();
  const libraryStore = useMemo(() => createLibraryStore(host, { onRefreshError: refreshFailed }), [host, refreshFailed]);
  // One calendar for the session, opened where it was left (its view and period) before a reload.
  const [calendarStore] = useState(() => {
    const { calendarView, calendarAnchor } = readPlace();
    return createCalendarStore(host, { firstDay: calendarFirstDay(i18n.language), view: calendarView, anchor: calendarAnchor });
  });
  useEffect(() => keepPlace(useApp, calendarStore), [calendarStore]);
  const switcherId = useId();
  const clientsLoaded = useStore(clientsStore, (s) => s.loaded);
  const [clientsFailed, setClientsFailed] = useState(false);
  const [blank, setBlank] = useState(() => localStorage.getItem('atelier.startedBlank') === '1');
  const welcome = clientsLoaded && clients.length === 0 && !blank && screen === 'clients';
  // A client remembered from before a reload is checked against the list before any screen asks
  // for its data; once the studio has started, screens stay mounted whatever the list does.
  const clientKnown = clientId === null || clients.some((c) => c.id === clientId);
  const [started, setStarted] = useState(clientId === null);
  if (!started && (clientsFailed || (clientsLoaded && clientKnown))) setStarted(true);

  useEffect(() => {
    void clientsStore
      .getState()
      .load()
      .catch(() => setClientsFailed(true));
  }, [clientsStore]);
  useEffect(() => {
    if (clientsLoaded && !clientKnown) selectClient(null);
  }, [clientsLoaded, clientKnown, selectClient]);
  // An empty library opens on the welcome (on the Clients screen), wherever the last visit ended:
  // checked once, when the list first arrives.
  const checkedEmpty = useRef(false);
  useEffect(() => {
    if (!clientsLoaded || checkedEmpty.current) return;
    checkedEmpty.current = true;
    if (clients.length === 0 && !blank) go('clients');
  }, [clientsLoaded, clients.length, blank, go]);

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
            <ClientOptions clients={clients} empty={t('switcher.all')} />
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
            onSeeded={() => void clientsStore.getState().load().catch(refreshFailed)}
          />
        )}
        {!started ? null : screen === 'calendar' ? (
          <CalendarScreen store={calendarStore} />
        ) : screen === 'clients' ? (
          <ClientsScreen store={clientsStore} />
        ) : screen === 'library' ? (
          <LibraryScreen store={libraryStore} clients={clients} />
        ) : screen === 'captions' ? (
          <CaptionsScreen clients={clients} />
        ) : screen === 'settings' ? (
          <SettingsScreen>
            <BackupsSection />
            <TrashSection />
          </SettingsScreen>
        ) : screen === 'editor' ? (
          <EditorScreen />
        ) : screen === 'insights' ? (
          <InsightsScreen clients={clients} />
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
