// `PUT /media/upload?name=…&clientId=…&tag=…` on the web host: the file's raw bytes as the body
// (up to 200 MB), streamed into the library's temp folder (never held in memory whole) and
// imported from there; answered with the same `{ ok, result | error }` shape as the WebSocket RPC.
// The caller has already checked access in server.ts (the token and our Origin).
import { rmSync } from 'node:fs';
import type http from 'node:http';
import type { Atelier } from '../../app';
import { ImportMeta } from '../../contract/api/library';
import { AtelierError, describeIssues } from '../../contract/errors';
import { MAX_ASSET_BYTES } from '../../core/domain/assets';
import { toWireError } from '../../dispatch';
import { receiveBody } from './body';
import { reply } from './send';

export const UPLOAD_PATH = '/media/upload';

function tooLarge(name: string): AtelierError {
  return new AtelierError('too_large', `Cannot import "${name}": it is larger than 200 MB. Nothing was added.`, { file: name }, { key: 'assets.tooLarge', params: { name } });
}

export async function handleUpload(atelier: Atelier, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const meta = ImportMeta.safeParse({
    name: url.searchParams.get('name') ?? '',
    clientId: url.searchParams.get('clientId') || undefined,
    tags: url.searchParams.getAll('tag'),
  });
  if (!meta.success) {
    const first = describeIssues(meta.error)[0]!;
    res.setHeader('Connection', 'close');
    reply(res, 400, { ok: false, error: { code: 'invalid_input', message: `Invalid upload: ${first.path} ${first.message}` } });
    return;
  }
  const name = meta.data.name;
  if (Number(req.headers['content-length'] ?? '0') > MAX_ASSET_BYTES) {
    res.setHeader('Connection', 'close');
    reply(res, 413, { ok: false, error: tooLarge(name).toWire() });
    return;
  }
  const assets = atelier.services.assets;
  const temp = assets.files.tempPath();
  try {
    const body = await receiveBody(req, temp, MAX_ASSET_BYTES);
    if (body.kind === 'gone') return;
    if (body.kind === 'too_large') {
      res.setHeader('Connection', 'close');
      res.on('finish', () => req.destroy());
      reply(res, 413, { ok: false, error: tooLarge(name).toWire() });
      return;
    }
    const result = await assets.importStaged({ temp, sha: body.sha256, size: body.size }, name, { clientId: meta.data.clientId, tags: meta.data.tags });
    reply(res, 200, { ok: true, result });
  } catch (error) {
    const wire = toWireError('assets.upload', error, (method, e) => console.error(`[atelier] ${method} failed:`, e));
    reply(res, wire.code === 'internal' || wire.code === 'io_error' ? 500 : 400, { ok: false, error: wire });
  } finally {
    rmSync(temp, { force: true });
  }
}
