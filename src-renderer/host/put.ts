// Browser mode's raw-bytes uploads (media, packs): a PUT with the page's token as a Bearer header
// (see token.ts), answered with the RPC's `{ ok, result | error }` shape.
import type { ImportResult } from '../../src-main/contract/api/library';
import { AtelierError } from '../../src-main/contract/errors';
import type { UploadMeta } from './client';
import { unwrap, type DispatchResultLike } from './result';
import { authHeaders } from './token';

export async function putBytes(url: string, body: Blob, name: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'PUT', body, credentials: 'same-origin', headers: authHeaders() });
  } catch {
    throw new AtelierError('io_error', `Cannot import "${name}": the connection to Atelier was lost.`);
  }
  let outcome: DispatchResultLike;
  try {
    outcome = (await response.json()) as DispatchResultLike;
  } catch {
    throw new AtelierError('io_error', `Cannot import "${name}": Atelier answered ${response.status}.`);
  }
  return unwrap(outcome);
}

/** A media file to the asset library: `PUT /media/upload` with what it becomes in the query. */
export async function putUpload(file: Blob, meta: UploadMeta): Promise<ImportResult> {
  const query = new URLSearchParams({ name: meta.name });
  if (meta.clientId) query.set('clientId', meta.clientId);
  for (const tag of meta.tags ?? []) query.append('tag', tag);
  return (await putBytes(`/media/upload?${query.toString()}`, file, meta.name)) as ImportResult;
}
