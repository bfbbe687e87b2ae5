// Checklist item 17: every call is checked for its sender before it reaches the services.
import { describe, expect, it, vi } from 'vitest';
import { handleInvoke, registerIpc } from '../../../src-main/host/electron/ipc';
import type { Dispatch } from '../../../src-main/dispatch';
import { createEventBus } from '../../../src-main/services/events';
import { electronHost, type AtelierBridge } from '../../../src-renderer/host/electron';

const trusted = { senderFrame: { url: 'atelier://app/index.html', parent: null } };

describe('IPC', () => {
  it('passes calls from the app window to dispatch', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, result: 42 }));
    await expect(handleInvoke(dispatch)(trusted as never, 'app.info', {})).resolves.toEqual({ ok: true, result: 42 });
    expect(dispatch).toHaveBeenCalledWith('app.info', {});
  });

  it.each([
    ['an iframe', { url: 'atelier://app/index.html', parent: {} }],
    ['a web page', { url: 'https://example.com/', parent: null }],
    ['a destroyed frame', null],
  ])('refuses a call from %s with unauthorized, without running it', async (_name, senderFrame) => {
    const dispatch = vi.fn<Dispatch>();
    const outcome = await handleInvoke(dispatch)({ senderFrame } as never, 'clients.delete', { id: 'c1' });
    expect(outcome).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Calls are accepted only from the Atelier window.', reason: { key: 'host.untrustedSender' } } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('registers the one invoke channel, forwards events, and unregisters both', () => {
    const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
    const listeners = new Set<(name: string, payload: unknown) => void>();
    const broadcast = vi.fn();
    const dispose = registerIpc(ipcMain, {
      dispatch: vi.fn<Dispatch>(),
      subscribe: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      broadcast,
    });
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle.mock.calls[0]![0]).toBe('atelier:invoke');
    for (const l of listeners) l('clients.changed', { ids: ['c1'] });
    expect(broadcast).toHaveBeenCalledWith('atelier:event', 'clients.changed', { ids: ['c1'] }, undefined);
    dispose();
    expect(listeners.size).toBe(0);
    expect(ipcMain.removeHandler).toHaveBeenCalledWith('atelier:invoke');
  });

  it("answers the calling window with the events its call caused and pushes them to the other windows only", async () => {
    const bus = createEventBus();
    const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
    const pushed: { name: string; to: string }[] = [];
    const windows = ['calling', 'other'];
    registerIpc(ipcMain, {
      dispatch: async (method) => {
        bus.emit('clients.changed', { ids: ['c1'] });
        return { ok: true, result: method };
      },
      subscribe: (l) => bus.subscribe(l),
      broadcast: (_channel, name, _payload, origin) => {
        for (const w of windows) if (w !== origin) pushed.push({ name, to: w });
      },
    });
    const invoke = ipcMain.handle.mock.calls[0]![1] as ReturnType<typeof handleInvoke>;
    const answer = await invoke({ ...trusted, sender: 'calling' } as never, 'clients.update', {});
    expect(answer).toEqual({ ok: true, result: 'clients.update', events: [{ event: 'clients.changed', payload: { ids: ['c1'] } }] });
    expect(pushed).toEqual([{ name: 'clients.changed', to: 'other' }]);

    // The renderer side: the window hears its own change once, from the answer, before the call resolves.
    const heard: string[] = [];
    const bridge: AtelierBridge = { version: 'test', invoke: (method, input) => invoke({ ...trusted, sender: 'calling' } as never, method, input), on: () => () => undefined };
    const host = electronHost(bridge);
    host.on('clients.changed', () => heard.push('changed'));
    await expect(host.invoke('clients.update' as never, {} as never)).resolves.toBe('clients.update');
    expect(heard).toEqual(['changed']);
  });
});
