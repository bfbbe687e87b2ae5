import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-main/db/migrations';
import { libraryPaths } from '../../../src-main/services/library';
import { safetyAtelierPerTest, scribble } from '../../helpers/safety';
import { runCli } from '../../../src-main/cli/index';

const lib = safetyAtelierPerTest();

async function fill(t: ReturnType<typeof lib>, n: number) {
  const client = await t.atelier.call('clients.create', { name: 'Acme', timeZone: 'Europe/Paris' });
  for (let i = 0; i < n; i++) await t.atelier.call('posts.create', { clientId: client.id, title: `Post ${i}`, caption: 'x'.repeat(200), networks: ['instagram'] });
  return client;
}

/**
 * Damages a page of the posts table, the way a bad sector or a torn copy would: the page is found
 * by its table (dbstat), not by its place in the file, which moves as migrations add tables.
 */
function damage(dir: string) {
  const file = libraryPaths(dir).database;
  const probe = new Database(file, { readonly: true });
  const pages = probe.prepare("SELECT pageno FROM dbstat WHERE name = 'posts' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  probe.close();
  expect(pages.length).toBeGreaterThan(2);
  scribble(file, (pages[Math.floor(pages.length / 2)]! - 1) * pageSize, pageSize);
}

describe('start-up checks', () => {
  it('runs quick_check after a clean close and the full checks after an unclean one', async () => {
    const t = lib();
    expect(t.atelier.status()).toMatchObject({ state: 'ok', uncleanShutdown: false, check: 'quick' });
    t.reopen();
    expect(t.atelier.status()).toMatchObject({ uncleanShutdown: false, check: 'quick' });
    // A crash leaves the marker of a process that is gone.
    const markers = path.join(t.dir, 'sessions');
    writeFileSync(path.join(markers, '999999.json'), JSON.stringify({ pid: 999999, host: 'test', openedAt: 0 }));
    t.reopen();
    expect(t.atelier.status()).toMatchObject({ state: 'ok', uncleanShutdown: true, check: 'full' });
    t.reopen();
    expect(t.atelier.status()).toMatchObject({ uncleanShutdown: false, check: 'quick' });
  });

  it('another live process (the CLI next to the app) is not mistaken for a crash, and its temp files are left alone', () => {
    const t = lib();
    const live = path.join(t.dir, 'sessions', `${process.ppid}.json`);
    writeFileSync(live, JSON.stringify({ pid: process.ppid, host: 'electron', openedAt: 0 }));
    const busy = path.join(t.dir, 'assets', 'sha256', 'cd', `${'cd'.repeat(32)}.png.tmp`);
    mkdirSync(path.dirname(busy), { recursive: true });
    writeFileSync(busy, 'being written');
    t.reopen();
    expect(t.atelier.status()).toMatchObject({ uncleanShutdown: false, check: 'quick' });
    expect(existsSync(live)).toBe(true);
    expect(existsSync(busy)).toBe(true);
  });

  it('finishes a restore killed between the two renames', async () => {
    const t = lib();
    await t.atelier.call('clients.create', { name: 'From the backup', timeZone: 'UTC' });
    const made = await t.atelier.call('backups.create', {});
    t.atelier.close();
    const paths = libraryPaths(t.dir);
    // The state a kill leaves: the old database already aside, the verified incoming copy not yet renamed.
    renameSync(paths.database, path.join(paths.backups, 'atelier-kept-aside-20261201T090000000Z.db'));
    copyFileSync(path.join(paths.backups, made.backup.file), `${paths.database}.incoming`);
    const a = t.reopen();
    expect((await a.call('clients.list', {})).map((c) => c.name)).toEqual(['From the backup']);
    expect(existsSync(`${paths.database}.incoming`)).toBe(false);
  });

  it('collects interrupted writes (*.tmp) at start', () => {
    const t = lib();
    const orphan = path.join(t.dir, 'assets', 'sha256', 'ab', `${'ab'.repeat(32)}.png.tmp`);
    mkdirSync(path.dirname(orphan), { recursive: true });
    writeFileSync(orphan, 'half');
    mkdirSync(path.join(t.dir, 'backups'), { recursive: true });
    writeFileSync(path.join(t.dir, 'backups', 'atelier-auto-20260101T000000000Z.db.tmp'), 'half');
    writeFileSync(path.join(t.dir, 'atelier.db.incoming.tmp'), 'half');
    t.reopen();
    expect(existsSync(path.join(t.dir, 'atelier.db.incoming.tmp'))).toBe(false);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(path.join(t.dir, 'backups', 'atelier-auto-20260101T000000000Z.db.tmp'))).toBe(false);
  });

  it('a damaged database opens in recovery state, never a crash, and every start says the same', async () => {
    const t = lib();
    await fill(t, 400);
    await t.atelier.call('backups.create', {});
    t.atelier.close();
    damage(t.dir);
    for (let start = 0; start < 3; start++) {
      const a = t.reopen();
      const status = a.status();
      expect(status.state).toBe('recovery');
      expect(status.problem).toMatch(/damaged|not an Atelier library/);
      expect(status.newestBackup).not.toBeNull();
      const refused = await a.dispatch('clients.list', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'io_error' } });
      expect(!refused.ok && refused.error.message).toMatch(/needs recovery/);
      const doctor = await a.call('app.doctor', {});
      expect(doctor.ok).toBe(false);
    }
  });

  it('damage found while running switches to recovery state instead of failing call after call', async () => {
    const t = lib();
    await fill(t, 400);
    await t.atelier.call('backups.create', {});
    const heard: unknown[] = [];
    t.atelier.events.subscribe((name, payload) => name === 'library.damaged' && heard.push(payload));
    t.atelier.library.db.pragma('cache_size = 1'); // make the next read go to the file
    damage(t.dir);
    const outcome = await t.atelier.dispatch('posts.list', {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'io_error' } });
    expect(t.atelier.status()).toMatchObject({ state: 'recovery' });
    expect(heard).toHaveLength(1);
    await t.atelier.call('recovery.restoreLatest', {});
    expect(await t.atelier.call('posts.list', {})).toHaveLength(400);
  });

  it('restores the newest verified backup from recovery state and keeps the damaged file', async () => {
    const t = lib();
    await fill(t, 400);
    await t.atelier.call('backups.create', {});
    t.atelier.close();
    damage(t.dir);
    const damagedBytes = readFileSync(libraryPaths(t.dir).database);
    const a = t.reopen();
    const result = await a.call('recovery.restoreLatest', {});
    expect(a.status().state).toBe('ok');
    expect(await a.call('posts.list', {})).toHaveLength(400);
    expect(readFileSync(result.keptAside!).equals(damagedBytes)).toBe(true);
    // A healthy library does not restore by accident.
    await expect(a.call('recovery.restoreLatest', {})).rejects.toThrow(/healthy/);
  });

  it('exports what is still readable from a damaged library', async () => {
    const t = lib();
    await fill(t, 400);
    t.atelier.close();
    damage(t.dir);
    const a = t.reopen();
    const exported = await a.call('recovery.export', {});
    const content = JSON.parse(readFileSync(exported.file, 'utf8')) as { tables: Record<string, unknown[]> };
    expect(content.tables.clients).toHaveLength(1);
    expect(exported.rows.clients).toBe(1);
    expect((content.tables.posts ?? []).length + (content.tables.post_variants ?? []).length).toBeGreaterThan(0);
  });

  it('`atelier doctor` exits non-zero on a damaged library and zero on a healthy one', async () => {
    const t = lib();
    await fill(t, 300);
    t.atelier.close();
    const write = process.stdout.write.bind(process.stdout);
    let printed = '';
    process.stdout.write = ((chunk: string) => ((printed += chunk), true)) as typeof process.stdout.write;
    try {
      process.exitCode = undefined;
      expect(await runCli(['--data-dir', t.dir, 'doctor'])).toBe(0);
      damage(t.dir);
      process.exitCode = undefined;
      expect(await runCli(['--data-dir', t.dir, 'doctor'])).toBe(1);
    } finally {
      process.stdout.write = write;
      process.exitCode = undefined;
    }
    expect(printed).toMatch(/Recovery: +needed/);
    t.reopen();
  });

  it('takes a verified pre-migration backup before upgrading the schema', () => {
    const t = lib();
    t.atelier.close();
    const paths = libraryPaths(t.dir);
    const next = [...MIGRATIONS, { version: LATEST_SCHEMA_VERSION + 1, name: 'test upgrade', up: (db: import('better-sqlite3').Database) => db.exec('CREATE TABLE extra (id INTEGER PRIMARY KEY)') }];
    const opened = openDatabase({ file: paths.database, backupsDir: paths.backups, now: Date.parse('2026-12-01T10:00:00Z'), migrations: next, check: 'quick' });
    opened.db.close();
    expect(opened.backupFile).toMatch(/atelier-pre-migration-20261201T100000000Z\.db$/);
    const listed = t.atelier.backups.list();
    expect(listed.map((b) => [b.kind, b.schemaVersion])).toEqual([['pre-migration', LATEST_SCHEMA_VERSION]]);
  });
});
