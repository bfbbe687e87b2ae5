import { measureCaption } from '../../../src-main/core/captions';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import { AtelierError } from '../../../src-main/contract/errors';
import { PackManifest } from '../../../src-main/core/packs/manifest';
import { exportCsv } from '../../../src-main/services/calendar-csv';
import { openSafeZip } from '../../../src-main/services/packs/zip-reader';
import { testAtelier } from '../../helpers/app';
import { seedPackLibrary } from '../../helpers/packs';
import { buildZip, type RawEntry } from '../../helpers/raw-zip';

type TestLib = ReturnType<typeof testAtelier>;
const open: TestLib[] = [];
function library(): TestLib {
  const t = testAtelier();
  open.push(t);
  return t;
}
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

async function exportedPack(): Promise<{ source: TestLib; seed: Awaited<ReturnType<typeof seedPackLibrary>>; file: string }> {
  const source = library();
  const seed = await seedPackLibrary(source.atelier);
  const file = path.join(source.dir, 'pack.zip');
  await source.atelier.call('packs.export', { clientId: seed.client.id, out: file });
  return { source, seed, file };
}

function entryMethods(file: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, number>();
      zip.on('entry', (e: yauzl.Entry) => {
        out.set(e.fileName, e.compressionMethod);
        zip.readEntry();
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

function snapshot(t: TestLib) {
  const db = t.atelier.library.db;
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const files = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(path.join(dir, f)).isFile()).sort() : []);
  return { clients: count('clients'), posts: count('posts'), variants: count('post_variants'), designs: count('designs'), assets: count('assets'), files: files(t.atelier.library.paths.assets) };
}

describe('pack export', () => {
  it('writes manifest, schema, images, captions, schedule files, designs, assets and the preview page', async () => {
    const { seed, file } = await exportedPack();
    const zip = await openSafeZip(file);
    const names = zip.names().sort();
    const manifest = PackManifest.parse(JSON.parse((await zip.read('manifest.json')).toString('utf8')));
    expect(manifest.client).toMatchObject({ name: 'Boulangerie Éclair', timeZone: 'Europe/Paris' });
    expect(manifest.posts.map((p) => p.title)).toEqual(['Galette des rois', 'Bûche de Noël', 'Horaires des fêtes', 'Idée: coulisses']);
    const galette = manifest.posts[0]!;
    expect(galette.localTime).toBe('2026-12-03T09:30');
    expect(galette.scheduledAt).toBe('2026-12-03T08:30:00.000Z');
    const insta = galette.variants.find((v) => v.network === 'instagram')!;
    // The carousel: every page, numbered; the LinkedIn variant takes page 1 only.
    expect(insta.images).toEqual(['images/2026-12-03_galette-des-rois_instagram_1.png', 'images/2026-12-03_galette-des-rois_instagram_2.png']);
    expect(galette.variants.find((v) => v.network === 'linkedin')!.images).toEqual(['images/2026-12-03_galette-des-rois_linkedin.png']);
    expect(insta.measure).toMatchObject({ limit: 2200, valid: true });
    // The manifest carries exactly what the caption writer shows for that network.
    expect(insta.measure).toEqual(pick(measureCaption(insta.caption, 'instagram')));
    for (const img of manifest.posts.flatMap((p) => p.variants.flatMap((v) => v.images))) {
      const bytes = await zip.read(img);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBe(1080);
    }
    expect((await zip.read(insta.captionFile)).toString('utf8')).toBe(insta.caption);
    expect(names).toEqual(expect.arrayContaining(['manifest.schema.json', 'index.html', 'schedule.csv', 'hootsuite.csv', 'calendar.ics', `designs/${seed.designs.carousel.id}.json`, `assets/${seed.logo.id}.png`]));
    const schema = JSON.parse((await zip.read('manifest.schema.json')).toString('utf8'));
    expect(schema.properties.format).toBeDefined();
    const ics = (await zip.read('calendar.ics')).toString('utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    const schedule = (await zip.read('schedule.csv')).toString('utf8');
    expect(schedule).toContain('Galette des rois');
    expect(schedule).toContain('Idée: coulisses');
    expect((await zip.read('hootsuite.csv')).toString('utf8')).not.toContain('Idée');
    zip.close();
    // Images are stored as they are; text is deflated.
    const methods = await entryMethods(file);
    expect(methods.get(insta.images[0]!)).toBe(0);
    expect(methods.get('manifest.json')).toBe(8);
  });

  it('takes only the period and statuses asked for, restricted in every schedule file', async () => {
    const source = library();
    const seed = await seedPackLibrary(source.atelier);
    const file = path.join(source.dir, 'december.zip');
    const report = await source.atelier.call('packs.export', { clientId: seed.client.id, from: '2026-12-01', to: '2026-12-15', statuses: ['in_review'], out: file });
    expect(report.posts).toBe(2);
    const zip = await openSafeZip(file);
    const manifest = PackManifest.parse(JSON.parse((await zip.read('manifest.json')).toString('utf8')));
    expect(manifest.posts.map((p) => p.title)).toEqual(['Galette des rois', 'Bûche de Noël']);
    expect(manifest.period).toEqual({ from: '2026-11-30T23:00:00.000Z', to: '2026-12-15T23:00:00.000Z' });
    expect((await zip.read('schedule.csv')).toString('utf8')).not.toContain('Horaires');
    expect((await zip.read('calendar.ics')).toString('utf8')).not.toContain('Horaires');
    zip.close();
  });

  it('refuses an empty selection and another client’s post, and writes nothing', async () => {
    const source = library();
    const seed = await seedPackLibrary(source.atelier);
    const other = await source.atelier.call('clients.create', { name: 'Other', timeZone: 'UTC' });
    const file = path.join(source.dir, 'x.zip');
    await expect(source.atelier.call('packs.export', { clientId: other.id, out: file })).rejects.toThrow(/No post of Other matches/);
    await expect(source.atelier.call('packs.export', { clientId: other.id, postIds: [seed.posts.single.id], out: file })).rejects.toThrow(/belongs to another client/);
    expect(existsSync(file)).toBe(false);
  });

  it('a cancelled export leaves no file behind', async () => {
    const source = library();
    const seed = await seedPackLibrary(source.atelier);
    const file = path.join(source.dir, 'cancelled.zip');
    const progress: string[] = [];
    const off = source.atelier.events.subscribe((name, payload) => {
      if (name !== 'packs.progress') return;
      progress.push((payload as { phase: string }).phase);
      void source.atelier.call('packs.cancel', { jobId: 'job1' });
    });
    const error = await source.atelier.call('packs.export', { clientId: seed.client.id, out: file, jobId: 'job1' }).catch((e: unknown) => e);
    off();
    expect(error).toBeInstanceOf(AtelierError);
    expect((error as AtelierError).code).toBe('cancelled');
    expect(progress[0]).toBe('render');
    expect(readdirSync(source.dir).filter((f) => f.includes('cancelled'))).toEqual([]);
  });
});

describe('pack import', () => {
  it('a pack from one library imports into an empty one with the same posts, captions, schedule and designs', async () => {
    const { source, seed, file } = await exportedPack();
    const target = library();
    const assetEvents: string[][] = [];
    target.atelier.events.subscribe((name, payload) => name === 'assets.changed' && assetEvents.push([...(payload as { ids: string[] }).ids]));
    const report = await target.atelier.call('packs.import', { file });
    expect(report).toMatchObject({ clientId: seed.client.id, createdClient: true, posts: 4, designs: 2, assetsAdded: 1, skippedPosts: [] });
    // The library screen hears of the new logo, then of its new usage (the pack's designs use it).
    expect(assetEvents).toEqual([[seed.logo.id], [seed.logo.id]]);
    const strip = (p: { variants: { id: string }[]; createdAt: string; updatedAt: string }) => ({ ...p, createdAt: '', updatedAt: '', variants: p.variants.map((v) => ({ ...v, id: '' })) });
    const before = (await source.atelier.call('posts.list', { clientId: seed.client.id, includeUnscheduled: true })).map(strip);
    const after = (await target.atelier.call('posts.list', { clientId: seed.client.id, includeUnscheduled: true })).map(strip);
    expect(after.map((p) => ({ ...p, notes: '' }))).toEqual(before.map((p) => ({ ...p, notes: '' })));
    for (const format of ['atelier', 'hootsuite'] as const) {
      const a = exportCsv(source.atelier.library, source.atelier.services.calendar, { clientId: seed.client.id, format });
      const b = exportCsv(target.atelier.library, target.atelier.services.calendar, { clientId: seed.client.id, format });
      expect(b.csv).toBe(a.csv);
    }
    for (const id of [seed.designs.carousel.id, seed.designs.single.id]) {
      expect((await target.atelier.call('designs.get', { id })).document).toEqual((await source.atelier.call('designs.get', { id })).document);
    }
    expect(target.atelier.services.assets.get(seed.logo.id).usage.designs).toBe(1);
    // Importing it again keeps what is there and says so.
    const again = await target.atelier.call('packs.import', { file });
    expect(again.posts).toBe(0);
    expect(again.skippedPosts).toHaveLength(4);
    expect(again.assetsAlreadyPresent).toBe(1);
  });

  it('as a new client, a copy lands beside the original with fresh ids', async () => {
    const { source, seed, file } = await exportedPack();
    const report = await source.atelier.call('packs.import', { file, asNewClient: true });
    expect(report.clientId).not.toBe(seed.client.id);
    expect(report.posts).toBe(4);
    expect(report.assetsAlreadyPresent).toBe(1);
    const copies = await source.atelier.call('posts.list', { clientId: report.clientId, includeUnscheduled: true });
    expect(copies.map((p) => p.title).sort()).toEqual(['Bûche de Noël', 'Galette des rois', 'Horaires des fêtes', 'Idée: coulisses']);
    const designId = copies.find((p) => p.title === 'Bûche de Noël')!.variants[0]!.designId!;
    expect(designId).not.toBe(seed.designs.single.id);
    expect((await source.atelier.call('designs.get', { id: designId })).clientId).toBe(report.clientId);
  });

  it('removes the assets it added when the database write fails', async () => {
    const { file } = await exportedPack();
    const target = library();
    const before = snapshot(target);
    const posts = target.atelier.library.posts;
    const original = posts.insertVariant;
    let n = 0;
    posts.insertVariant = (row) => {
      if (++n === 3) throw new Error('disk I/O error');
      original(row);
    };
    const assetEvents: string[][] = [];
    target.atelier.events.subscribe((name, payload) => name === 'assets.changed' && assetEvents.push([...(payload as { ids: string[] }).ids]));
    await expect(target.atelier.call('packs.import', { file })).rejects.toThrow(/Nothing was imported/);
    posts.insertVariant = original;
    // The logo it added and took back again: the library screen drops it too.
    expect(assetEvents).toHaveLength(2);
    expect(assetEvents[1]).toEqual(assetEvents[0]);
    expect(target.atelier.services.assets.find(assetEvents[0]![0]!)).toBeNull();
    const after = snapshot(target);
    expect({ ...after, files: after.files.filter((f) => !f.startsWith('tmp')) }).toEqual({ ...before, files: before.files.filter((f) => !f.startsWith('tmp')) });
  });
});

describe('hostile and broken packs are refused, nothing stored changes', () => {
  const manifestOf = async (file: string) => JSON.parse((await (await openSafeZip(file)).read('manifest.json')).toString('utf8')) as Record<string, unknown>;

  async function refused(t: TestLib, entries: RawEntry[], pattern: RegExp): Promise<void> {
    const before = snapshot(t);
    const file = path.join(t.dir, `hostile-${Math.random().toString(36).slice(2)}.zip`);
    writeFileSync(file, buildZip(entries));
    const error = await t.atelier.call('packs.import', { file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtelierError);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).toMatch(/Nothing was imported/);
    expect(snapshot(t)).toEqual(before);
  }

  it('refuses each hostile archive with a clear message', async () => {
    const { file } = await exportedPack();
    const manifest = await manifestOf(file);
    const t = library();
    const json = (v: unknown) => Buffer.from(JSON.stringify(v));
    const ok = { name: 'manifest.json', data: json(manifest) };
    await refused(t, [ok, { name: '../evil.txt', data: Buffer.from('x') }], /outside the pack/);
    await refused(t, [ok, { name: '/etc/evil', data: Buffer.from('x') }], /absolute path/);
    await refused(t, [ok, { name: 'link', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }], /symbolic link/);
    await refused(t, [ok, { name: 'a.txt', data: Buffer.from('1') }, { name: 'A.TXT', data: Buffer.from('2') }], /appears twice/);
    await refused(t, [ok, { name: 'bomb.bin', data: Buffer.alloc(4 * 1024 * 1024), deflate: true }], /expands more than 100 times/);
    await refused(t, [ok, { name: 'big.bin', data: Buffer.from('x'), deflate: true, declaredSize: 300 * 1024 * 1024 }], /larger than 200 MB/);
    await refused(t, [{ name: 'readme.txt', data: Buffer.from('hi') }], /no manifest\.json/);
    await refused(t, [{ name: 'manifest.json', data: Buffer.from('{not json') }], /not valid JSON/);
    await refused(t, [{ name: 'manifest.json', data: json({ ...manifest, format: 'other-pack' }) }], /not an Atelier pack/);
    await refused(t, [{ name: 'manifest.json', data: json({ ...manifest, version: 2 }) }], /version 2 of the format/);
    await refused(t, [{ name: 'manifest.json', data: json({ ...manifest, posts: [{ id: 'x' }] }) }], /manifest\.json is invalid at posts\.0/);
    await refused(t, [{ name: 'manifest.json', data: json({ ...manifest, designs: [{ id: 'd1', name: 'D', file: '../d.json' }] }) }], /invalid at designs\.0\.file/);
    // Designs and assets the manifest names must be there and whole.
    await refused(t, [ok], /it has no designs\//);
    const zip = await openSafeZip(file);
    const all: RawEntry[] = [];
    for (const name of zip.names()) all.push({ name, data: await zip.read(name) });
    zip.close();
    const tampered = all.map((e) => (e.name.startsWith('assets/') ? { ...e, data: Buffer.concat([e.data, Buffer.from('x')]) } : e));
    await refused(t, tampered, /does not match its SHA-256/);
    const badDesign = all.map((e) => (e.name.startsWith('designs/') ? { ...e, data: json({ schemaVersion: 1, id: 'x', pages: 'no' }) } : e));
    await refused(t, badDesign, /is not a valid design/);
    // And the untouched pack imports: the refusals were about the archive, not the library.
    await t.atelier.call('packs.import', { file });
    expect(snapshot(t).posts).toBe(4);
  });
});

describe('decisions', () => {
  it('applies approve and changes requested with comments through the workflow history', async () => {
    const { source, seed } = await exportedPack();
    const decisions = {
      format: 'atelier-pack-decisions',
      version: 1,
      packCreatedAt: '2026-12-01T09:00:00.000Z',
      client: { id: seed.client.id, name: seed.client.name },
      decisions: [
        { postId: seed.posts.carousel.id, decision: 'approve', comment: '', decidedAt: '2026-12-02T10:00:00.000Z' },
        { postId: seed.posts.single.id, decision: 'changes_requested', comment: 'Plus de chocolat, svp', decidedAt: '2026-12-02T10:01:00.000Z' },
        { postId: seed.posts.draft.id, decision: 'changes_requested', comment: 'Fermé le 25', decidedAt: '2026-12-02T10:02:00.000Z' },
        { postId: 'gone', decision: 'approve', comment: '', decidedAt: '2026-12-02T10:03:00.000Z' },
      ],
    };
    const file = path.join(source.dir, 'decisions.json');
    writeFileSync(file, JSON.stringify(decisions));
    const report = await source.atelier.call('packs.applyDecisions', { file });
    expect(report.applied.map((a) => [a.title, a.to])).toEqual([
      ['Galette des rois', 'approved'],
      ['Bûche de Noël', 'changes_requested'],
      ['Horaires des fêtes', 'changes_requested'],
    ]);
    expect(report.skipped).toEqual([{ postId: 'gone', title: '', reason: { key: 'decisions.noSuchPost', text: 'no such post in this library' } }]);
    expect((await source.atelier.call('posts.get', { id: seed.posts.single.id })).status).toBe('changes_requested');
    const history = await source.atelier.call('calendar.statusHistory', { id: seed.posts.draft.id });
    expect(history.slice(-2).map((h) => h.to)).toEqual(['in_review', 'changes_requested']);
    expect(history.at(-1)!.note).toContain('Fermé le 25');
    const notes = await source.atelier.call('calendar.notes.list', { postId: seed.posts.single.id });
    expect(notes.map((n) => n.body).join()).toContain('Plus de chocolat, svp');
  });

  it('refuses a file that is not a decisions file, changing nothing', async () => {
    const { source, seed } = await exportedPack();
    await expect(source.atelier.call('packs.applyDecisions', { text: '{"format":"atelier-pack","version":1}' })).rejects.toThrow(/not a decisions file/);
    await expect(source.atelier.call('packs.applyDecisions', { text: '[' })).rejects.toThrow(/not valid JSON/);
    await expect(
      source.atelier.call('packs.applyDecisions', { text: JSON.stringify({ format: 'atelier-pack-decisions', version: 1, packCreatedAt: 'x', client: { id: 'a', name: 'b' }, decisions: [] }) }),
    ).rejects.toThrow(/invalid at packCreatedAt/);
    expect((await source.atelier.call('posts.get', { id: seed.posts.single.id })).status).toBe('in_review');
  });
});

function pick(m: { length: number; limit: number; remaining: number; valid: boolean; unit: string }) {
  return { length: m.length, limit: m.limit, remaining: m.remaining, valid: m.valid, unit: m.unit };
}
