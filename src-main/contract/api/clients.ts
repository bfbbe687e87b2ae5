import { z } from 'zod';
import { Client, ClientCreate, ClientUpdate, Id } from '../entities';
import { defineMethods } from './define';

export const clientMethods = defineMethods({
  'clients.list': {
    summary: 'List clients (deleted ones only when asked).',
    input: z.strictObject({ includeDeleted: z.boolean().optional() }),
    output: z.array(Client),
  },
  'clients.get': { summary: 'One client by id.', input: z.strictObject({ id: Id }), output: Client },
  'clients.resolve': {
    summary: 'One client by id or by its exact name (case-insensitive), as the CLI takes it.',
    input: z.strictObject({ idOrName: z.string().trim().min(1).max(200) }),
    output: Client,
  },
  'clients.create': { summary: 'Create a client.', input: ClientCreate, output: Client },
  'clients.update': { summary: 'Rename a client or change its zone, colour or notes.', input: ClientUpdate, output: Client },
  'clients.delete': {
    summary: 'Move a client (and its posts) to the trash; restorable.',
    input: z.strictObject({ id: Id }),
    output: Client,
  },
  'clients.restore': { summary: 'Bring a deleted client back.', input: z.strictObject({ id: Id }), output: Client },
});
