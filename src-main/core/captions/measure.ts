// measureCaption: how long a caption is for one network, counted the way that network counts, and
// what is wrong with it (with offsets, so an editor can highlight the part past the limit).
import { isNetworkId, NETWORKS, type NetworkId } from '../domain/posts';
import { extractEntities, type MentionEntity, type UrlEntity } from './entities';
import { NETWORK_RULES, TWITTER_TEXT_V3, type CountingUnit, type NetworkRule, type TextRule } from './rules';
import { codePointWeight, isEmoji, Kind, loneSurrogateAt, utf8Length, walkGraphemes, xWeight } from './text';

export type { NetworkId };

export interface CaptionProblem {
  code: string;
  /** English, for the CLI and logs; the renderer translates by `code` with `values`. */
  message: string;
  /** Errors make the caption invalid; warnings are advice (hashtag limits, links that are not clickable). */
  severity: 'error' | 'warning';
  start?: number;
  end?: number;
  values?: Record<string, string | number>;
}

export interface CaptionMeasure {
  length: number;
  limit: number;
  remaining: number;
  valid: boolean;
  unit: CountingUnit;
  /** Hashtags without `#`, mentions without `@` (`user` or `user@domain`), links as written. */
  hashtags: string[];
  mentions: string[];
  urls: string[];
  /** UTF-16 offset where the network folds the text behind "… more" (absent when it all shows). */
  foldAt?: number;
  /** UTF-8 size, for networks with a byte ceiling. */
  bytes?: number;
  problems: CaptionProblem[];
}

export interface MeasureOptions {
  /** Pinterest and YouTube have a separate title; default is the caption / description. */
  field?: 'body' | 'title';
  /** Overrides the table's limit (a Mastodon server's own `max_characters`). */
  limit?: number;
}

export class UnknownNetworkError extends Error {
  constructor(network: unknown) {
    super(`Unknown network "${String(network)}" (known: ${NETWORKS.join(', ')}).`);
    this.name = 'UnknownNetworkError';
  }
}

/** Bluesky's app shows `host + first 13 characters of the path + "..."` for a link (social-app shortenLinks). */
export function blueskyShortUrl(url: string, hasProtocol = /^https?:\/\//i.test(url)): string {
  try {
    const parsed = new URL(hasProtocol ? url : `https://${url}`);
    const path = (parsed.pathname === '/' ? '' : parsed.pathname) + parsed.search + parsed.hash;
    return path.length > 15 ? `${parsed.host}${path.slice(0, 13)}...` : `${parsed.host}${path}`;
  } catch {
    return url;
  }
}

interface Replacement {
  start: number;
  end: number;
  /** Text the network counts instead (null: a fixed weight). */
  text: string | null;
  weight: number;
}

function replacementsFor(rule: NetworkRule, urls: readonly UrlEntity[], mentions: readonly MentionEntity[]): Replacement[] {
  const list: Replacement[] = [];
  if (rule.urls.mode !== 'as-written') {
    for (const u of urls) {
      if (rule.urls.mode === 'fixed') list.push({ start: u.start, end: u.end, text: null, weight: rule.urls.length });
      else list.push({ start: u.start, end: u.end, text: blueskyShortUrl(u.text, u.hasProtocol), weight: 0 });
    }
  }
  if (rule.remoteMentionsCountLocalPart) {
    for (const m of mentions) if (m.localEnd < m.end) list.push({ start: m.localEnd, end: m.end, text: '', weight: 0 });
  }
  return list.sort((a, b) => a.start - b.start);
}

/** Length of one grapheme in a unit (X in scaled weights). */
function unitLength(unit: CountingUnit, text: string, start: number, end: number, kind: Kind): number {
  switch (unit) {
    case 'weighted':
      return kind === Kind.Ascii ? (end - start) * 100 : kind === Kind.Simple ? codePointWeight(text.charCodeAt(start)) : xWeight(text.slice(start, end));
    case 'graphemes':
      return 1;
    case 'threads':
      return kind !== Kind.Cluster ? 1 : isEmoji(text.slice(start, end)) ? utf8Length(text, start, end) : 1;
    case 'utf16':
      return end - start;
    case 'bytes':
      return kind === Kind.Ascii ? end - start : utf8Length(text, start, end);
  }
}

