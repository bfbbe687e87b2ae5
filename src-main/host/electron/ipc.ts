// The one place that talks to ipcMain: a single invoke channel whose sender is checked on every
// call (Electron checklist item 17), and change events pushed to the windows. As the web host does,
// the events a call causes ride in its answer to the window that made it, and are pushed to every
// other window only: one user action is one round trip for the window that acted.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { AtelierError } from '../../contract/errors';
import type { Dispatch, DispatchResult } from '../../dispatch';
import { withCall, type EmittedEvent } from '../../services/events';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';
import { isTrustedSender } from './sender';

/** A call's answer over IPC: the dispatch result and, when it changed something, the events it caused. */
export type InvokeAnswer = DispatchResult & { events?: EmittedEvent[] };

export interface IpcDeps {
  dispatch: Dispatch;
  subscribe(listener: (name: string, payload: unknown, origin?: unknown) => void): () => void;
  /** Sends a named event to every window but `origin` (the webContents whose call caused it, if any). */
  broadcast(channel: string, name: string, payload: unknown, origin: unknown): void;
}

export function handleInvoke(dispatch: Dispatch) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame'> & Partial<Pick<IpcMainInvokeEvent, 'sender'>>, method: unknown, input: unknown): Promise<InvokeAnswer> => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: new AtelierError('unauthorized', 'Calls are accepted only from the Atelier window.', undefined, { key: 'host.untrustedSender' }).toWire() };
    }
    const { result, caused } = await withCall(event.sender ?? event.senderFrame, () => dispatch(method, input));
    return caused.length > 0 ? { ...result, events: caused } : result;
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, deps: IpcDeps): () => void {
  ipcMain.handle(INVOKE_CHANNEL, handleInvoke(deps.dispatch));
  const unsubscribe = deps.subscribe((name, payload, origin) => deps.broadcast(EVENT_CHANNEL, name, payload, origin));
  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
