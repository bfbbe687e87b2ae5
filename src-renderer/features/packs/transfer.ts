// Getting packs in and out of the library from the renderer. Browser mode has no file system:
// it uploads the zip with an authenticated PUT and downloads finished exports through the web
// host's download route. The desktop app uses the native open/save dialogs and passes paths.
import type { PackImportReport } from '../../../src-main/contract/api/packs';
import type { HostClient } from '../../host/client';
import { putBytes } from '../../host/put';

export function downloadUrl(name: string): string {
  return `/packs/download/${encodeURIComponent(name)}`;
}

export async function uploadPack(file: File, target: { clientId?: string; asNewClient?: boolean }): Promise<PackImportReport> {
  const query = new URLSearchParams();
  if (target.clientId) query.set('clientId', target.clientId);
  if (target.asNewClient) query.set('asNewClient', '1');
  return (await putBytes(`/packs/import?${query.toString()}`, file, file.name)) as PackImportReport;
}

/** Desktop: the native "open" dialog; null when the user cancels. */
export async function pickPath(host: HostClient, kind: 'zip' | 'json', title: string): Promise<string | null> {
  const picked = await host.invoke('dialogs.openFile', { title, filters: [{ name: kind === 'zip' ? 'Atelier pack' : 'decisions.json', extensions: [kind] }] });
  return picked.canceled ? null : (picked.paths[0] ?? null);
}

export function newJobId(): string {
  return `job${Math.random().toString(36).slice(2, 12)}${Date.now().toString(36)}`;
}
