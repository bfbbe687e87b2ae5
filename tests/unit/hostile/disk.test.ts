// Full and read-only disks. Writes fail with one clear message and nothing half-written remains.
// How the failures are produced (tests run as root, so chmod does not bite):
//  - a real full disk: a tiny tmpfs mounted for the test (root may mount; `mount -t tmpfs -o size=…`);
//  - a real read-only disk: the same tmpfs remounted read-only;
//  - SQLITE_FULL on demand: `PRAGMA max_page_count` on the app's own connection;
//  - SQLITE_READONLY on demand: `PRAGMA query_only` on the app's own connection.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAtelier } from '../../../src-main/app';
import { AtelierError } from '../../../src-main/contract/errors';
import { writeFileAtomic } from '../../../src-main/db/snapshot';
import { dumpDatabase, safetyAtelier } from '../../helpers/safety';
import { tempDir } from '../../helpers/temp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

/** A tmpfs of `size` at a fresh folder; unmounted after the test. */
function tinyDisk(size: string): string {
  const t = tempDir('atelier-disk-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', t.dir], { encoding: 'utf8' });
  if (mounted.status !== 0) throw new Error(`These tests need to mount a tmpfs (run as root): ${mounted.stderr}`);
  cleanups.push(() => {
    spawnSync('umount', [t.dir]);
    t.cleanup();
  });
  return t.dir;
}

