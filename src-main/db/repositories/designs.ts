import type { Db } from '../open';

export interface DesignRow {
  id: string;
  client_id: string | null;
  name: string;
  preset: string;
  schema_version: number;
  document: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export function createDesignsRepository(db: Db) {
  const insert = db.prepare<DesignRow>(
    `INSERT INTO designs (id, client_id, name, preset, schema_version, document, created_at, updated_at, deleted_at)
     VALUES (@id, @client_id, @name, @preset, @schema_version, @document, @created_at, @updated_at, @deleted_at)`,
  );
  const byId = db.prepare<[string], DesignRow>('SELECT * FROM designs WHERE id = ?');
  const countActive = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM designs WHERE deleted_at IS NULL');
  return {
    insert(row: DesignRow): void {
      insert.run(row);
    },
    get(id: string): DesignRow | undefined {
      return byId.get(id);
    },
    countActive(): number {
      return countActive.get()!.n;
    },
  };
}

export type DesignsRepository = ReturnType<typeof createDesignsRepository>;
