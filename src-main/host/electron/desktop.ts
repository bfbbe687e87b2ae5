// The Electron main process, composed: the library opens in the chosen data folder, the renderer
// is served over atelier:// (never file://), the contract crosses one checked IPC channel, and the
// shell adds what a desktop app owes its user — one instance, a remembered window, native menus,
// dialogs and notifications, the OS theme, and a clean exit that closes the database.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, Notification, protocol, screen, session, shell } from 'electron';
import path from 'node:path';
import { createAtelier, type Atelier } from '../../app';
import type { Settings } from '../../contract';
import { APP_VERSION } from '../../version';
import { resolveDataDir } from '../shared/data-dir';
import { EVENT_CHANNEL } from './channels';
import { registerIpc } from './ipc';
import { buildMenuTemplate, menuLabels, menuLanguage, type MenuCommand } from './menu';
import { electronNativeShell } from './native-shell';
import { createAppProtocolHandler } from './protocol';
import { installSecurity } from './security';
import { themeSourceFor } from './theme';
import { APP_ENTRY_URL, APP_SCHEME, WINDOW_SIZING, windowBackground, windowOptions } from './window-options';
import { placeWindow, readWindowState, writeWindowState } from './window-state';

export interface DesktopOptions {
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** The folder holding out/main, out/preload and out/renderer. */
  outDir?: string;
  /** Quit cleanly on SIGINT/SIGTERM (off in tests, which share the process). */
  handleSignals?: boolean;
}

export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  const index = argv.indexOf('--data-dir');
  if (index >= 0 && argv[index + 1]) return argv[index + 1];
  return argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
}

export function runDesktop(options: DesktopOptions = {}): void {
  const argv = options.argv ?? process.argv;
  const outDir = options.outDir ?? path.join(__dirname, '..');
  const dataDir = resolveDataDir(dataDirFromArgv(argv), options.env ?? process.env);

  // Before ready: our scheme is a real origin (fetch, CSP 'self'), and every renderer is sandboxed.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true } },
  ]);
  app.enableSandbox();
  // The library folder is Electron's userData (so the single-instance lock is per library);
  // Chromium's caches go to a sub-folder, away from the user's files.
  app.setPath('userData', dataDir);
  app.setPath('sessionData', path.join(dataDir, 'chromium'));

  if (!app.requestSingleInstanceLock()) {
    // Another Atelier already has this library open: it gets focus (second-instance), we leave.
    app.quit();
    return;
  }

  let atelier: Atelier | null = null;
  let mainWindow: BrowserWindow | null = null;
  let closedCleanly = false;

  const focusMainWindow = () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  const sendCommand = (command: MenuCommand) => {
    focusMainWindow();
    mainWindow?.webContents.send(EVENT_CHANNEL, 'app.menuCommand', { command });
  };

  function applyMenu(language: Settings['language'] | undefined): void {
    const labels = menuLabels(menuLanguage(language, app.getLocale()));
    const template = buildMenuTemplate({
      labels,
      platform: process.platform,
      developer: !app.isPackaged,
      actions: {
        command: sendCommand,
        showLibraryFolder: () => {
          void shell.openPath(dataDir);
        },
        about: () => {
          const options = {
            type: 'info' as const,
            title: labels.about,
            message: 'Atelier',
            detail: labels.aboutDetail.replace('{{version}}', APP_VERSION),
            buttons: [labels.ok],
          };
          void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
        },
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  function applyPreferences(settings: Settings): void {
    nativeTheme.themeSource = themeSourceFor(settings.theme);
    applyMenu(settings.language);
  }

  function createWindow(): void {
    const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays().filter((d) => d.id !== screen.getPrimaryDisplay().id)];
    const placed = placeWindow(readWindowState(dataDir), displays.map((d) => d.workArea), WINDOW_SIZING);
    const win = new BrowserWindow(windowOptions(path.join(outDir, 'preload', 'index.cjs'), placed, { dark: nativeTheme.shouldUseDarkColors }));
    mainWindow = win;
    if (placed.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());
    win.on('close', () => {
      try {
        writeWindowState(dataDir, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
      } catch (error) {
        console.error('[atelier] could not remember the window size:', error); // never block closing on it
      }
    });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    void win.loadURL(APP_ENTRY_URL);
  }

  app.on('second-instance', focusMainWindow);

  app.whenReady().then(
    () => {
      // Links reach the OS browser only through security.ts, which checks isSafeExternalUrl (https, allow-listed host) first.
      const openExternal = (url: string) => shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: only called by security.ts after isSafeExternalUrl(url)
      installSecurity({ app, session: session.defaultSession, openExternal });
      protocol.handle(
        APP_SCHEME,
        createAppProtocolHandler(path.join(outDir, 'renderer'), () => {
          try {
            return atelier?.services.media ?? null;
          } catch {
            return null; // the library needs recovery: no media to serve
          }
        }),
      );
      try {
        atelier = createAtelier({
          dataDir,
          host: 'electron',
          validateOutput: !app.isPackaged,
          watchExternalChanges: true,
          autoBackup: true,
          systemLocale: app.getLocale(),
          native: electronNativeShell({
            dialog,
            window: () => mainWindow,
            notificationsSupported: () => Notification.isSupported(),
            createNotification: (o) => new Notification(o),
            showItemInFolder: (file) => shell.showItemInFolder(file),
          }),
        });
      } catch (error) {
        dialog.showErrorBox(menuLabels(menuLanguage(undefined, app.getLocale())).cannotOpenLibrary, (error as Error).message);
        app.exit(1);
        return;
      }
      const opened = atelier;
      registerIpc(ipcMain, {
        dispatch: opened.dispatch,
        subscribe: (listener) => opened.events.subscribe(listener),
        // The calling window has the events in its call's answer already.
        broadcast: (channel, name, payload, origin) => {
          for (const win of BrowserWindow.getAllWindows()) if (win.webContents !== origin) win.webContents.send(channel, name, payload);
        },
      });
      applyPreferences(opened.services.system.settings());
      opened.events.subscribe((name, payload) => {
        if (name === 'settings.changed') applyPreferences(payload as Settings);
      });
      nativeTheme.on('updated', () => mainWindow?.setBackgroundColor(windowBackground(nativeTheme.shouldUseDarkColors)));
      createWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) createWindow();
      });
    },
    (error: unknown) => {
      console.error('[atelier] failed to start:', error);
      app.exit(1);
    },
  );

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // After the windows are gone: flush what is pending (autosave hooks), close the database, leave.
  app.on('will-quit', (event) => {
    if (closedCleanly || !atelier) return;
    event.preventDefault();
    atelier
      .shutdown()
      .catch((error: unknown) => console.error('[atelier] closing the library failed:', error))
      .finally(() => {
        closedCleanly = true;
        atelier = null;
        app.quit();
      });
  });

  // A terminal's Ctrl+C or a service manager's SIGTERM gets the same clean exit.
  if (options.handleSignals !== false) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}
