// Schema v3 on top of a v1 library: the posts already there keep everything and gain scheduling tables.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-main/db/migrations';
import { openDatabase } from '../../../src-main/db/open';
import { createSchedulingRepository } from '../../../src-main/db/repositories/scheduling';
import { tempDir } from '../../helpers/temp';

let temp: ReturnType<typeof tempDir>;
afterEach(() => temp.cleanup());

describe('migration 3 (scheduling)', () => {
  it('upgrades a v1 library in place, keeping its posts, and the new tables work', () => {
    temp = tempDir();
    const file = path.join(temp.dir, 'atelier.db');
    const backupsDir = path.join(temp.dir, 'backups');
    const v1 = openDatabase({ file, backupsDir, now: 1, migrations: MIGRATIONS.filter((m) => m.version === 1) });
    v1.db.exec(`INSERT INTO clients (id, name, time_zone, color, created_at, updated_at) VALUES ('c', 'C', 'Europe/Paris', '#000000', 0, 0);
                INSERT INTO posts (id, client_id, title, status, scheduled_at, created_at, updated_at) VALUES ('p', 'c', 'Kept', 'scheduled', 1000, 0, 0);`);
    v1.db.close();

    const v3 = openDatabase({ file, backupsDir, now: 2 });
    expect(v3.fromVersion).toBe(1);
    expect(v3.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(v3.backupFile).not.toBeNull();
    expect(v3.db.prepare('SELECT title, status, scheduled_at FROM posts').get()).toEqual({ title: 'Kept', status: 'scheduled', scheduled_at: 1000 });
    const repo = createSchedulingRepository(v3.db);
    repo.addHistory({ post_id: 'p', from_status: 'draft', to_status: 'scheduled', source: 'user', note: '', at: 5 });
    repo.patchSchedule('p', { link: 'https://example.com' });
    expect(repo.history('p')).toHaveLength(1);
    expect(repo.schedule('p')).toMatchObject({ link: 'https://example.com', detached: 0, series_id: null });
    // Deleting a post takes its scheduling rows with it.
    v3.db.prepare("DELETE FROM posts WHERE id = 'p'").run();
    expect(repo.history('p')).toEqual([]);
    expect(repo.schedule('p')).toBeUndefined();
    v3.db.close();
  });
});
