// Native dialogs and notifications through the contract: real in the desktop app, a clear
// `unsupported` (dialogs) or `shown: false` (notifications) everywhere else.
import { describe, expect, it, vi } from 'vitest';
import { createAtelier } from '../../../src-main/app';
import { electronNativeShell, type NativeShellDeps } from '../../../src-main/host/electron/native-shell';
import { testAtelier } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';

describe('dialogs and notifications outside the desktop app', () => {
  const t = testAtelier();

  it('answers the dialog methods with unsupported, saying where they work', async () => {
    for (const method of ['dialogs.openFile', 'dialogs.saveFile'] as const) {
      const outcome = await t.atelier.dispatch(method, {});
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error.code).toBe('unsupported');
      expect(outcome.error.message).toMatch(/only available in the desktop app/);
    }
  });

  it('says browser mode when the web host asks', async () => {
    const temp = tempDir();
    const web = createAtelier({ dataDir: temp.dir, host: 'web' });
    try {
      const outcome = await web.dispatch('dialogs.openFile', {});
      expect(outcome.ok === false && outcome.error.message).toMatch(/browser mode cannot open them/);
    } finally {
      web.close();
      temp.cleanup();
    }
  });

  it('reports that no notification was shown, so the renderer shows a toast instead', async () => {
    await expect(t.atelier.call('notifications.show', { title: 'Export finished' })).resolves.toEqual({ shown: false });
  });

  it.each([
    ['dialogs.saveFile', { defaultName: '../../etc/passwd' }, 'defaultName'],
    ['dialogs.saveFile', { defaultName: 'a.zip', path: '/tmp' }, 'path'],
    ['dialogs.openFile', { filters: [{ name: 'Images', extensions: ['.png'] }] }, 'filters.0.extensions.0'],
    ['notifications.show', { title: '' }, 'title'],
  ] as const)('%s refuses bad input %j naming %s', async (method, input, field) => {
    const outcome = await t.atelier.dispatch(method, input);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('invalid_input');
    expect(outcome.error.message).toContain(field);
  });

  it('cleans up', () => t.cleanup());
});

describe('electronNativeShell', () => {
  function deps(supported = true) {
    const win = { isMinimized: vi.fn(() => true), restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
    const notification = { on: vi.fn(), show: vi.fn() };
    const d = {
      dialog: {
        showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/u/a.png', '/home/u/b.png'] })),
        showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/u/acme.zip' })),
      },
      window: () => win as never,
      notificationsSupported: () => supported,
      createNotification: vi.fn(() => notification),
      showItemInFolder: vi.fn(),
    };
    return { d, win, notification };
  }

  it('opens files modally to the window, with filters and multi-selection', async () => {
    const { d, win } = deps();
    const shell = electronNativeShell(d as unknown as NativeShellDeps);
    const result = await shell.showOpenDialog({ title: 'Import', multiple: true, filters: [{ name: 'Images', extensions: ['png', 'jpg'] }] });
    expect(result).toEqual({ canceled: false, paths: ['/home/u/a.png', '/home/u/b.png'] });
    expect(d.dialog.showOpenDialog).toHaveBeenCalledWith(win, {
      title: 'Import',
      filters: [{ name: 'Images', extensions: ['png', 'jpg'] }],
      properties: ['openFile', 'multiSelections'],
    });
  });

  it('picks folders when asked and reports a cancel with no paths', async () => {
    const { d } = deps();
    d.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: ['/ignored'] });
    const result = await electronNativeShell(d as unknown as NativeShellDeps).showOpenDialog({ directory: true });
    expect(result).toEqual({ canceled: true, paths: [] });
    expect((d.dialog.showOpenDialog.mock.calls[0] as unknown[])[1]).toMatchObject({ properties: ['openDirectory'] });
  });

  it('saves with the suggested name, and a cancel gives no path', async () => {
    const { d } = deps();
    const shell = electronNativeShell(d as unknown as NativeShellDeps);
    await expect(shell.showSaveDialog({ defaultName: 'acme.zip' })).resolves.toEqual({ canceled: false, path: '/home/u/acme.zip' });
    expect((d.dialog.showSaveDialog.mock.calls[0] as unknown[])[1]).toMatchObject({ defaultPath: 'acme.zip' });
    d.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(shell.showSaveDialog({})).resolves.toEqual({ canceled: true, path: null });
  });

  it('shows a notification whose click brings the window back', () => {
    const { d, win, notification } = deps();
    expect(electronNativeShell(d as unknown as NativeShellDeps).notify({ title: 'Reminder', body: 'Post for Acme at 9:00' })).toBe(true);
    expect(d.createNotification).toHaveBeenCalledWith({ title: 'Reminder', body: 'Post for Acme at 9:00', silent: false });
    expect(notification.show).toHaveBeenCalled();
    const onClick = notification.on.mock.calls.find((c) => c[0] === 'click')![1] as () => void;
    onClick();
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('shows a rendered image in the file manager', () => {
    const { d } = deps();
    expect(electronNativeShell(d as unknown as NativeShellDeps).reveal('/lib/exports/posts/p1/2026-12-03_galette_instagram.png')).toBe(true);
    expect(d.showItemInFolder).toHaveBeenCalledWith('/lib/exports/posts/p1/2026-12-03_galette_instagram.png');
  });

  it('reports shown: false where the OS has no notifications', () => {
    const { d } = deps(false);
    expect(electronNativeShell(d as unknown as NativeShellDeps).notify({ title: 'x' })).toBe(false);
    expect(d.createNotification).not.toHaveBeenCalled();
  });
});
