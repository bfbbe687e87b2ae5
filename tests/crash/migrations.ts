import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from '../../src-main/db/migrations';

/** Schema 2 for the migration variant: a new table filled with many rows and a rebuilt column. */
export function testMigrations(rows: number): Migration[] {
  return [
    ...MIGRATIONS,
    {
      version: 2,
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
