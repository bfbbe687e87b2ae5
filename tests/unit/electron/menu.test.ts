// Native menus: File, Edit, View, Window, Help with the usual accelerators, in English or French.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, menuLabels, menuLanguage, type MenuActions, type MenuLanguage } from '../../../src-main/host/electron/menu';
import en from '../../../src-renderer/locales/en/menu.json';
import fr from '../../../src-renderer/locales/fr/menu.json';

function actions() {
  return { command: vi.fn<MenuActions['command']>(), showLibraryFolder: vi.fn<() => void>(), about: vi.fn<() => void>() };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(language: MenuLanguage, platform: NodeJS.Platform = 'linux', developer = false, a = actions()) {
  return buildMenuTemplate({ labels: menuLabels(language), platform, developer, actions: a });
}

function keyPaths(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

describe('menu labels', () => {
  it('English and French have the same keys, none empty', () => {
    expect(keyPaths(fr).sort()).toEqual(keyPaths(en).sort());
    for (const path of keyPaths(fr)) {
      const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], fr);
      expect(String(value).trim(), path).not.toBe('');
    }
  });

  it.each([
    [undefined, 'fr-FR', 'fr'],
    ['system', 'fr_CA', 'fr'],
    ['system', 'en-GB', 'en'],
    ['system', 'de-DE', 'en'],
    ['en', 'fr-FR', 'en'],
    ['fr', 'en-US', 'fr'],
  ] as const)('setting %s with OS locale %s → %s', (setting, locale, expected) => {
    expect(menuLanguage(setting, locale)).toBe(expected);
  });
});

describe('buildMenuTemplate', () => {
  it.each([
    ['en', ['File', 'Edit', 'View', 'Window', 'Help']],
    ['fr', ['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']],
  ] as const)('has the five menus in %s', (language, labels) => {
    expect(build(language).map((m) => m.label)).toEqual(labels);
  });

  it('adds the Atelier app menu first on macOS, with About, Settings and Quit', () => {
    const menus = build('en', 'darwin');
    expect(menus.map((m) => m.id)).toEqual(['app', 'file', 'edit', 'view', 'window', 'help']);
    const appItems = (menus[0]!.submenu as MenuItemConstructorOptions[]).map((i) => i.id).filter(Boolean);
    expect(appItems).toEqual(['about', 'settings', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it.each([
    ['undo', 'CmdOrCtrl+Z'],
    ['cut', 'CmdOrCtrl+X'],
    ['copy', 'CmdOrCtrl+C'],
    ['paste', 'CmdOrCtrl+V'],
    ['selectAll', 'CmdOrCtrl+A'],
    ['redo', 'Ctrl+Y'],
    ['settings', 'CmdOrCtrl+,'],
    ['quit', 'CmdOrCtrl+Q'],
    ['close', 'CmdOrCtrl+W'],
    ['zoomIn', 'CmdOrCtrl+Plus'],
    ['zoomOut', 'CmdOrCtrl+-'],
    ['resetZoom', 'CmdOrCtrl+0'],
    ['togglefullscreen', 'F11'],
    ['minimize', 'CmdOrCtrl+M'],
    ['goto.calendar', 'CmdOrCtrl+1'],
    ['goto.clients', 'CmdOrCtrl+6'],
  ])('%s has the usual accelerator %s (Windows/Linux)', (id, accelerator) => {
    expect(flatten(build('en')).find((i) => i.id === id)?.accelerator).toBe(accelerator);
  });

  it.each(['linux', 'darwin', 'win32'] as const)('never gives two items the same accelerator on %s', (platform) => {
    const accelerators = flatten(build('en', platform, true))
      .map((i) => i.accelerator)
      .filter((a): a is string => typeof a === 'string');
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('uses the macOS redo and full-screen shortcuts on macOS', () => {
    const items = flatten(build('en', 'darwin'));
    expect(items.find((i) => i.id === 'redo')?.accelerator).toBe('Shift+Command+Z');
    expect(items.find((i) => i.id === 'togglefullscreen')?.accelerator).toBe('Ctrl+Command+F');
  });

  it('translates every labelled item', () => {
    const english = flatten(build('en')).filter((i) => i.label);
    const french = flatten(build('fr')).filter((i) => i.label);
    expect(french.map((i) => i.id)).toEqual(english.map((i) => i.id));
    expect(french.find((i) => i.id === 'undo')?.label).toBe('Annuler');
    expect(french.find((i) => i.id === 'goto.library')?.label).toBe('Médiathèque');
  });

  it('shows reload and developer tools only in development builds', () => {
    expect(flatten(build('en', 'linux', false)).some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
    expect(flatten(build('en', 'linux', true)).filter((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toHaveLength(2);
  });

  it('hands screen commands, the library folder and About to the actions', () => {
    const a = actions();
    const items = flatten(build('en', 'linux', false, a));
    const click = (id: string) => (items.find((i) => i.id === id)!.click as () => void)();
    click('goto.calendar');
    click('settings');
    click('showLibrary');
    click('about');
    expect(a.command.mock.calls).toEqual([['goto.calendar'], ['goto.settings']]);
    expect(a.showLibraryFolder).toHaveBeenCalledTimes(1);
    expect(a.about).toHaveBeenCalledTimes(1);
  });
});
