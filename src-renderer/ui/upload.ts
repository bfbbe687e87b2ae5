// Getting a file to the library: named for a person, handed over by the host (HostClient.upload:
// an authenticated PUT in browser mode, the bytes themselves over Electron's IPC).
import type { ImportResult } from '../../src-main/contract/api/library';
import type { HostClient } from '../host/client';

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
  return host.upload(file, { name: nameForFile(file), clientId: options.clientId, tags: options.tags });
}
