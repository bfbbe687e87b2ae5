import type Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../src-main/db/migrations';

/** The schema version the migration variant upgrades to. */
export const NEXT_VERSION = LATEST_SCHEMA_VERSION + 1;

/** The next schema, for the migration variant: a new table filled with many rows and a rebuilt column. */
export function testMigrations(rows: number): Migration[] {
  return [
    ...MIGRATIONS,
    {
      version: NEXT_VERSION,
      name: 'crash test: big table',
      up: (db: Database.Database) => {
        db.exec('CREATE TABLE crash_big (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
        const insert = db.prepare('INSERT INTO crash_big (body) VALUES (?)');
        for (let i = 0; i < rows; i++) insert.run(`row ${i} ${'x'.repeat(100)}`);
        db.exec("ALTER TABLE clients ADD COLUMN crash_tag TEXT NOT NULL DEFAULT 'v2'");
      },
    },
  ];
}
