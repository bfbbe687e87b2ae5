// Numbered migrations. `PRAGMA user_version` records the last one applied.
// Append only: never edit a migration that has shipped; add the next number instead.
import type { Database } from 'better-sqlite3';
import { initialSchema } from './001-initial';
import { captionsSchema } from './002-captions';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: (db) => db.exec(initialSchema) },
  { version: 2, name: 'caption preferences', up: (db) => db.exec(captionsSchema) },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
