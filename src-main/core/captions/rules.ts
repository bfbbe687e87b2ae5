// Caption rules per network: one table of data, each row with where it comes from and when it was
// checked. Networks change their limits (Instagram went from 30 to 5 hashtags in Dec 2025): change a
// row here, never a constant in the counting code. Sources: /shared/reference/platforms.md §1.
import type { NetworkId } from '../domain/posts';
import { NETWORK_NAMES } from '../text/labels';

/** How a network counts the length of a caption. */
export type CountingUnit =
  /** X: code points weighted by twitter-text's v3 ranges (after NFC), an emoji sequence counts 2. */
  | 'weighted'
  /** Extended grapheme clusters (Intl.Segmenter): a family emoji or a flag is one. */
  | 'graphemes'
  /** Threads: graphemes, but an emoji counts its UTF-8 byte length. */
  | 'threads'
  /** UTF-16 code units (JavaScript `.length`), what most APIs validate. */
  | 'utf16'
  /** UTF-8 bytes. */
  | 'bytes';

/** What a link counts for in the caption. */
export type UrlCounting =
  | { mode: 'fixed'; length: number }
  /** Bluesky's app shows `host + first 13 characters of the path + "..."`: that text is what counts. */
  | { mode: 'bluesky-short' }
  | { mode: 'as-written' };

export interface TextRule {
  limit: number;
  unit: CountingUnit;
  /** A second, byte-based ceiling (Bluesky: 3,000 bytes on top of 300 graphemes). */
  maxBytes?: number;
  /** Where the network cuts the text with "… more", in graphemes. */
  foldAt?: number;
  /** Characters the network refuses. */
  forbidden?: string[];
}

export interface NetworkRule {
  network: NetworkId;
  /** The display name (a brand name, the same in every language). */
  name: string;
  /** The main caption (the description for Pinterest and YouTube). */
  body: TextRule;
  /** A separate title field (Pinterest, YouTube). */
  title?: TextRule;
  urls: UrlCounting;
  /** Whether `example.com` without `https://` is a link for this network. */
  urlsWithoutProtocol: boolean;
  /** `@user@domain` counts as `@user` (Mastodon). */
  remoteMentionsCountLocalPart?: boolean;
  maxHashtags?: number;
  maxLinks?: number;
  maxMentions?: number;
  /** Links in the caption are not clickable: the tagged link belongs in the bio / link field. */
  linksClickable: boolean;
  /** Characters twitter-text treats as invalid (X refuses the post). */
  invalidChars?: string[];
  /** Default `utm_source` for links tagged for this network. */
  utmSource: string;
  /** Where the figures come from and when they were last checked (ISO date). */
  source: string;
  checkedAt: string;
}

/** twitter-text `config/v3.json`, as data (the conformance test compares it with the upstream file). */
export const TWITTER_TEXT_V3 = {
  version: 3,
  maxWeightedTweetLength: 280,
  scale: 100,
  defaultWeight: 200,
  emojiParsingEnabled: true,
  transformedURLLength: 23,
  ranges: [
    { start: 0, end: 4351, weight: 100 },
    { start: 8192, end: 8205, weight: 100 },
    { start: 8208, end: 8223, weight: 100 },
    { start: 8242, end: 8247, weight: 100 },
  ],
} as const;

const CHECKED = '2026-11-28';

/**
 * A row of the table with what every network shares filled in: its brand name, `utm_source` = its id,
 * the date the figures were checked, and links that are clickable and found without `https://` unless
 * the row says otherwise.
 */
function rule<N extends NetworkId>(
  network: N,
  fields: Omit<NetworkRule, 'network' | 'name' | 'utmSource' | 'checkedAt' | 'urlsWithoutProtocol' | 'linksClickable'> & Partial<Pick<NetworkRule, 'urlsWithoutProtocol' | 'linksClickable'>>,
): NetworkRule {
  return { network, name: NETWORK_NAMES[network] ?? network, utmSource: network, checkedAt: CHECKED, urlsWithoutProtocol: true, linksClickable: true, ...fields };
}

