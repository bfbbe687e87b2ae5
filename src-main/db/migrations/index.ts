// Numbered migrations. `PRAGMA user_version` records the last one applied.
// Append only: never edit a migration that has shipped; add the next number instead.
import type { Database } from 'better-sqlite3';
import { initialSchema } from './001-initial';
import { schedulingSchema } from './003-scheduling';
import { librarySchema } from './004-library';
import { designsSchema } from './005-designs';
import { captionsSchema } from './002-captions';
import { migrateInsights } from './006-insights';
import { decisionsAndMessagesSchema } from './007-decisions-and-messages';
import { importJournalSchema } from './008-import-journal';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: (db) => db.exec(initialSchema) },
  { version: 2, name: 'caption preferences', up: (db) => db.exec(captionsSchema) },
  { version: 3, name: 'scheduling: status history, notes, series, undo log', up: (db) => db.exec(schedulingSchema) },
  { version: 4, name: 'media and brand library', up: (db) => db.exec(librarySchema) },
  { version: 5, name: 'design templates and linked copies', up: (db) => db.exec(designsSchema) },
  { version: 6, name: 'insights: imported analytics, follower figures, permalinks per network', up: migrateInsights },
  { version: 7, name: 'translatable service texts, idempotent pack decisions', up: (db) => db.exec(decisionsAndMessagesSchema) },
  { version: 8, name: 'pack import journal (crash-safe clean-up of interrupted imports)', up: (db) => db.exec(importJournalSchema) },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
