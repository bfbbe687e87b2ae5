// The monthly report's words, in the report's language (it is made in the main process, where the
// renderer's catalogues are not loaded). Network names are brands and stay as they are.
import type { PostStatus } from '../domain/posts';
import { fill, NETWORK_NAMES, STATUS_LABELS } from '../text/labels';

export const REPORT_LANGUAGES = ['en', 'fr'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const en = {
  title: 'Monthly report',
  preparedBy: 'Prepared by {name}',
  generated: 'Generated on {date} with Atelier',
  period: '{from} – {to}',
  kpis: 'Key figures',
  vsPrevious: 'vs {month}',
  noComparison: 'no comparison',
  tiles: {
    posts: 'Posts published',
    reach: 'Reach',
    impressions: 'Views / impressions',
    engagements: 'Engagements',
    engagementRate: 'Engagement rate',
    followersGained: 'Followers gained',
    clicks: 'Clicks',
    adherence: 'Plan delivered',
  },
  adherenceDetail: '{published} of {planned} planned posts',
  points: '{value} pt',
  networks: 'By network',
  network: 'Network',
  charts: {
    byNetwork: 'Views and engagements by network',
    engagementsPerDay: 'Engagements per day',
    followersPerDay: 'Followers gained per day',
    impressions: 'Views / impressions',
    engagements: 'Engagements',
    followers: 'Followers gained',
    score: 'Score',
  },
  topPosts: 'Top posts',
  noPosts: 'No post with numbers in this period yet: import the networks’ exports.',
  rate: 'rate',
  bestTimes: 'Best times to post',
  bestTimesIntro: 'From the last six months of posts, in {zone}. 1.0 is a typical post; higher is better.',
  bestTimesNone: 'Not enough posts with a publishing time yet.',
  slot: '{day} {time}',
  confidence: { high: 'strong evidence', medium: 'some evidence', low: 'weak evidence' },
  postsInSlot: '{count} post(s)',
  nextMonth: 'Next month’s plan',
  nextMonthNone: 'Nothing planned for {month} yet.',
  when: 'When',
  post: 'Post',
  status: 'Status',
  method: 'Method and sources',
  methodLines: [
    'Numbers are the networks’ own, from the exports imported into Atelier; per-post figures are lifetime totals as of each export’s date.',
    'Engagement rate = engagements ÷ reach (Facebook, Instagram), ÷ impressions (LinkedIn, X), ÷ views (TikTok, YouTube), over posts that have both.',
    'Engagements: Facebook reactions, comments, shares; Instagram likes, comments, shares, saves; LinkedIn reactions, comments, reposts, clicks, follows; X its own total; TikTok and YouTube likes, comments, shares.',
    'Reach is the sum of each post’s reach: a person reached by two posts counts twice.',
  ],
  exportOf: '{network}: export of {date}',
  page: 'Page {n} of {total}',
  notMeasured: '—',
  statuses: STATUS_LABELS.en as Record<PostStatus, string>,
};

type Strings = typeof en;

const fr: Strings = {
  title: 'Rapport mensuel',
  preparedBy: 'Préparé par {name}',
  generated: 'Généré le {date} avec Atelier',
  period: '{from} – {to}',
  kpis: 'Chiffres clés',
  vsPrevious: 'vs {month}',
  noComparison: 'pas de comparaison',
  tiles: {
    posts: 'Publications',
    reach: 'Couverture',
    impressions: 'Vues / impressions',
    engagements: 'Interactions',
    engagementRate: 'Taux d’engagement',
    followersGained: 'Nouveaux abonnés',
    clicks: 'Clics',
    adherence: 'Plan réalisé',
  },
  adherenceDetail: '{published} sur {planned} publications prévues',
  points: '{value} pt',
  networks: 'Par réseau',
  network: 'Réseau',
  charts: {
    byNetwork: 'Vues et interactions par réseau',
    engagementsPerDay: 'Interactions par jour',
    followersPerDay: 'Nouveaux abonnés par jour',
    impressions: 'Vues / impressions',
    engagements: 'Interactions',
    followers: 'Nouveaux abonnés',
    score: 'Score',
  },
  topPosts: 'Meilleures publications',
  noPosts: 'Aucune publication chiffrée sur cette période : importez les exports des réseaux.',
  rate: 'taux',
  bestTimes: 'Meilleurs moments pour publier',
  bestTimesIntro: 'D’après les publications des six derniers mois, heure de {zone}. 1,0 correspond à une publication habituelle ; plus c’est haut, mieux c’est.',
  bestTimesNone: 'Pas encore assez de publications avec une heure de publication.',
  slot: '{day} {time}',
  confidence: { high: 'indice fort', medium: 'indice moyen', low: 'indice faible' },
  postsInSlot: '{count} publication(s)',
  nextMonth: 'Programme du mois prochain',
  nextMonthNone: 'Rien de prévu pour {month} pour l’instant.',
  when: 'Quand',
  post: 'Publication',
  status: 'Statut',
  method: 'Méthode et sources',
  methodLines: [
    'Les chiffres sont ceux des réseaux, tirés des exports importés dans Atelier ; les chiffres par publication sont des totaux cumulés à la date de chaque export.',
    'Taux d’engagement = interactions ÷ couverture (Facebook, Instagram), ÷ impressions (LinkedIn, X), ÷ vues (TikTok, YouTube), sur les publications qui ont les deux.',
    'Interactions : Facebook réactions, commentaires, partages ; Instagram J’aime, commentaires, partages, enregistrements ; LinkedIn réactions, commentaires, republications, clics, abonnements ; X son propre total ; TikTok et YouTube J’aime, commentaires, partages.',
    'La couverture est la somme de celle de chaque publication : une personne touchée par deux publications compte deux fois.',
  ],
  exportOf: '{network} : export du {date}',
  page: 'Page {n} sur {total}',
  notMeasured: '—',
  statuses: STATUS_LABELS.fr,
};

export const REPORT_STRINGS: Record<ReportLanguage, Strings> = { en, fr };
export type ReportStrings = Strings;

export { fill, NETWORK_NAMES };