export const NETWORK_RULES: Readonly<Record<NetworkId, NetworkRule>> = {
  x: rule('x', {
    body: { limit: TWITTER_TEXT_V3.maxWeightedTweetLength, unit: 'weighted' },
    urls: { mode: 'fixed', length: TWITTER_TEXT_V3.transformedURLLength },
    invalidChars: ['\uFFFE', '\uFEFF', '\uFFFF'],
    source: 'twitter/twitter-text config/v3.json; docs.x.com/fundamentals/counting-characters',
  }),
  bluesky: rule('bluesky', {
    body: { limit: 300, unit: 'graphemes', maxBytes: 3000 },
    urls: { mode: 'bluesky-short' },
    source: 'app.bsky.feed.post lexicon (maxGraphemes 300, maxLength 3000); bluesky-social/social-app rich-text-manip.ts shortenLinks',
  }),
  threads: rule('threads', {
    body: { limit: 500, unit: 'threads' },
    urls: { mode: 'as-written' },
    maxHashtags: 1,
    maxLinks: 5,
    source: 'developers.facebook.com/documentation/threads/posts (500, emoji = UTF-8 bytes); …/create-posts/text-attachments (5 links from 2025-12-22); one topic tag [secondary]',
  }),
  mastodon: rule('mastodon', {
    body: { limit: 500, unit: 'graphemes' },
    urls: { mode: 'fixed', length: 23 },
    urlsWithoutProtocol: false,
    remoteMentionsCountLocalPart: true,
    source: 'mastodon app/validators/status_length_validator.rb (graphemes, URL_PLACEHOLDER 23, @user@domain counts @user); default 500, set per server',
  }),
  instagram: rule('instagram', {
    body: { limit: 2200, unit: 'utf16', foldAt: 125 },
    urls: { mode: 'as-written' },
    maxHashtags: 5,
    linksClickable: false,
    source: 'Instagram ads media requirements (2,200); @creators via socialmediatoday.com (5 hashtags, Dec 2025); fold ~125 [secondary]',
  }),
  facebook: rule('facebook', {
    body: { limit: 63206, unit: 'utf16', foldAt: 125 },
    urls: { mode: 'as-written' },
    source: 'Scheduler vendor docs (63,206) [secondary]; "See more" after ~125 characters [heuristic]',
  }),
  linkedin: rule('linkedin', {
    body: { limit: 3000, unit: 'utf16', foldAt: 210 },
    urls: { mode: 'as-written' },
    source: 'ayrshare.com/docs LinkedIn (3,000) [secondary]; "…see more" ~210 desktop [secondary]',
  }),
  tiktok: rule('tiktok', {
    body: { limit: 2200, unit: 'utf16' },
    urls: { mode: 'as-written' },
    linksClickable: false,
    source: 'developers.tiktok.com Content Posting API direct post (2,200 UTF-16 runes) [secondary]',
  }),
  pinterest: rule('pinterest', {
    body: { limit: 500, unit: 'utf16' },
    title: { limit: 100, unit: 'utf16' },
    urls: { mode: 'as-written' },
    linksClickable: false,
    source: 'ayrshare.com Pinterest docs (title 100, description 500) [secondary]',
  }),
  youtube: rule('youtube', {
    body: { limit: 5000, unit: 'bytes', foldAt: 120, forbidden: ['<', '>'] },
    title: { limit: 100, unit: 'utf16', forbidden: ['<', '>'] },
    urls: { mode: 'as-written' },
    source: 'YouTube Data API videos resource (description 5,000 bytes, no < or >); docs.zernio.com YouTube (title 100) [secondary]',
  }),
};

/** Counters turn amber from this share of the limit. */
export const NEAR_LIMIT_RATIO = 0.9;

export function ruleFor(network: NetworkId): NetworkRule {
  return NETWORK_RULES[network];
}
