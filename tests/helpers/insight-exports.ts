// Realistic analytics exports, made by the tests from the columns documented for each network
// (shared/reference/analytics.md): Meta Business Suite CSV (English or French headers, UTF-8 with
// BOM, Views or the older Impressions), LinkedIn XLS/XLSX with a note row above the header, X's
// classic and current CSV, TikTok's zip of CSVs, YouTube's zip with Table data.csv.
import * as XLSX from '@e965/xlsx';
import { stringify } from 'csv-stringify/sync';
import yazl from 'yazl';

export interface ExportPost {
  /** When it went out (UTC ms). */
  at: number;
  caption: string;
  views?: number;
  reach?: number;
  likes?: number;
  comments?: number;
  shares?: number;
  saves?: number;
  clicks?: number;
  follows?: number;
  engagements?: number;
  /** Overrides the generated network id. */
  id?: string;
}

export type Lang = 'en' | 'fr';

const pad = (n: number) => String(n).padStart(2, '0');
/** Wall clock of `ms` in a zone, as Meta writes it: MM/DD/YYYY HH:MM. */
export function metaTime(ms: number, zone: string): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(ms).map((x) => [x.type, x.value]));
  return `${p.month}/${p.day}/${p.year} ${p.hour}:${p.minute}`;
}

/** A number as a French export writes it: "12 500" with a narrow no-break space. */
export function frNumber(n: number): string {
  return new Intl.NumberFormat('fr-FR').format(n);
}

const num = (lang: Lang, n: number | undefined) => (n === undefined ? '' : lang === 'fr' ? frNumber(n) : String(n));
const bom = (text: string) => Buffer.from(`\ufeff${text}`, 'utf8');

export const xId = (ms: number, seq = 0) => String(((BigInt(ms) - 1288834974657n) << 22n) | BigInt(seq));
export const linkedInId = (ms: number, seq = 0) => String((BigInt(ms) << 22n) | BigInt(seq));
export const tiktokId = (ms: number, seq = 0) => String((BigInt(Math.floor(ms / 1000)) << 32n) | BigInt(seq + 1000));

export function metaFacebookCsv(posts: readonly ExportPost[], options: { lang?: Lang; zone?: string; viewsHeader?: 'Views' | 'Impressions'; pageId?: string } = {}): Buffer {
  const lang = options.lang ?? 'en';
  const zone = options.zone ?? 'Europe/Paris';
  const views = options.viewsHeader ?? 'Views';
  const header = lang === 'fr'
    ? ['Identifiant de la publication', 'Identifiant de la Page', 'Nom de la Page', 'Titre', 'Description', 'Durée (s)', 'Heure de publication', 'Type de légende', 'Lien permanent', 'Est une publication croisée', 'Est un partage', 'Type de publication', 'Langues', 'Libellés personnalisés', 'Statut du contenu financé', 'Commentaire sur les données', 'Date', 'Vues', 'Couverture', 'Réactions, commentaires et partages', 'Réactions', 'Commentaires', 'Partages', 'Nombre total de clics', 'Autres clics', 'Clics sur un lien']
    : ['Post ID', 'Page ID', 'Page name', 'Title', 'Description', 'Duration (sec)', 'Publish time', 'Caption type', 'Permalink', 'Is crosspost', 'Is share', 'Post type', 'Languages', 'Custom labels', 'Funded content status', 'Data comment', 'Date', views, 'Reach', 'Reactions, Comments and Shares', 'Reactions', 'Comments', 'Shares', 'Total clicks', 'Other Clicks', 'Link Clicks'];
  const rows = posts.map((p, i) => {
    const id = p.id ?? `1827720132${String(100000 + i)}`;
    return [id, options.pageId ?? '100045700821521', 'Boulangerie Dupont', p.caption, '', '0', metaTime(p.at, zone), 'N/A', `https://www.facebook.com/boulangerie/posts/pfbid0${id}`, '0', '0', 'Photos', '', '', '', '', lang === 'fr' ? 'Durée de vie' : 'Lifetime',
      num(lang, p.views), num(lang, p.reach), num(lang, (p.likes ?? 0) + (p.comments ?? 0) + (p.shares ?? 0)), num(lang, p.likes), num(lang, p.comments), num(lang, p.shares), num(lang, p.clicks), '0', num(lang, p.clicks)];
  });
  return bom(stringify([header, ...rows]));
}

