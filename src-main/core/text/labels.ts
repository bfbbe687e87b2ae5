// Words that documents made outside the renderer share (the monthly report PDF, the pack's preview
// page, CSV status matching): the renderer's catalogues are not loaded there. Network names are
// brands and stay as they are in every language.
import type { PostStatus } from '../domain/posts';

export const NETWORK_NAMES: Readonly<Record<string, string>> = {
  x: 'X',
  bluesky: 'Bluesky',
  threads: 'Threads',
  mastodon: 'Mastodon',
  instagram: 'Instagram',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  pinterest: 'Pinterest',
  youtube: 'YouTube',
  other: '—',
};

/** A post status in the languages Atelier's documents are made in. */
export const STATUS_LABELS = {
  en: {
    idea: 'Idea', draft: 'Draft', in_review: 'In review', changes_requested: 'Changes requested', approved: 'Approved',
    scheduled: 'Scheduled', published: 'Published', failed: 'Failed', missed: 'Missed', cancelled: 'Cancelled',
  },
  fr: {
    idea: 'Idée', draft: 'Brouillon', in_review: 'En relecture', changes_requested: 'Modifications demandées', approved: 'Validée',
    scheduled: 'Planifiée', published: 'Publiée', failed: 'Échec', missed: 'Manquée', cancelled: 'Annulée',
  },
} as const satisfies Record<string, Record<PostStatus, string>>;

/** "{name}" placeholders filled in; one with no value stays as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => (key in values ? String(values[key]) : placeholder));
}
