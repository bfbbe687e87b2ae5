// The whole main process, with 'electron' mocked: what it registers before and after ready,
// the window it opens, the menus, the theme, the single-instance focus, the remembered window
// and a clean quit that closes the real SQLite library.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener[]>();
  const windows: FakeWindow[] = [];
  class FakeWindow {
    listeners = new Map<string, Listener[]>();
    minimized = false;
    webContents = { send: vi.fn() };
    loadURL = vi.fn(async (_url: string) => undefined);
    show = vi.fn();
    focus = vi.fn();
    maximize = vi.fn();
    restore = vi.fn(() => {
      this.minimized = false;
    });
    setBackgroundColor = vi.fn();
    constructor(public options: Record<string, unknown>) {
      windows.push(this);
    }
    on(name: string, l: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), l]);
      return this;
    }
    once(name: string, l: Listener) {
      return this.on(name, l);
    }
    emit(name: string, ...args: unknown[]) {
      for (const l of this.listeners.get(name) ?? []) l(...args);
    }
    isMinimized() {
      return this.minimized;
    }
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 150, y: 90, width: 1400, height: 900 };
    }
    static getAllWindows() {
      return windows;
    }
  }
  return {
    appListeners,
    windows,
    FakeWindow,
    lock: true,
    app: {
      on: vi.fn((name: string, l: Listener) => appListeners.set(name, [...(appListeners.get(name) ?? []), l])),
      emit(name: string, ...args: unknown[]) {
        for (const l of appListeners.get(name) ?? []) l(...args);
      },
      whenReady: vi.fn(() => Promise.resolve()),
      requestSingleInstanceLock: vi.fn((): boolean => fake.lock),
      enableSandbox: vi.fn(),
      setPath: vi.fn(),
      getLocale: vi.fn(() => 'fr-FR'),
      isPackaged: false,
      quit: vi.fn(),
      exit: vi.fn(),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    nativeTheme: { themeSource: 'unset', shouldUseDarkColors: false, on: vi.fn() },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    dialog: {
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/photos/a.png'] })),
      showSaveDialog: vi.fn(),
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(async () => ({ response: 0 })),
    },
    shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async () => '') },
    Notification: Object.assign(vi.fn(), { isSupported: () => false }),
  };
});
type FakeWindow = InstanceType<typeof fake.FakeWindow>;

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeWindow,
  dialog: fake.dialog,
  ipcMain: fake.ipcMain,
  Menu: fake.Menu,
  nativeTheme: fake.nativeTheme,
  Notification: fake.Notification,
  protocol: fake.protocol,
  screen: fake.screen,
  session: { defaultSession: fake.session },
  shell: fake.shell,
}));

const tick = () => new Promise((resolve) => setImmediate(resolve));
const trusted = { senderFrame: { url: 'atelier://app/index.html', parent: null } };
type Invoke = (event: unknown, method: string, input?: unknown) => Promise<{ ok: boolean; result?: unknown; error?: { code: string } }>;

function topLabels(): string[] {
  const built = fake.Menu.buildFromTemplate.mock.results.at(-1)!.value as { template: { label: string }[] };
  return built.template.map((m) => m.label);
}

describe('runDesktop when another Atelier holds the library', () => {
  it('quits at once without opening the library or a window', async () => {
    const temp = tempDir('atelier-desktop-lock-');
    fake.lock = false;
    const { runDesktop } = await import('../../../src-main/host/electron/desktop');
    runDesktop({ argv: ['electron', '.', `--data-dir=${temp.dir}`], outDir: temp.dir, handleSignals: false });
    await tick();
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
    expect(existsSync(path.join(temp.dir, 'atelier.db'))).toBe(false);
    fake.lock = true;
    fake.app.quit.mockClear();
    fake.appListeners.clear();
    temp.cleanup();
  });
});

describe('runDesktop when the library cannot be opened', () => {
  it('says so in a native error box in the OS language and exits with 1, without a window', async () => {
    const temp = tempDir('atelier-desktop-bad-');
    const notAFolder = path.join(temp.dir, 'library');
    writeFileSync(notAFolder, 'this is a file, not a library folder');
    const { runDesktop } = await import('../../../src-main/host/electron/desktop');
    runDesktop({ argv: ['electron', '.', `--data-dir=${notAFolder}`], outDir: temp.dir, handleSignals: false });
    await tick();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Atelier ne peut pas ouvrir sa bibliothèque', expect.stringContaining('is a file, not a folder'));
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(fake.windows).toHaveLength(0);
    expect(readFileSync(notAFolder, 'utf8')).toBe('this is a file, not a library folder');
    vi.clearAllMocks();
    fake.appListeners.clear();
    temp.cleanup();
  });
});

