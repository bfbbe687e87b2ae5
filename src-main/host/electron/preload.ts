// The sandboxed preload: one bundled CommonJS file that exposes exactly `window.atelier =
// { invoke, on, version }`. It never hands out ipcRenderer or the IPC event object.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

declare const __APP_VERSION__: string;

const api = Object.freeze({
  invoke(method: string, input?: unknown): Promise<unknown> {
    if (typeof method !== 'string') return Promise.reject(new TypeError('invoke(method, input): method must be a string'));
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input);
  },
  on(event: string, callback: (payload: unknown) => void): () => void {
    if (typeof event !== 'string' || typeof callback !== 'function') throw new TypeError('on(event, callback): event must be a string and callback a function');
    const listener = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) callback(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
  version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev',
});

contextBridge.exposeInMainWorld('atelier', api);
