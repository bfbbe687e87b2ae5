// Files to the insights import (base64 over the host connection: exports are a few MB at most)
// and the report PDF back (a save dialog on the desktop, a download in the browser).
import type { HostClient } from '../../host/client';
import { bytesToBase64, downloadBlob } from '../../ui/files';

const MAX_BYTES = 50 * 1024 * 1024;

export interface ExportUpload {
  name: string;
  dataBase64: string;
  modifiedAt?: string;
}

/** Files as the import takes them; a file over 50 MB is named and refused before anything is sent. */
export async function readExports(files: readonly File[]): Promise<{ uploads: ExportUpload[]; tooLarge: string[] }> {
  const tooLarge = files.filter((f) => f.size > MAX_BYTES).map((f) => f.name);
  const uploads: ExportUpload[] = [];
  for (const file of files.filter((f) => f.size <= MAX_BYTES)) {
    uploads.push({
      name: file.name || 'export',
      dataBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
      modifiedAt: file.lastModified ? new Date(file.lastModified).toISOString() : undefined,
    });
  }
  return { uploads, tooLarge };
}

export function downloadBase64(name: string, base64: string, type: string): void {
  downloadBlob(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type }), name);
}

export async function saveReport(host: HostClient, input: { clientId: string; month: string; language: 'en' | 'fr'; brandClientId?: string }, dialogTitle: string, defaultName: string): Promise<{ name: string; file: string | null } | null> {
  if (host.kind === 'electron') {
    const saved = await host.invoke('dialogs.saveFile', { title: dialogTitle, defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (saved.canceled || !saved.path) return null;
    const result = await host.invoke('insights.report', { ...input, out: saved.path });
    return { name: result.name, file: result.file };
  }
  const result = await host.invoke('insights.report', input);
  if (result.dataBase64) downloadBase64(result.name, result.dataBase64, 'application/pdf');
  return { name: result.name, file: null };
}
