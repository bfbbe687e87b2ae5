// The desktop side of services/native.ts: Electron's file dialogs (attached to the window, so
// they are modal to it), notifications (a click brings the window back) and "show in folder".
import type { BrowserWindow, Dialog, NotificationConstructorOptions } from 'electron';
import type { FileFilter } from '../../contract/api/dialogs';
import type { NativeShell } from '../../services/native';

export interface NativeShellDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  window: () => BrowserWindow | null;
  notificationsSupported: () => boolean;
  createNotification: (options: NotificationConstructorOptions) => { on(event: 'click', listener: () => void): unknown; show(): void };
  showItemInFolder: (file: string) => void;
}

const toElectronFilters = (filters: FileFilter[] | undefined) => filters?.map((f) => ({ name: f.name, extensions: [...f.extensions] }));

export function electronNativeShell(deps: NativeShellDeps): NativeShell {
  return {
    kind: 'desktop',
    async showOpenDialog(request) {
      const properties: ('openFile' | 'openDirectory' | 'multiSelections')[] = [request.directory ? 'openDirectory' : 'openFile'];
      if (request.multiple) properties.push('multiSelections');
      const options = { title: request.title, filters: toElectronFilters(request.filters), properties };
      const win = deps.window();
      const result = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
      return { canceled: result.canceled, paths: result.canceled ? [] : result.filePaths };
    },
    async showSaveDialog(request) {
      const options = { title: request.title, defaultPath: request.defaultName, filters: toElectronFilters(request.filters) };
      const win = deps.window();
      const result = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
      return { canceled: result.canceled || !result.filePath, path: result.canceled || !result.filePath ? null : result.filePath };
    },
    notify({ title, body }) {
      if (!deps.notificationsSupported()) return false;
      const notification = deps.createNotification({ title, body: body ?? '', silent: false });
      notification.on('click', () => {
        const win = deps.window();
        if (!win) return;
        if (win.isMinimized()) win.restore();
        win.show();
        win.focus();
      });
      notification.show();
      return true;
    },
    reveal(file) {
      deps.showItemInFolder(file);
      return true;
    },
  };
}
