import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AtelierError } from '../../../src-main/contract/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../../src-main/db/migrations';
import { openDatabase } from '../../../src-main/db/open';
import { tempDir } from '../../helpers/temp';

const NOW = Date.parse('2026-12-01T10:00:00Z');
let temp: ReturnType<typeof tempDir>;
afterEach(() => temp?.cleanup());

function open(migrations?: readonly Migration[]) {
  return openDatabase({ file: path.join(temp.dir, 'atelier.db'), backupsDir: path.join(temp.dir, 'backups'), now: NOW, migrations });
}

describe('openDatabase', () => {
  it('creates a new library at the latest schema with durable pragmas', () => {
    temp = tempDir();
    const { db, fromVersion, toVersion, backupFile } = open();
    expect(fromVersion).toBe(0);
    expect(toVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(backupFile).toBeNull(); // nothing to keep in a brand-new file
    db.close();
  });

  it('backs up, then applies pending migrations in one step', () => {
    temp = tempDir();
    const first = open(MIGRATIONS);
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('kept', '1')").run();
    first.db.close();
    const next: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'add a column', up: (db) => db.exec('ALTER TABLE clients ADD COLUMN nickname TEXT') };
    const { db, fromVersion, toVersion, backupFile } = open([...MIGRATIONS, next]);
    expect([fromVersion, toVersion]).toEqual([LATEST_SCHEMA_VERSION, LATEST_SCHEMA_VERSION + 1]);
    expect(backupFile).not.toBeNull();
    const backup = new Database(backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'kept'").get()).toEqual({ value: '1' });
    backup.close();
    expect(db.prepare("SELECT count(*) AS n FROM pragma_table_info('clients') WHERE name = 'nickname'").get()).toEqual({ n: 1 });
    db.close();
  });

  it('leaves the old schema intact when a migration fails half-way', () => {
    temp = tempDir();
    open(MIGRATIONS).db.close();
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST_SCHEMA_VERSION + 1, name: 'fine', up: (db) => db.exec('CREATE TABLE extra (x)') },
      { version: LATEST_SCHEMA_VERSION + 2, name: 'broken', up: (db) => db.exec('THIS IS NOT SQL') },
    ];
    expect(() => open(broken)).toThrow();
    const { db } = open(MIGRATIONS);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'extra'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database from a newer Atelier and does not touch it', () => {
    temp = tempDir();
    const file = path.join(temp.dir, 'atelier.db');
    const future = new Database(file);
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    future.close();
    let error: unknown;
    try {
      open();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AtelierError);
    expect((error as AtelierError).code).toBe('newer_version');
    expect((error as AtelierError).message).toMatch(/newer version of Atelier/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'clients'").get()).toEqual({ n: 0 });
    check.close();
    expect(existsSync(path.join(temp.dir, 'backups')) ? readdirSync(path.join(temp.dir, 'backups')) : []).toEqual([]);
  });

  it('names a file that is not a database', () => {
    temp = tempDir();
    writeFileSync(path.join(temp.dir, 'atelier.db'), 'this is a text file, not SQLite, padded to look like a header.......');
    expect(() => open()).toThrow(/is not an Atelier library database/);
  });
});
