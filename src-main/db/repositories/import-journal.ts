// The asset rows pack imports have added and not yet committed (see migration 010).
import type { Db } from '../open';

export interface JournalRow {
  asset_sha256: string;
  import_id: string;
  pid: number;
  started_at: number;
}

export function createImportJournal(db: Db) {
  const add = db.prepare<[string, string, number, number]>('INSERT OR IGNORE INTO import_journal (asset_sha256, import_id, pid, started_at) VALUES (?, ?, ?, ?)');
  const finish = db.prepare<[string]>('DELETE FROM import_journal WHERE import_id = ?');
  const forget = db.prepare<[string]>('DELETE FROM import_journal WHERE asset_sha256 = ?');
  const all = db.prepare<[], JournalRow>('SELECT * FROM import_journal ORDER BY started_at');
  return {
    add(sha: string, importId: string, pid: number, startedAt: number): void {
      add.run(sha, importId, pid, startedAt);
    },
    /** The import committed: its assets are the library's now. */
    finish(importId: string): void {
      finish.run(importId);
    },
    forget(sha: string): void {
      forget.run(sha);
    },
    all(): JournalRow[] {
      return all.all();
    },
  };
}

export type ImportJournal = ReturnType<typeof createImportJournal>;
