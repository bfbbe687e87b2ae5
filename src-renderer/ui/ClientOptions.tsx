// The options of a client picker: one per client, named, with an optional first "none / all" choice
// (value ""). Every screen that picks a client lists them the same way.
import type { Client } from '../../src-main/contract';

export function ClientOptions({ clients, empty }: { clients: readonly Pick<Client, 'id' | 'name'>[]; empty?: string }) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {clients.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </>
  );
}
