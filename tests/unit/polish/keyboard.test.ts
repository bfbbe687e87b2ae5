import { describe, expect, it } from 'vitest';
import { comboKeys, matches, NUMBERED_SCREENS, screenShortcut, SHORTCUTS } from '../../../src-renderer/app/shortcuts';
import { filterItems, fold, type PaletteItem } from '../../../src-renderer/app/CommandPalette';
import en from '../../../src-renderer/locales/en/polish.json';
import fr from '../../../src-renderer/locales/fr/polish.json';
import menuEn from '../../../src-renderer/locales/en/menu.json';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcut matching', () => {
  it('reads Mod as Ctrl off macOS and ⌘ on macOS, and never both', () => {
    expect(matches(key('k', { ctrlKey: true }), 'Mod+K', false)).toBe(true);
    expect(matches(key('k', { metaKey: true }), 'Mod+K', false)).toBe(false);
    expect(matches(key('k', { metaKey: true }), 'Mod+K', true)).toBe(true);
    expect(matches(key('k', { ctrlKey: true }), 'Mod+K', true)).toBe(false);
    expect(matches(key('k'), 'Mod+K', false)).toBe(false);
  });
  it('tells Shift combinations apart, but lets symbols carry their own Shift', () => {
    expect(matches(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+Z', false)).toBe(true);
    expect(matches(key('z', { ctrlKey: true }), 'Mod+Shift+Z', false)).toBe(false);
    expect(matches(key('?', { shiftKey: true }), '?', false)).toBe(true);
    expect(matches(key(',', { ctrlKey: true }), 'Mod+,', false)).toBe(true);
  });
  it('numbers the screens as the native View menu does (Mod+1…7 → calendar…insights)', () => {
    expect(NUMBERED_SCREENS).toEqual(['calendar', 'editor', 'captions', 'library', 'packs', 'clients', 'insights']);
    expect(Object.keys(menuEn.appMenu.goto)).toEqual(expect.arrayContaining([...NUMBERED_SCREENS]));
    expect(screenShortcut('library', false)).toBe('Control+4');
    expect(screenShortcut('settings', true)).toBe('Meta+,');
  });
  it('writes keys the way the platform and the language do', () => {
    const french = (k: string) => (fr.polish.keys as Record<string, string>)[k]!;
    expect(comboKeys('Mod+Shift+Z', false, french)).toEqual(['Ctrl', 'Maj', 'Z']);
    expect(comboKeys('Mod+Shift+Z', true, french)).toEqual(['⌘', '⇧', 'Z']);
    expect(comboKeys('Delete', false, french)).toEqual(['Suppr']);
    expect(comboKeys('Mod+,', false)).toEqual(['Mod', ',']);
  });
  it('has a label in both languages for every shortcut in the cheat sheet', () => {
    const get = (tree: unknown, id: string) => id.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
    for (const s of SHORTCUTS) {
      expect(typeof get(en.polish.shortcuts.actions, s.id), s.id).toBe('string');
      expect(typeof get(fr.polish.shortcuts.actions, s.id), s.id).toBe('string');
    }
  });
});

describe('command palette matching', () => {
  const item = (label: string, kind: PaletteItem['kind'] = 'client', detail?: string): PaletteItem => ({ id: label, kind, label, detail, run: () => undefined });
  const items = [item('Harbor Coffee Co.'), item('Maison Lumière'), item('Lumière winter promo', 'post', 'Maison Lumière · 3 Dec'), item('Go to Library', 'action')];

  it('ignores case and accents', () => {
    expect(fold('Lumière')).toBe('lumiere');
    expect(filterItems(items, 'LUMIERE').map((i) => i.label)).toEqual(['Lumière winter promo', 'Maison Lumière']);
  });
  it('needs every word, searching the detail too, and puts prefix matches first', () => {
    expect(filterItems(items, 'maison promo').map((i) => i.label)).toEqual(['Lumière winter promo']);
    expect(filterItems(items, 'ma').map((i) => i.label)[0]).toBe('Maison Lumière');
  });
  it('shows everything for an empty query and nothing for a miss', () => {
    expect(filterItems(items, '  ')).toHaveLength(4);
    expect(filterItems(items, 'zzz')).toEqual([]);
  });
});
