// Recognising an exported row as an Atelier post: by the permalink recorded at "Mark published"
// (normalised: twitter.com is x.com, query strings and trailing slashes dropped), else by network,
// time and caption. Captions are compared after NFKC (mathematical bold letters become plain ones),
// lower case, without links, punctuation or emoji, as sets of words.

/** A URL reduced to what identifies the post; '' for text that is not a URL. */
export function permalinkKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return '';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '';
  let host = parsed.hostname.toLowerCase().replace(/^(www|m|mobile|web)\./, '');
  if (host === 'twitter.com') host = 'x.com';
  if (host === 'youtu.be') return `youtube.com/watch/${parsed.pathname.slice(1)}`;
  if (host === 'youtube.com' && parsed.searchParams.get('v')) return `youtube.com/watch/${parsed.searchParams.get('v')}`;
  const path = parsed.pathname.replace(/\/+$/, '');
  // X: /handle/status/123 → status/123 (the handle may have changed since).
  const status = host === 'x.com' ? /\/status(?:es)?\/(\d+)/.exec(path) : null;
  if (status) return `x.com/status/${status[1]}`;
  const activity = host === 'linkedin.com' ? /urn:li:(?:activity|share|ugcPost):(\d+)/.exec(decodeURIComponent(path)) : null;
  if (activity) return `linkedin.com/activity/${activity[1]}`;
  return `${host}${path}`;
}

/** The network a permalink belongs to, from its host; null when it says nothing. */
export function networkOfUrl(url: string): string | null {
  const key = permalinkKey(url);
  const host = key.split('/')[0] ?? '';
  if (host === 'x.com') return 'x';
  if (host.endsWith('instagram.com')) return 'instagram';
  if (host.endsWith('facebook.com') || host === 'fb.com' || host === 'fb.watch') return 'facebook';
  if (host.endsWith('linkedin.com') || host === 'lnkd.in') return 'linkedin';
  if (host.endsWith('tiktok.com')) return 'tiktok';
  if (host.endsWith('youtube.com')) return 'youtube';
  if (host.endsWith('threads.net') || host.endsWith('threads.com')) return 'threads';
  if (host === 'bsky.app') return 'bluesky';
  if (host.endsWith('pinterest.com') || host === 'pin.it') return 'pinterest';
  return null;
}

export function captionWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}#@]+/u)
    .filter((w) => w.length > 1);
}

/** 0 (nothing in common) … 1 (the same words): Dice's coefficient over the two captions' words. */
export function captionSimilarity(a: string, b: string): number {
  const wa = new Set(captionWords(a));
  const wb = new Set(captionWords(b));
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size);
}

export interface Candidate {
  id: string;
  /** The planned instant (UTC ms). */
  at: number;
  caption: string;
}

export interface RowForMatch {
  /** An exact instant (precision 'time'), or the start of the local day (precision 'day'). */
  at: number;
  precision: 'time' | 'day';
  caption: string;
}

/** How far from the planned time a published post may be found. */
export const MATCH_WINDOW_MS = 36 * 3_600_000;
const DAY_MS = 86_400_000;

export interface MatchChoice {
  id: string;
  score: number;
}

/**
 * The best planned post for one exported row, or null. Accepted when the captions agree (Dice ≥ 0.6
 * within the window, ≥ 0.3 within 6 hours), or when the post is the only candidate and was planned
 * within 2 hours (or that day, for exports that give only a day).
 */
export function chooseMatch(row: RowForMatch, candidates: readonly Candidate[]): MatchChoice | null {
  const scored = candidates
    .map((c) => {
      const distance = row.precision === 'time' ? Math.abs(c.at - row.at) : c.at >= row.at && c.at < row.at + DAY_MS ? 0 : Math.min(Math.abs(c.at - row.at), Math.abs(c.at - row.at - DAY_MS));
      const similarity = captionSimilarity(row.caption, c.caption);
      return { id: c.id, distance, similarity };
    })
    .filter((c) => c.distance <= MATCH_WINDOW_MS);
  const sameDay = scored.filter((c) => c.distance <= (row.precision === 'time' ? 2 * 3_600_000 : 0));
  const accepted = scored.filter((c) => c.similarity >= 0.6 || (c.similarity >= 0.3 && c.distance <= 6 * 3_600_000) || (sameDay.length === 1 && sameDay[0] === c));
  if (accepted.length === 0) return null;
  const score = (c: (typeof scored)[number]) => 0.6 * c.similarity + 0.4 * (1 - c.distance / MATCH_WINDOW_MS);
  const best = accepted.reduce((a, b) => (score(b) > score(a) ? b : a));
  return { id: best.id, score: Math.round(score(best) * 1000) / 1000 };
}
