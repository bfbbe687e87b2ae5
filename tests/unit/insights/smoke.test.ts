import { describe, expect, it } from 'vitest';
import { testAtelier } from '../../helpers/app';
import { metaFacebookCsv, metaInstagramCsv, linkedinContentWorkbook, xClassicCsv, xContentCsv, tiktokZip, youtubeZip, linkedinFollowersWorkbook } from '../../helpers/insight-exports';

describe('smoke', () => {
  it('imports', async () => {
    const t = testAtelier({ start: Date.parse('2026-12-05T09:00:00Z') });
    const { atelier } = t;
    const client = await atelier.call('clients.create', { name: 'Boulangerie Dupont', timeZone: 'Europe/Paris' });
    const at = Date.parse('2026-11-03T08:30:00Z');
    const posts = [{ at, caption: 'Croissants du matin', views: 1200, reach: 900, likes: 50, comments: 5, shares: 3, saves: 4, clicks: 7, follows: 2 }];
    const files = [
      { name: 'fb.csv', dataBase64: metaFacebookCsv(posts, { lang: 'fr' }).toString('base64') },
      { name: 'ig.csv', dataBase64: metaInstagramCsv(posts).toString('base64') },
      { name: 'li.xls', dataBase64: linkedinContentWorkbook(posts, { format: 'xls' }).toString('base64') },
      { name: 'lif.xlsx', dataBase64: linkedinFollowersWorkbook([{ date: '2026-11-02', organic: 3, sponsored: 1 }]).toString('base64') },
      { name: 'xc.csv', dataBase64: xClassicCsv([{ ...posts[0]!, engagements: 60 }]).toString('base64') },
      { name: 'x.csv', dataBase64: xContentCsv([{ ...posts[0]!, at: at + 86400000, engagements: 60 }], { lang: 'fr' }).toString('base64') },
      { name: 'tt.zip', dataBase64: (await tiktokZip(posts, { lang: 'fr', snapshot: '2026-12-01', followers: [{ date: '2026-10-31', total: 100, diff: 0 }, { date: '2026-11-30', total: 130, diff: 30 }], activity: [{ date: '2026-11-02', hour: 18, active: 40 }] })).toString('base64') },
      { name: 'yt.zip', dataBase64: (await youtubeZip([{ ...posts[0]!, id: 'dQw4w9WgXcQ' }], { lang: 'fr' })).toString('base64') },
    ];
    const report = await atelier.call('insights.import', { clientId: client.id, files });
    console.log(JSON.stringify(report.files.map((f) => [f.file, f.sources, f.posts, f.added, f.created, f.followerDays, f.activityHours, f.renamed])));
    const summary = await atelier.call('insights.summary', { clientId: client.id, month: '2026-11' });
    console.log(JSON.stringify({ ...summary, daily: undefined, heatmap: undefined }, null, 1).slice(0, 4000));
    const pdf = await atelier.call('insights.report', { clientId: client.id, month: '2026-11', language: 'fr', out: `${t.dir}/r.pdf` });
    console.log(pdf);
    const { execFileSync } = await import('node:child_process');
    console.log(execFileSync('pdftotext', [`${t.dir}/r.pdf`, '-']).toString().slice(0, 3000));
    execFileSync('cp', [`${t.dir}/r.pdf`, '/tmp/exp18/r.pdf']);
    expect(report.files.length).toBe(8);
    t.cleanup();
  }, 60000);
});
