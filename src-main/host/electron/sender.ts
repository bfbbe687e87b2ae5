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
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
}
