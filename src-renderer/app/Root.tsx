// Applies preferences (language, theme) around the app and keeps them in sync with the library.
import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { RecoveryStatus } from '../../src-main/contract/api/recovery';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import type { HostClient } from '../host/client';
import { App } from './App';
import { HostProvider } from './host-context';
import { createI18n, resolveLanguage } from './i18n';
import { useApp } from './store';

function useSystemDark(): boolean {
  const query = useMemo(() => (typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null), []);
  const [dark, setDark] = useState(() => query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const listener = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener('change', listener);
    return () => query.removeEventListener('change', listener);
  }, [query]);
  return dark;
}

/** After a restore the whole renderer starts again on the restored library. */
const reload = () => location.reload();

export function Root({ host, onRestored = reload }: { host: HostClient; onRestored?: () => void }) {
  const settings = useApp((s) => s.settings);
  const setSettings = useApp((s) => s.setSettings);
  const language = resolveLanguage(settings.language);
  // One instance for the app's life, made in the first language; later changes go through changeLanguage below.
  const [i18n] = useState(() => createI18n(language));
  const systemDark = useSystemDark();
  const theme = settings.theme === 'system' ? (systemDark ? 'dark' : 'light') : settings.theme;
  // Asked first: a damaged library gets the recovery screen, never a studio full of errors.
  const [recovery, setRecovery] = useState<RecoveryStatus | 'unknown' | 'unavailable'>('unknown');

  useEffect(() => {
    host.invoke('recovery.status', {}).then(setRecovery, () => setRecovery('unavailable'));
    // A restore from another window (or the CLI through the same host) replaces everything shown here.
    const offs = [host.on('library.restored', () => onRestored()), host.on('library.damaged', () => onRestored())];
    return () => offs.forEach((off) => off());
  }, [host, onRestored]);

  useEffect(() => {
    host.invoke('settings.get', {}).then(setSettings, () => undefined);
    return host.on('settings.changed', setSettings);
  }, [host, setSettings]);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <I18nextProvider i18n={i18n}>
      <HostProvider host={host}>
        {recovery === 'unknown' ? null : typeof recovery === 'object' && recovery.state === 'recovery' ? (
          <RecoveryScreen status={recovery} onRestored={onRestored} />
        ) : (
          <App />
        )}
      </HostProvider>
    </I18nextProvider>
  );
}
