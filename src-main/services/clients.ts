import type { Client, In } from '../contract';
import type { clientMethods } from '../contract/api/clients';
import type { HandlersFor } from '../contract/handlers';
import { AtelierError } from '../contract/errors';
import { nextClientColor } from '../core/domain/clients';
import type { ClientRow } from '../db/repositories/clients';
import { iso, isoOrNull } from './convert';
import type { EventBus } from './events';
import type { Library } from './library';

export function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    color: row.color,
    notes: row.notes,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    deletedAt: isoOrNull(row.deleted_at),
  };
}

export function createClientService(lib: Library, events: EventBus) {
  function requireRow(id: string): ClientRow {
    const row = lib.clients.get(id);
    if (!row) throw new AtelierError('not_found', `No client with id ${id}.`, { id }, { key: 'clients.notFound' });
    return row;
  }
  function changed(id: string): void {
    events.emit('clients.changed', { ids: [id] });
  }

  return {
    list(input: In<'clients.list'>): Client[] {
      return lib.clients.list({ includeDeleted: input.includeDeleted }).map(toClient);
    },
    get(id: string): Client {
      return toClient(requireRow(id));
    },
    /** A client by id, or by its exact name (case-insensitive) — what the CLI accepts. */
    resolve(idOrName: string): Client {
      const row = lib.clients.get(idOrName) ?? lib.clients.findByName(idOrName);
      if (!row || row.deleted_at !== null) throw new AtelierError('not_found', `No client with id or name "${idOrName}".`, { client: idOrName }, { key: 'clients.notFoundByName', params: { client: idOrName } });
      return toClient(row);
    },
    create(input: { name: string; timeZone: string; color?: string; notes?: string }): Client {
      const now = lib.clock.now();
      const row = lib.write(() => {
        const used = lib.clients.list().map((c) => c.color);
        const created: ClientRow = {
          id: lib.ids(),
          name: input.name,
          time_zone: input.timeZone,
          color: (input.color ?? nextClientColor(used)).toLowerCase(),
          notes: input.notes ?? '',
          approval_mode: 'none',
          created_at: now,
          updated_at: now,
          deleted_at: null,
        };
        lib.clients.insert(created);
        return created;
      });
      changed(row.id);
      return toClient(row);
    },
    update(input: { id: string; name?: string; timeZone?: string; color?: string; notes?: string }): Client {
      const row = lib.write(() => {
        requireRow(input.id);
        lib.clients.update(
          input.id,
          { name: input.name, time_zone: input.timeZone, color: input.color?.toLowerCase(), notes: input.notes },
          lib.clock.now(),
        );
        return requireRow(input.id);
      });
      changed(row.id);
      return toClient(row);
    },
    /** Soft delete: the client and its posts leave every view but stay restorable. */
    remove(id: string): Client {
      const row = lib.write(() => {
        const current = requireRow(id);
        if (current.deleted_at !== null) return current;
        const now = lib.clock.now();
        lib.clients.setDeleted(id, now, now);
        return requireRow(id);
      });
      changed(id);
      events.emit('posts.changed', { ids: [], clientIds: [id] });
      return toClient(row);
    },
    restore(id: string): Client {
      const row = lib.write(() => {
        requireRow(id);
        lib.clients.setDeleted(id, null, lib.clock.now());
        return requireRow(id);
      });
      changed(id);
      events.emit('posts.changed', { ids: [], clientIds: [id] });
      return toClient(row);
    },
  };
}

export type ClientService = ReturnType<typeof createClientService>;

export function clientHandlers(clients: ClientService): HandlersFor<typeof clientMethods> {
  return {
    'clients.list': (input) => clients.list(input),
    'clients.get': ({ id }) => clients.get(id),
    'clients.resolve': ({ idOrName }) => clients.resolve(idOrName),
    'clients.create': (input) => clients.create(input),
    'clients.update': (input) => clients.update(input),
    'clients.delete': ({ id }) => clients.remove(id),
    'clients.restore': ({ id }) => clients.restore(id),
  };
}
