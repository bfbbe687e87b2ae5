// Clients as the renderer sees them: loaded from the host, refreshed on `clients.changed`.
import { createStore } from 'zustand/vanilla';
import type { Client, In } from '../../../src-main/contract';
import type { HostClient } from '../../host/client';

export interface ClientsState {
  clients: Client[];
  loaded: boolean;
  load(): Promise<void>;
  create(input: In<'clients.create'>): Promise<Client>;
  update(input: In<'clients.update'>): Promise<Client>;
  remove(id: string): Promise<Client>;
  restore(id: string): Promise<Client>;
}

export function createClientsStore(host: HostClient) {
  const store = createStore<ClientsState>((set, get) => ({
    clients: [],
    loaded: false,
    async load() {
      const clients = await host.invoke('clients.list', {});
      set({ clients, loaded: true });
    },
    async create(input) {
      const client = await host.invoke('clients.create', input);
      await get().load();
      return client;
    },
    async update(input) {
      // Optimistic: the row changes at once and the list reloads from the store of record.
      const before = get().clients;
      set({ clients: before.map((c) => (c.id === input.id ? { ...c, ...stripUndefined(input) } : c)) });
      try {
        const client = await host.invoke('clients.update', input);
        await get().load();
        return client;
      } catch (error) {
        set({ clients: before });
        throw error;
      }
    },
    async remove(id) {
      const client = await host.invoke('clients.delete', { id });
      await get().load();
      return client;
    },
    async restore(id) {
      const client = await host.invoke('clients.restore', { id });
      await get().load();
      return client;
    },
  }));
  host.on('clients.changed', () => {
    void store.getState().load();
  });
  return store;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type ClientsStore = ReturnType<typeof createClientsStore>;
