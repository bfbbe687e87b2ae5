// KPIs, best times, queue slots, the monthly report and the CLI, over a client's November as the
// networks exported it (tests/helpers/insights-seed.ts). Expected figures are worked out here from
// the seed's numbers with the README's formulas, not read back from the code under test.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src-main/cli/index';
import { PackManifest } from '../../../src-main/core/packs/manifest';
import { openSafeZip } from '../../../src-main/services/packs/zip-reader';
import { testAtelier } from '../../helpers/app';
import { metaInstagramCsv, type ExportPost } from '../../helpers/insight-exports';
import { asUploads, FACEBOOK, INSTAGRAM, LINKEDIN, seedInsights, TIKTOK, X_POSTS, YOUTUBE } from '../../helpers/insights-seed';

let t: ReturnType<typeof testAtelier>;
beforeEach(() => {
  t = testAtelier({ start: Date.parse('2026-12-05T09:00:00Z') });
});
afterEach(() => t.cleanup());

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const v = (n: number | undefined) => n ?? 0;
// The README's table: what counts as an engagement, and what the rate divides by.
const ENGAGEMENTS = {
  instagram: (p: ExportPost) => v(p.likes) + v(p.comments) + v(p.shares) + v(p.saves),
  facebook: (p: ExportPost) => v(p.likes) + v(p.comments) + v(p.shares),
  linkedin: (p: ExportPost) => v(p.likes) + v(p.comments) + v(p.shares) + v(p.clicks) + v(p.follows),
  x: (p: ExportPost) => v(p.engagements),
  tiktok: (p: ExportPost) => v(p.likes) + v(p.comments) + v(p.shares),
  youtube: (p: ExportPost) => v(p.likes) + v(p.comments) + v(p.shares),
};
const DATA = { instagram: INSTAGRAM, facebook: FACEBOOK, linkedin: LINKEDIN, x: X_POSTS, tiktok: TIKTOK, youtube: YOUTUBE };
const BY_REACH = new Set(['instagram', 'facebook']);

function expected() {
  const nets = Object.keys(DATA) as (keyof typeof DATA)[];
  const engagements = sum(nets.flatMap((n) => DATA[n].map(ENGAGEMENTS[n])));
  const denominators = sum(nets.flatMap((n) => DATA[n].map((p) => v(BY_REACH.has(n) ? p.reach : p.views))));
  return {
    posts: sum(nets.map((n) => DATA[n].length)),
    reach: sum([...INSTAGRAM, ...FACEBOOK].map((p) => v(p.reach))),
    impressions: sum(nets.flatMap((n) => DATA[n].map((p) => v(p.views)))),
    engagements,
    engagementRate: engagements / denominators,
    // Instagram follows + LinkedIn new followers (7 + 3 + 1) + TikTok's daily differences in
    // November (80 + 40) + YouTube subscribers; X's file has no follows for the month.
    followersGained: sum(INSTAGRAM.map((p) => v(p.follows))) + 11 + 120 + sum(YOUTUBE.map((p) => v(p.follows))),
  };
}

