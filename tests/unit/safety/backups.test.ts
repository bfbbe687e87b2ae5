import { LATEST_SCHEMA_VERSION } from '../../../src-main/db/migrations';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY_MS, selectKept } from '../../../src-main/services/backups';
import { politeScheduler } from '../../../src-main/services/scheduler';
import { checkDatabaseFile } from '../../../src-main/db/snapshot';
import { dumpDatabase, manualScheduler, safetyAtelierPerTest, scribble } from '../../helpers/safety';

const lib = safetyAtelierPerTest();
const backupFiles = (dir: string) => (existsSync(path.join(dir, 'backups')) ? readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.db')).sort() : []);

describe('backups', () => {
  it('makes a checked copy that holds what the library held', async () => {
    const t = lib();
    await t.atelier.call('clients.create', { name: 'Acme', timeZone: 'Europe/Paris' });
    const made = await t.atelier.call('backups.create', {});
    const file = path.join(t.dir, 'backups', made.backup.file);
    expect(checkDatabaseFile(file).ok).toBe(true);
    expect(dumpDatabase(file).clients).toHaveLength(1);
    const listed = await t.atelier.call('backups.list', {});
    expect(listed.backups.map((b) => b.file)).toEqual([made.backup.file]);
    expect(listed.backups[0]!.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(readdirSync(path.join(t.dir, 'backups')).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('backs up daily while running, with the injected clock, and once on clean quit', async () => {
    const t = lib({ autoBackup: true });
    expect(backupFiles(t.dir)).toHaveLength(0); // start is not held back by a backup…
    t.timers.tick();
    expect(backupFiles(t.dir)).toHaveLength(1); // …the first check, soon after, takes one (none yet)
    t.clock.advance(6 * 60 * 60 * 1000);
    t.timers.tick();
    expect(backupFiles(t.dir)).toHaveLength(1); // not due yet
    t.clock.advance(DAY_MS);
    t.timers.tick();
    expect(backupFiles(t.dir)).toHaveLength(2);
    await t.atelier.call('clients.create', { name: 'Late work', timeZone: 'UTC' });
    t.atelier.close();
    const files = backupFiles(t.dir);
    expect(files.filter((f) => f.includes('-quit-'))).toHaveLength(1);
    expect(dumpDatabase(path.join(t.dir, 'backups', files.find((f) => f.includes('-quit-'))!)).clients).toHaveLength(1);
    expect(t.timers.count()).toBe(0); // the timer stops with the app
  });

  it('waits for a quiet moment: a backup due while calls are coming in runs once they stop, not during them', async () => {
    const t = lib({ autoBackup: true, housekeepingQuietMs: 40 });
    await t.atelier.call('clients.create', { name: 'Busy', timeZone: 'UTC' });
    t.timers.tick(); // due now, but a call has just been answered: it waits
    expect(backupFiles(t.dir)).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 60));
    t.timers.tick(); // quiet for longer than 40 ms: it runs
    expect(backupFiles(t.dir)).toHaveLength(1);
    expect(dumpDatabase(path.join(t.dir, 'backups', backupFiles(t.dir)[0]!)).clients).toHaveLength(1);
  });

  it('housekeeping looks again when the host could have been quiet long enough, and runs anyway after the longest wait', () => {
    const base = manualScheduler();
    const waits: number[] = [];
    const after = base.scheduler.after;
    base.scheduler.after = (ms, task) => (waits.push(ms), after(ms, task));
    let idle = 500;
    const ran: string[] = [];
    politeScheduler(base.scheduler, () => idle, { quietMs: 2000, maxDelayMs: 5000 }).after(5000, () => ran.push('gc'));
    base.tick(); // 5 s after start: busy (a call 0.5 s ago), so it looks again in 1.5 s
    expect([ran, waits]).toEqual([[], [5000, 1500]]);
    idle = 2500;
    base.tick();
    expect(ran).toEqual(['gc']);
    // Never quiet: it waits 2 s at a time, 5 s at most, then runs.
    idle = 0;
    politeScheduler(base.scheduler, () => idle, { quietMs: 2000, maxDelayMs: 5000 }).after(10, () => ran.push('backup'));
    for (let i = 0; i < 5; i++) base.tick();
    expect(ran).toEqual(['gc', 'backup']);
    expect(waits.slice(2)).toEqual([10, 2000, 2000, 1000]);
    expect(base.count()).toBe(0);
  });

  it('keeps 7 daily and 4 weekly automatic backups, never manual ones', async () => {
    const t = lib({ autoBackup: true });
    await t.atelier.call('backups.create', {}); // manual: survives rotation
    for (let day = 0; day < 60; day++) {
      t.clock.advance(DAY_MS);
      t.timers.tick();
    }
    const files = backupFiles(t.dir);
    const auto = files.filter((f) => f.includes('-auto-'));
    expect(auto.length).toBeGreaterThanOrEqual(7);
    expect(auto.length).toBeLessThanOrEqual(11);
    expect(files.filter((f) => f.includes('-manual-'))).toHaveLength(1);
  });

  it('rotation keeps the newest per day for 7 days and per week for 4 weeks', () => {
    const start = Date.parse('2026-01-05T12:00:00Z'); // a Monday
    const times = Array.from({ length: 60 }, (_, i) => start + i * DAY_MS);
    times.push(start + 59 * DAY_MS + 1000); // two on the last day: only the newer stays
    const kept = [...selectKept(times, { daily: 7, weekly: 4, preMigration: 5 })].sort((a, b) => a - b);
    const days = kept.map((k) => Math.floor((k - start) / DAY_MS));
    expect(days.filter((d) => d >= 53)).toEqual([53, 54, 55, 56, 57, 58, 59]);
    expect(kept).toContain(start + 59 * DAY_MS + 1000);
    expect(kept).not.toContain(start + 59 * DAY_MS);
    // Four weeks: the two newest are already covered by the days; the weeks before keep their last day.
    expect(days).toEqual([41, 48, 53, 54, 55, 56, 57, 58, 59]);
  });

  it('copies asset files incrementally by hash', async () => {
    const t = lib();
    const put = (hash: string) => {
      const file = path.join(t.dir, 'assets', 'sha256', hash.slice(0, 2), `${hash}.png`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, hash);
    };
    put('a'.repeat(64));
    put('b'.repeat(64));
    expect((await t.atelier.call('backups.create', {})).assetsCopied).toBe(2);
    put('c'.repeat(64));
    expect((await t.atelier.call('backups.create', {})).assetsCopied).toBe(1);
    expect(readFileSync(path.join(t.dir, 'backups', 'assets', 'sha256', 'cc', `${'c'.repeat(64)}.png`), 'utf8')).toBe('c'.repeat(64));
  });

  it('restores a backup while running and keeps the current database aside', async () => {
    const t = lib();
    await t.atelier.call('clients.create', { name: 'Before', timeZone: 'UTC' });
    const made = await t.atelier.call('backups.create', {});
    t.clock.advance(1000);
    await t.atelier.call('clients.create', { name: 'After', timeZone: 'UTC' });
    const heard: unknown[] = [];
    t.atelier.events.subscribe((name, payload) => name === 'library.restored' && heard.push(payload));
    const result = await t.atelier.call('backups.restore', { file: made.backup.file });
    expect((await t.atelier.call('clients.list', {})).map((c) => c.name)).toEqual(['Before']);
    expect(heard).toHaveLength(1); // every open window reloads
    expect(result.keptAside).not.toBeNull();
    const aside = dumpDatabase(result.keptAside!);
    expect((aside.clients as { name: string }[]).map((c) => c.name).sort()).toEqual(['After', 'Before']);
    // The kept-aside copy can itself be restored: nothing is ever lost.
    await t.atelier.call('backups.restore', { file: path.basename(result.keptAside!) });
    expect((await t.atelier.call('clients.list', {})).map((c) => c.name)).toEqual(['After', 'Before']);
  });

  it('restoring a database kept aside brings back the commits still in its WAL', async () => {
    const t = lib();
    await t.atelier.call('clients.create', { name: 'Old', timeZone: 'UTC' });
    // A crash leaves the last commits in the WAL; a restore moves the database aside with its WAL.
    const db = t.atelier.library.db;
    db.pragma('wal_autocheckpoint = 0');
    await t.atelier.call('clients.create', { name: 'Only in the WAL', timeZone: 'UTC' });
    const aside = path.join(t.dir, 'backups', 'atelier-kept-aside-20261201T080000000Z.db');
    mkdirSync(path.dirname(aside), { recursive: true });
    copyFileSync(t.atelier.paths.database, aside);
    copyFileSync(`${t.atelier.paths.database}-wal`, `${aside}-wal`);
    expect(statSync(`${aside}-wal`).size).toBeGreaterThan(0);
    await t.atelier.call('clients.delete', { id: (await t.atelier.call('clients.list', {}))[0]!.id });
    await t.atelier.call('backups.restore', { file: path.basename(aside) });
    expect((await t.atelier.call('clients.list', {})).map((c) => c.name)).toEqual(['Old', 'Only in the WAL']);
  });

  it('brings back asset files the library lost', async () => {
    const t = lib();
    const hash = 'd'.repeat(64);
    const file = path.join(t.dir, 'assets', 'sha256', 'dd', `${hash}.jpg`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'pixels');
    const made = await t.atelier.call('backups.create', {});
    writeFileSync(file, '');
    const { rmSync } = await import('node:fs');
    rmSync(file);
    const result = await t.atelier.call('backups.restore', { file: made.backup.file });
    expect(result.assetsRestored).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('pixels');
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const t = lib();
    await t.atelier.call('clients.create', { name: 'Keep me', timeZone: 'UTC' });
    const made = await t.atelier.call('backups.create', {});
    const backupFile = path.join(t.dir, 'backups', made.backup.file);
    scribble(backupFile, 0, 100);
    const before = dumpDatabase(path.join(t.dir, 'atelier.db'));
    await expect(t.atelier.call('backups.restore', { file: made.backup.file })).rejects.toThrow(/not a readable Atelier backup/);
    expect(dumpDatabase(path.join(t.dir, 'atelier.db'))).toEqual(before);
    expect((await t.atelier.call('clients.list', {})).map((c) => c.name)).toEqual(['Keep me']);
  });

  it('rejects names that are not backups (no path can reach outside the folder)', async () => {
    const t = lib();
    for (const file of ['../atelier.db', '/etc/passwd', 'atelier-manual-20260101T000000000Z.db']) {
      const outcome = await t.atelier.dispatch('backups.restore', { file });
      expect(outcome.ok).toBe(false);
    }
    expect(existsSync(path.join(t.dir, 'atelier.db'))).toBe(true);
  });

  it('restores a copy by its path or the newest good backup, and says which choice is missing or doubled', async () => {
    const t = lib();
    await t.atelier.call('clients.create', { name: 'Before', timeZone: 'UTC' });
    const made = await t.atelier.call('backups.create', {});
    const elsewhere = path.join(t.dir, 'copy.db');
    copyFileSync(path.join(t.dir, 'backups', made.backup.file), elsewhere);
    await t.atelier.call('clients.create', { name: 'After', timeZone: 'UTC' });
    expect((await t.atelier.call('backups.restore', { path: elsewhere })).restored).toBe(elsewhere);
    expect((await t.atelier.call('clients.list', {})).map((c) => c.name)).toEqual(['Before']);
    await t.atelier.call('clients.create', { name: 'Again', timeZone: 'UTC' });
    await t.atelier.call('backups.restore', { latest: true });
    expect((await t.atelier.call('clients.list', {})).map((c) => c.name)).toEqual(['Before']);
    for (const input of [{}, { file: made.backup.file, latest: true }, { path: 'copy.db' }]) {
      const outcome = await t.atelier.dispatch('backups.restore', input);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/exactly one of file, path or latest|absolute path/) } });
    }
  });
});
