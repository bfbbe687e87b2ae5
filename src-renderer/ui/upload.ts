// Getting a file's bytes to the library. Browser mode streams the raw bytes with an authenticated
// PUT (host/put.ts); Electron passes base64 over IPC.
import type { ImportResult } from '../../src-main/contract/api/library';
import type { HostClient } from '../host/client';
import { putBytes } from '../host/put';
import { bytesToBase64 } from './files';

export interface UploadOptions {
  clientId?: string;
  tags?: string[];
}

/**
 * A pasted image often has no name ("image.png"); give it one a person recognises: when it came.
 * "image" reads the same in English and French, so the name needs no translation once stored.
 */
export function nameForFile(file: File, now = new Date()): string {
  if (file.name && file.name !== 'image.png') return file.name;
  const ext = file.type.split('/')[1]?.replace('jpeg', 'jpg').replace('svg+xml', 'svg') ?? 'png';
  return `image ${now.toISOString().slice(0, 19).replace('T', ' ')}.${ext}`;
}

export async function uploadFile(host: HostClient, file: File, options: UploadOptions = {}): Promise<ImportResult> {
  const name = nameForFile(file);
  if (host.kind === 'web') {
    const query = new URLSearchParams({ name });
    if (options.clientId) query.set('clientId', options.clientId);
    for (const tag of options.tags ?? []) query.append('tag', tag);
    return (await putBytes(`/media/upload?${query.toString()}`, file, name)) as ImportResult;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return host.invoke('assets.import', { name, dataBase64: bytesToBase64(bytes), clientId: options.clientId, tags: options.tags });
}