describe('runDesktop', () => {
  const temp = tempDir('atelier-desktop-');
  const dataDir = path.join(temp.dir, 'library');
  const outDir = path.join(temp.dir, 'out');
  let win: FakeWindow;
  let invoke: Invoke;

  beforeAll(async () => {
    mkdirSync(path.join(outDir, 'renderer'), { recursive: true });
    writeFileSync(path.join(outDir, 'renderer', 'index.html'), '<!doctype html><title>Atelier</title>');
    mkdirSync(dataDir, { recursive: true });
    // Remembered on a monitor that is no longer there.
    writeFileSync(path.join(dataDir, 'window-state.json'), JSON.stringify({ x: 4000, y: 100, width: 1400, height: 900 }));
    const { runDesktop } = await import('../../../src-main/host/electron/desktop');
    runDesktop({ argv: ['electron', '.', '--data-dir', dataDir], outDir, handleSignals: false });
    await tick();
    win = fake.windows[0]!;
    invoke = fake.ipcMain.handle.mock.calls.find((c) => c[0] === 'atelier:invoke')![1] as Invoke;
  });
  afterAll(() => temp.cleanup());

  it('before ready: registers atelier:// as a secure standard scheme and sandboxes every renderer', () => {
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'atelier', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(fake.app.setPath).toHaveBeenCalledWith('sessionData', path.join(dataDir, 'chromium'));
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it('denies permissions and hardens every web contents', () => {
    expect(fake.session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(fake.session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(fake.appListeners.get('web-contents-created')).toHaveLength(1);
  });

  it('serves the renderer over atelier:// with the CSP', async () => {
    const [scheme, handler] = fake.protocol.handle.mock.calls[0] as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('atelier');
    const response = await handler(new Request('atelier://app/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
  });

  it('opens one hardened window on the app page, back on a screen that exists', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: path.join(outDir, 'preload', 'index.cjs') });
    expect(win.options).toMatchObject({ x: 260, y: 70, width: 1400, height: 900 });
    expect(win.loadURL).toHaveBeenCalledWith('atelier://app/index.html');
  });

  it('answers calls from the app window and refuses others', async () => {
    const created = await invoke(trusted, 'clients.create', { name: 'Maison Lumière', timeZone: 'Europe/Paris' });
    expect(created.ok).toBe(true);
    expect(win.webContents.send).toHaveBeenCalledWith('atelier:event', 'clients.changed', expect.anything());
    const refused = await invoke({ senderFrame: { url: 'https://example.com/', parent: null } }, 'clients.list', {});
    expect(refused.error?.code).toBe('unauthorized');
  });

  it('builds the menus in the OS language and follows the OS theme', () => {
    expect(topLabels()).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(fake.nativeTheme.themeSource).toBe('system');
  });

  it('switches the menu language and the native theme when Settings change', async () => {
    await invoke(trusted, 'settings.update', { language: 'en', theme: 'dark' });
    expect(topLabels()).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(fake.nativeTheme.themeSource).toBe('dark');
  });

  it('sends menu commands to the window', () => {
    const built = fake.Menu.buildFromTemplate.mock.results.at(-1)!.value as { template: { id: string; submenu: { id?: string; click?: () => void }[] }[] };
    built.template.find((m) => m.id === 'view')!.submenu.find((i) => i.id === 'goto.calendar')!.click!();
    expect(win.webContents.send).toHaveBeenCalledWith('atelier:event', 'app.menuCommand', { command: 'goto.calendar' });
  });

  it('opens native dialogs attached to the window through the contract', async () => {
    const outcome = await invoke(trusted, 'dialogs.openFile', { filters: [{ name: 'Images', extensions: ['png'] }] });
    expect(outcome).toEqual({ ok: true, result: { canceled: false, paths: ['/photos/a.png'] } });
    expect((fake.dialog.showOpenDialog.mock.calls[0] as unknown[])[0]).toBe(win);
  });

  it('a second launch restores and focuses the first window', () => {
    win.minimized = true;
    fake.app.emit('second-instance', {}, ['electron', '.'], process.cwd());
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('remembers the window bounds when it closes', () => {
    win.emit('close');
    expect(JSON.parse(readFileSync(path.join(dataDir, 'window-state.json'), 'utf8'))).toEqual({ x: 150, y: 90, width: 1400, height: 900, maximized: false });
  });

  it('quits cleanly: waits for the library to close, then quits, and the client is on disk', async () => {
    const event = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
    // The second will-quit (from that quit) goes through.
    const again = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    const wal = path.join(dataDir, 'atelier.db-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const db = new Database(path.join(dataDir, 'atelier.db'), { readonly: true });
    const names = db.prepare('SELECT name FROM clients').all() as { name: string }[];
    db.close();
    expect(names.map((n) => n.name)).toEqual(['Maison Lumière']);
  });
});
