// Getting packs in and out of the library from the renderer. Browser mode has no file system:
// it uploads the zip with an authenticated PUT and downloads finished exports through the web
// host's download route. The desktop app uses the native open/save dialogs and passes paths.
import { AtelierError } from '../../../src-main/contract/errors';
import type { PackImportReport } from '../../../src-main/contract/api/packs';
import type { HostClient } from '../../host/client';
import { unwrap, type DispatchResultLike } from '../../host/result';

export function downloadUrl(name: string): string {
  return `/packs/download/${encodeURIComponent(name)}`;
}

export async function uploadPack(file: File, target: { clientId?: string; asNewClient?: boolean }): Promise<PackImportReport> {
  const query = new URLSearchParams();
  if (target.clientId) query.set('clientId', target.clientId);
  if (target.asNewClient) query.set('asNewClient', '1');
  let response: Response;
  try {
    response = await fetch(`/packs/import?${query.toString()}`, { method: 'PUT', body: file, credentials: 'same-origin' });
  } catch {
    throw new AtelierError('io_error', `Cannot import "${file.name}": the connection to Atelier was lost.`);
  }
  let outcome: DispatchResultLike;
  try {
    outcome = (await response.json()) as DispatchResultLike;
  } catch {
    throw new AtelierError('io_error', `Cannot import "${file.name}": Atelier answered ${response.status}.`);
  }
  return unwrap(outcome) as PackImportReport;
}

/** Desktop: the native "open" dialog; null when the user cancels. */
export async function pickPath(host: HostClient, kind: 'zip' | 'json', title: string): Promise<string | null> {
  const picked = await host.invoke('dialogs.openFile', { title, filters: [{ name: kind === 'zip' ? 'Atelier pack' : 'decisions.json', extensions: [kind] }] });
  return picked.canceled ? null : (picked.paths[0] ?? null);
}

export function newJobId(): string {
  return `job${Math.random().toString(36).slice(2, 12)}${Date.now().toString(36)}`;
}
