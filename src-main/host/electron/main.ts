// The Electron main process: the only code that imports 'electron'. It opens the library, serves the
// renderer over atelier:// (never file://), relays the contract over one IPC channel with the
// sender checked, and pushes change events to the window.
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAtelier, type Atelier } from '../../app';
import { AtelierError } from '../../contract/errors';
import { resolveDataDir } from '../shared/data-dir';
import { securityHeaders } from '../shared/csp';
import { resolveStaticPath } from '../shared/static-files';
import { isAllowedNavigation, isSafeExternalUrl, isTrustedSender } from './sender';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, windowOptions } from './window-options';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false } },
]);

const dataDirFlag = process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
const dataDir = resolveDataDir(dataDirFlag);
app.setPath('userData', dataDir);

let atelier: Atelier | null = null;
let mainWindow: BrowserWindow | null = null;

const rendererRoot = path.join(__dirname, '..', 'renderer');
const boundsFile = () => path.join(dataDir, 'window-state.json');

function readBounds(): { x?: number; y?: number; width: number; height: number } | undefined {
  try {
    const value = JSON.parse(readFileSync(boundsFile(), 'utf8')) as { x?: number; y?: number; width: number; height: number };
    return typeof value.width === 'number' && typeof value.height === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

function registerProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStaticPath(rendererRoot, url.pathname) : null;
    if (!file || !existsSync(file)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    for (const [k, v] of Object.entries(securityHeaders())) headers.set(k, v);
    return new Response(response.body, { status: response.status, headers });
  });
}

function registerIpc(app: Atelier): void {
  ipcMain.handle('atelier:invoke', async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: new AtelierError('unauthorized', 'Calls are accepted only from the Atelier window.').toWire() };
    }
    return app.dispatch(method, input);
  });
  app.events.subscribe((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send('atelier:event', name, payload);
  });
}

function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (e, url) => {
    if (!isAllowedNavigation(url)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isAllowedNavigation(url)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

function createWindow(): void {
  const win = new BrowserWindow(windowOptions(path.join(__dirname, '..', 'preload', 'index.cjs'), readBounds()));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    try {
      writeFileSync(boundsFile(), JSON.stringify(win.getBounds()));
    } catch {
      // the window size is a convenience; never block closing on it
    }
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.whenReady().then(
    () => {
      hardenSessions();
      registerProtocol();
      try {
        atelier = createAtelier({ dataDir, host: 'electron', validateOutput: !app.isPackaged, autoBackup: true });
      } catch (error) {
        dialog.showErrorBox('Atelier cannot open its library', (error as Error).message);
        app.exit(1);
        return;
      }
      registerIpc(atelier);
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

  app.on('will-quit', () => {
    atelier?.close();
    atelier = null;
  });
}