const SCALE: Record<CountingUnit, number> = { weighted: TWITTER_TEXT_V3.scale, graphemes: 1, threads: 1, utf16: 1, bytes: 1 };

interface Count {
  length: number;
  /** Offset of the first grapheme past the limit, or -1. */
  overflowAt: number;
  bytes: number;
}

function count(text: string, unit: CountingUnit, limit: number, replacements: readonly Replacement[], withBytes: boolean): Count {
  const scale = SCALE[unit];
  const ceiling = limit * scale;
  let total = 0;
  let bytes = 0;
  let overflowAt = -1;
  const add = (amount: number, at: number) => {
    total += amount;
    if (overflowAt < 0 && total > ceiling) overflowAt = at;
  };
  const span = (from: number, to: number) =>
    walkGraphemes(text, from, to, (s, e, kind) => {
      add(unitLength(unit, text, s, e, kind), s);
    });
  let cursor = 0;
  for (const r of replacements) {
    if (r.start < cursor) continue;
    span(cursor, r.start);
    if (r.text === null) add(r.weight * scale, r.start);
    else {
      const before = total;
      const short = r.text;
      walkGraphemes(short, 0, short.length, (s, e, kind) => {
        total += unitLength(unit, short, s, e, kind);
      });
      const amount = total - before;
      total = before;
      add(amount, r.start);
    }
    cursor = r.end;
  }
  span(cursor, text.length);
  if (withBytes) {
    // Bytes of the text the network stores (links shortened, remote domains kept).
    bytes = utf8Length(text);
    for (const r of replacements) if (r.text !== null && r.text !== '') bytes += utf8Length(r.text) - utf8Length(text, r.start, r.end);
  }
  return { length: Math.floor(total / scale), overflowAt, bytes };
}

/** UTF-16 offset after `graphemes` graphemes, or undefined when the text is not longer than that. */
function foldOffset(text: string, graphemes: number): number | undefined {
  let seen = 0;
  let offset: number | undefined;
  walkGraphemes(text, 0, text.length, (_s, e) => {
    seen++;
    if (seen === graphemes) {
      offset = e;
      return false;
    }
  });
  return offset !== undefined && offset < text.length ? offset : undefined;
}

/** Past this many UTF-16 code units a caption is far beyond every network's limit: it is not walked
 *  grapheme by grapheme (a pasted book would otherwise take seconds). */
export const MAX_MEASURED_LENGTH = 200_000;

function tooLongToMeasure(text: string, rule: NetworkRule, field: TextRule, limit: number): CaptionMeasure {
  return {
    length: text.length,
    limit,
    remaining: limit - text.length,
    valid: false,
    unit: field.unit,
    hashtags: [],
    mentions: [],
    urls: [],
    problems: [
      {
        code: 'too_long',
        severity: 'error',
        message: `${text.length} characters: far past ${rule.name}'s limit of ${limit} (captions over ${MAX_MEASURED_LENGTH} characters are not counted in detail).`,
        start: Math.min(limit, text.length),
        end: text.length,
        values: { over: text.length - limit, limit },
      },
    ],
  };
}

