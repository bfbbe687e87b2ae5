// Browser mode's access token. The address Atelier prints carries it once (`?token=…`); the page
// keeps it in localStorage — which belongs to this origin alone, port included, unlike cookies,
// which every server on 127.0.0.1 receives — takes it out of the address bar, and sends it itself:
// as a WebSocket sub-protocol and as a Bearer header on uploads. It is never put in a cookie.
const KEY = 'atelier.token';

export function pageToken(): string | null {
  const url = new URL(location.href);
  const given = url.searchParams.get('token');
  if (given) {
    try {
      localStorage.setItem(KEY, given);
    } catch {
      // storage refused (a locked-down profile): the address keeps it for this visit
      return given;
    }
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return given;
  }
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Headers that authorise an upload. */
export function authHeaders(): Record<string, string> {
  const token = pageToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** The WebSocket sub-protocols: ours, and the one that carries the token (the server never echoes it). */
export function rpcProtocols(): string[] {
  const token = pageToken();
  return token ? ['atelier.rpc', `atelier.token.${token}`] : ['atelier.rpc'];
}
