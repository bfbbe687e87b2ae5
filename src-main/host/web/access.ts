// Who may do what on the web host. Two secrets per launch:
//  - the *token*, printed in the start-up URL: the page keeps it (localStorage, which is per origin,
//    port included) and sends it itself — as a WebSocket sub-protocol for the RPC and as a Bearer
//    header for uploads. It is never put in a cookie, so no other server on 127.0.0.1 receives it.
//  - a *page cookie* (`atelier_<port>`, HttpOnly, SameSite=Strict), set when the page is opened
//    with the token. Browsers send cookies to every port of a host (RFC 6265 §8.5), so this cookie
//    may reach another local server: it only opens what an <img> or a download link needs —
//    GET/HEAD of the renderer files, the library's pictures and finished downloads, all addressed
//    by unguessable ids — never the RPC, an upload or anything that writes.
// Every check here is total: any header value, however malformed, gets a verdict, never a throw.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

/** The sub-protocol the renderer speaks; the server answers with it (never with the token one). */
export const RPC_PROTOCOL = 'atelier.rpc';
/** `atelier.token.<token>`: how the page hands its token over with the WebSocket handshake. */
export const TOKEN_PROTOCOL_PREFIX = 'atelier.token.';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export function generateSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Per port, so two studios on one computer keep their own, and a name never carries the token. */
export function pageCookieName(port: number): string {
  return `atelier_${port}`;
}

export function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A request target as a URL, or null when it is not one (`GET http://[ HTTP/1.1`). */
export function parseTarget(target: string | undefined): URL | null {
  try {
    const url = new URL(target ?? '/', 'http://localhost');
    // An absolute-form target (`GET http://other/…`) is read for its path and query only.
    return url;
  } catch {
    return null;
  }
}

/**
 * Every raw value sent for one cookie name (no percent-decoding: ours are base64url). Several when
 * another local page planted a same-named cookie with a longer path (cookie tossing): ours still counts.
 */
export function readCookies(header: string | string[] | undefined, name: string): string[] {
  if (typeof header !== 'string') return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/** Host header must name this server on loopback (DNS-rebinding guard). */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (typeof hostHeader !== 'string') return false;
  const host = hostHeader.toLowerCase();
  return LOOPBACK_NAMES.some((name) => host === `${name}:${port}`);
}

/** Origin must be this server's own page (WebSocket handshakes and uploads). */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (typeof origin !== 'string') return false;
  const value = origin.toLowerCase();
  return LOOPBACK_NAMES.some((name) => value === `http://${name}:${port}`);
}

/** The token from `Authorization: Bearer …`. */
export function bearerToken(req: http.IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1]! : null;
}

/** The sub-protocols a WebSocket handshake offers. */
export function offeredProtocols(req: http.IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'];
  if (typeof header !== 'string') return [];
  return header
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

export interface Secrets {
  token: string;
  pageCookie: string;
  port: number;
}

/** `full`: the RPC and uploads (token only). `page`: GET/HEAD of pages, pictures and downloads. */
export type AccessLevel = 'full' | 'page';

export type Verdict = { ok: true; level: AccessLevel; tokenInQuery: boolean } | { ok: false; status: 400 | 401 | 403; reason: string };

/**
 * Decides one request: Host first (403), then the token (query, Bearer header or WebSocket
 * sub-protocol) or, for `page` access, the page cookie (401), then Origin where it is required (403).
 */
export function authorize(req: http.IncomingMessage, url: URL, secrets: Secrets, need: AccessLevel, options: { requireOrigin?: boolean } = {}): Verdict {
  if (!isAllowedHost(req.headers.host, secrets.port)) return { ok: false, status: 403, reason: 'Forbidden host.' };
  const verdict = credentials(req, url, secrets, need);
  if (verdict.ok && options.requireOrigin && !isAllowedOrigin(req.headers.origin, secrets.port)) return { ok: false, status: 403, reason: 'Forbidden origin.' };
  return verdict;
}

function credentials(req: http.IncomingMessage, url: URL, secrets: Secrets, need: AccessLevel): Verdict {
  const queryToken = url.searchParams.get('token');
  if (queryToken !== null) {
    return sameSecret(queryToken, secrets.token) ? { ok: true, level: 'full', tokenInQuery: true } : { ok: false, status: 401, reason: 'Invalid token.' };
  }
  const presented = bearerToken(req) ?? offeredProtocols(req).find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length) ?? null;
  if (presented !== null) {
    return sameSecret(presented, secrets.token) ? { ok: true, level: 'full', tokenInQuery: false } : { ok: false, status: 401, reason: 'Invalid token.' };
  }
  if (need === 'page' && readCookies(req.headers.cookie, pageCookieName(secrets.port)).some((value) => sameSecret(value, secrets.pageCookie))) {
    return { ok: true, level: 'page', tokenInQuery: false };
  }
  return { ok: false, status: 401, reason: 'Missing token: open the address Atelier printed when it started.' };
}

/** The Set-Cookie header for the page cookie. */
export function pageCookieHeader(secrets: Secrets): string {
  return `${pageCookieName(secrets.port)}=${secrets.pageCookie}; HttpOnly; SameSite=Strict; Path=/`;
}
