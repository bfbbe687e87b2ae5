// The preview page travels without Atelier, so its few strings travel with it, in the pack's language.
import { fill, NETWORK_NAMES, STATUS_LABELS } from '../text/labels';

export const PREVIEW_STRINGS = {
  en: {
    title: 'Content for {client}',
    period: '{from} – {to}',
    generated: 'Prepared on {date} with Atelier',
    intro: 'Review each post, then choose “Approve” or “Changes requested”, add a comment if needed, and save your decisions to send them back.',
    unscheduled: 'Not scheduled yet',
    status: 'Status',
    approve: 'Approve',
    changes: 'Changes requested',
    comment: 'Comment',
    commentPlaceholder: 'What should change?',
    save: 'Save decisions',
    saved: 'Saved as decisions.json — send this file back.',
    progress: '{done} of {total} posts reviewed',
    noImage: 'No visual for this network',
    page: 'Page {n}',
    more: '… more',
    mockup: 'How it looks on {network}',
    picture: 'Picture {n} of {count}',
    carousel: '{count} pictures — scroll sideways',
    posts: 'Posts',
    report: 'Last month’s results: the report (PDF)',
    statuses: STATUS_LABELS.en,
  },
  fr: {
    title: 'Contenus pour {client}',
    period: '{from} – {to}',
    generated: 'Préparé le {date} avec Atelier',
    intro: 'Relisez chaque publication, choisissez « Valider » ou « Modifications demandées », ajoutez un commentaire si besoin, puis enregistrez vos décisions pour les renvoyer.',
    unscheduled: 'Pas encore planifiée',
    status: 'Statut',
    approve: 'Valider',
    changes: 'Modifications demandées',
    comment: 'Commentaire',
    commentPlaceholder: 'Que faut-il changer ?',
    save: 'Enregistrer les décisions',
    saved: 'Enregistré sous decisions.json — renvoyez ce fichier.',
    progress: '{done} publication(s) relue(s) sur {total}',
    noImage: 'Pas de visuel pour ce réseau',
    page: 'Page {n}',
    more: '… plus',
    mockup: 'Rendu sur {network}',
    picture: 'Visuel {n} sur {count}',
    carousel: '{count} visuels — faites défiler',
    posts: 'Publications',
    report: 'Les résultats du mois dernier : le rapport (PDF)',
    statuses: STATUS_LABELS.fr,
  },
} as const;

export type PreviewLanguage = keyof typeof PREVIEW_STRINGS;

/** Network names for the calendar and the preview (brands: the same in every language). */
export const NETWORK_LABELS = NETWORK_NAMES;

export { fill };
