// Content packs in browser mode, where the page has no file system:
//   PUT /packs/import?clientId=…&asNewClient=1  the zip's raw bytes, streamed to a temp file in the
//       library (up to 2 GB), imported, then removed; answered like the RPC `{ ok, result | error }`.
//   GET /packs/download/<name>.zip  a finished export from the library's exports folder, as a download.
//   GET /publishing/images/<post id>/<name>.png  a post's rendered image (the "Due now" checklist).
// The caller has already passed the token and Host checks in server.ts; the PUT also checks Origin.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Atelier } from '../../app';
import { AtelierError, type WireError } from '../../contract/errors';
import { toWireError } from '../../dispatch';
import { PACK_LIMITS } from '../../services/packs/zip-reader';
import { exportsDir } from '../../services/packs';
import { postImagesDir } from '../../services/publishing';
import { ImageFileName } from '../../contract/api/publishing';
import { Id } from '../../contract/entities';

export const PACK_IMPORT_PATH = '/packs/import';
export const PACK_DOWNLOAD_PREFIX = '/packs/download/';
const DOWNLOAD_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.zip$/;

function reply(res: http.ServerResponse, status: number, body: { ok: true; result: unknown } | { ok: false; error: WireError }): void {
  if (res.headersSent) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(json)) });
  res.end(json);
}

export async function handlePackImport(atelier: Atelier, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > PACK_LIMITS.maxTotalBytes) {
    reply(res, 413, { ok: false, error: new AtelierError('too_large', 'The pack is larger than 2 GB; nothing was imported.', undefined, { key: 'packs.refused.tooLarge' }).toWire() });
    req.resume();
    return;
  }
  const dir = path.join(atelier.library.paths.dataDir, 'imports');
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `upload-${randomBytes(6).toString('hex')}.zip`);
  try {
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > PACK_LIMITS.maxTotalBytes) req.destroy(new Error('too large'));
    });
    await pipeline(req, createWriteStream(temp, { flags: 'wx' }));
    const clientId = url.searchParams.get('clientId') || undefined;
    const asNewClient = url.searchParams.get('asNewClient') === '1' || undefined;
    const outcome = await atelier.dispatch('packs.import', { file: temp, clientId, asNewClient });
    if (outcome.ok) reply(res, 200, outcome);
    else reply(res, 400, { ok: false, error: { ...outcome.error, message: outcome.error.message.replaceAll(temp, 'The pack') } });
  } catch (error) {
    reply(res, 500, { ok: false, error: toWireError('packs.upload', error, (method, e) => console.error(`[atelier] ${method} failed:`, e)) });
  } finally {
    rmSync(temp, { force: true });
  }
}

export function handlePackDownload(atelier: Atelier, req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
  const name = decodeURIComponent(url.pathname.slice(PACK_DOWNLOAD_PREFIX.length));
  sendDownload(req, res, DOWNLOAD_NAME.test(name) ? path.join(exportsDir(atelier.library), name) : null, name, 'application/zip');
}

/** A file as an attachment (HEAD answers the headers only); 404 when `file` is null or missing. */
export function sendDownload(req: http.IncomingMessage, res: http.ServerResponse, file: string | null, name: string, contentType: string): void {
  let size = -1;
  try {
    if (file) size = statSync(file).size;
  } catch {
    size = -1;
  }
  if (!file || size < 0) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': contentType,
    'Content-Length': String(size),
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

/** GET /publishing/images/<post id>/<name>.png: an image publishing.renderImages wrote, as a download. */
export const POST_IMAGE_PREFIX = '/publishing/images/';

export function handlePostImageDownload(atelier: Atelier, req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
  const [postId = '', name = ''] = url.pathname.slice(POST_IMAGE_PREFIX.length).split('/');
  const valid = Id.safeParse(postId).success && ImageFileName.safeParse(name).success;
  sendDownload(req, res, valid ? path.join(postImagesDir(atelier.library, postId), name) : null, name, 'image/png');
}
