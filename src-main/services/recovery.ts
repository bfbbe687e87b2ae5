// When the library database is damaged: say what is wrong, restore the newest verified backup,
// or salvage every row that can still be read. Works without an open library.
import Database from 'better-sqlite3';
import path from 'node:path';
import { AtelierError } from '../contract/errors';
import type { Db } from '../db/open';
import { backupFileName, writeFileAtomic } from '../db/snapshot';
import type { LibraryPaths } from './library';

/** A database that cannot be trusted (as opposed to a folder problem or a newer version). */
export function isCorruption(error: unknown): boolean {
  if (error instanceof AtelierError) return (error.details as { corrupted?: boolean } | undefined)?.corrupted === true;
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'));
}

/** Reads what it can, table by table and row by row, into `exports/recovered-<stamp>.json`. */
export function exportReadable(paths: LibraryPaths, now: number): { file: string; rows: Record<string, number>; unreadable: string[] } {
  const rows: Record<string, number> = {};
  const unreadable: string[] = [];
  const out: Record<string, unknown[]> = {};
  let db: Db | undefined;
  try {
    db = new Database(paths.database, { readonly: true, fileMustExist: true });
    let tables: string[] = [];
    try {
      tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    } catch {
      unreadable.push('(schema)');
    }
    for (const table of tables) {
      const got: unknown[] = [];
      try {
        // Row by row: a damaged page stops the scan, but every row read before it is kept.
        for (const row of db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).iterate()) got.push(row);
      } catch {
        unreadable.push(table);
      }
      out[table] = got;
      rows[table] = got.length;
    }
  } catch {
    unreadable.push('(database)');
  } finally {
    db?.close();
  }
  const file = path.join(paths.exports, backupFileName('manual', now).replace(/^atelier-manual-/, 'recovered-').replace(/\.db$/, '.json'));
  writeFileAtomic(file, Buffer.from(JSON.stringify({ exportedAt: new Date(now).toISOString(), source: paths.database, unreadable, tables: out }, null, 1)));
  return { file, rows, unreadable };
}
