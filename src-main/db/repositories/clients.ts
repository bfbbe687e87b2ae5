// Client rows. Statements are prepared once per connection.
import type { Db } from '../open';

export interface ClientRow {
  id: string;
  name: string;
  time_zone: string;
  color: string;
  notes: string;
  approval_mode: 'none' | 'required';
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export type ClientPatch = Partial<Pick<ClientRow, 'name' | 'time_zone' | 'color' | 'notes' | 'approval_mode'>>;

export function createClientsRepository(db: Db) {
  const insert = db.prepare<ClientRow>(
    `INSERT INTO clients (id, name, time_zone, color, notes, approval_mode, created_at, updated_at, deleted_at)
     VALUES (@id, @name, @time_zone, @color, @notes, @approval_mode, @created_at, @updated_at, @deleted_at)`,
  );
  const byId = db.prepare<[string], ClientRow>('SELECT * FROM clients WHERE id = ?');
  const byName = db.prepare<[string], ClientRow>(
    'SELECT * FROM clients WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL ORDER BY created_at LIMIT 1',
  );
  const active = db.prepare<[], ClientRow>('SELECT * FROM clients WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id');
  const all = db.prepare<[], ClientRow>('SELECT * FROM clients ORDER BY name COLLATE NOCASE, id');
  const setDeleted = db.prepare<[number | null, number, string]>('UPDATE clients SET deleted_at = ?, updated_at = ? WHERE id = ?');
  const countActive = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM clients WHERE deleted_at IS NULL');

  return {
    insert(row: ClientRow): void {
      insert.run(row);
    },
    get(id: string): ClientRow | undefined {
      return byId.get(id);
    },
    findByName(name: string): ClientRow | undefined {
      return byName.get(name);
    },
    list(options: { includeDeleted?: boolean } = {}): ClientRow[] {
      return options.includeDeleted ? all.all() : active.all();
    },
    update(id: string, patch: ClientPatch, updatedAt: number): void {
      const keys = (Object.keys(patch) as (keyof ClientPatch)[]).filter((k) => patch[k] !== undefined);
      if (keys.length === 0) return;
      // Column names come from the typed patch keys, never from input text.
      const sets = keys.map((k) => `${k} = @${k}`).join(', ');
      db.prepare(`UPDATE clients SET ${sets}, updated_at = @updated_at WHERE id = @id`).run({ ...patch, id, updated_at: updatedAt });
    },
    setDeleted(id: string, deletedAt: number | null, updatedAt: number): void {
      setDeleted.run(deletedAt, updatedAt, id);
    },
    countActive(): number {
      return countActive.get()!.n;
    },
  };
}

export type ClientsRepository = ReturnType<typeof createClientsRepository>;