export function metaInstagramCsv(posts: readonly ExportPost[], options: { lang?: Lang; zone?: string } = {}): Buffer {
  const lang = options.lang ?? 'en';
  const zone = options.zone ?? 'Europe/Paris';
  const header = lang === 'fr'
    ? ['Identifiant de la publication', 'Identifiant du compte', 'Nom d’utilisateur du compte', 'Nom du compte', 'Description', 'Durée (s)', 'Heure de publication', 'Lien permanent', 'Type de publication', 'Commentaire sur les données', 'Date', 'Vues', 'Couverture', 'J’aime', 'Partages', 'Abonnements', 'Commentaires', 'Enregistrements']
    : ['Post ID', 'Account ID', 'Account username', 'Account name', 'Description', 'Duration (sec)', 'Publish time', 'Permalink', 'Post type', 'Data comment', 'Date', 'Views', 'Reach', 'Likes', 'Shares', 'Follows', 'Comments', 'Saves'];
  const rows = posts.map((p, i) => {
    const id = p.id ?? `180114${String(1000000000 + i)}`;
    return [id, '17841400000000000', 'boulangerie.dupont', 'Boulangerie Dupont', p.caption, '0', metaTime(p.at, zone), `https://www.instagram.com/p/C${id.slice(-8)}/`, 'IG image', '', lang === 'fr' ? 'Durée de vie' : 'Lifetime',
      num(lang, p.views), num(lang, p.reach), num(lang, p.likes), num(lang, p.shares), num(lang, p.follows), num(lang, p.comments), num(lang, p.saves)];
  });
  return bom(stringify([header, ...rows]));
}

/** LinkedIn's page content export: sheet "All posts", a note on row 1, the header on row 2. */
export function linkedinContentWorkbook(posts: readonly ExportPost[], options: { lang?: Lang; format?: 'xlsx' | 'xls' } = {}): Buffer {
  const lang = options.lang ?? 'en';
  const header = lang === 'fr'
    ? ['Titre du post', 'Lien du post', 'Type de post', 'Nom de la campagne', 'Publié par', 'Date de création', 'Date de début de la campagne', 'Date de fin de la campagne', 'Audience', 'Impressions', 'Vues (hors vues de vidéos hors site)', 'Vues hors site', 'Clics', 'Taux de clics (CTR)', 'J’aime', 'Commentaires', 'Republications', 'Abonnements', 'Taux d’engagement', 'Type de contenu']
    : ['Post title', 'Post link', 'Post type', 'Campaign name', 'Posted by', 'Created date', 'Campaign start date', 'Campaign end date', 'Audience', 'Impressions', 'Views (excluding off-site video views)', 'Off-site views', 'Clicks', 'Click through rate (CTR)', 'Likes', 'Comments', 'Reposts', 'Follows', 'Engagement rate', 'Content Type'];
  const rows = posts.map((p, i) => {
    const id = p.id ?? linkedInId(p.at, i);
    const d = new Date(p.at);
    const created = `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
    const imp = p.views ?? 0;
    const eng = (p.likes ?? 0) + (p.comments ?? 0) + (p.shares ?? 0) + (p.clicks ?? 0) + (p.follows ?? 0);
    return [p.caption, `https://www.linkedin.com/feed/update/urn:li:activity:${id}`, 'Organic', '', 'Camille Martin', created, '', '', 'All followers', imp, 0, 0, p.clicks ?? 0, imp ? (p.clicks ?? 0) / imp : 0, p.likes ?? 0, p.comments ?? 0, p.shares ?? 0, p.follows ?? 0, imp ? eng / imp : 0, 'Image'];
  });
  const note = lang === 'fr' ? ['Les données des posts sont cumulées depuis leur publication.'] : ['Post data are cumulative since publication. Data for sponsored posts may be delayed.'];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([note, header, ...rows]), lang === 'fr' ? 'Tous les posts' : 'All posts');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Aggregated metrics'], ['Date', 'Impressions (organic)', 'Impressions (total)'], ['10/01/2026', 100, 100]]), 'Metrics');
  return XLSX.write(book, { type: 'buffer', bookType: options.format === 'xls' ? 'biff8' : 'xlsx' }) as Buffer;
}

