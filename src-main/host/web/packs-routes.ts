// Content packs in browser mode, where the page has no file system:
//   PUT /packs/import?clientId=…&asNewClient=1  the zip's raw bytes, streamed to a file in the
//       library's imports folder (up to 2 GB), imported, then removed; answered like the RPC
//       `{ ok, result | error }`. The file is named for this process, so a kill leaves debris the
//       next start recognises (services/packs/uploads.ts).
//   GET /packs/download/<name>.zip  a finished export from the library's exports folder, as a download.
//   GET /publishing/images/<post id>/<name>.png  a post's rendered image (the "Due now" checklist).
// The caller has already checked access in server.ts (the PUT with the token and our Origin).
import { mkdirSync, rmSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Atelier } from '../../app';
import { AtelierError, type WireError } from '../../contract/errors';
import { toWireError } from '../../dispatch';
import { PACK_LIMITS } from '../../services/packs/zip-reader';
import { exportsDir } from '../../services/packs';
import { beginUpload, importsDir } from '../../services/packs/uploads';
import { postImagesDir } from '../../services/publishing';
import { realFileInside } from '../../services/real-file';
import { ImageFileName } from '../../contract/api/publishing';
import { Id } from '../../contract/entities';
import { receiveBody } from './body';
import { reply, sendFile } from './send';

export const PACK_IMPORT_PATH = '/packs/import';
export const PACK_DOWNLOAD_PREFIX = '/packs/download/';
const DOWNLOAD_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.zip$/;

function tooLarge(): AtelierError {
  return new AtelierError('too_large', 'The pack is larger than 2 GB; nothing was imported.', undefined, { key: 'packs.uploadTooLarge' });
}

export async function handlePackImport(atelier: Atelier, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > PACK_LIMITS.maxTotalBytes) {
    res.setHeader('Connection', 'close');
    reply(res, 413, { ok: false, error: tooLarge().toWire() });
    return;
  }
  const dir = importsDir(atelier.paths.dataDir);
  const upload = beginUpload(atelier.paths.dataDir);
  const temp = upload.file;
  const hide = (error: WireError): WireError => ({ ...error, message: error.message.replaceAll(temp, 'The pack') });
  try {
    mkdirSync(dir, { recursive: true });
    const body = await receiveBody(req, temp, PACK_LIMITS.maxTotalBytes);
    if (body.kind === 'gone') return; // the page went away (or stalled past the body timeout): nobody to answer
    if (body.kind === 'too_large') {
      res.setHeader('Connection', 'close');
      reply(res, 413, { ok: false, error: tooLarge().toWire() });
      return;
    }
    const clientId = url.searchParams.get('clientId') || undefined;
    const asNewClient = url.searchParams.get('asNewClient') === '1' || undefined;
    const outcome = await atelier.dispatch('packs.import', { file: temp, clientId, asNewClient });
    if (outcome.ok) reply(res, 200, outcome);
    else reply(res, outcome.error.code === 'io_error' || outcome.error.code === 'internal' ? 500 : 400, { ok: false, error: hide(outcome.error) });
  } catch (error) {
    // The upload could not be written (a full disk, a read-only library): said plainly.
    reply(res, 500, { ok: false, error: hide(toWireError('packs.upload', error, (method, e) => console.error(`[atelier] ${method} failed:`, e))) });
  } finally {
    rmSync(temp, { force: true });
    upload.done();
  }
}

export function handlePackDownload(atelier: Atelier, req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice(PACK_DOWNLOAD_PREFIX.length));
  } catch {
    name = ''; // malformed percent-encoding names nothing
  }
  const dir = exportsDir(atelier);
  sendDownload(req, res, dir, DOWNLOAD_NAME.test(name) ? path.join(dir, name) : null, name, 'application/zip');
}

/** A file inside `root` as an attachment (HEAD answers the headers only); 404 when `file` is null, missing or leads out. */
export function sendDownload(req: http.IncomingMessage, res: http.ServerResponse, root: string, file: string | null, name: string, contentType: string): void {
  const found = file ? realFileInside(root, file) : null;
  if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).end('Not found\n');
    return;
  }
  sendFile(req, res, found.file, {
    'Content-Type': contentType,
    'Content-Length': String(found.size),
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}

/** GET /publishing/images/<post id>/<name>.png: an image publishing.renderImages wrote, as a download. */
export const POST_IMAGE_PREFIX = '/publishing/images/';

export function handlePostImageDownload(atelier: Atelier, req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
  const [postId = '', name = ''] = url.pathname.slice(POST_IMAGE_PREFIX.length).split('/');
  const valid = Id.safeParse(postId).success && ImageFileName.safeParse(name).success;
  const dir = valid ? postImagesDir(atelier, postId) : '';
  sendDownload(req, res, dir, valid ? path.join(dir, name) : null, name, 'image/png');
}
