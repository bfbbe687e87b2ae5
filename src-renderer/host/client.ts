// The renderer's one door to the services. Chosen once at boot: Electron's preload bridge when the
// app runs on the desktop, a WebSocket to the local web host in browser mode and in e2e tests.
import type { EventName, EventPayload, In, Method, Out } from '../../src-main/contract';
import type { ImportResult } from '../../src-main/contract/api/library';

/** What a file becomes in the asset library (validated like `assets.import`'s input). */
export interface UploadMeta {
  name: string;
  clientId?: string;
  tags?: string[];
}

export interface HostClient {
  readonly kind: 'electron' | 'web' | 'memory';
  invoke<M extends Method>(method: M, input: In<M>): Promise<Out<M>>;
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
  /**
   * Hands a file's bytes to the asset library. Browser mode streams them to the web host's
   * authenticated upload route; Electron (and in-process hosts) call `assets.import` with a
   * Uint8Array, which IPC's structured clone carries as it is — never a base64 string.
   */
  upload(file: Blob, meta: UploadMeta): Promise<ImportResult>;
}

/** `upload` for hosts whose calls carry bytes (Electron's IPC, in-process): `assets.import` with a Uint8Array. */
export async function importAsBytes(host: Pick<HostClient, 'invoke'>, file: Blob, meta: UploadMeta): Promise<ImportResult> {
  return host.invoke('assets.import', { ...meta, bytes: new Uint8Array(await file.arrayBuffer()) });
}
