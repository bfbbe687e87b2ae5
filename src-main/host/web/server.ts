// Browser mode and the e2e host: the built renderer and the contract over a WebSocket, on loopback
// only, behind a random per-launch token (query parameter first, then an HttpOnly cookie), with
// Host and Origin checked so another site or a DNS-rebinding page cannot reach the library.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { AtelierError } from '../../contract/errors';
import type { Atelier } from '../../app';
import { securityHeaders } from '../shared/csp';
import { mediaHeaders, resolveMedia } from '../shared/media';
import { mimeTypeFor, resolveStaticPath } from '../shared/static-files';
import { handlePackDownload, handlePackImport, handlePostImageDownload, PACK_DOWNLOAD_PREFIX, PACK_IMPORT_PATH, POST_IMAGE_PREFIX } from './packs-routes';
import { handleUpload, UPLOAD_PATH } from './upload';
import { decodeRequest, encodeEvent, encodeResponse } from './wire';

export const TOKEN_COOKIE = 'atelier_token';
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const PUT_ROUTES: Record<string, typeof handleUpload> = { [UPLOAD_PATH]: handleUpload, [PACK_IMPORT_PATH]: handlePackImport };

export interface WebHostOptions {
  atelier: Atelier;
  /** The renderer build (out/renderer). */
  rendererDir: string;
  port?: number;
  host?: string;
  /** Fixed token for tests; otherwise a fresh random one per launch. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export function generateToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameToken(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** Host header must name this server on loopback (DNS-rebinding guard). */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return LOOPBACK_NAMES.some((name) => hostHeader.toLowerCase() === `${name}:${port}`);
}

/** WebSocket Origin must be this server's own page. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (!origin) return false;
  return LOOPBACK_NAMES.some((name) => origin.toLowerCase() === `http://${name}:${port}`);
}

type Verdict = { ok: true; fromQuery: boolean } | { ok: false; status: 401 | 403; reason: string };

function checkRequest(req: http.IncomingMessage, port: number, token: string, websocket: boolean): Verdict {
  if (!isAllowedHost(req.headers.host, port)) return { ok: false, status: 403, reason: 'Forbidden host.' };
  if (websocket && !isAllowedOrigin(req.headers.origin, port)) return { ok: false, status: 403, reason: 'Forbidden origin.' };
  const url = new URL(req.url ?? '/', 'http://localhost');
  const queryToken = url.searchParams.get('token');
  if (queryToken !== null) {
    return sameToken(queryToken, token) ? { ok: true, fromQuery: true } : { ok: false, status: 401, reason: 'Invalid token.' };
  }
  if (sameToken(readCookie(req.headers.cookie, TOKEN_COOKIE), token)) return { ok: true, fromQuery: false };
  return { ok: false, status: 401, reason: 'Missing token: open the address Atelier printed when it started.' };
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? generateToken();
  const bindHost = options.host ?? '127.0.0.1';
  if (!['127.0.0.1', 'localhost', '::1'].includes(bindHost)) {
    throw new AtelierError('unsupported', `Atelier only listens on this computer (127.0.0.1), not on ${bindHost}.`, { host: bindHost }, { key: 'web.loopbackOnly' });
  }
  const { atelier, rendererDir } = options;
  let port = options.port ?? 0;

  const server = http.createServer((req, res) => {
    const verdict = checkRequest(req, port, token, false);
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(`Atelier: ${verdict.reason}\n`);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Large uploads in browser mode (media, packs): the raw bytes as the body, not base64 over the WebSocket.
    const put = PUT_ROUTES[url.pathname];
    if (put) {
      if (req.method !== 'PUT') {
        res.writeHead(405, { Allow: 'PUT' }).end();
        return;
      }
      if (!isAllowedOrigin(req.headers.origin, port)) {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Atelier: Forbidden origin.\n');
        return;
      }
      void put(atelier, req, res, url);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname.startsWith(PACK_DOWNLOAD_PREFIX)) {
      handlePackDownload(atelier, req, res, url);
      return;
    }
    if (url.pathname.startsWith(POST_IMAGE_PREFIX)) {
      handlePostImageDownload(atelier, req, res, url);
      return;
    }
    if (url.pathname.startsWith('/media/')) {
      void resolveMedia(atelier.services.media, url.pathname).then((media) => {
        let size = -1;
        try {
          if (media) size = statSync(media.file).size;
        } catch {
          size = -1;
        }
        if (!media || size < 0) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
          return;
        }
        res.writeHead(200, mediaHeaders(media.mime, size));
        if (req.method === 'HEAD') res.end();
        else createReadStream(media.file).pipe(res);
      });
      return;
    }
    const file = resolveStaticPath(rendererDir, url.pathname);
    let size = -1;
    try {
      if (file) {
        const stats = statSync(file);
        if (stats.isFile()) size = stats.size;
      }
    } catch {
      size = -1;
    }
    if (!file || size < 0) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const headers: Record<string, string | string[]> = {
      ...securityHeaders({ connectSrc: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] }),
      'Content-Type': mimeTypeFor(file),
      'Content-Length': String(size),
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'no-cache',
    };
    if (verdict.fromQuery) {
      headers['Set-Cookie'] = `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 * 1024 });
  const sockets = new Set<WebSocket>();

  server.on('upgrade', (req, socket: Duplex, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const verdict = url.pathname === '/rpc' ? checkRequest(req, port, token, true) : ({ ok: false, status: 403, reason: 'Not found.' } as const);
    if (!verdict.ok) {
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', async (data, isBinary) => {
      const request = decodeRequest(isBinary ? null : data.toString());
      if (!request.ok) {
        ws.send(encodeResponse(request.id, { ok: false, error: request.error }));
        return;
      }
      const outcome = await atelier.dispatch(request.method, request.input);
      if (ws.readyState === ws.OPEN) ws.send(encodeResponse(request.id, outcome));
    });
  });

  const unsubscribe = atelier.events.subscribe((name, payload) => {
    const message = encodeEvent(name, payload);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new AtelierError('io_error', `Port ${port} is already in use on ${bindHost}; choose another with --port.`, { port }, { key: 'web.portInUse', params: { port } }));
      } else if (error.code === 'EACCES') {
        reject(new AtelierError('io_error', `Not allowed to listen on port ${port}; choose a port above 1024 with --port.`, { port }, { key: 'web.portNotAllowed', params: { port } }));
      } else reject(error);
    };
    server.once('error', onError);
    server.listen(port, bindHost, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : port;
  const shownHost = bindHost === '::1' ? '[::1]' : bindHost;

  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