/** LinkedIn's followers export: sheet "New followers" (new followers per day; no totals, no unfollows). */
export function linkedinFollowersWorkbook(days: readonly { date: string; organic: number; sponsored: number }[], options: { format?: 'xlsx' | 'xls' } = {}): Buffer {
  const header = ['Date', 'Sponsored followers', 'Organic followers', 'Auto-invited followers', 'Total followers'];
  const rows = days.map((d) => [`${d.date.slice(5, 7)}/${d.date.slice(8, 10)}/${d.date.slice(0, 4)}`, d.sponsored, d.organic, 0, d.sponsored + d.organic]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['New followers per day'], header, ...rows]), 'New followers');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Location'], ['Location', 'Total followers'], ['Paris', 120]]), 'Location');
  return XLSX.write(book, { type: 'buffer', bookType: options.format === 'xls' ? 'biff8' : 'xlsx' }) as Buffer;
}

/** The retired analytics.twitter.com "Tweet activity" export: UTC times, floats. */
export function xClassicCsv(posts: readonly ExportPost[], handle = 'boulangerie'): Buffer {
  const header = ['Tweet id', 'Tweet permalink', 'Tweet text', 'time', 'impressions', 'engagements', 'engagement rate', 'retweets', 'replies', 'likes', 'user profile clicks', 'url clicks', 'hashtag clicks', 'detail expands', 'permalink clicks', 'app opens', 'app installs', 'follows', 'email tweet', 'dial phone', 'media views', 'media engagements', 'promoted impressions', 'promoted engagements'];
  const rows = posts.map((p, i) => {
    const id = p.id ?? xId(p.at, i);
    const d = new Date(p.at);
    const time = `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} +0000`;
    const e = p.engagements ?? 0;
    return [id, `https://twitter.com/${handle}/status/${id}`, p.caption, time, `${p.views ?? 0}.0`, `${e}.0`, String(p.views ? e / p.views : 0), `${p.shares ?? 0}.0`, `${p.comments ?? 0}.0`, `${p.likes ?? 0}.0`, '0.0', `${p.clicks ?? 0}.0`, '0.0', '0.0', '0.0', '0.0', '0.0', `${p.follows ?? 0}.0`, '0.0', '0.0', '0.0', '0.0', '-', '-'];
  });
  return Buffer.from(stringify([header, ...rows], { quoted: true }), 'utf8');
}

/** X Premium's account_analytics_content CSV: a date without a time (the id has it). */
export function xContentCsv(posts: readonly ExportPost[], options: { lang?: Lang; handle?: string } = {}): Buffer {
  const lang = options.lang ?? 'en';
  const header = lang === 'fr'
    ? ['Identifiant du post', 'Date', 'Texte du post', 'Lien du post', 'Impressions', 'J’aime', 'Engagements', 'Signets', 'Partages', 'Nouveaux abonnements', 'Réponses', 'Reposts', 'Visites du profil', 'Développements du détail', 'Clics sur l’URL', 'Clics sur les hashtags', 'Clics sur le permalien']
    : ['Post id', 'Date', 'Post text', 'Post Link', 'Impressions', 'Likes', 'Engagements', 'Bookmarks', 'Shares', 'New follows', 'Replies', 'Reposts', 'Profile visits', 'Detail Expands', 'URL Clicks', 'Hashtag Clicks', 'Permalink Clicks'];
  const date = (ms: number) => (lang === 'fr' ? new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(ms) : new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(ms));
  const rows = posts.map((p, i) => {
    const id = p.id ?? xId(p.at, i);
    return [id, date(p.at), p.caption, `https://x.com/${options.handle ?? 'boulangerie'}/status/${id}`, num(lang, p.views), num(lang, p.likes), num(lang, p.engagements), num(lang, p.saves), '0', num(lang, p.follows), num(lang, p.comments), num(lang, p.shares), '0', '0', num(lang, p.clicks), '0', '0'];
  });
  return Buffer.from(stringify([header, ...rows]), 'utf8');
}

