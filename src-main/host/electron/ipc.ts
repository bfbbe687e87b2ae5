// The one place that talks to ipcMain: a single invoke channel whose sender is checked on every
// call (Electron checklist item 17), and change events pushed to every window.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { AtelierError } from '../../contract/errors';
import type { Dispatch, DispatchResult } from '../../dispatch';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';
import { isTrustedSender } from './sender';

export interface IpcDeps {
  dispatch: Dispatch;
  /** Sends a named event to every renderer. */
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
  broadcast(channel: string, name: string, payload: unknown): void;
}

export function handleInvoke(dispatch: Dispatch) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, method: unknown, input: unknown): Promise<DispatchResult> => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: new AtelierError('unauthorized', 'Calls are accepted only from the Atelier window.', undefined, { key: 'host.untrustedSender' }).toWire() };
    }
    return dispatch(method, input);
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, deps: IpcDeps): () => void {
  ipcMain.handle(INVOKE_CHANNEL, handleInvoke(deps.dispatch));
  const unsubscribe = deps.subscribe((name, payload) => deps.broadcast(EVENT_CHANNEL, name, payload));
  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
