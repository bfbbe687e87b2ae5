// Pack import within a memory budget and without debris: assets are streamed and stored one at a
// time (so a refusal names the first bad one before a later one is even read), a refusal removes
// what was stored, and what a killed import left — its upload, asset rows it never committed — is
// removed at the next start and by `assets gc`, while imports still running are left alone.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { AtelierError } from '../../../src-main/contract/errors';
import { createImportJournal } from '../../../src-main/db/repositories/import-journal';
import { activeImports } from '../../../src-main/services/import-debris';
import { beginUpload, importsDir } from '../../../src-main/services/packs/uploads';
import { pngBytes } from '../../helpers/packs';
import { dumpDatabase, safetyAtelier } from '../../helpers/safety';
import { syntheticPack } from '../../helpers/synthetic-pack';

const made: ReturnType<typeof safetyAtelier>[] = [];
const children: { kill(): void }[] = [];
function library() {
  const t = safetyAtelier();
  made.push(t);
  return t;
}
afterEach(() => {
  for (const t of made.splice(0)) t.cleanup();
  for (const c of children.splice(0)) c.kill();
  activeImports.clear();
});

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

/** A pid of a process that runs until the test ends (another Atelier importing, say). */
function livePid(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

function assetFiles(dir: string): string[] {
  const root = path.join(dir, 'assets');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => statSync(path.join(root, f)).isFile())
    .sort();
}

function writePack(dir: string, name: string, pack: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, pack);
  return file;
}

const image = (n: number) => pngBytes(40 + n, 40, `#${(0x102030 + n * 0x111111).toString(16).slice(-6)}`);

