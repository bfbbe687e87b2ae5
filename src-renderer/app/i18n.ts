// English and French, wired from the first screen. Dates and numbers go through Intl with the
// active language; the language follows the OS unless Settings says otherwise.
//
// Each feature keeps its strings in `locales/<lang>/<feature>.json`; they are merged into one
// catalogue here, so features never edit each other's files.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
type Catalogue = Record<string, unknown>;

const files = import.meta.glob<Catalogue>('../locales/*/*.json', { eager: true, import: 'default' });

function mergeDeep(target: Catalogue, source: Catalogue, where: string): Catalogue {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (existing && typeof existing === 'object' && value && typeof value === 'object') {
      mergeDeep(existing as Catalogue, value as Catalogue, `${where}.${key}`);
    } else {
      if (existing !== undefined) throw new Error(`Duplicate translation key ${where}.${key}`);
      target[key] = value;
    }
  }
  return target;
}

export function catalogues(): Record<Language, Catalogue> {
  const result: Record<Language, Catalogue> = { en: {}, fr: {} };
  for (const [file, content] of Object.entries(files)) {
    const lang = file.split('/').at(-2) as Language;
    if (lang in result) mergeDeep(result[lang], structuredClone(content), lang);
  }
  return result;
}

export function systemLanguage(languages: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

export function resolveLanguage(setting: 'system' | Language): Language {
  return setting === 'system' ? systemLanguage() : setting;
}

export function createI18n(language: Language): I18n {
  const { en, fr } = catalogues();
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, fr: { translation: fr } },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}
