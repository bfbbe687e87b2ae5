// Checklist item 20: the preload exposes exactly { invoke, on, version } and never the IPC event.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    contextBridge: {
      exposeInMainWorld: vi.fn(),
    },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, result: 'pong' })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
  };
});
electron.contextBridge.exposeInMainWorld.mockImplementation((key: string, api: unknown) => electron.exposed.set(key, api));

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

interface Bridge {
  invoke(method: unknown, input?: unknown): Promise<unknown>;
  on(event: unknown, callback: unknown): () => void;
  version: string;
}

/** What an IPC event from the main process carries: the event object first. */
function emitFromMain(name: string, payload: unknown) {
  const fakeEvent = { sender: { send: () => 'leaked' }, ports: [] };
  for (const listener of electron.listeners.get('atelier:event') ?? []) listener(fakeEvent, name, payload);
}

describe('preload', () => {
  let bridge: Bridge;

  beforeAll(async () => {
    await import('../../../src-main/host/electron/preload');
    bridge = electron.exposed.get('atelier') as Bridge;
  });
  beforeEach(() => electron.ipcRenderer.invoke.mockClear());

  it('exposes one object, window.atelier, with exactly invoke, on and version', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...electron.exposed.keys()]).toEqual(['atelier']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'version']);
    expect(typeof bridge.version).toBe('string');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('never exposes ipcRenderer or any of its methods', () => {
    for (const value of Object.values(bridge)) {
      expect(value).not.toBe(electron.ipcRenderer);
      for (const method of Object.values(electron.ipcRenderer)) expect(value).not.toBe(method);
    }
  });

  it('invoke sends the method and input on the one invoke channel and returns the answer', async () => {
    await expect(bridge.invoke('clients.list', { includeDeleted: false })).resolves.toEqual({ ok: true, result: 'pong' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('atelier:invoke', 'clients.list', { includeDeleted: false });
  });

  it('invoke refuses a method that is not a string without reaching the main process', async () => {
    await expect(bridge.invoke({ toString: () => 'clients.list' })).rejects.toThrow(/method must be a string/);
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('on hands the callback only the payload of the named event, never the IPC event', () => {
    const callback = vi.fn();
    const unsubscribe = bridge.on('clients.changed', callback);
    emitFromMain('posts.changed', { ids: ['p1'], clientIds: [] });
    emitFromMain('clients.changed', { ids: ['c1'] });
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback.mock.calls[0]).toEqual([{ ids: ['c1'] }]);
    unsubscribe();
    emitFromMain('clients.changed', { ids: ['c2'] });
    expect(callback).toHaveBeenCalledTimes(1);
    expect(electron.listeners.get('atelier:event')?.size).toBe(0);
  });

  it('on refuses a callback that is not a function', () => {
    expect(() => bridge.on('clients.changed', 'alert(1)')).toThrow(/callback a function/);
  });
});
