// What the services may ask of the desktop around them: file dialogs, notifications and showing a file in its folder. The
// Electron host implements it with Electron's dialog and Notification; every other host (web,
// CLI, tests) gets `noNativeShell`, whose dialogs fail with a clear `unsupported` error and whose
// notifications report that nothing was shown. Services never import electron: they take this.
import type { dialogMethods, NotificationRequest, OpenDialogRequest, SaveDialogRequest } from '../contract/api/dialogs';
import { AtelierError } from '../contract/errors';
import type { HandlersFor } from '../contract/handlers';

export interface NativeShell {
  readonly kind: 'desktop' | 'none';
  showOpenDialog(request: OpenDialogRequest): Promise<{ canceled: boolean; paths: string[] }>;
  showSaveDialog(request: SaveDialogRequest): Promise<{ canceled: boolean; path: string | null }>;
  /** Returns false when the platform has no notifications (or they are off): show a toast instead. */
  notify(notification: NotificationRequest): boolean;
  /** Shows a file in the OS file manager; false where there is none (browser mode downloads instead). */
  reveal(file: string): boolean;
}

export function noNativeShell(hostLabel: string): NativeShell {
  const unsupported = (what: string) =>
    new AtelierError(
      'unsupported',
      `${what} are only available in the desktop app; ${hostLabel} cannot open them. In the browser, use the page's own file picker or download instead.`,
      { host: hostLabel },
      { key: 'native.desktopOnly' },
    );
  return {
    kind: 'none',
    showOpenDialog: () => Promise.reject(unsupported('Native open dialogs')),
    showSaveDialog: () => Promise.reject(unsupported('Native save dialogs')),
    notify: () => false,
    reveal: () => false,
  };
}

export function nativeHandlers(native: NativeShell): HandlersFor<typeof dialogMethods> {
  return {
    'dialogs.openFile': (input) => native.showOpenDialog(input),
    'dialogs.saveFile': (input) => native.showSaveDialog(input),
    'notifications.show': (input) => ({ shown: native.notify(input) }),
  };
}
