import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out, Settings } from '../../../src-main/contract';
import { useHost } from '../../app/host-context';
import { errorMessage } from '../../app/errors';
import { useApp } from '../../app/store';
import { LanguageOptions } from '../../ui/LanguageOptions';
import { ScreenHeader } from '../../ui/ScreenHeader';

/** Language, theme and the library's facts; `children` are the sections other features add (backups, trash), placed by the shell. */
export function SettingsScreen({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const host = useHost();
  const settings = useApp((s) => s.settings);
  const setSettings = useApp((s) => s.setSettings);
  const toast = useApp((s) => s.toast);
  const [info, setInfo] = useState<Out<'app.info'> | null>(null);
  const languageId = useId();
  const themeId = useId();

  useEffect(() => {
    host.invoke('app.info', {}).then(setInfo, () => setInfo(null));
  }, [host]);

  async function change(patch: Partial<Settings>) {
    try {
      setSettings(await host.invoke('settings.update', patch));
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }

  return (
    <section className="screen" aria-labelledby="settings-title">
      <ScreenHeader id="settings-title" title={t('settings.title')} />
      <div className="card form">
        <div className="form-row">
          <label htmlFor={languageId}>{t('settings.language')}</label>
          <select id={languageId} value={settings.language} onChange={(e) => void change({ language: e.target.value as Settings['language'] })}>
            <option value="system">{t('settings.languageSystem')}</option>
            <LanguageOptions />
          </select>
        </div>
        <div className="form-row">
          <label htmlFor={themeId}>{t('settings.theme')}</label>
          <select id={themeId} value={settings.theme} onChange={(e) => void change({ theme: e.target.value as Settings['theme'] })}>
            <option value="system">{t('settings.themeSystem')}</option>
            <option value="light">{t('settings.themeLight')}</option>
            <option value="dark">{t('settings.themeDark')}</option>
          </select>
        </div>
        {info && (
          <dl className="facts">
            <dt>{t('settings.library')}</dt>
            <dd>
              <code>{info.dataDir}</code>
            </dd>
            <dt className="visually-hidden">{t('settings.version', { version: '' })}</dt>
            <dd className="muted">{t('settings.version', { version: info.version })}</dd>
          </dl>
        )}
      </div>
      {children}
    </section>
  );
}
