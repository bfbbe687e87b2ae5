import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/index';
import { checkDatabaseFile } from '../../../src-main/db/snapshot';
import { dumpDatabase, scribble } from '../../helpers/safety';
import { tempDir } from '../../helpers/temp';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

/** Runs the CLI in-process and captures what it prints. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  let out = '';
  let err = '';
  process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((err += chunk), true)) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    const code = await runCli(args);
    return { code, out, err };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exitCode = undefined;
  }
}

describe('atelier backup / restore', () => {
  it('backs up to a chosen file, never overwriting one', async () => {
    const t = tempDir();
    temps.push(t);
    const lib = path.join(t.dir, 'lib');
    expect((await cli(['--data-dir', lib, 'clients', 'add', '--name', 'Acme', '--timezone', 'UTC'])).code).toBe(0);
    const out = path.join(t.dir, 'copy.db');
    const first = await cli(['--data-dir', lib, 'backup', '--out', out]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/checked/);
    expect(checkDatabaseFile(out).ok).toBe(true);
    const again = await cli(['--data-dir', lib, 'backup', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
  });

  it('restores from a path or the latest backup, keeping the current database aside', async () => {
    const t = tempDir();
    temps.push(t);
    const lib = path.join(t.dir, 'lib');
    await cli(['--data-dir', lib, 'clients', 'add', '--name', 'Acme', '--timezone', 'UTC']);
    const out = path.join(t.dir, 'copy.db');
    await cli(['--data-dir', lib, 'backup', '--out', out]);
    await cli(['--data-dir', lib, 'backup']);
    await cli(['--data-dir', lib, 'clients', 'add', '--name', 'Later', '--timezone', 'UTC']);

    const neither = await cli(['--data-dir', lib, 'restore']);
    expect(neither.code).toBe(1);
    expect(neither.err).toMatch(/either a backup file or --latest/);

    const fromPath = await cli(['--data-dir', lib, 'restore', out]);
    expect(fromPath.code).toBe(0);
    expect(fromPath.out).toMatch(/previous database is kept at .*atelier-kept-aside-/);
    expect((dumpDatabase(path.join(lib, 'atelier.db')).clients as { name: string }[]).map((c) => c.name)).toEqual(['Acme']);

    scribble(path.join(lib, 'atelier.db'), 0, 100);
    const latest = await cli(['--data-dir', lib, 'restore', '--latest']);
    expect(latest.code).toBe(0);
    expect((await cli(['--data-dir', lib, 'doctor'])).code).toBe(0);

    const missing = await cli(['--data-dir', lib, 'restore', path.join(t.dir, 'nope.db')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.db does not exist/);
  });
});
