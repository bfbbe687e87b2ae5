// Rows in the trash (soft-deleted) and their purge. One small query set per table with `deleted_at`.
import type { Db } from '../open';

export interface TrashRow {
  id: string;
  name: string;
  deleted_at: number;
}

/** Tables whose rows go to the trash, and the column that names a row. Identifiers are constants, never input. */
const TABLES = { clients: 'name', posts: 'title', designs: 'name' } as const;
export type TrashTable = keyof typeof TABLES;

export function createTrashRepository(db: Db) {
  return {
    list(table: TrashTable): TrashRow[] {
      return db
        .prepare<[], TrashRow>(`SELECT id, ${TABLES[table]} AS name, deleted_at FROM ${table} WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id`)
        .all();
    },
    /** Deletes for good what was deleted before `cutoff`; cascades follow the foreign keys. */
    purge(table: TrashTable, cutoff: number): number {
      return db.prepare(`DELETE FROM ${table} WHERE deleted_at IS NOT NULL AND deleted_at < ?`).run(cutoff).changes;
    },
  };
}

export type TrashRepository = ReturnType<typeof createTrashRepository>;
