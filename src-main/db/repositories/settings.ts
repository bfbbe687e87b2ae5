import type { Db } from '../open';

export function createSettingsRepository(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    get(key: string): unknown {
      const row = get.get(key);
      return row ? (JSON.parse(row.value) as unknown) : undefined;
    },
    set(key: string, value: unknown): void {
      put.run(key, JSON.stringify(value));
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