function zip(files: Record<string, Buffer>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data] of Object.entries(files)) z.addBuffer(data, name);
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

/** TikTok Studio's "Download data" as CSV: a zip of Content.csv, FollowerHistory.csv, FollowerActivity.csv. */
export function tiktokZip(
  posts: readonly ExportPost[],
  options: { lang?: Lang; snapshot: string; followers?: readonly { date: string; total: number; diff: number }[]; activity?: readonly { date: string; hour: number; active: number }[]; handle?: string },
): Promise<Buffer> {
  const lang = options.lang ?? 'en';
  const monthDay = (ms: number) => (lang === 'fr' ? new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(ms) : new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(ms));
  const content = [
    lang === 'fr' ? ['Heure', 'Titre de la vidéo', 'Lien de la vidéo', 'Heure de publication', 'Total des J’aime', 'Total des commentaires', 'Total des partages', 'Total des vues'] : ['Time', 'Video title', 'Video link', 'Post time', 'Total likes', 'Total comments', 'Total shares', 'Total views'],
    ...posts.map((p, i) => [options.snapshot, p.caption, `https://www.tiktok.com/@${options.handle ?? 'boulangerie'}/video/${p.id ?? tiktokId(p.at, i)}`, monthDay(p.at), num(lang, p.likes), num(lang, p.comments), num(lang, p.shares), num(lang, p.views)]),
  ];
  const files: Record<string, Buffer> = { 'Content.csv': bom(stringify(content, { quoted: true })) };
  const day = (date: string) => monthDay(Date.parse(`${date}T12:00:00Z`));
  if (options.followers) {
    files['FollowerHistory.csv'] = bom(stringify([lang === 'fr' ? ['Date', 'Abonnés', 'Différence d’abonnés par rapport à la veille'] : ['Date', 'Followers', 'Difference in followers from previous day'], ...options.followers.map((f) => [day(f.date), num(lang, f.total), String(f.diff)])], { quoted: true }));
  }
  if (options.activity) {
    files['FollowerActivity.csv'] = bom(stringify([lang === 'fr' ? ['Date', 'Heure', 'Abonnés actifs'] : ['Date', 'Hour', 'Active followers'], ...options.activity.map((a) => [day(a.date), String(a.hour), num(lang, a.active)])], { quoted: true }));
  }
  files['Overview.csv'] = bom(stringify([['Date', 'Video Views', 'Profile Views', 'Likes', 'Comments', 'Shares'], [day(options.snapshot), '10', '2', '1', '0', '0']], { quoted: true }));
  return zip(files);
}

/** YouTube Studio's "Export current view" as CSV: a zip with Table data.csv (a Total row first), Chart data.csv, Totals.csv. */
export function youtubeZip(videos: readonly (ExportPost & { id: string })[], options: { lang?: Lang } = {}): Promise<Buffer> {
  const lang = options.lang ?? 'en';
  const date = (ms: number) => (lang === 'fr' ? new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(ms) : new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(ms));
  const header = lang === 'fr'
    ? ['Contenu', 'Titre de la vidéo', 'Heure de publication de la vidéo', 'Durée', 'Vues', 'Durée de visionnage (heures)', 'Abonnés', 'Impressions', 'J’aime', 'Commentaires ajoutés', 'Partages']
    : ['Content', 'Video title', 'Video publish time', 'Duration', 'Views', 'Watch time (hours)', 'Subscribers', 'Impressions', 'Likes', 'Comments added', 'Shares'];
  const total = ['Total', '', '', '', num(lang, videos.reduce((a, v) => a + (v.views ?? 0), 0)), '', '', '', '', '', ''];
  const rows = videos.map((v) => [v.id, v.caption, date(v.at), '120', num(lang, v.views), '1.5', num(lang, v.follows), '1000', num(lang, v.likes), num(lang, v.comments), num(lang, v.shares)]);
  return zip({ 'Table data.csv': bom(stringify([header, total, ...rows])), 'Chart data.csv': bom(stringify([['Date', 'Content', 'Views'], ['2026-11-01', videos[0]?.id ?? '', '1']])), 'Totals.csv': bom(stringify([['Date', 'Views'], ['2026-11-01', '1']])) });
}
