// Pure: where the window may go and which links may leave the app. The window only ever shows
// atelier://app; a link to the outside world opens in the OS browser, and only when it is https
// to a host on the allow-list (the networks the studio plans posts for), or a mailto: address.
import { APP_HOST, APP_SCHEME } from './window-options';

/** Hosts (and their subdomains) that links may open in the OS browser. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = Object.freeze([
  'instagram.com',
  'facebook.com',
  'linkedin.com',
  'x.com',
  'twitter.com',
  'tiktok.com',
  'pinterest.com',
  'youtube.com',
  'threads.net',
  'threads.com',
  'bsky.app',
]);

/** May the window navigate to this URL? Only within the app itself. */
export function isAllowedNavigation(target: string): boolean {
  try {
    const url = new URL(target);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
  } catch {
    return false;
  }
}

function hostAllowed(hostname: string, allowed: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return allowed.some((entry) => host === entry || host.endsWith(`.${entry}`));
}

/** May this link be handed to the OS (shell.openExternal)? https to an allowed host, or mailto:. */
export function isSafeExternalUrl(target: string, allowedHosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'mailto:') {
    let address: string;
    try {
      address = decodeURIComponent(url.pathname);
    } catch {
      return false; // malformed percent-encoding: not an address we open
    }
    return /^[^@\s/\\]+@[^@\s/\\]+$/.test(address);
  }
  if (url.protocol !== 'https:' || url.port !== '') return false;
  return hostAllowed(url.hostname, allowedHosts);
}