describe('insights.summary', () => {
  it('computes the month’s KPIs with each network’s formula, and compares with the month before', async () => {
    const seed = await seedInsights(t.atelier);
    // October: three Instagram posts, so the previous period has figures to compare with.
    const october: ExportPost[] = [0, 1, 2].map((i) => ({ at: Date.parse(`2026-10-0${i + 6}T08:00:00Z`), id: `179000000${87654320 + i}`, caption: `Octobre ${i}`, views: 1000, reach: 800, likes: 30, comments: 5, shares: 3, saves: 2, follows: 1 }));
    await t.atelier.call('insights.import', { clientId: seed.clientId, files: [...asUploads(seed.files), { name: 'Oct.csv', dataBase64: metaInstagramCsv(october).toString('base64'), modifiedAt: '2026-11-02T10:00:00.000Z' }] });
    const s = await t.atelier.call('insights.summary', { clientId: seed.clientId, month: '2026-11' });
    const e = expected();
    expect(s).toMatchObject({ posts: e.posts, reach: e.reach, impressions: e.impressions, engagements: e.engagements, followersGained: e.followersGained });
    expect(s.engagementRate).toBeCloseTo(e.engagementRate, 12);
    expect(s.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(s.previousPeriod).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(s.previous).toMatchObject({ posts: 3, reach: 2400, impressions: 3000, engagements: 120 });
    expect(s.changes.reach).toEqual({ previous: 2400, delta: e.reach - 2400, ratio: (e.reach - 2400) / 2400 });
    expect(s.changes.engagementRate.delta).toBeCloseTo(e.engagementRate - 120 / 2400, 12);
    // Nine posts were planned for November (approved); eight went out, one more came from the export.
    expect(s.adherence).toMatchObject({ planned: 9, published: 8, fromExport: 1 });
    // Per network: X divides by impressions, Facebook by reach.
    const x = s.networks.find((n) => n.network === 'x')!;
    expect(x).toMatchObject({ denominator: 'views', engagements: 31, impressions: 1200 });
    expect(x.engagementRate).toBeCloseTo(31 / 1200, 12);
    const fb = s.networks.find((n) => n.network === 'facebook')!;
    expect(fb.engagementRate).toBeCloseTo((50 + 80) / (1000 + 1200), 12);
    // Top post: the best engagement rate of the month, the apple tart on Instagram (290 / 2500).
    expect(s.topPosts[0]).toMatchObject({ network: 'instagram', caption: INSTAGRAM[2]!.caption });
    expect(s.topPosts[0]!.engagementRate).toBeCloseTo(290 / 2500, 12);
  });

  it('filters by network, label and campaign', async () => {
    const seed = await seedInsights(t.atelier);
    await t.atelier.call('insights.import', { clientId: seed.clientId, files: asUploads(seed.files) });
    const ig = await t.atelier.call('insights.summary', { clientId: seed.clientId, month: '2026-11', network: 'instagram' });
    expect(ig).toMatchObject({ posts: 5, reach: sum(INSTAGRAM.map((p) => v(p.reach))), engagements: sum(INSTAGRAM.map(ENGAGEMENTS.instagram)) });
    // The "recette" label: the apple tart, out on Instagram and Facebook.
    const recipe = await t.atelier.call('insights.summary', { clientId: seed.clientId, month: '2026-11', label: 'recette' });
    expect(recipe).toMatchObject({ posts: 2, engagements: ENGAGEMENTS.instagram(INSTAGRAM[2]!) + ENGAGEMENTS.facebook(FACEBOOK[1]!) });
    expect(recipe.labels).toContain('viennoiserie');
    const none = await t.atelier.call('insights.summary', { clientId: seed.clientId, month: '2026-11', campaign: 'Noël' });
    expect(none).toMatchObject({ posts: 0, engagements: null, engagementRate: null });
  });

  it('puts the best slot first in the heatmap (client’s zone) and counts TikTok’s follower activity', async () => {
    const seed = await seedInsights(t.atelier);
    await t.atelier.call('insights.import', { clientId: seed.clientId, files: asUploads(seed.files) });
    const s = await t.atelier.call('insights.summary', { clientId: seed.clientId, month: '2026-11' });
    // Tuesday 09:30 Paris: five posts (3rd and 17th on two networks, the 10th) with rates above the median.
    expect(s.bestTimes[0]).toMatchObject({ weekday: 2, hour: 9, time: '09:00', posts: 5 });
    // YouTube gives only the day, so its video has no hour: ten of the eleven posts are placed.
    expect(s.heatmap.posts).toBe(10);
    // TikTok said 300 followers were active on Monday 23rd at 19:00 and 40 at 08:00 (shares of the busiest hour).
    expect(s.heatmap.cells.find((c) => c.weekday === 1 && c.hour === 19)?.audience).toBe(1);
    expect(s.heatmap.cells.find((c) => c.weekday === 1 && c.hour === 8)?.audience).toBeCloseTo(40 / 300, 12);
  });

  it('"use as queue slots" adds the best times to the network’s weekly queue, keeping what is there', async () => {
    const seed = await seedInsights(t.atelier);
    const first = await t.atelier.call('insights.useAsSlots', { clientId: seed.clientId, network: 'instagram', slots: [{ weekday: 2, hour: 9 }, { weekday: 5, hour: 18 }] });
    expect(first.added.map((s) => [s.weekday, s.time])).toEqual([[2, '09:00'], [5, '18:00']]);
    const second = await t.atelier.call('insights.useAsSlots', { clientId: seed.clientId, network: 'instagram', slots: [{ weekday: 2, hour: 9 }, { weekday: 3, hour: 12 }] });
    expect(second.added.map((s) => [s.weekday, s.time])).toEqual([[3, '12:00']]);
    // Tuesday 09:00 was already a slot: kept, not added twice.
    expect(second.existing).toBe(1);
  });
});

describe('monthly report', () => {
  it('writes a PDF whose text has the client’s name and the KPI figures, in French and English', async () => {
    const seed = await seedInsights(t.atelier);
    await t.atelier.call('insights.import', { clientId: seed.clientId, files: asUploads(seed.files) });
    const e = expected();
    const fr = await t.atelier.call('insights.report', { clientId: seed.clientId, month: '2026-11', language: 'fr', out: path.join(t.dir, 'rapport.pdf') });
    expect(fr.pages).toBeGreaterThanOrEqual(3);
    const text = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/[\u00a0\u202f]/g, ' ');
    const frText = text(fr.file!);
    expect(frText).toContain('Boulangerie Dupont');
    expect(frText).toContain('novembre 2026');
    const frNum = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/[\u00a0\u202f]/g, ' ');
    for (const n of [e.reach, e.impressions, e.engagements]) expect(frText).toContain(frNum(n));
    expect(frText).toContain(`${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(e.engagementRate * 100)} %`);
    const en = await t.atelier.call('insights.report', { clientId: seed.clientId, month: '2026-11', language: 'en', out: path.join(t.dir, 'report.pdf') });
    const enText = text(en.file!);
    expect(enText).toContain('Boulangerie Dupont');
    expect(enText).toContain('November 2026');
    for (const n of [e.reach, e.impressions, e.engagements]) expect(enText).toContain(n.toLocaleString('en-US'));
    // Vector text with embedded fonts, not a picture of text.
    expect(execFileSync('pdffonts', [en.file!]).toString()).toMatch(/Identity-H\s+yes/);
  });

  it('travels in the next month’s content pack, linked from its preview page; a client without insights gets none', async () => {
    const seed = await seedInsights(t.atelier);
    await t.atelier.call('insights.import', { clientId: seed.clientId, files: asUploads(seed.files) });
    await t.atelier.call('posts.create', { clientId: seed.clientId, title: 'Bûche de Noël', networks: ['instagram'], at: '2026-12-20T09:30' });
    const file = path.join(t.dir, 'decembre.zip');
    const pack = await t.atelier.call('packs.export', { clientId: seed.clientId, from: '2026-12-01', to: '2026-12-31', language: 'fr', out: file });
    expect(pack.warnings.map((w) => w.key)).not.toContain('packs.reportFailed');
    const zip = await openSafeZip(file);
    const manifest = PackManifest.parse(JSON.parse((await zip.read('manifest.json')).toString('utf8')));
    // December's plan carries November's results: the report of the month before the period.
    expect(manifest.files.report).toBe('report/boulangerie-dupont-report-2026-11-fr.pdf');
    const pdf = path.join(t.dir, 'from-pack.pdf');
    writeFileSync(pdf, await zip.read(manifest.files.report!));
    const index = (await zip.read('index.html')).toString('utf8');
    zip.close();
    expect(index).toContain(`<a href="${manifest.files.report}">Les résultats du mois dernier : le rapport (PDF)</a>`);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8');
    expect(text).toContain('Boulangerie Dupont');
    expect(text).toContain('novembre 2026');
    // A pack with a report still imports (the report is for the client, not for the library).
    expect((await t.atelier.call('packs.import', { file, asNewClient: true })).posts).toBe(1);

    // A client whose November no export measured: no report, no link.
    const other = await t.atelier.call('clients.create', { name: 'Fromagerie', timeZone: 'Europe/Paris' });
    await t.atelier.call('posts.create', { clientId: other.id, title: 'Comté', networks: ['instagram'], at: '2026-12-18T10:00' });
    const plain = path.join(t.dir, 'fromagerie.zip');
    await t.atelier.call('packs.export', { clientId: other.id, from: '2026-12-01', to: '2026-12-31', out: plain });
    const zip2 = await openSafeZip(plain);
    const manifest2 = PackManifest.parse(JSON.parse((await zip2.read('manifest.json')).toString('utf8')));
    expect(manifest2.files.report ?? null).toBeNull();
    expect(zip2.names().some((n) => n.startsWith('report/'))).toBe(false);
    expect((await zip2.read('index.html')).toString('utf8')).not.toContain('report/');
    zip2.close();
  });
});

