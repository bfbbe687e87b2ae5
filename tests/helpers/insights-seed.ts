// A client's November 2026 as the tests know it: planned posts in Atelier, and the exports of every
// network for them (plus one Instagram post nobody planned), with the numbers chosen so the KPIs
// can be worked out by hand.
import type { Atelier } from '../../src-main/app';
import { linkedinContentWorkbook, linkedinFollowersWorkbook, metaFacebookCsv, metaInstagramCsv, tiktokZip, xContentCsv, youtubeZip, type ExportPost } from './insight-exports';

export const ZONE = 'Europe/Paris';
/** 2026-11-03 09:30 Paris (UTC+1). */
const at = (day: number, hour: number, minute = 0) => Date.parse(`2026-11-${String(day).padStart(2, '0')}T${String(hour - 1).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);

export const INSTAGRAM: ExportPost[] = [
  { at: at(3, 9, 30), caption: 'Les croissants du mardi sortent du four 🥐 #boulangerie', views: 2400, reach: 1800, likes: 120, comments: 14, shares: 6, saves: 10, follows: 3 },
  { at: at(10, 9, 30), caption: 'Pain de campagne au levain, cuit au feu de bois', views: 1900, reach: 1500, likes: 80, comments: 6, shares: 2, saves: 12, follows: 1 },
  { at: at(17, 9, 30), caption: 'Nouvelle recette : la tarte aux pommes de Mamie', views: 3100, reach: 2500, likes: 210, comments: 25, shares: 15, saves: 40, follows: 6 },
  { at: at(24, 18, 0), caption: 'Atelier pâtisserie samedi : il reste 3 places', views: 800, reach: 700, likes: 20, comments: 3, shares: 1, saves: 2, follows: 0 },
  // Not planned in Atelier: becomes a post "from the export".
  { at: at(27, 12, 15), caption: 'Petit coucou de toute l’équipe ce midi', views: 500, reach: 450, likes: 30, comments: 2, shares: 0, saves: 1, follows: 0 },
];

export const FACEBOOK: ExportPost[] = [
  { at: at(3, 9, 30), caption: 'Les croissants du mardi sortent du four 🥐 #boulangerie', views: 1300, reach: 1000, likes: 40, comments: 5, shares: 5, clicks: 22 },
  { at: at(17, 9, 30), caption: 'Nouvelle recette : la tarte aux pommes de Mamie', views: 1500, reach: 1200, likes: 60, comments: 8, shares: 12, clicks: 31 },
];

export const LINKEDIN: ExportPost[] = [{ at: at(12, 8, 0), caption: 'Nous recrutons un boulanger ou une boulangère en CDI', views: 4000, likes: 90, comments: 12, shares: 8, clicks: 60, follows: 10 }];
export const X_POSTS: ExportPost[] = [{ at: at(5, 11, 0), caption: 'Le pain du jour : seigle et noix', views: 1200, likes: 15, comments: 2, shares: 3, saves: 1, clicks: 4, follows: 0, engagements: 31 }];
export const TIKTOK: ExportPost[] = [{ at: at(20, 19, 0), caption: 'Le façonnage des baguettes en accéléré', views: 12500, likes: 900, comments: 40, shares: 60 }];
export const YOUTUBE: (ExportPost & { id: string })[] = [{ id: 'dQw4w9WgXcQ', at: at(15, 10, 0), caption: 'Une journée au fournil', views: 2300, likes: 140, comments: 12, shares: 9, follows: 25 }];

export interface InsightsSeed {
  clientId: string;
  plannedIds: string[];
  files: { name: string; bytes: Buffer }[];
}

/** Creates the client and its planned posts; returns the export files (not imported). */
export async function seedInsights(atelier: Atelier): Promise<InsightsSeed> {
  const client = await atelier.call('clients.create', { name: 'Boulangerie Dupont', timeZone: ZONE });
  const plannedIds: string[] = [];
  const plan = async (p: ExportPost, networks: ('instagram' | 'facebook' | 'linkedin' | 'x' | 'tiktok' | 'youtube')[], labels: string[] = [], minutesOff = 0) => {
    const post = await atelier.call('posts.create', { clientId: client.id, title: p.caption.slice(0, 40), caption: p.caption, networks, scheduledAt: new Date(p.at + minutesOff * 60_000).toISOString(), status: 'approved', labels });
    plannedIds.push(post.id);
    return post;
  };
  // Instagram + Facebook together for the 3rd and the 17th; planned a few minutes before they went out.
  await plan(INSTAGRAM[0]!, ['instagram', 'facebook'], ['viennoiserie'], -5);
  await plan(INSTAGRAM[1]!, ['instagram'], ['pain']);
  await plan(INSTAGRAM[2]!, ['instagram', 'facebook'], ['recette']);
  await plan(INSTAGRAM[3]!, ['instagram'], ['atelier'], -30);
  await plan(LINKEDIN[0]!, ['linkedin']);
  await plan(X_POSTS[0]!, ['x']);
  await plan(TIKTOK[0]!, ['tiktok']);
  await plan(YOUTUBE[0]!, ['youtube']);
  // Planned but never published: adherence is 8 of 9.
  await atelier.call('posts.create', { clientId: client.id, title: 'Calendrier de l’Avent', caption: 'Calendrier de l’Avent', networks: ['instagram'], scheduledAt: new Date(at(29, 10)).toISOString(), status: 'approved' });
  const files = [
    { name: 'Nov-01-2026_Nov-30-2026_949104527769166.csv', bytes: metaInstagramCsv(INSTAGRAM, { lang: 'fr', zone: ZONE }) },
    { name: 'Nov-01-2026_Nov-30-2026_541651602373282.csv', bytes: metaFacebookCsv(FACEBOOK, { lang: 'en', zone: ZONE }) },
    { name: 'boulangerie-dupont_content_1764500000000.xls', bytes: linkedinContentWorkbook(LINKEDIN, { lang: 'fr', format: 'xls' }) },
    { name: 'boulangerie-dupont_followers_1764500000000.xlsx', bytes: linkedinFollowersWorkbook([{ date: '2026-11-12', organic: 7, sponsored: 0 }, { date: '2026-11-13', organic: 3, sponsored: 1 }]) },
    { name: 'account_analytics_content_2026-10-02_2026-12-01.csv', bytes: xContentCsv(X_POSTS, { lang: 'en' }) },
    {
      name: 'Content_boulangerie.zip',
      bytes: await tiktokZip(TIKTOK, {
        lang: 'fr',
        snapshot: '2026-12-01',
        followers: [{ date: '2026-10-31', total: 1000, diff: 0 }, { date: '2026-11-20', total: 1080, diff: 80 }, { date: '2026-11-30', total: 1120, diff: 40 }],
        activity: [{ date: '2026-11-23', hour: 19, active: 300 }, { date: '2026-11-23', hour: 8, active: 40 }],
      }),
    },
    { name: 'Content 2026-11-01_2026-11-30 Boulangerie Dupont.zip', bytes: await youtubeZip(YOUTUBE, { lang: 'en' }) },
  ];
  return { clientId: client.id, plannedIds, files };
}

export function asUploads(files: readonly { name: string; bytes: Buffer }[]) {
  return files.map((f) => ({ name: f.name, dataBase64: f.bytes.toString('base64'), modifiedAt: '2026-12-01T10:00:00.000Z' }));
}
