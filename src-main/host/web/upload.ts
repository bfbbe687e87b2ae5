// `PUT /media/upload?name=…&clientId=…&tag=…` on the web host: the file's raw bytes as the body
// (up to 200 MB), answered with the same `{ ok, result | error }` shape as the WebSocket RPC.
// The caller has already passed the token, Host and Origin checks in server.ts.
import type http from 'node:http';
import type { Atelier } from '../../app';
import { ImportMeta } from '../../contract/api/library';
import { AtelierError, describeIssues, type WireError } from '../../contract/errors';
import { MAX_ASSET_BYTES } from '../../core/domain/assets';
import { toWireError } from '../../dispatch';

export const UPLOAD_PATH = '/media/upload';

function reply(res: http.ServerResponse, status: number, body: { ok: true; result: unknown } | { ok: false; error: WireError }): void {
  if (res.headersSent) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(json)) });
  res.end(json);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        // Stop keeping bytes; the caller answers 413 and closes the connection.
        req.off('data', onData);
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks, total)));
    req.on('error', reject);
  });
}

export async function handleUpload(atelier: Atelier, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const meta = ImportMeta.safeParse({
    name: url.searchParams.get('name') ?? '',
    clientId: url.searchParams.get('clientId') || undefined,
    tags: url.searchParams.getAll('tag'),
  });
  if (!meta.success) {
    const first = describeIssues(meta.error)[0]!;
    reply(res, 400, { ok: false, error: { code: 'invalid_input', message: `Invalid upload: ${first.path} ${first.message}` } });
    req.resume();
    return;
  }
  const name = meta.data.name;
  try {
    const body = await readBody(req, MAX_ASSET_BYTES);
    if (!body) {
      res.setHeader('Connection', 'close');
      res.on('finish', () => req.destroy());
      reply(res, 413, { ok: false, error: new AtelierError('too_large', `Cannot import "${name}": it is larger than 200 MB. Nothing was added.`, { file: name }, { key: 'assets.tooLarge', params: { name } }).toWire() });
      return;
    }
    const result = await atelier.services.assets.importBytes(body, name, { clientId: meta.data.clientId, tags: meta.data.tags });
    reply(res, 200, { ok: true, result });
  } catch (error) {
    const wire = toWireError('assets.upload', error, (method, e) => console.error(`[atelier] ${method} failed:`, e));
    reply(res, wire.code === 'internal' || wire.code === 'io_error' ? 500 : 400, { ok: false, error: wire });
  }
}
