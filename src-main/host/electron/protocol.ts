// atelier://app/… serves the built renderer (never file://): a request path is mapped inside the
// renderer folder or refused (`..`, encoded dots, backslashes, NUL, symlinks leading out), and
// every answer carries the CSP and the other security headers. Pure of Electron: main.ts hands
// the handler to protocol.handle, and the tests call it with plain Requests.
// Synchronous fs on purpose: these calls are the ones Electron's asar support is sure to cover
// (the renderer is inside app.asar when packaged), and the files are small.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { securityHeaders } from '../shared/csp';
import { mediaResponse, type MediaSource } from '../shared/media';
import { mimeTypeFor, resolveStaticFile } from '../shared/static-files';
import { APP_HOST, APP_SCHEME } from './window-options';

function notFound(status = 404): Response {
  return new Response(status === 405 ? 'Method not allowed' : 'Not found', {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * `media` gives the library's media (thumbnails, previews, originals under /media/…), or null while
 * there is no open library (recovery screen).
 */
export function createAppProtocolHandler(rendererRoot: string, media: () => MediaSource | null = () => null): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererRoot);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);
    if (url.pathname.startsWith('/media/')) {
      const source = media();
      if (!source) return notFound();
      const answer = await mediaResponse(source, url.pathname);
      const headers = new Headers(answer.headers);
      for (const [k, v] of Object.entries(securityHeaders())) headers.set(k, v);
      return new Response(answer.body, { status: answer.status, headers });
    }
    // A symlink inside the renderer folder must not lead out of it.
    const found = resolveStaticFile(root, url.pathname);
    if (!found) return notFound();
    try {
      const body = request.method === 'HEAD' ? null : readFileSync(found.file);
      return new Response(body, {
        status: 200,
        headers: { ...securityHeaders(), 'Content-Type': mimeTypeFor(found.file), 'Cache-Control': 'no-cache' },
      });
    } catch {
      return notFound();
    }
  };
}
