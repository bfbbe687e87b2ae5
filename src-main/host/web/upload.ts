// `PUT /media/upload?name=…&clientId=…&tag=…` on the web host: the file's raw bytes as the body
// (up to 200 MB), streamed into the library's imports folder (never held in memory whole) and
// imported from there through the dispatcher (`assets.importFile`, validated like every call);
// answered with the same `{ ok, result | error }` shape as the WebSocket RPC.
// The caller has already checked access in server.ts (the token and our Origin).
import { mkdirSync, rmSync } from 'node:fs';
import type http from 'node:http';
import type { Atelier } from '../../app';
import { ImportMeta } from '../../contract/api/library';
import { AtelierError, describeIssues, type WireError } from '../../contract/errors';
import { MAX_ASSET_BYTES } from '../../core/domain/assets';
import { toWireError } from '../../dispatch';
import { beginUpload, importsDir } from '../../services/packs/uploads';
import { receiveBody } from './body';
import { reply } from './send';

export const UPLOAD_PATH = '/media/upload';

function tooLarge(name: string): AtelierError {
  return new AtelierError('too_large', `Cannot import "${name}": it is larger than 200 MB. Nothing was added.`, { file: name }, { key: 'assets.tooLarge', params: { name } });
}

export async function handleUpload(atelier: Atelier, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  // The query is checked before a byte of the body is read.
  const meta = ImportMeta.safeParse({
    name: url.searchParams.get('name') ?? '',
    clientId: url.searchParams.get('clientId') || undefined,
    tags: url.searchParams.getAll('tag'),
  });
  if (!meta.success) {
    const first = describeIssues(meta.error)[0]!;
    res.setHeader('Connection', 'close');
    reply(res, 400, { ok: false, error: { code: 'invalid_input', message: `Invalid upload: ${first.path} ${first.message}`, reason: { key: 'contract.invalidInput' } } });
    return;
  }
  const name = meta.data.name;
  if (Number(req.headers['content-length'] ?? '0') > MAX_ASSET_BYTES) {
    res.setHeader('Connection', 'close');
    reply(res, 413, { ok: false, error: tooLarge(name).toWire() });
    return;
  }
  const upload = beginUpload(atelier.paths.dataDir, 'bin');
  const temp = upload.file;
  // The temp file's path is ours, not the page's: an error names the file as uploaded.
  const hide = (error: WireError): WireError => ({ ...error, message: error.message.replaceAll(temp, name) });
  try {
    mkdirSync(importsDir(atelier.paths.dataDir), { recursive: true });
    const body = await receiveBody(req, temp, MAX_ASSET_BYTES);
    if (body.kind === 'gone') return;
    if (body.kind === 'too_large') {
      res.setHeader('Connection', 'close');
      res.on('finish', () => req.destroy());
      reply(res, 413, { ok: false, error: tooLarge(name).toWire() });
      return;
    }
    const outcome = await atelier.dispatch('assets.importFile', { file: temp, name, clientId: meta.data.clientId, tags: meta.data.tags });
    if (outcome.ok) reply(res, 200, outcome);
    else reply(res, outcome.error.code === 'internal' || outcome.error.code === 'io_error' ? 500 : 400, { ok: false, error: hide(outcome.error) });
  } catch (error) {
    // The upload could not be written (a full disk, a read-only library): said plainly.
    reply(res, 500, { ok: false, error: hide(toWireError('assets.upload', error, (method, e) => console.error(`[atelier] ${method} failed:`, e))) });
  } finally {
    rmSync(temp, { force: true });
    upload.done();
  }
}