describe('full disk', () => {
  it('a library on a full disk refuses the write that does not fit, keeps every earlier one, and stays sound', async () => {
    // Room for the schema (about 300 KB of WAL once every migration has run) and a few of these
    // ~200 KB posts before the disk fills.
    const disk = tinyDisk('2m');
    const a = createAtelier({ dataDir: disk, host: 'test' });
    const client = await a.call('clients.create', { name: 'Acme', timeZone: 'UTC' });
    const stored: string[] = [];
    let failure: { code: string; message: string } | null = null;
    let before: Record<string, unknown[]> = {};
    for (let i = 0; i < 200 && !failure; i++) {
      before = dumpDatabase(a.paths.database);
      const outcome = await a.dispatch('posts.create', { clientId: client.id, title: `Post ${i}`, caption: `${i} ${'words '.repeat(8_000)}`, networks: ['instagram', 'linkedin'] });
      if (outcome.ok) stored.push((outcome.result as { id: string }).id);
      else failure = outcome.error;
    }
    expect(failure?.code).toBe('io_error');
    expect(failure?.message).toMatch(/disk is full/i);
    // The renderer says it in the user's language (serviceErrors.storage.diskFull).
    expect((failure as { reason?: unknown } | null)?.reason).toEqual({ key: 'storage.diskFull' });
    expect(stored.length).toBeGreaterThan(3);
    expect(dumpDatabase(a.paths.database)).toEqual(before);
    expect(a.library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Every post acknowledged before the disk filled is whole.
    const listed = await a.call('posts.list', { includeUnscheduled: true });
    expect(listed.map((p) => p.id).sort()).toEqual([...stored].sort());
    expect(listed.every((p) => p.variants.length === 2)).toBe(true);
    a.close();
  });

  it('a backup or an asset write to a full disk fails clearly and leaves no partial file', async () => {
    const t = safetyAtelier();
    cleanups.push(() => t.cleanup());
    const client = await t.atelier.call('clients.create', { name: 'Acme', timeZone: 'UTC' });
    for (let i = 0; i < 40; i++) await t.atelier.call('posts.create', { clientId: client.id, title: `P${i}`, caption: 'x'.repeat(20_000) });
    const disk = tinyDisk('256k');
    const target = path.join(disk, 'copy.db');
    expect(() => t.atelier.backups.create(t.atelier.library.db, 'manual', target)).toThrow(/disk is full|could not be written/);
    expect(readdirSync(disk)).toEqual([]);
    expect(() => writeFileAtomic(path.join(disk, 'asset.bin'), Buffer.alloc(512 * 1024, 1))).toThrow(/disk is full/);
    expect(readdirSync(disk)).toEqual([]);
  });

  it('SQLITE_FULL inside a multi-row write rolls the whole call back', async () => {
    const t = safetyAtelier();
    cleanups.push(() => t.cleanup());
    const client = await t.atelier.call('clients.create', { name: 'Acme', timeZone: 'UTC' });
    const db = t.atelier.library.db;
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 2}`);
    const before = dumpDatabase(t.atelier.paths.database);
    const outcome = await t.atelier.dispatch('posts.create', { clientId: client.id, title: 'Big', caption: 'y'.repeat(90_000), networks: ['instagram', 'linkedin', 'facebook'] });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'io_error', message: expect.stringMatching(/disk is full/) } });
    expect(dumpDatabase(t.atelier.paths.database)).toEqual(before);
    db.pragma('max_page_count = 1073741823');
    expect((await t.atelier.dispatch('posts.create', { clientId: client.id, title: 'Fits now' })).ok).toBe(true);
  });
});

describe('full disk at start', () => {
  it('a library whose disk filled up while it was closed opens to "the disk is full", not to recovery, and is intact', async () => {
    const disk = tinyDisk('2m');
    const a = createAtelier({ dataDir: disk, host: 'test' });
    await a.call('clients.create', { name: 'Acme', timeZone: 'UTC' });
    a.close();
    const before = dumpDatabase(path.join(disk, 'atelier.db'));
    // Something else fills the disk to the last byte.
    const filler = path.join(disk, 'filler.bin');
    const fd = openSync(filler, 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(64 * 1024, 1));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    try {
      for (;;) writeSync(fd, Buffer.alloc(512, 1));
    } catch {
      // the last few sectors
    }
    closeSync(fd);
    let refused: unknown = null;
    try {
      createAtelier({ dataDir: disk, host: 'test' }).close();
    } catch (error) {
      refused = error;
    }
    expect(refused, 'opening on a full disk should be refused').toBeInstanceOf(AtelierError);
    expect((refused as AtelierError).code).toBe('io_error');
    expect((refused as AtelierError).message).toMatch(/is full/);
    expect((refused as AtelierError).message).not.toMatch(/not an Atelier library/);
    // Whichever write meets the full disk first (the session marker or SQLite), it says the disk is full.
    expect((refused as AtelierError).reason?.key).toMatch(/^storage\.diskFull(AtOpen)?$/);
    // Space freed: the library opens as it was, with no recovery needed.
    rmSync(filler);
    expect(dumpDatabase(path.join(disk, 'atelier.db'))).toEqual(before);
    const again = createAtelier({ dataDir: disk, host: 'test' });
    expect(again.status()).toMatchObject({ state: 'ok' });
    again.close();
  });
});

describe('read-only disk', () => {
  it('a library on a read-only disk is refused at open with a message naming the folder', async () => {
    const disk = tinyDisk('4m');
    const a = createAtelier({ dataDir: disk, host: 'test' });
    await a.call('clients.create', { name: 'Acme', timeZone: 'UTC' });
    a.close();
    const before = dumpDatabase(path.join(disk, 'atelier.db'));
    expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0);
    expect(() => createAtelier({ dataDir: disk, host: 'test' })).toThrow(new RegExp(`${disk}.*cannot be created or written \\(EROFS\\)`));
    spawnSync('mount', ['-o', 'remount,rw', disk]);
    expect(dumpDatabase(path.join(disk, 'atelier.db'))).toEqual(before);
  });

  it('a write refused as read-only (SQLITE_READONLY) says so and changes nothing', async () => {
    const t = safetyAtelier();
    cleanups.push(() => t.cleanup());
    await t.atelier.call('clients.create', { name: 'Acme', timeZone: 'UTC' });
    t.atelier.library.db.pragma('query_only = ON');
    const before = dumpDatabase(t.atelier.paths.database);
    for (const [method, input] of [
      ['clients.create', { name: 'New', timeZone: 'UTC' }],
      ['settings.update', { theme: 'dark' }],
      ['trash.purge', {}],
    ] as const) {
      const outcome = await t.atelier.dispatch(method, input);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'io_error', message: expect.stringMatching(/read-only; nothing was changed/) } });
    }
    expect(dumpDatabase(t.atelier.paths.database)).toEqual(before);
  });
});
