// The main process's own notification texts, in the UI's language. They live with the renderer's
// strings (src-renderer/locales/<lang>/notifications.json) so translators find every string in one place.
import en from '../../src-renderer/locales/en/notifications.json';
import fr from '../../src-renderer/locales/fr/notifications.json';

export type UiLanguage = 'en' | 'fr';

const TEXTS: Record<UiLanguage, typeof en.notifications> = { en: en.notifications, fr: fr.notifications };

/** The language chosen in Settings, else the system locale when it is French, else English. */
export function uiLanguage(setting: string | undefined, systemLocale: string): UiLanguage {
  if (setting === 'en' || setting === 'fr') return setting;
  return systemLocale.toLowerCase().split(/[-_]/)[0] === 'fr' ? 'fr' : 'en';
}

/** Title and body of the "posts are due" notification. */
export function dueNotification(language: UiLanguage, titles: readonly string[], count: number): { title: string; body: string } {
  const text = TEXTS[language];
  return { title: count === 1 ? text.dueOne : text.dueMany.replace('{{count}}', String(count)), body: titles.join('\n') };
}
