// Browser mode and the e2e host: the built renderer and the contract over a WebSocket, on loopback
// only. Access is described in access.ts (a per-launch token the page sends itself, a per-port
// page cookie for pictures and downloads, Host and Origin checked against DNS rebinding and other
// local sites); limits in limits.ts (connections per address, header/body/idle timeouts).
// Every request is answered inside a guard: whatever a peer sends, the host answers or drops that
// one connection and keeps serving everyone else.
import http from 'node:http';
import { AtelierError } from '../../contract/errors';
import type { Atelier } from '../../app';
import { securityHeaders } from '../shared/csp';
import { mediaHeaders, resolveMedia } from '../shared/media';
import { mimeTypeFor, realFileInside, resolveStaticFile } from '../shared/static-files';
import { authorize, generateSecret, pageCookieHeader, parseTarget, type Secrets } from './access';
import { connectionTracker, DEFAULT_LIMITS, type HostLimits } from './limits';
import { handlePackDownload, handlePackImport, handlePostImageDownload, PACK_DOWNLOAD_PREFIX, PACK_IMPORT_PATH, POST_IMAGE_PREFIX } from './packs-routes';
import { createRpcServer } from './rpc';
import { plain, sendFile } from './send';
import { handleUpload, UPLOAD_PATH } from './upload';

const PUT_ROUTES: Record<string, typeof handleUpload> = { [UPLOAD_PATH]: handleUpload, [PACK_IMPORT_PATH]: handlePackImport };

export interface WebHostOptions {
  atelier: Atelier;
  /** The renderer build (out/renderer). */
  rendererDir: string;
  port?: number;
  host?: string;
  /** Fixed token for tests; otherwise a fresh random one per launch. */
  token?: string;
  /** Tighter limits for tests; every field defaults to DEFAULT_LIMITS. */
  limits?: Partial<HostLimits>;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function log(message: string, error?: unknown): void {
  console.error(`[atelier] web host: ${message}${error ? `: ${(error as Error)?.message ?? String(error)}` : ''}`);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const bindHost = options.host ?? '127.0.0.1';
  if (!['127.0.0.1', 'localhost', '::1'].includes(bindHost)) {
    throw new AtelierError('unsupported', `Atelier only listens on this computer (127.0.0.1), not on ${bindHost}.`, { host: bindHost }, { key: 'web.loopbackOnly' });
  }
  const { atelier, rendererDir } = options;
  // Browser mode hands out library files only: a host over an Atelier that reads and writes
  // anywhere (desktop, CLI, tests) would let a page reach the whole disk.
  if (atelier.fileAccess !== 'library') {
    throw new AtelierError('internal', 'The web host needs an Atelier whose file access is confined to its library (host "web").', undefined, { key: 'web.notConfined' });
  }
  const limits: HostLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const secrets: Secrets = { token: options.token ?? generateSecret(), pageCookie: generateSecret(), port: options.port ?? 0 };
  const tracker = connectionTracker(limits.maxConnectionsPerIp);

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = parseTarget(req.url);
    if (!url) return plain(res, 400, 'Atelier: Bad request.', { Connection: 'close' });
    const put = PUT_ROUTES[url.pathname];
    if (put) {
      // Uploads write to the library: the token itself (not the cookie) and our own Origin.
      const verdict = authorize(req, url, secrets, 'full', { requireOrigin: true });
      if (!verdict.ok) return plain(res, verdict.status, `Atelier: ${verdict.reason}`, { Connection: 'close' });
      if (req.method !== 'PUT') return plain(res, 405, 'Atelier: Method not allowed.', { Allow: 'PUT', Connection: 'close' });
      // A body that stalls is dropped; the handler answers, the socket closes.
      req.socket.setTimeout(limits.bodyIdleTimeoutMs, () => req.socket.destroy());
      put(atelier, req, res, url)
        .catch((error) => {
          log(`${url.pathname} failed`, error);
          plain(res, 500, 'Atelier: Something went wrong; nothing was changed.');
        })
        .finally(() => req.socket.setTimeout(0));
      return;
    }
    const verdict = authorize(req, url, secrets, 'page');
    if (!verdict.ok) return plain(res, verdict.status, `Atelier: ${verdict.reason}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Atelier: Method not allowed.', { Allow: 'GET, HEAD' });
    if (url.pathname.startsWith(PACK_DOWNLOAD_PREFIX)) return handlePackDownload(atelier, req, res, url);
    if (url.pathname.startsWith(POST_IMAGE_PREFIX)) return handlePostImageDownload(atelier, req, res, url);
    if (url.pathname.startsWith('/media/')) {
      resolveMedia(atelier.services.media, url.pathname)
        .then((media) => {
          const found = media ? realFileInside(atelier.paths.dataDir, media.file) : null;
          if (!media || !found) return plain(res, 404, 'Not found');
          sendFile(req, res, found.file, mediaHeaders(media.mime, found.size));
        })
        .catch(() => plain(res, 404, 'Not found'));
      return;
    }
    const found = resolveStaticFile(rendererDir, url.pathname);
    if (!found) return plain(res, 404, 'Not found');
    const headers: Record<string, string | string[]> = {
      ...securityHeaders({ connectSrc: [`ws://127.0.0.1:${secrets.port}`, `ws://localhost:${secrets.port}`] }),
      'Content-Type': mimeTypeFor(found.file),
      'Content-Length': String(found.size),
      'Cache-Control': found.file.endsWith('index.html') ? 'no-store' : 'no-cache',
    };
    if (verdict.tokenInQuery) headers['Set-Cookie'] = pageCookieHeader(secrets);
    sendFile(req, res, found.file, headers);
  }

  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    (req, res) => {
      // A reset while we answer belongs to that request alone.
      req.on('error', () => req.destroy());
      res.on('error', () => res.destroy());
      try {
        handle(req, res);
      } catch (error) {
        log(`${req.method} failed`, error);
        plain(res, 500, 'Atelier: Something went wrong; nothing was changed.');
      }
    },
  );
  server.on('connection', (socket) => tracker.admit(socket));
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (socket.writable && error.code !== 'ECONNRESET') {
      const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
    socket.destroy();
  });

  const rpc = createRpcServer(atelier, secrets, limits, log);
  server.on('upgrade', (req, socket, head) => {
    try {
      rpc.upgrade(req, socket, head, parseTarget(req.url));
    } catch (error) {
      log('upgrade failed', error);
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new AtelierError('io_error', `Port ${secrets.port} is already in use on ${bindHost}; choose another with --port.`, { port: secrets.port }, { key: 'web.portInUse', params: { port: secrets.port } }));
      } else if (error.code === 'EACCES') {
        reject(new AtelierError('io_error', `Not allowed to listen on port ${secrets.port}; choose a port above 1024 with --port.`, { port: secrets.port }, { key: 'web.portNotAllowed', params: { port: secrets.port } }));
      } else reject(error);
    };
    server.once('error', onError);
    server.listen(secrets.port, bindHost, () => {
      server.off('error', onError);
      // Accept failures (too many open files) are logged; the server keeps listening.
      server.on('error', (error) => log('server error', error));
      resolve();
    });
  });
  const address = server.address();
  secrets.port = typeof address === 'object' && address ? address.port : secrets.port;
  const shownHost = bindHost === '::1' ? '[::1]' : bindHost;

  return {
    url: `http://${shownHost}:${secrets.port}/?token=${secrets.token}`,
    port: secrets.port,
    token: secrets.token,
    async close() {
      rpc.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
