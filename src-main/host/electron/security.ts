// Electron security checklist, the parts that are event handlers: every permission request and
// check is denied (items 5), <webview> never attaches (11, 12), the window never navigates away
// from atelier://app (13), new windows are never created (14) and only allow-listed links reach
// the OS browser (15). Takes Electron's objects as arguments so tests can pass fakes.
import type { App, Event, HandlerDetails, Session, WebContents } from 'electron';
import { isAllowedNavigation, isSafeExternalUrl } from './navigation';

export type OpenExternal = (url: string) => Promise<void>;

export interface SecurityDeps {
  app: Pick<App, 'on'>;
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;
  openExternal: OpenExternal;
}

/**
 * The one permission the page gets: writing text to the clipboard ("copy caption"), which Chromium
 * only allows during a user gesture. Reading the clipboard stays denied.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Denies every other permission (camera, microphone, notifications from the page, geolocation, …). */
export function denyAllPermissions(session: SecurityDeps['session']): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_webContents, permission) => ALLOWED_PERMISSIONS.has(permission));
  session.setDevicePermissionHandler(() => false);
}

function openIfSafe(url: string, openExternal: OpenExternal): void {
  if (isSafeExternalUrl(url)) {
    openExternal(url).catch((error: unknown) => console.error('[atelier] could not open link:', error));
  }
}

/** The handlers every web contents gets the moment it exists. */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event: Event, url: string) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    openIfSafe(url, openExternal);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event: Event, url: string) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event: Event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }: HandlerDetails) => {
    openIfSafe(url, openExternal);
    return { action: 'deny' };
  });
}

export function installSecurity(deps: SecurityDeps): void {
  denyAllPermissions(deps.session);
  deps.app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps.openExternal));
}
