import { describe, expect, it } from 'vitest';
import { catalogues, createI18n, systemLanguage } from '../../../src-renderer/app/i18n';

function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  const { en, fr } = catalogues();

  it('has every English string in French and nothing French-only', () => {
    expect(leafKeys(fr).sort()).toEqual(leafKeys(en).sort());
  });

  it('has no empty strings, and French text differs from English where words are involved', () => {
    const enKeys = leafKeys(en);
    const get = (obj: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
    expect(enKeys.filter((k) => !get(en, k).trim() || !get(fr, k).trim())).toEqual([]);
    // A handful of strings are the same in both languages (names, "Clients", "Version {{version}}").
    const same = enKeys.filter((k) => get(en, k) === get(fr, k) && /[a-z]{4,}/i.test(get(en, k).replace(/\{\{\w+\}\}/g, '')));
    expect(same.length / enKeys.length).toBeLessThan(0.15);
  });

  it('keeps interpolation variables identical in both languages', () => {
    const get = (obj: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const mismatched = leafKeys(en).filter((k) => JSON.stringify(vars(get(en, k))) !== JSON.stringify(vars(get(fr, k))));
    expect(mismatched).toEqual([]);
  });

  it('translates with plurals and variables', () => {
    const i18n = createI18n('fr');
    expect(i18n.t('clients.confirmDelete.title', { name: 'Acme' })).toBe('Supprimer Acme ?');
    expect(i18n.t('clients.list.posts', { count: 2 })).toBe('2 publications');
    expect(createI18n('en').t('clients.list.posts', { count: 1 })).toBe('1 post');
  });

  it('picks the language from the system', () => {
    expect(systemLanguage(['fr-CA', 'en-US'])).toBe('fr');
    expect(systemLanguage(['de-DE', 'en-GB'])).toBe('en');
    expect(systemLanguage(['de-DE'])).toBe('en');
  });
});
