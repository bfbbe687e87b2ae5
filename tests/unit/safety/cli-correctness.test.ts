// The CLI says what a person typed, never what the code calls it; it takes a client by id or name
// everywhere; a usage mistake is one short error; a check never creates what it checks; a second
// `demo` adds nothing; a pack never silently replaces an earlier one. (Ctrl+C on `npm start` and
// `npm run electron:install` run as real processes in tests/e2e/cli.e2e.ts and electron-install.test.ts.)
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/index';
import { POST_STATUSES } from '../../../src-main/core/domain/posts';
import { captureCliOutput } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let temp: ReturnType<typeof tempDir>;
const io = captureCliOutput();
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.cleanup());

const lib = () => path.join(temp.dir, 'library');
const cli = (...args: string[]) => runCli(['--data-dir', lib(), ...args]);
const json = async (...args: string[]) => {
  io.out = '';
  expect(await cli('--json', ...args)).toBe(0);
  return JSON.parse(io.out) as unknown;
};

describe('--client takes an id or a name in every command', () => {
  it('posts, designs, assets, exports and packs all find “Maison Lumière” by name', async () => {
    const client = (await json('clients', 'add', '--name', 'Maison Lumière', '--timezone', 'Europe/Paris')) as { id: string };
    expect(await cli('posts', 'add', '--client', 'maison lumière', '--title', 'Galette', '--at', '2027-01-06T09:00', '--status', 'approved')).toBe(0);
    const design = (await json('designs', 'create', '--client', 'Maison Lumière', '--preset', 'instagram-square', '--name', 'Galette')) as { clientId: string };
    expect(design.clientId).toBe(client.id);
    expect(((await json('designs', 'list', '--client', 'Maison Lumière')) as unknown[]).length).toBe(1);
    expect(await json('assets', 'list', '--client', 'Maison Lumière')).toEqual([]);
    expect(await cli('export', 'csv', '--client', 'Maison Lumière', '--format', 'atelier', '--out', path.join(temp.dir, 'plan.csv'))).toBe(0);
    const zip = path.join(temp.dir, 'pack.zip');
    expect(await cli('pack', 'export', '--client', 'Maison Lumière', '--out', zip)).toBe(0);
    expect(existsSync(zip)).toBe(true);
    const other = (await json('clients', 'add', '--name', 'Copie', '--timezone', 'Europe/Paris')) as { id: string };
    const imported = (await json('pack', 'import', zip, '--client', 'Copie')) as { clientId: string };
    expect(imported.clientId).toBe(other.id);
    io.err = '';
    expect(await cli('pack', 'export', '--client', 'Nobody', '--out', path.join(temp.dir, 'x.zip'))).toBe(1);
    expect(io.err).toBe('atelier: No client with id or name "Nobody".\n');
  });
});

describe('errors name what the user typed', () => {
  it('a value the contract refuses is reported by its flag, not by method or field name', async () => {
    await cli('clients', 'add', '--name', 'Acme', '--timezone', 'Europe/Paris');
    io.err = '';
    expect(await cli('posts', 'add', '--client', 'Acme', '--title', '   ')).toBe(1);
    expect(io.err).toBe('atelier: --title: must not be empty.\n');
    io.err = '';
    expect(await cli('clients', 'add', '--name', 'Mars', '--timezone', 'Mars/Olympus')).toBe(1);
    expect(io.err).toMatch(/^atelier: --timezone: is not a known IANA time zone/);
    for (const internal of ['posts.create', 'clients.create', 'Invalid input for', 'timeZone', 'clientId']) expect(io.err).not.toContain(internal);
  });

  it('--status names the valid statuses', async () => {
    expect(await cli('posts', 'list', '--status', 'sometimes')).toBe(1);
    expect(io.err).toBe(`atelier: --status: unknown status sometimes (valid: ${POST_STATUSES.join(', ')}).\n`);
    io.err = '';
    expect(await cli('pack', 'export', '--client', 'Acme', '--status', 'in-review,later', '--out', path.join(temp.dir, 'p.zip'))).toBe(1);
    expect(io.err).toContain('unknown status later (valid: idea, draft, in_review');
  });

  it('a usage mistake is one short error and where to look, not the whole help', async () => {
    expect(await cli('posts', 'add', '--client', 'Acme')).toBe(2);
    expect(io.err).toContain("error: required option '--title <title>' not specified");
    expect(io.err).toContain('Run `atelier posts add --help` to see its options.');
    expect(io.err).not.toContain('Options:');
    expect(io.err.trim().split('\n').length).toBeLessThanOrEqual(3);
    io.err = '';
    expect(await cli('posts', 'ad')).toBe(2);
    expect(io.err).not.toContain('Options:');
    expect(io.err).toContain('atelier posts --help');
  });
});

describe('doctor checks, never creates', () => {
  it('refuses a --data-dir that does not exist, and creates nothing', async () => {
    const typo = path.join(temp.dir, 'Atelierr');
    expect(await runCli(['--data-dir', typo, 'doctor'])).toBe(1);
    expect(io.err).toBe(`atelier: There is no library at ${typo} (the folder does not exist). Check --data-dir; nothing was created.\n`);
    expect(io.out).not.toContain('All good');
    expect(existsSync(typo)).toBe(false);
  });

  it('refuses a folder that holds no library, and still reports a real one', async () => {
    const empty = path.join(temp.dir, 'empty');
    mkdirSync(empty);
    expect(await runCli(['--data-dir', empty, 'doctor'])).toBe(1);
    expect(io.err).toContain(`${empty} holds no Atelier library (no atelier.db)`);
    expect(existsSync(path.join(empty, 'atelier.db'))).toBe(false);
    await cli('clients', 'add', '--name', 'Acme', '--timezone', 'Europe/Paris');
    io.out = '';
    expect(await cli('doctor')).toBe(0);
    expect(io.out).toContain('All good.');
  });
});

describe('demo twice', () => {
  it('adds the demo once; the second run says so and adds nothing', async () => {
    expect(await cli('demo')).toBe(0);
    expect(io.out).toContain('Demo library ready: 2 clients');
    const before = (await json('posts', 'list')) as unknown[];
    io.out = '';
    expect(await cli('demo')).toBe(0);
    expect(io.out).toBe('The demo clients are already in this library; nothing was added.\n');
    expect(((await json('clients', 'list')) as unknown[]).length).toBe(2);
    expect(((await json('posts', 'list')) as unknown[]).length).toBe(before.length);
  });
});

describe('pack export never replaces a file silently', () => {
  it('refuses an existing --out, leaves it untouched, and replaces it with --force', async () => {
    await cli('clients', 'add', '--name', 'Acme', '--timezone', 'Europe/Paris');
    await cli('posts', 'add', '--client', 'Acme', '--title', 'Hello', '--at', '2027-01-06T09:00');
    const zip = path.join(temp.dir, 'acme.zip');
    writeFileSync(zip, 'last month’s pack');
    io.err = '';
    expect(await cli('pack', 'export', '--client', 'Acme', '--out', zip)).toBe(1);
    expect(io.err).toBe(`atelier: ${zip} already exists; nothing was written. Add --force to replace it, or choose another --out.\n`);
    expect(readFileSync(zip, 'utf8')).toBe('last month’s pack');
    expect(await cli('pack', 'export', '--client', 'Acme', '--out', zip, '--force')).toBe(0);
    expect(readFileSync(zip).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(statSync(zip).size).toBeGreaterThan(100);
  });
});
