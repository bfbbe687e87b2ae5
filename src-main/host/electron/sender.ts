// Pure: is an IPC message from our own top-level page? (VS Code's validatedIpcMain does the same.)
import { APP_HOST, APP_SCHEME } from './window-options';

export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false; // main frame only, never an iframe
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/** Pure: may a navigation go to this URL? Only within the app itself. */
export function isAllowedNavigation(target: string): boolean {
  try {
    const url = new URL(target);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Pure: links the app may hand to the OS browser (https only; never file:, javascript:, custom schemes). */
export function isSafeExternalUrl(target: string): boolean {
  try {
    const url = new URL(target);
    return (url.protocol === 'https:' || url.protocol === 'mailto:') && !url.username && !url.password;
  } catch {
    return false;
  }
}
