// Pure: the native menu bar (File, Edit, View, Window, Help; plus the app menu on macOS) with the
// usual accelerators and labels in English or French. The labels live with the renderer's strings
// in src-renderer/locales/<lang>/menu.json (key `appMenu`), so translators find every string in one
// place; the main process bundles those two JSON files. Clicks call the actions main.ts passes in.
import type { MenuItemConstructorOptions } from 'electron';
import type { EventPayload, Settings } from '../../contract';
import en from '../../../src-renderer/locales/en/menu.json';
import fr from '../../../src-renderer/locales/fr/menu.json';
import { uiLanguage } from '../../services/notification-text';

export type MenuLanguage = 'en' | 'fr';
export type MenuLabels = typeof en.appMenu;
export type MenuCommand = EventPayload<'app.menuCommand'>['command'];

const LABELS: Record<MenuLanguage, MenuLabels> = { en: en.appMenu, fr: fr.appMenu };

export function menuLabels(language: MenuLanguage): MenuLabels {
  return LABELS[language];
}

/** The menu's language: the one chosen in Settings, else the OS locale when it is French, else English. */
export function menuLanguage(setting: Settings['language'] | undefined, systemLocale: string): MenuLanguage {
  return uiLanguage(setting, systemLocale);
}

export interface MenuActions {
  /** Hands a command to the renderer (go to a screen…). */
  command(command: MenuCommand): void;
  showLibraryFolder(): void;
  about(): void;
}

export interface MenuOptions {
  labels: MenuLabels;
  platform: NodeJS.Platform;
  /** Reload and developer tools, for unpackaged builds only. */
  developer: boolean;
  actions: MenuActions;
}

const SCREENS = ['calendar', 'editor', 'captions', 'library', 'packs', 'clients', 'insights'] as const;

export function buildMenuTemplate({ labels: l, platform, developer, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const settingsItem: MenuItemConstructorOptions = {
    id: 'settings',
    label: l.settings,
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.command('goto.settings'),
  };
  const aboutItem: MenuItemConstructorOptions = { id: 'about', label: l.about, click: () => actions.about() };
  const quitItem: MenuItemConstructorOptions = { id: 'quit', label: l.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' };

  const appMenu: MenuItemConstructorOptions = {
    id: 'app',
    label: 'Atelier',
    submenu: [
      aboutItem,
      { type: 'separator' },
      settingsItem,
      { type: 'separator' },
      { id: 'services', label: l.services, role: 'services' },
      { type: 'separator' },
      { id: 'hide', label: l.hide, role: 'hide', accelerator: 'Command+H' },
      { id: 'hideOthers', label: l.hideOthers, role: 'hideOthers', accelerator: 'Command+Alt+H' },
      { id: 'unhide', label: l.unhide, role: 'unhide' },
      { type: 'separator' },
      quitItem,
    ],
  };

  const file: MenuItemConstructorOptions = {
    id: 'file',
    label: l.file,
    submenu: mac
      ? [{ id: 'close', label: l.close, role: 'close', accelerator: 'CmdOrCtrl+W' }]
      : [settingsItem, { type: 'separator' }, { id: 'close', label: l.close, role: 'close', accelerator: 'CmdOrCtrl+W' }, quitItem],
  };

  const edit: MenuItemConstructorOptions = {
    id: 'edit',
    label: l.edit,
    submenu: [
      { id: 'undo', label: l.undo, role: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { id: 'redo', label: l.redo, role: 'redo', accelerator: mac ? 'Shift+Command+Z' : 'Ctrl+Y' },
      { type: 'separator' },
      { id: 'cut', label: l.cut, role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { id: 'copy', label: l.copy, role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { id: 'paste', label: l.paste, role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { id: 'delete', label: l.delete, role: 'delete' },
      { type: 'separator' },
      { id: 'selectAll', label: l.selectAll, role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    id: 'view',
    label: l.view,
    submenu: [
      ...SCREENS.map(
        (screen, i): MenuItemConstructorOptions => ({
          id: `goto.${screen}`,
          label: l.goto[screen],
          accelerator: `CmdOrCtrl+${i + 1}`,
          click: () => actions.command(`goto.${screen}`),
        }),
      ),
      { type: 'separator' },
      { id: 'resetZoom', label: l.actualSize, role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { id: 'zoomIn', label: l.zoomIn, role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
      { id: 'zoomOut', label: l.zoomOut, role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      { type: 'separator' },
      { id: 'togglefullscreen', label: l.fullScreen, role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Command+F' : 'F11' },
      ...(developer
        ? ([
            { type: 'separator' },
            { id: 'reload', label: l.reload, role: 'reload', accelerator: 'CmdOrCtrl+R' },
            { id: 'toggleDevTools', label: l.devTools, role: 'toggleDevTools', accelerator: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    id: 'window',
    label: l.window,
    role: 'windowMenu',
    submenu: [
      { id: 'minimize', label: l.minimize, role: 'minimize', accelerator: 'CmdOrCtrl+M' },
      // Zoom (the green button) and Bring All to Front exist on macOS only.
      ...(mac
        ? ([{ id: 'zoom', label: l.zoom, role: 'zoom' }, { type: 'separator' }, { id: 'front', label: l.front, role: 'front' }] satisfies MenuItemConstructorOptions[])
        : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    id: 'help',
    label: l.help,
    role: 'help',
    submenu: [{ id: 'showLibrary', label: l.showLibrary, click: () => actions.showLibraryFolder() }, ...(mac ? [] : [{ type: 'separator' } as const, aboutItem])],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}
