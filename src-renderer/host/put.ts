// Browser mode's raw-bytes uploads (media, packs): a PUT with the page's token as a Bearer header
// (see token.ts), answered with the RPC's `{ ok, result | error }` shape.
import { AtelierError } from '../../src-main/contract/errors';
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