describe('pack import streams its assets', () => {
  it('names the first bad asset and stores nothing, before a later damaged one is read', async () => {
    const t = library();
    const before = dumpDatabase(t.atelier.paths.database);
    const files = assetFiles(t.dir);
    const pack = syntheticPack('c1', [
      { name: 'first.png', bytes: image(1) },
      { name: 'not-an-image.png', bytes: Buffer.from('just some text, not a picture') },
      { name: 'damaged.png', bytes: image(3), wrongHash: true },
    ]);
    const error = await t.atelier.call('packs.import', { file: writePack(t.dir, 'p.zip', pack) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtelierError);
    expect((error as Error).message).toMatch(/assets\/not-an-image\.png cannot be imported \(its name says PNG image, but its bytes are not one/);
    expect((error as Error).message).toMatch(/Nothing was imported/);
    expect((error as Error).message).not.toMatch(/damaged\.png/);
    // The first asset was stored, then taken out again with its files and its journal note.
    expect(dumpDatabase(t.atelier.paths.database)).toEqual(before);
    expect(assetFiles(t.dir)).toEqual(files);
  });

  it('a hash that does not match refuses the pack after the earlier assets, and removes them', async () => {
    const t = library();
    const before = dumpDatabase(t.atelier.paths.database);
    const files = assetFiles(t.dir);
    const pack = syntheticPack('c2', [
      { name: 'a.png', bytes: image(4) },
      { name: 'b.png', bytes: image(5) },
      { name: 'c.png', bytes: image(6), wrongHash: true },
    ]);
    await expect(t.atelier.call('packs.import', { file: writePack(t.dir, 'p.zip', pack) })).rejects.toThrow(/assets\/c\.png does not match its SHA-256/);
    expect(dumpDatabase(t.atelier.paths.database)).toEqual(before);
    expect(assetFiles(t.dir)).toEqual(files);
  });

  it('a whole pack imports, and leaves no journal note behind', async () => {
    const t = library();
    const pack = syntheticPack('c3', [
      { name: 'a.png', bytes: image(7) },
      { name: 'b.png', bytes: image(8) },
    ]);
    const report = await t.atelier.call('packs.import', { file: writePack(t.dir, 'p.zip', pack) });
    expect(report).toMatchObject({ createdClient: true, posts: 1, assetsAdded: 2 });
    expect(createImportJournal(t.atelier.library.db).all()).toEqual([]);
    expect(readdirSync(path.join(t.dir, 'assets', 'tmp'))).toEqual([]);
  });
});

describe('what an interrupted import leaves is cleared', () => {
  /** Three assets stored by "an import" that never committed, noted for `pid`. */
  async function interruptedImport(t: ReturnType<typeof safetyAtelier>, pid: number, importId: string, first: number) {
    const ids: string[] = [];
    for (let n = first; n < first + 3; n++) {
      const staged = await t.atelier.services.assets.stageStream(Readable.from([image(n)]), { durable: true, maxBytes: 1e8 });
      ids.push((await t.atelier.services.assets.importStaged(staged, `import-${n}.png`, { journal: importId })).asset.id);
    }
    t.atelier.library.db.prepare('UPDATE import_journal SET pid = ? WHERE import_id = ?').run(pid, importId);
    return ids;
  }

  it('at the next start: assets a dead import stored are removed with their files, one used meanwhile stays', async () => {
    const t = library();
    const kept = await t.atelier.services.assets.importBytes(image(20), 'mine.png');
    const ids = await interruptedImport(t, deadPid(), 'dead-import', 21);
    // Something came to use one of them before the restart: it stays, as an ordinary asset.
    await t.atelier.call('assets.setRefs', { ownerType: 'post', ownerId: 'p1', assetIds: [ids[0]!] });
    const atelier = t.reopen();
    const remaining = (await atelier.call('assets.list', {})).map((a) => a.id).sort();
    expect(remaining).toEqual([kept.asset.id, ids[0]!].sort());
    expect(createImportJournal(atelier.library.db).all()).toEqual([]);
    for (const id of ids.slice(1)) expect(assetFiles(t.dir).some((f) => f.includes(id))).toBe(false);
    expect(atelier.library.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('in assets gc: removes a dead import and a finished one of ours, leaves imports still running', async () => {
    const t = library();
    const dead = await interruptedImport(t, deadPid(), 'gone', 30);
    const running = await interruptedImport(t, livePid(), 'elsewhere', 33);
    const ours = await interruptedImport(t, process.pid, 'ours-running', 36);
    const oursOld = await interruptedImport(t, process.pid, 'ours-earlier', 39);
    activeImports.add('ours-running');
    const report = await t.atelier.call('assets.gc', {});
    expect(report.removedAssets).toBe(6);
    const remaining = new Set((await t.atelier.call('assets.list', {})).map((a) => a.id));
    for (const id of [...dead, ...oursOld]) expect(remaining.has(id)).toBe(false);
    for (const id of [...running, ...ours]) expect(remaining.has(id)).toBe(true);
    expect(
      createImportJournal(t.atelier.library.db)
        .all()
        .map((r) => r.import_id)
        .sort(),
    ).toEqual(['elsewhere', 'elsewhere', 'elsewhere', 'ours-running', 'ours-running', 'ours-running']);
  });

  it('uploads left in the imports folder by a dead process go at start and in gc; a live upload and other files stay', async () => {
    const t = library();
    const dir = importsDir(t.dir);
    mkdirSync(dir, { recursive: true });
    const dead = `upload-${deadPid()}-abcdef.zip`;
    const live = `upload-${livePid()}-012345.zip`;
    for (const name of [dead, live, 'notes.txt']) writeFileSync(path.join(dir, name), 'zip bytes');
    const atelier = t.reopen();
    expect(readdirSync(dir).sort()).toEqual([live, 'notes.txt'].sort());

    // One of ours being received stays; one of ours nobody receives any more goes.
    const receiving = beginUpload(t.dir);
    writeFileSync(receiving.file, 'in flight');
    const finished = beginUpload(t.dir);
    writeFileSync(finished.file, 'left behind');
    finished.done();
    writeFileSync(path.join(dir, `upload-${deadPid()}-fedcba.zip`), 'zip bytes');
    const report = await atelier.call('assets.gc', {});
    expect(report.removedFiles).toBeGreaterThanOrEqual(2);
    expect(readdirSync(dir).sort()).toEqual([live, 'notes.txt', path.basename(receiving.file)].sort());
    receiving.done();
  });
});
