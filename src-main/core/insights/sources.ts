// The exports Atelier reads, told apart by their columns (never by file name), with the header
// names each one has used over time and in other languages. Headers are matched without regard to
// case, accents' composition, curly quotes or extra spaces. Meta translates the whole header row
// into the Business Suite language; no French sample is published, so the French names here are
// the interface's own words for each metric — the English names always work.
import type { NetworkId } from '../domain/posts';

export const SOURCE_IDS = [
  'meta_facebook',
  'meta_instagram',
  'linkedin_content',
  'linkedin_followers',
  'x_classic',
  'x_content',
  'tiktok_content',
  'tiktok_followers',
  'tiktok_activity',
  'youtube',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export const SOURCE_NETWORK: Record<SourceId, NetworkId> = {
  meta_facebook: 'facebook',
  meta_instagram: 'instagram',
  linkedin_content: 'linkedin',
  linkedin_followers: 'linkedin',
  x_classic: 'x',
  x_content: 'x',
  tiktok_content: 'tiktok',
  tiktok_followers: 'tiktok',
  tiktok_activity: 'tiktok',
  youtube: 'youtube',
};

/** The networks insights know (the others have no export to read). */
export const INSIGHT_NETWORKS = ['facebook', 'instagram', 'linkedin', 'x', 'tiktok', 'youtube'] as const satisfies readonly NetworkId[];
export type InsightNetwork = (typeof INSIGHT_NETWORKS)[number];

/** Lower case, composed accents, straight quotes, single spaces, no BOM or zero-width characters. */
export function headerKey(header: unknown): string {
  return String(header ?? '')
    .normalize('NFKC')
    .replace(/[\ufeff\u200b-\u200d\u2060]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

type Aliases = Record<string, readonly string[]>;

// Field → every header it has been seen under (English first, older names, then fr/es/sv/de).
const META_COMMON: Aliases = {
  postId: ['Post ID', 'Identifiant de la publication', 'ID de la publication', 'Identificador de la publicación', 'Publicerings-id', 'Beitrags-ID'],
  description: ['Description', 'Descripción', 'Beskrivning', 'Beschreibung'],
  publishTime: ['Publish time', 'Heure de publication', 'Date de publication', 'Hora de publicación', 'Publiceringstid', 'Veröffentlichungszeitpunkt'],
  permalink: ['Permalink', 'Lien permanent', 'Permalien', 'Enlace permanente', 'Permalänk'],
  postType: ['Post type', 'Type de publication', 'Tipo de publicación', 'Inläggstyp', 'Beitragstyp'],
  views: ['Views', 'Vues', 'Visualizaciones', 'Visningar', 'Aufrufe'],
  impressions: ['Impressions', 'Impresiones', 'Exponeringar'],
  plays: ['Plays', 'Lectures'],
  reach: ['Reach', 'Couverture', 'Portée', 'Alcance', 'Räckvidd', 'Reichweite'],
  comments: ['Comments', 'Commentaires', 'Comentarios', 'Kommentarer', 'Kommentare'],
  shares: ['Shares', 'Partages', 'Veces que se compartió', 'Delningar', 'Geteilte Inhalte'],
  dataDate: ['Date', 'Datum', 'Fecha'],
};

const FACEBOOK: Aliases = {
  ...META_COMMON,
  pageId: ['Page ID', 'Identifiant de la Page', 'ID de la Page', 'Identificador de la página', 'Sid-id', 'Seiten-ID'],
  pageName: ['Page name', 'Nom de la Page', 'Nombre de la página', 'Sidnamn', 'Seitenname'],
  title: ['Title', 'Titre', 'Título', 'Titel'],
  reactions: ['Reactions', 'Réactions', 'Reacciones', 'Reaktioner', 'Reaktionen'],
  reactionsCommentsShares: ['Reactions, Comments and Shares', 'Réactions, commentaires et partages', 'Reacciones, comentarios y veces que se compartió', 'Reaktioner, kommentarer och delningar'],
  totalClicks: ['Total clicks', 'Nombre total de clics', 'Total des clics', 'Clics totales', 'Totalt antal klick'],
  linkClicks: ['Link clicks', 'Clics sur un lien', 'Clics sur le lien', 'Clics en el enlace', 'Länkklick'],
};

const INSTAGRAM: Aliases = {
  ...META_COMMON,
  accountId: ['Account ID', 'Identifiant du compte', 'ID du compte', 'Identificador de la cuenta', 'Konto-id'],
  accountUsername: ['Account username', "Nom d'utilisateur du compte", 'Nombre de usuario de la cuenta', 'Kontots användarnamn'],
  accountName: ['Account name', 'Nom du compte', 'Nombre de la cuenta', 'Kontonamn'],
  likes: ['Likes', "J'aime", "Mentions J'aime", 'Me gusta', 'Gilla-markeringar'],
  saves: ['Saves', 'Enregistrements', 'Veces que se guardó', 'Sparade objekt'],
  follows: ['Follows', 'Abonnements', 'Nouveaux abonnés', 'Seguimientos', 'Följer'],
};

const LINKEDIN_CONTENT: Aliases = {
  title: ['Post title', 'Update title', 'Titre du post', 'Titre de la publication', 'Titre de la mise à jour', 'Título de la publicación'],
  link: ['Post link', 'Update link', 'Lien du post', 'Lien de la publication', 'Lien de la mise à jour', 'Enlace de la publicación'],
  postType: ['Post type', 'Update type', 'Type de post', 'Type de publication', 'Type de mise à jour'],
  createdDate: ['Created date', 'Date de création', 'Fecha de creación'],
  impressions: ['Impressions', 'Impresiones'],
  clicks: ['Clicks', 'Clics'],
  likes: ['Likes', 'Reactions', "J'aime", 'Réactions', 'Recommandations'],
  comments: ['Comments', 'Commentaires'],
  shares: ['Reposts', 'Shares', 'Republications', 'Partages', 'Republicaciones'],
  follows: ['Follows', 'Abonnements', 'Nouveaux abonnés'],
  contentType: ['Content Type', 'Type de contenu'],
};

const LINKEDIN_FOLLOWERS: Aliases = {
  date: ['Date', 'Fecha'],
  sponsored: ['Sponsored followers', 'Abonnés sponsorisés', 'Abonnés via contenu sponsorisé'],
  organic: ['Organic followers', 'Abonnés organiques', 'Abonnés naturels'],
  total: ['Total followers', 'Total des abonnés', 'Total abonnés', 'Abonnés au total'],
};

const X_CLASSIC: Aliases = {
  id: ['Tweet id', 'Identifiant du Tweet', 'ID du Tweet'],
  permalink: ['Tweet permalink', 'Permalien du Tweet', 'Lien permanent du Tweet'],
  text: ['Tweet text', 'Texte du Tweet'],
  time: ['time', 'heure', 'date'],
  impressions: ['impressions'],
  engagements: ['engagements'],
  likes: ['likes', 'favorites', "j'aime"],
  shares: ['retweets', 'reposts'],
  comments: ['replies', 'réponses'],
  clicks: ['url clicks', 'clics sur l\'url', 'clics sur les url'],
  follows: ['follows', 'abonnements'],
};

const X_CONTENT: Aliases = {
  id: ['Post id', 'Post ID', 'Identifiant du post', 'ID du post', 'Tweet id'],
  date: ['Date'],
  text: ['Post text', 'Texte du post', 'Text'],
  link: ['Post Link', 'Lien du post', 'Link'],
  impressions: ['Impressions'],
  likes: ['Likes', "J'aime"],
  engagements: ['Engagements'],
  saves: ['Bookmarks', 'Bookmark', 'Signets'],
  follows: ['New follows', 'Follows', 'Nouveaux abonnements', 'Nouveaux abonnés'],
  comments: ['Replies', 'Réponses'],
  shares: ['Reposts', 'Retweets', 'Republications'],
  clicks: ['URL Clicks', 'UrlClicks', "Clics sur l'URL", 'Clics sur les liens'],
};

const TIKTOK_CONTENT: Aliases = {
  snapshot: ['Time', 'Heure', 'Date'],
  title: ['Video title', 'Titre de la vidéo'],
  link: ['Video link', 'Lien de la vidéo'],
  postTime: ['Post time', 'Heure de publication', 'Date de publication'],
  likes: ['Total likes', "Total des J'aime", "Nombre total de J'aime", "J'aime"],
  comments: ['Total comments', 'Total des commentaires', 'Nombre total de commentaires', 'Commentaires'],
  shares: ['Total shares', 'Total des partages', 'Nombre total de partages', 'Partages'],
  views: ['Total views', 'Total des vues', 'Nombre total de vues', 'Vues'],
  saves: ['Total bookmarks', 'Add to favorites', 'Total des favoris', 'Favoris'],
};

const TIKTOK_FOLLOWERS: Aliases = {
  date: ['Date'],
  followers: ['Followers', 'Abonnés'],
  difference: ['Difference in followers from previous day', 'Différence d\'abonnés par rapport à la veille', 'Écart d\'abonnés par rapport à la veille', 'Différence par rapport à la veille'],
};

const TIKTOK_ACTIVITY: Aliases = {
  date: ['Date'],
  hour: ['Hour', 'Heure'],
  active: ['Active followers', 'Abonnés actifs'],
};

const YOUTUBE: Aliases = {
  content: ['Content', 'Contenu', 'Video', 'Vidéo'],
  title: ['Video title', 'Titre de la vidéo'],
  publishTime: ['Video publish time', 'Heure de publication de la vidéo', 'Date de publication de la vidéo', 'Video publish date'],
  views: ['Views', 'Vues'],
  likes: ['Likes', "J'aime", "Mentions J'aime"],
  comments: ['Comments added', 'Commentaires ajoutés', 'Comments'],
  shares: ['Shares', 'Partages'],
  follows: ['Subscribers gained', 'Abonnés gagnés', 'Subscribers', 'Abonnés'],
  impressions: ['Thumbnail impressions', 'Impressions', 'Impressions des miniatures'],
};

export interface SourceSpec {
  id: SourceId;
  aliases: Aliases;
  /** All of these must be present (after aliasing). */
  required: readonly string[];
  /** At least one of each group. */
  anyOf?: readonly (readonly string[])[];
  /** The signature that tells it apart from a source with overlapping columns. */
  forbidden?: readonly string[];
}

// Order matters: the first spec whose columns fit wins (the more specific ones first).
export const SOURCE_SPECS: readonly SourceSpec[] = [
  { id: 'meta_instagram', aliases: INSTAGRAM, required: ['postId', 'publishTime'], anyOf: [['accountUsername', 'accountId'], ['views', 'impressions', 'plays', 'reach', 'likes']] },
  { id: 'meta_facebook', aliases: FACEBOOK, required: ['postId', 'publishTime'], anyOf: [['pageId', 'pageName'], ['views', 'impressions', 'plays', 'reach', 'reactions', 'reactionsCommentsShares']] },
  { id: 'linkedin_content', aliases: LINKEDIN_CONTENT, required: ['link', 'impressions'], anyOf: [['title', 'createdDate']] },
  { id: 'linkedin_followers', aliases: LINKEDIN_FOLLOWERS, required: ['date', 'total'], anyOf: [['organic', 'sponsored']] },
  { id: 'x_classic', aliases: X_CLASSIC, required: ['id', 'permalink', 'time', 'impressions'] },
  { id: 'x_content', aliases: X_CONTENT, required: ['id', 'date', 'impressions'], anyOf: [['text', 'link']] },
  { id: 'tiktok_content', aliases: TIKTOK_CONTENT, required: ['link', 'postTime'], anyOf: [['views', 'likes']] },
  { id: 'tiktok_followers', aliases: TIKTOK_FOLLOWERS, required: ['date', 'followers', 'difference'] },
  { id: 'tiktok_activity', aliases: TIKTOK_ACTIVITY, required: ['date', 'hour', 'active'] },
  { id: 'youtube', aliases: YOUTUBE, required: ['content', 'publishTime', 'views'] },
];

/** Exports that look close but are something else, refused with what they are. */
export const KNOWN_OTHERS: readonly { what: string; key: string; headers: readonly string[] }[] = [
  { what: 'a Meta Ads Manager report (paid ads, which cannot be joined to organic posts)', key: 'insights.other.metaAds', headers: ['ad id', 'ad name', 'amount spent', 'reporting starts'] },
  { what: 'a legacy Facebook Insights export (2015-2020, with two header rows)', key: 'insights.other.legacyFacebook', headers: ['lifetime post total reach', 'lifetime post total impressions', 'lifetime engaged users'] },
  { what: 'a TikTok overview (daily totals, not posts)', key: 'insights.other.tiktokOverview', headers: ['video views', 'profile views'] },
];

export interface HeaderMatch {
  spec: SourceSpec;
  /** Field → column index. */
  columns: Record<string, number>;
  /** Field → the header as the file wrote it (a renamed metric is worth a note). */
  headers: Record<string, string>;
}

/** Which source a header row belongs to, if any. */
export function matchHeader(row: readonly unknown[]): HeaderMatch | null {
  const keys = row.map(headerKey);
  for (const spec of SOURCE_SPECS) {
    const columns: Record<string, number> = {};
    const headers: Record<string, string> = {};
    for (const [field, names] of Object.entries(spec.aliases)) {
      // The first alias present wins, so "Views" beats "Impressions" in transitional files.
      for (const name of names) {
        const index = keys.indexOf(headerKey(name));
        if (index >= 0 && !Object.values(columns).includes(index)) {
          columns[field] = index;
          headers[field] = String(row[index]).trim();
          break;
        }
      }
    }
    if (!spec.required.every((f) => f in columns)) continue;
    if (spec.anyOf && !spec.anyOf.every((group) => group.some((f) => f in columns))) continue;
    return { spec, columns, headers };
  }
  return null;
}

/** A known non-post export, recognised from its header row. */
export function recogniseOther(row: readonly unknown[]): (typeof KNOWN_OTHERS)[number] | null {
  const keys = new Set(row.map(headerKey));
  return KNOWN_OTHERS.find((o) => o.headers.filter((h) => [...keys].some((k) => k === h || k.startsWith(`${h} (`))).length >= 2) ?? null;
}