describe('CLI', () => {
  let out = '';
  beforeEach(() => {
    out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.exitCode = undefined;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('atelier insights import, insights summary --json and report, by client name', async () => {
    const seed = await seedInsights(t.atelier);
    const files = seed.files.map((f) => {
      const p = path.join(t.dir, f.name);
      writeFileSync(p, f.bytes);
      return p;
    });
    t.atelier.close();
    const dataDir = ['--data-dir', t.dir];
    expect(await runCli([...dataDir, 'insights', 'import', ...files, '--client', 'Boulangerie Dupont'])).toBe(0);
    expect(out).toContain('5 post(s): 5 new');
    out = '';
    expect(await runCli([...dataDir, '--json', 'insights', 'summary', '--client', 'Boulangerie Dupont', '--month', '2026-11'])).toBe(0);
    const s = JSON.parse(out) as Record<string, unknown> & { bestTimes: { weekday: number; hour: number }[] };
    const e = expected();
    expect(s).toMatchObject({ posts: e.posts, reach: e.reach, impressions: e.impressions, engagements: e.engagements, followersGained: e.followersGained });
    expect(s.engagementRate as number).toBeCloseTo(e.engagementRate, 12);
    expect(s.bestTimes[0]).toMatchObject({ weekday: 2, hour: 9 });
    out = '';
    const pdf = path.join(t.dir, 'out', 'nov.pdf');
    expect(await runCli([...dataDir, 'report', '--client', 'Boulangerie Dupont', '--month', '2026-11', '--lang', 'fr', '--out', pdf])).toBe(0);
    expect(execFileSync('pdftotext', [pdf, '-']).toString()).toContain('Boulangerie Dupont');
    expect(await runCli([...dataDir, 'insights', 'summary', '--client', 'Boulangerie Dupont', '--month', '2026-13'])).not.toBe(0);
  });
});
