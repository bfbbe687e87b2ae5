// The built `atelier` CLI against real library folders.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { assertBuilt, ROOT, runCli } from './harness';

let temp: ReturnType<typeof tempDir>;
beforeAll(() => assertBuilt());
afterEach(() => temp?.cleanup());

describe('atelier CLI', () => {
  it('adds and lists clients, as text and as JSON', () => {
    temp = tempDir();
    const added = runCli(temp.dir, ['clients', 'add', '--name', 'Maison Lumière', '--timezone', 'Europe/Paris', '--color', '#DB2777']);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Created client Maison Lumière \(Europe\/Paris\) with id \w+/);
    const listed = runCli(temp.dir, ['--json', 'clients', 'list']);
    expect(listed.code).toBe(0);
    const clients = JSON.parse(listed.stdout) as { id: string; name: string; timeZone: string; color: string }[];
    expect(clients).toEqual([expect.objectContaining({ name: 'Maison Lumière', timeZone: 'Europe/Paris', color: '#db2777' })]);
    expect(runCli(temp.dir, ['clients', 'list']).stdout).toMatch(/Maison Lumière\s+Europe\/Paris/);
  });

  it('schedules posts in the client’s wall-clock time and prints UTC, zone and local time in JSON', () => {
    temp = tempDir();
    runCli(temp.dir, ['clients', 'add', '--name', 'Harbor', '--timezone', 'America/New_York']);
    const added = runCli(temp.dir, ['--json', 'posts', 'add', '--client', 'harbor', '--title', 'Launch', '--at', '2026-12-03T08:30', '--network', 'instagram,x', '--caption', 'Hello']);
    expect(added.code).toBe(0);
    const post = JSON.parse(added.stdout) as Record<string, unknown>;
    expect(post).toMatchObject({ title: 'Launch', scheduledAt: '2026-12-03T13:30:00.000Z', timeZone: 'America/New_York', localTime: '2026-12-03T08:30' });
    expect(post.id).toEqual(expect.any(String));
    const listed = JSON.parse(runCli(temp.dir, ['--json', 'posts', 'list', '--client', 'Harbor', '--from', '2026-12-03', '--to', '2026-12-03']).stdout) as unknown[];
    expect(listed).toHaveLength(1);
    expect(JSON.parse(runCli(temp.dir, ['--json', 'posts', 'list', '--client', 'Harbor', '--from', '2026-12-04']).stdout)).toEqual([]);
  });

  it('says how a spring-forward gap was resolved', () => {
    temp = tempDir();
    runCli(temp.dir, ['clients', 'add', '--name', 'Paris', '--timezone', 'Europe/Paris']);
    const added = runCli(temp.dir, ['posts', 'add', '--client', 'Paris', '--title', 'Gap', '--at', '2027-03-28T02:30']);
    expect(added.code).toBe(0);
    expect(added.stderr).toContain('does not exist in Europe/Paris');
    expect(added.stdout).toContain('2027-03-28T03:30');
  });

  it.each([
    [['clients', 'add', '--name', 'X', '--timezone', 'Mars/Base'], /--timezone: is not a known IANA time zone/],
    [['posts', 'add', '--client', 'Nobody', '--title', 'T'], /No client with id or name "Nobody"/],
    [['posts', 'list', '--status', 'bogus'], /--status: unknown status bogus \(valid: idea, draft, in_review/],
    [['posts', 'list', '--from', '2026-02-30'], /--from 2026-02-30 is not a date/],
  ])('fails with one clear line: %j', (args, message) => {
    temp = tempDir();
    const result = runCli(temp.dir, args);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("renders a post's designs to PNG files for publishing by hand, and says when there is none", async () => {
    temp = tempDir();
    // The built CLI as a process (cliJson runs the CLI's code in this process): this file tests the command.
    const json = <T>(args: string[]): T => {
      const result = runCli(temp.dir, ['--json', ...args]);
      if (result.code !== 0) throw new Error(`atelier ${args.join(' ')} failed: ${result.stderr}`);
      return JSON.parse(result.stdout) as T;
    };
    const client = json<{ id: string }>(['clients', 'add', '--name', 'Fleuriste', '--timezone', 'Europe/Paris']);
    const design = json<{ id: string }>(['designs', 'create', '--name', 'Bouquet', '--template', 'tpl-announce-square', '--client', client.id]);
    const csv = path.join(temp.dir, 'plan.csv');
    writeFileSync(
      csv,
      'date,time,timezone,client,network,status,title,caption,link,labels,design\n' +
        `2026-12-05,10:00,Europe/Paris,,instagram,draft,Bouquet du samedi,Caption,,,${design.id}\n` +
        '2026-12-06,10:00,Europe/Paris,,instagram,draft,Sans visuel,Caption,,,\n',
    );
    const [withDesign, without] = json<{ postIds: string[] }>(['import', 'csv', csv, '--client', client.id, '--format', 'atelier']).postIds as [string, string];
    const images = json<{ network: string; path: string; width: number; height: number }[]>(['posts', 'images', withDesign]);
    expect(images).toEqual([expect.objectContaining({ network: 'instagram', width: 1080, height: 1080, path: path.join(temp.dir, 'exports', 'posts', withDesign, '2026-12-05_bouquet-du-samedi_instagram.png') })]);
    const meta = await sharp(images[0]!.path).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1080, 1080]);
    const refused = runCli(temp.dir, ['posts', 'images', without]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/"Sans visuel" has no design to render/);
  });

  it('refuses a library folder that is a file', () => {
    temp = tempDir();
    const file = path.join(temp.dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const result = runCli(file, ['clients', 'list']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is a file, not a folder/);
  });

  it('refuses a library from a newer Atelier and leaves it untouched', () => {
    temp = tempDir();
    runCli(temp.dir, ['clients', 'add', '--name', 'Kept', '--timezone', 'UTC']);
    const db = new Database(path.join(temp.dir, 'atelier.db'));
    db.pragma('user_version = 999');
    db.close();
    const result = runCli(temp.dir, ['clients', 'add', '--name', 'New', '--timezone', 'UTC']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/newer version of Atelier/);
    const check = new Database(path.join(temp.dir, 'atelier.db'), { readonly: true });
    expect(check.prepare('SELECT name FROM clients').all()).toEqual([{ name: 'Kept' }]);
    check.close();
  });

  it('reports the library in doctor and seeds a demo', () => {
    temp = tempDir();
    expect(runCli(temp.dir, ['demo']).stdout).toMatch(/Demo library ready: 2 clients, \d+ posts, \d+ designs/);
    const doctor = runCli(temp.dir, ['--json', 'doctor']);
    expect(doctor.code).toBe(0);
    expect(JSON.parse(doctor.stdout)).toMatchObject({ ok: true, integrity: 'ok', counts: { clients: 2 }, paths: { database: path.join(temp.dir, 'atelier.db') } });
  });

  it('Ctrl+C on `npm start` runs the quit backup and closes the library (WAL checkpointed, no -wal or -shm left)', async () => {
    temp = tempDir();
    expect(runCli(temp.dir, ['clients', 'add', '--name', 'Harbor', '--timezone', 'America/New_York']).code).toBe(0);
    // Browser mode whatever this machine has (no display for a desktop window).
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    // Its own process group, like a terminal's foreground job: Ctrl+C reaches npm, the launcher and the studio.
    const child = spawn('npm', ['start', '--', '--data-dir', temp.dir, '--no-open'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += String(chunk)));
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const deadline = Date.now() + 40_000;
    while (!output.includes('Press Ctrl+C to stop.') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain('Atelier is running at http://127.0.0.1:');
    expect(existsSync(path.join(temp.dir, 'atelier.db-wal'))).toBe(true);
    process.kill(-child.pid!, 'SIGINT');
    // npm itself ends on the signal (as in a terminal); the studio finishes its clean exit.
    expect([{ code: 0, signal: null }, { code: null, signal: 'SIGINT' }, { code: 130, signal: null }]).toContainEqual(await exited);
    const groupAlive = () => {
      try {
        process.kill(-child.pid!, 0);
        return true;
      } catch {
        return false;
      }
    };
    while (groupAlive() && Date.now() < deadline + 20_000) await new Promise((r) => setTimeout(r, 100));
    expect(groupAlive()).toBe(false);
    expect(output).toContain('Atelier stopped; the library is backed up and closed.');
    expect(readdirSync(path.join(temp.dir, 'backups')).filter((f) => f.startsWith('atelier-quit-'))).toHaveLength(1);
    expect(existsSync(path.join(temp.dir, 'atelier.db-wal'))).toBe(false);
    expect(existsSync(path.join(temp.dir, 'atelier.db-shm'))).toBe(false);
    const check = new Database(path.join(temp.dir, 'atelier.db'), { readonly: true });
    expect(check.prepare('SELECT name FROM clients').all()).toEqual([{ name: 'Harbor' }]);
    check.close();
  });
});
