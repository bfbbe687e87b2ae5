// Importing the networks' own exports (made by tests/helpers/insight-exports.ts from the documented
// columns): every source, French and English headers, locale numbers, re-imports that update and
// never duplicate, and broken files refused with the file, row and column named and nothing stored.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtelierError } from '../../../src-main/contract/errors';
import { parseMetric } from '../../../src-main/core/insights/numbers';
import { testAtelier } from '../../helpers/app';
import { frNumber, linkedinContentWorkbook, linkedinFollowersWorkbook, metaFacebookCsv, metaInstagramCsv, xClassicCsv, xContentCsv, youtubeZip } from '../../helpers/insight-exports';
import { asUploads, FACEBOOK, INSTAGRAM, seedInsights, ZONE } from '../../helpers/insights-seed';

let t: ReturnType<typeof testAtelier>;
beforeEach(() => {
  t = testAtelier({ start: Date.parse('2026-12-05T09:00:00Z') });
});
afterEach(() => t.cleanup());

const upload = (name: string, bytes: Buffer, modifiedAt = '2026-12-01T10:00:00.000Z') => ({ name, dataBase64: bytes.toString('base64'), modifiedAt });
/** 2026-11-DD HH:MM in Paris (UTC+1 in November). */
const paris = (day: number, hour: number, minute = 0) => Date.parse(`2026-11-${String(day).padStart(2, '0')}T${String(hour - 1).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);

async function errorOf(promise: Promise<unknown>): Promise<AtelierError> {
  try {
    await promise;
  } catch (error) {
    return error as AtelierError;
  }
  throw new Error('expected a refusal');
}

describe('locale numbers', () => {
  it('reads English, French, German, suffixed, float and percentage cells; "no data" stays missing', () => {
    expect(parseMetric('1,234')).toBe(1234);
    expect(parseMetric('1\u202f234')).toBe(1234);
    expect(parseMetric('1\u00a0234')).toBe(1234);
    expect(parseMetric('12 500')).toBe(12500);
    expect(parseMetric('1.234')).toBe(1234);
    expect(parseMetric('1.2K')).toBe(1200);
    expect(parseMetric('3.5M')).toBe(3_500_000);
    expect(parseMetric('424.0')).toBe(424);
    expect(parseMetric('3,4 %', 'decimal')).toBeCloseTo(0.034, 10);
    expect(parseMetric('5.2%', 'decimal')).toBeCloseTo(0.052, 10);
    expect(parseMetric('1.234,5', 'decimal')).toBe(1234.5);
    for (const blank of ['', '-', '—', 'N/A', 'undefined']) expect(parseMetric(blank)).toBeNull();
    expect(parseMetric('beaucoup')).toBeNaN();
  });
});

describe('insights.import', () => {
  it('reads every source (Meta FR/EN, LinkedIn XLS and XLSX, X current, TikTok and YouTube zips) and matches planned posts', async () => {
    const seed = await seedInsights(t.atelier);
    const report = await t.atelier.call('insights.import', { clientId: seed.clientId, files: asUploads(seed.files) });
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]));
    const ig = byFile['Nov-01-2026_Nov-30-2026_949104527769166.csv']!;
    expect(ig.sources).toEqual(['meta_instagram']);
    expect([ig.posts, ig.added, ig.matchedByTime, ig.created]).toEqual([5, 5, 4, 1]);
    expect(byFile['Nov-01-2026_Nov-30-2026_541651602373282.csv']!.sources).toEqual(['meta_facebook']);
    expect(byFile['boulangerie-dupont_content_1764500000000.xls']!).toMatchObject({ sources: ['linkedin_content'], posts: 1, matchedByTime: 1 });
    expect(byFile['boulangerie-dupont_followers_1764500000000.xlsx']!).toMatchObject({ sources: ['linkedin_followers'], posts: 0, followerDays: 2 });
    expect(byFile['account_analytics_content_2026-10-02_2026-12-01.csv']!).toMatchObject({ sources: ['x_content'], posts: 1, matchedByTime: 1 });
    const tiktok = byFile['Content_boulangerie.zip']!;
    expect(tiktok.sources).toEqual(['tiktok_content', 'tiktok_followers', 'tiktok_activity']);
    expect([tiktok.posts, tiktok.followerDays, tiktok.activityHours]).toEqual([1, 3, 2]);
    // TikTok's export date is the snapshot in its Time column, not the file's date.
    expect(tiktok.exportDate.slice(0, 10)).toBe('2026-12-01');
    expect(byFile['Content 2026-11-01_2026-11-30 Boulangerie Dupont.zip']!).toMatchObject({ sources: ['youtube'], posts: 1 });

    const rows = await t.atelier.call('insights.rows', { clientId: seed.clientId, month: '2026-11' });
    expect(rows).toHaveLength(11);
    // Times in the client's zone: Meta writes Paris wall clock, TikTok's time comes from its video id.
    const tuesdayCroissants = rows.find((r) => r.network === 'instagram' && r.localTime === '2026-11-03T09:30')!;
    expect(tuesdayCroissants.match).toBe('auto');
    expect(tuesdayCroissants.post?.id).toBe(seed.plannedIds[0]);
    expect(rows.find((r) => r.network === 'tiktok')!.localTime).toBe('2026-11-20T19:00');
    // YouTube gives only the day.
    expect(rows.find((r) => r.network === 'youtube')).toMatchObject({ localTime: '2026-11-15T00:00', precision: 'day' });
    // The one nobody planned became a published post "from the export".
    const unplanned = rows.find((r) => r.match === 'created')!;
    expect(unplanned.caption).toBe(INSTAGRAM[4]!.caption);
    const created = await t.atelier.call('posts.get', { id: unplanned.post!.id });
    expect(created.status).toBe('published');
    expect(created.clientId).toBe(seed.clientId);
  });

  it('re-importing the same files updates the rows and never duplicates them; a newer export refreshes the numbers, an older one does not', async () => {
    const seed = await seedInsights(t.atelier);
    await t.atelier.call('insights.import', { clientId: seed.clientId, files: asUploads(seed.files) });
    const before = await t.atelier.call('insights.summary', { clientId: seed.clientId, month: '2026-11' });
    const postsBefore = (await t.atelier.call('posts.list', { clientId: seed.clientId })).length;

    const again = await t.atelier.call('insights.import', { clientId: seed.clientId, files: asUploads(seed.files) });
    expect(again.files.reduce((a, f) => a + f.added, 0)).toBe(0);
    expect(again.files.reduce((a, f) => a + f.created, 0)).toBe(0);
    expect(again.files.reduce((a, f) => a + f.updated, 0)).toBe(11);
    expect(await t.atelier.call('insights.rows', { clientId: seed.clientId, month: '2026-11' })).toHaveLength(11);
    expect((await t.atelier.call('posts.list', { clientId: seed.clientId })).length).toBe(postsBefore);
    const after = await t.atelier.call('insights.summary', { clientId: seed.clientId, month: '2026-11' });
    expect({ ...after, daily: null }).toEqual({ ...before, daily: null });
    expect(after.followersGained).toBe(before.followersGained);

    // A week later the first Instagram post has more views; the same export read later changes it.
    const grown = INSTAGRAM.map((p, i) => (i === 0 ? { ...p, views: 3000, likes: 130 } : p));
    const newer = await t.atelier.call('insights.import', { clientId: seed.clientId, files: [upload('Dec-08.csv', metaInstagramCsv(grown, { lang: 'fr' }), '2026-12-08T10:00:00.000Z')] });
    expect(newer.files[0]).toMatchObject({ added: 0, updated: 5, older: 0 });
    const refreshed = await t.atelier.call('insights.summary', { clientId: seed.clientId, month: '2026-11' });
    expect(refreshed.impressions).toBe(before.impressions! + 600);
    expect(refreshed.engagements).toBe(before.engagements! + 10);
    // An export from before that does not roll the numbers back.
    const stale = await t.atelier.call('insights.import', { clientId: seed.clientId, files: [upload('Nov-20.csv', metaInstagramCsv(INSTAGRAM, { lang: 'fr' }), '2026-11-20T10:00:00.000Z')] });
    expect(stale.files[0]).toMatchObject({ added: 0, updated: 0, older: 5 });
    expect((await t.atelier.call('insights.summary', { clientId: seed.clientId, month: '2026-11' })).impressions).toBe(refreshed.impressions);
  });

  it('reads Meta’s older "Impressions" column as views and says so; X’s classic UTC file; LinkedIn XLSX in English', async () => {
    const client = await t.atelier.call('clients.create', { name: 'Studio Nord', timeZone: ZONE });
    const report = await t.atelier.call('insights.import', {
      clientId: client.id,
      files: [
        upload('fb-2024.csv', metaFacebookCsv(FACEBOOK, { viewsHeader: 'Impressions' })),
        upload('tweet_activity_metrics.csv', xClassicCsv([{ at: Date.parse('2026-11-05T23:30:00Z'), caption: 'Late tweet', views: 424, engagements: 30, likes: 20, comments: 5, shares: 5 }])),
        upload('page_content.xlsx', linkedinContentWorkbook([{ at: paris(12, 8), caption: 'Hello LinkedIn', views: 1000, likes: 10, comments: 2, shares: 1, clicks: 5, follows: 2 }], { format: 'xlsx' })),
      ],
    });
    expect(report.files[0]!.renamed).toEqual([expect.objectContaining({ network: 'facebook', header: 'Impressions' })]);
    expect(report.files[1]!.sources).toEqual(['x_classic']);
    expect(report.files[2]!.sources).toEqual(['linkedin_content']);
    const rows = await t.atelier.call('insights.rows', { clientId: client.id, month: '2026-11' });
    // 23:30 UTC on the 5th is 00:30 on the 6th in Paris.
    expect(rows.find((r) => r.network === 'x')).toMatchObject({ localTime: '2026-11-06T00:30', engagements: 30 });
    expect(rows.find((r) => r.network === 'facebook' && r.localTime === '2026-11-03T09:30')!.metrics.views).toBe(1300);
    // LinkedIn: clicks + reactions + comments + reposts + follows = 20, over 1000 impressions.
    expect(rows.find((r) => r.network === 'linkedin')).toMatchObject({ engagements: 20, engagementRate: 0.02 });
  });

  it('refuses a file with a bad number naming the file, row and column, and stores nothing of the batch', async () => {
    const seed = await seedInsights(t.atelier);
    const postsBefore = (await t.atelier.call('posts.list', { clientId: seed.clientId })).length;
    const broken = metaInstagramCsv(INSTAGRAM, { lang: 'fr' }).toString('utf8').replace(frNumber(3100), 'beaucoup');
    const error = await errorOf(t.atelier.call('insights.import', { clientId: seed.clientId, files: [...asUploads(seed.files), upload('instagram-broken.csv', Buffer.from(broken))] }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('instagram-broken.csv');
    expect(error.message).toContain('row 4');
    expect(error.message).toContain('"Vues"');
    expect(error.message).toContain('beaucoup');
    expect(error.reason).toEqual({ key: 'insights.badNumber', params: expect.objectContaining({ file: 'instagram-broken.csv', row: 4, column: 'Vues' }) });
    // All or nothing: the good files of the same batch were not stored either.
    expect(await t.atelier.call('insights.rows', { clientId: seed.clientId, month: '2026-11' })).toEqual([]);
    expect((await t.atelier.call('posts.list', { clientId: seed.clientId })).length).toBe(postsBefore);
    expect(await t.atelier.call('insights.imports', { clientId: seed.clientId })).toEqual([]);
  });

  it('refuses what is not a post export, with the reason', async () => {
    const client = await t.atelier.call('clients.create', { name: 'Studio Nord', timeZone: ZONE });
    const refuse = async (name: string, bytes: Buffer) => errorOf(t.atelier.call('insights.import', { clientId: client.id, files: [upload(name, bytes)] }));
    const unknown = await refuse('people.csv', Buffer.from('Name,Email\nAda,ada@example.com\n'));
    expect(unknown.message).toMatch(/people\.csv.*Name, Email/);
    expect(unknown.reason?.key).toBe('insights.unknownColumns');
    const ads = await refuse('ads.csv', Buffer.from('Reporting starts,Reporting ends,Ad name,Ad ID,Amount spent (EUR)\n2026-11-01,2026-11-30,Promo,123,45.2\n'));
    expect(ads.message).toContain('Meta Ads Manager');
    expect(ads.reason?.key).toBe('insights.other.metaAds');
    expect((await refuse('latin1.csv', Buffer.from([0x50, 0x6f, 0x73, 0x74, 0x20, 0x49, 0x44, 0x2c, 0x44, 0xe9, 0x73, 0x0a, 0x31, 0x2c, 0xe9, 0x0a]))).reason?.key).toBe('insights.notUtf8');
    expect((await refuse('truncated.zip', (await youtubeZip([{ id: 'abc', at: paris(3, 9), caption: 'x', views: 1 }])).subarray(0, 60))).reason?.key).toBe('insights.badZip');
    const emptyFile = path.join(t.dir, 'empty.csv');
    writeFileSync(emptyFile, '');
    const empty = await errorOf(t.atelier.call('insights.import', { clientId: client.id, files: [{ name: 'empty.csv', path: emptyFile }] }));
    expect(empty.reason?.key).toBe('insights.empty');
    const headerOnly = metaFacebookCsv([]);
    expect((await refuse('header-only.csv', headerOnly)).reason?.key).toBe('insights.noRows');
    const badDate = metaFacebookCsv(FACEBOOK).toString('utf8').replace(/11\/03\/2026 09:30/, '31/31/2026 25:99');
    const dateError = await refuse('fb-dates.csv', Buffer.from(badDate));
    expect(dateError.reason).toMatchObject({ key: 'insights.badDate', params: { row: 2, column: 'Publish time' } });
    expect(await t.atelier.call('insights.imports', { clientId: client.id })).toEqual([]);
  });

  it('records LinkedIn and TikTok followers per day once, whatever the number of imports', async () => {
    const client = await t.atelier.call('clients.create', { name: 'Studio Nord', timeZone: ZONE });
    const followers = linkedinFollowersWorkbook([{ date: '2026-11-02', organic: 4, sponsored: 1 }, { date: '2026-11-20', organic: 6, sponsored: 0 }, { date: '2026-12-01', organic: 9, sponsored: 0 }], { format: 'xls' });
    await t.atelier.call('insights.import', { clientId: client.id, files: [upload('followers.xls', followers)] });
    await t.atelier.call('insights.import', { clientId: client.id, files: [upload('followers.xls', followers)] });
    const s = await t.atelier.call('insights.summary', { clientId: client.id, month: '2026-11' });
    expect(s.followersGained).toBe(11);
    expect(s.networks.find((n) => n.network === 'linkedin')?.followersGained ?? s.followersGained).toBe(11);
  });

  it('finds a post marked published with its link, even far from its planned time', async () => {
    const client = await t.atelier.call('clients.create', { name: 'Studio Nord', timeZone: ZONE });
    const post = await t.atelier.call('posts.create', { clientId: client.id, title: 'Offre de Noël', caption: 'Une caption sans rapport', networks: ['x'], scheduledAt: new Date(paris(2, 9)).toISOString(), status: 'scheduled' });
    const at = paris(9, 17);
    const tweet = xContentCsv([{ at, caption: 'Tout autre texte publié le 9', views: 500, likes: 5, engagements: 9 }]);
    const link = /https:\/\/x\.com\/\S+?\/status\/\d+/.exec(tweet.toString('utf8'))![0];
    await t.atelier.call('calendar.markPublished', { id: post.id, permalinks: [{ network: 'x', url: link.replace('https://x.com', 'https://twitter.com') + '?s=20' }] });
    const report = await t.atelier.call('insights.import', { clientId: client.id, files: [upload('x.csv', tweet)] });
    expect(report.files[0]).toMatchObject({ matchedByLink: 1, matchedByTime: 0, created: 0 });
    const [row] = await t.atelier.call('insights.rows', { clientId: client.id, month: '2026-11' });
    expect(row).toMatchObject({ match: 'permalink', post: { id: post.id } });
  });

  it('lets the user change a match, or make the row a post of its own; the choice survives a re-import', async () => {
    const seed = await seedInsights(t.atelier);
    await t.atelier.call('insights.import', { clientId: seed.clientId, files: asUploads(seed.files) });
    const rows = await t.atelier.call('insights.rows', { clientId: seed.clientId, month: '2026-11', network: 'instagram' });
    const saturday = rows.find((r) => r.localTime === '2026-11-24T18:00')!;
    const candidates = await t.atelier.call('insights.candidates', { id: saturday.id });
    expect(candidates[0]!.id).toBe(saturday.post!.id);
    // Say it is a post of its own; then re-link it to the planned one, confirmed.
    const own = await t.atelier.call('insights.setMatch', { id: saturday.id, postId: null });
    expect(own.match).toBe('created');
    expect(own.post!.id).not.toBe(saturday.post!.id);
    const back = await t.atelier.call('insights.setMatch', { id: saturday.id, postId: saturday.post!.id });
    expect(back).toMatchObject({ match: 'confirmed', post: { id: saturday.post!.id } });
    await t.atelier.call('insights.import', { clientId: seed.clientId, files: asUploads(seed.files) });
    const again = (await t.atelier.call('insights.rows', { clientId: seed.clientId, month: '2026-11', network: 'instagram' })).find((r) => r.id === saturday.id)!;
    expect(again).toMatchObject({ match: 'confirmed', post: { id: saturday.post!.id } });
    // A post already matched to another Instagram row of the export cannot take a second one.
    const tuesday = rows.find((r) => r.localTime === '2026-11-03T09:30')!;
    const error = await errorOf(t.atelier.call('insights.setMatch', { id: saturday.id, postId: tuesday.post!.id }));
    expect(error.reason?.key).toBe('insights.alreadyMatched');
  });
});
