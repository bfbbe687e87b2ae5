// Which paths a call may name. Browser mode (`fileAccess: 'library'`): an upload in the library's
// imports folder to read, the library's exports folder to write — anything else is refused with a
// translatable reason, nothing is written and no file's content is echoed. The desktop app and the
// CLI (`anywhere`) keep their real paths.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AtelierError } from '../../../src-main/contract/errors';
import { importsDir } from '../../../src-main/services/packs/uploads';
import { seedPackLibrary } from '../../helpers/packs';
import { dumpDatabase, safetyAtelier } from '../../helpers/safety';
import { tempDir } from '../../helpers/temp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function library(fileAccess: 'library' | 'anywhere') {
  const t = safetyAtelier({ fileAccess });
  cleanups.push(() => t.cleanup());
  return t;
}

async function refusal(promise: Promise<unknown>): Promise<AtelierError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AtelierError);
  return error as AtelierError;
}

describe('browser mode (library only)', () => {
  it('refuses an export to a path, a decisions file and an import from outside the imports folder, changing nothing', async () => {
    const t = library('library');
    const seed = await seedPackLibrary(t.atelier);
    const elsewhere = tempDir('atelier-elsewhere-');
    cleanups.push(() => elsewhere.cleanup());
    const victim = path.join(elsewhere.dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const secret = path.join(elsewhere.dir, 'shadow');
    writeFileSync(secret, 'root:$6$SECRET-HASH:19000:0:99999:7:::');
    const before = dumpDatabase(t.atelier.paths.database);

    const out = await refusal(t.atelier.call('packs.export', { clientId: seed.client.id, out: victim }));
    expect(out).toMatchObject({ code: 'unauthorized', reason: { key: 'browserMode.pathRefused', params: { field: 'out' } } });
    expect(readFileSync(victim, 'utf8')).toBe('precious');

    const decisions = await refusal(t.atelier.call('packs.applyDecisions', { file: secret }));
    expect(decisions.code).toBe('unauthorized');
    expect(JSON.stringify(decisions.toWire())).not.toMatch(/SECRET|root:/);

    for (const file of [victim, secret, path.join(importsDir(t.dir), '..', 'atelier.db'), 'imports/../atelier.db']) {
      expect((await refusal(t.atelier.call('packs.import', { file }))).code).toBe('unauthorized');
    }
    // A link planted in the imports folder that leads out of it.
    mkdirSync(importsDir(t.dir), { recursive: true });
    symlinkSync(secret, path.join(importsDir(t.dir), 'link.zip'));
    expect((await refusal(t.atelier.call('packs.import', { file: path.join(importsDir(t.dir), 'link.zip') }))).code).toBe('unauthorized');
    expect(dumpDatabase(t.atelier.paths.database)).toEqual(before);
  });

  it('exports into the library and imports an upload from the imports folder', async () => {
    const t = library('library');
    const seed = await seedPackLibrary(t.atelier);
    const report = await t.atelier.call('packs.export', { clientId: seed.client.id });
    expect(report.download).toMatch(/\.zip$/);
    expect(readdirSync(path.join(t.dir, 'exports'))).toContain(report.download);
    mkdirSync(importsDir(t.dir), { recursive: true });
    const upload = path.join(importsDir(t.dir), 'upload-1-abc.zip');
    copyFileSync(report.file, upload);
    const imported = await t.atelier.call('packs.import', { file: upload, asNewClient: true });
    expect(imported.posts).toBe(4);
    // And decisions come as text, which needs no path.
    const text = JSON.stringify({ format: 'atelier-pack-decisions', version: 1, packCreatedAt: '2026-12-01T09:00:00.000Z', client: { id: seed.client.id, name: 'x' }, decisions: [] });
    expect(await t.atelier.call('packs.applyDecisions', { text })).toEqual({ applied: [], skipped: [] });
  });
});

describe('desktop and CLI (anywhere)', () => {
  it('keep their real paths', async () => {
    const t = library('anywhere');
    const seed = await seedPackLibrary(t.atelier);
    const out = path.join(t.dir, 'chosen', 'pack.zip');
    mkdirSync(path.dirname(out));
    expect((await t.atelier.call('packs.export', { clientId: seed.client.id, out })).file).toBe(out);
    expect((await t.atelier.call('packs.import', { file: out, asNewClient: true })).posts).toBe(4);
    const decisions = path.join(t.dir, 'decisions.json');
    writeFileSync(decisions, JSON.stringify({ format: 'atelier-pack-decisions', version: 1, packCreatedAt: '2026-12-01T09:00:00.000Z', client: { id: seed.client.id, name: 'x' }, decisions: [] }));
    expect(await t.atelier.call('packs.applyDecisions', { file: decisions })).toEqual({ applied: [], skipped: [] });
  });

  it('a decisions file that is not JSON is refused by where it breaks, never by what it says', async () => {
    const t = library('anywhere');
    const file = path.join(t.dir, 'passwd');
    writeFileSync(file, 'root:x:0:0:PRIVATE-LINE:/root:/bin/bash\nuser:x:1000');
    const error = await refusal(t.atelier.call('packs.applyDecisions', { file }));
    expect(error.message).toBe(`${file} is not valid JSON (it does not start like JSON). Nothing was changed.`);
    const broken = path.join(t.dir, 'broken.json');
    writeFileSync(broken, '{\n  "format": "atelier-pack-decisions",\n  "PRIVATE": oops\n}');
    const second = await refusal(t.atelier.call('packs.applyDecisions', { file: broken }));
    expect(second.message).toMatch(/breaks at line 3, column 14/);
    expect(second.message).not.toMatch(/PRIVATE|oops/);
  });
});