export function measureCaption(text: string, network: NetworkId, options: MeasureOptions = {}): CaptionMeasure {
  if (typeof network !== 'string' || !isNetworkId(network)) throw new UnknownNetworkError(network);
  if (typeof text !== 'string') throw new TypeError(`A caption must be text, not ${text === null ? 'null' : typeof text}.`);
  const rule = NETWORK_RULES[network];
  const field: TextRule = options.field === 'title' && rule.title ? rule.title : rule.body;
  const limit = options.limit !== undefined && Number.isFinite(options.limit) && options.limit > 0 ? Math.floor(options.limit) : field.limit;
  if (text.length > MAX_MEASURED_LENGTH) return tooLongToMeasure(text, rule, field, limit);
  const entities = extractEntities(text);
  const urls = rule.urlsWithoutProtocol ? entities.urls : entities.urls.filter((u) => u.hasProtocol);
  const replacements = replacementsFor(rule, urls, entities.mentions);
  const withBytes = field.unit === 'bytes' || field.maxBytes !== undefined;
  const counted = count(text, field.unit, limit, replacements, withBytes);
  const problems: CaptionProblem[] = [];
  const name = rule.name;

  if (text.trim() === '') {
    problems.push({
      code: 'empty',
      severity: network === 'x' ? 'error' : 'warning',
      message: network === 'x' ? `${name} refuses an empty post.` : 'The caption is empty.',
    });
  }
  if (counted.overflowAt >= 0) {
    const over = counted.length - limit;
    problems.push({
      code: 'too_long',
      severity: 'error',
      message: `${over} over ${name}'s limit of ${limit}.`,
      start: counted.overflowAt,
      end: text.length,
      values: { over, limit },
    });
  }
  if (field.maxBytes !== undefined && counted.bytes > field.maxBytes) {
    problems.push({
      code: 'too_many_bytes',
      severity: 'error',
      message: `${counted.bytes} bytes: ${name} takes at most ${field.maxBytes}.`,
      values: { bytes: counted.bytes, limit: field.maxBytes },
    });
  }
  const tagLimit = rule.maxHashtags;
  if (tagLimit !== undefined && entities.hashtags.length > tagLimit) {
    const first = entities.hashtags[tagLimit]!;
    problems.push({
      code: 'too_many_hashtags',
      severity: 'warning',
      message: `${entities.hashtags.length} hashtags: ${name} takes at most ${tagLimit}.`,
      start: first.start,
      end: entities.hashtags[entities.hashtags.length - 1]!.end,
      values: { count: entities.hashtags.length, limit: tagLimit },
    });
  }
  const linkLimit = rule.maxLinks;
  const uniqueLinks = new Set(urls.map((u) => u.text)).size;
  if (linkLimit !== undefined && uniqueLinks > linkLimit) {
    problems.push({
      code: 'too_many_links',
      severity: 'error',
      message: `${uniqueLinks} links: ${name} takes at most ${linkLimit}.`,
      start: urls[linkLimit]?.start,
      end: urls[urls.length - 1]!.end,
      values: { count: uniqueLinks, limit: linkLimit },
    });
  }
  if (rule.maxMentions !== undefined && entities.mentions.length > rule.maxMentions) {
    problems.push({
      code: 'too_many_mentions',
      severity: 'warning',
      message: `${entities.mentions.length} mentions: ${name} takes at most ${rule.maxMentions}.`,
      values: { count: entities.mentions.length, limit: rule.maxMentions },
    });
  }
  if (!rule.linksClickable && urls.length > 0) {
    problems.push({
      code: 'links_not_clickable',
      severity: 'warning',
      message: `Links in ${name} captions are not clickable: put the link in the bio or the link field.`,
      start: urls[0]!.start,
      end: urls[0]!.end,
    });
  }
  for (const ch of field.forbidden ?? []) {
    const at = text.indexOf(ch);
    if (at >= 0) {
      problems.push({ code: 'forbidden_character', severity: 'error', message: `${name} does not allow "${ch}" here.`, start: at, end: at + 1, values: { char: ch } });
    }
  }
  for (const ch of rule.invalidChars ?? []) {
    const at = text.indexOf(ch);
    if (at >= 0) {
      const code = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      problems.push({ code: 'invalid_character', severity: 'error', message: `${name} refuses the invisible character ${code}.`, start: at, end: at + 1, values: { char: code } });
    }
  }
  const lone = loneSurrogateAt(text);
  if (lone >= 0) {
    problems.push({
      code: 'broken_character',
      severity: 'error',
      message: 'The text contains half of an emoji or symbol (a lone UTF-16 surrogate); it would be sent as �.',
      start: lone,
      end: lone + 1,
    });
  }

  const measure: CaptionMeasure = {
    length: counted.length,
    limit,
    remaining: limit - counted.length,
    valid: !problems.some((p) => p.severity === 'error'),
    unit: field.unit,
    hashtags: entities.hashtags.map((h) => h.tag),
    mentions: entities.mentions.map((m) => m.text.slice(1)),
    urls: urls.map((u) => u.text),
    problems,
  };
  if (field.foldAt !== undefined) {
    const fold = foldOffset(text, field.foldAt);
    if (fold !== undefined) measure.foldAt = fold;
  }
  if (withBytes) measure.bytes = counted.bytes;
  return measure;
}
