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
  is_template?: number;
  linked_from?: string | null;
}

export type DesignListRow = Omit<DesignRow, 'document'> & { width: number; height: number; pages: number; size?: number };

const LIST_COLUMNS = `id, client_id, name, preset, schema_version, created_at, updated_at, deleted_at, is_template, linked_from,
  json_extract(document, '$.width') AS width, json_extract(document, '$.height') AS height,
  json_array_length(document, '$.pages') AS pages, length(document) AS size`;

export function createDesignsRepository(db: Db) {
  const insert = db.prepare<DesignRow>(
    `INSERT INTO designs (id, client_id, name, preset, schema_version, document, created_at, updated_at, deleted_at, is_template, linked_from)
     VALUES (@id, @client_id, @name, @preset, @schema_version, @document, @created_at, @updated_at, @deleted_at, @is_template, @linked_from)`,
  );
  const byId = db.prepare<[string], DesignRow>('SELECT * FROM designs WHERE id = ?');
  const countActive = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM designs WHERE deleted_at IS NULL AND is_template = 0');
  const saveDoc = db.prepare<[string, string, string, number, number, string]>(
    'UPDATE designs SET document = ?, name = ?, preset = ?, schema_version = ?, updated_at = ? WHERE id = ?',
  );
  const setDeleted = db.prepare<[number | null, number, string]>('UPDATE designs SET deleted_at = ?, updated_at = ? WHERE id = ?');
  // The name lives in the row (lists, search) and in the document (exports, packs): both change together.
  const rename = db.prepare<[string, string, number, string]>("UPDATE designs SET name = ?, document = json_set(document, '$.name', ?), updated_at = ? WHERE id = ?");
  const setClient = db.prepare<[string | null, number, string]>('UPDATE designs SET client_id = ?, updated_at = ? WHERE id = ?');
  return {
    insert(row: DesignRow): void {
      insert.run({ is_template: 0, linked_from: null, ...row });
    },
    get(id: string): DesignRow | undefined {
      return byId.get(id);
    },
    countActive(): number {
      return countActive.get()!.n;
    },
    list(filter: { clientId?: string | null; includeDeleted?: boolean; templates?: boolean } = {}): DesignListRow[] {
      const where = [filter.templates ? 'is_template = 1' : 'is_template = 0'];
      const params: unknown[] = [];
      if (!filter.includeDeleted) where.push('deleted_at IS NULL');
      if (filter.clientId) {
        where.push('client_id = ?');
        params.push(filter.clientId);
      }
      return db.prepare(`SELECT ${LIST_COLUMNS} FROM designs WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id`).all(...params) as DesignListRow[];
    },
    saveDocument(id: string, doc: { name: string; preset: string; schemaVersion: number }, json: string, now: number): void {
      saveDoc.run(json, doc.name, doc.preset, doc.schemaVersion, now, id);
    },
    setDeleted(id: string, at: number | null, now: number): void {
      setDeleted.run(at, now, id);
    },
    rename(id: string, name: string, now: number): void {
      rename.run(name, name, now, id);
    },
    setClient(id: string, clientId: string | null, now: number): void {
      setClient.run(clientId, now, id);
    },
  };
}

export type DesignsRepository = ReturnType<typeof createDesignsRepository>;
