// Links, hashtags and mentions found in a caption, with their UTF-16 offsets. The link rules follow
// twitter-text (a link needs a protocol or a known top-level domain, no domain label over 63
// characters once punycoded, trailing punctuation is not part of the link), written here so the
// renderer bundle carries no 2020-era polyfills. Every pattern starts only where a run begins, so a
// million-character caption is scanned in linear time.

export interface UrlEntity {
  kind: 'url';
  start: number;
  end: number;
  text: string;
  hasProtocol: boolean;
}

export interface HashtagEntity {
  kind: 'hashtag';
  start: number;
  end: number;
  /** Without the `#`. */
  tag: string;
}

export interface MentionEntity {
  kind: 'mention';
  start: number;
  end: number;
  /** `@user` or `@user@domain`, as written. */
  text: string;
  /** End of the `@user` part (before `@domain`), for networks that count only that. */
  localEnd: number;
}

export type CaptionEntity = UrlEntity | HashtagEntity | MentionEntity;

const URL_RE = /(?<![\p{L}\p{N}\p{M}_@＠$#＃./-])(https?:\/\/)?((?:[\p{L}\p{N}\p{M}_-]+\.)+[\p{L}\p{N}\p{M}-]+)(:\d{1,5})?([/?#][^\s\p{Cf}<>"]*)?/giu;
const URL_ENDING = /[\p{L}\p{N}=_#/+-]/u;
const HASHTAG_RE = /(?<![&\p{L}\p{M}\p{N}_#＃])[#＃](?![\uFE0F\u20E3])([\p{L}\p{M}\p{N}_\u200C\u200D]+)/gu;
const MENTION_RE = /(?<![\p{L}\p{N}_@＠!#$%&*])[@＠]([A-Za-z0-9_]{1,64}(?:\.[A-Za-z0-9_-]+)*)(@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?/gu;
const ALL_DIGITS = /^[\p{N}_]+$/u;
const ASCII = /^[\x20-\x7e]*$/;

/** Top-level domains accepted for a link written without `https://` (generic ones plus every
 *  two-letter country code). With a protocol any alphabetic top-level domain is accepted. */
const GENERIC_TLDS = new Set(
  'com net org edu gov mil int info biz name pro aero coop museum mobi jobs travel app dev io ai co me tv cc ly gg fm am so to sh xyz online site store shop blog art design studio agency media news live world tech cloud page link click social paris london berlin nyc'.split(
    ' ',
  ),
);

function knownTld(tld: string): boolean {
  const lower = tld.toLowerCase();
  return GENERIC_TLDS.has(lower) || /^[a-z]{2}$/.test(lower);
}

/** Drops trailing punctuation that ends a sentence rather than the link; keeps balanced `)`. */
function trimUrlEnd(url: string, pathStart: number): string {
  let end = url.length;
  while (end > pathStart) {
    const ch = url[end - 1]!;
    if (URL_ENDING.test(ch)) break;
    if (ch === ')') {
      const body = url.slice(0, end);
      const opens = body.split('(').length - 1;
      const closes = body.split(')').length - 1;
      if (opens >= closes) break;
    }
    end--;
  }
  return url.slice(0, end);
}

/** The host as a DNS name would carry it (punycode), or null when it is not a usable host. */
function asciiHost(host: string): string | null {
  if (ASCII.test(host)) return host.toLowerCase();
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
}

function validHost(host: string, hasProtocol: boolean): boolean {
  const labels = host.split('.');
  const tld = labels[labels.length - 1]!;
  if (!/\p{L}/u.test(tld) || tld.startsWith('-') || tld.endsWith('-') || tld.includes('_')) return false;
  if (!hasProtocol && (!ASCII.test(host) || !knownTld(tld))) return false;
  const ascii = asciiHost(host);
  if (!ascii || ascii.length > 253) return false;
  return ascii.split('.').every((label) => label.length > 0 && label.length <= 63);
}

function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function urlsInToken(text: string, offset: number, found: UrlEntity[]): void {
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m !== null; m = URL_RE.exec(text)) {
    const protocol = m[1] ?? '';
    const host = m[2]!;
    if (!validHost(host, protocol !== '')) continue;
    const pathStart = protocol.length + host.length + (m[3]?.length ?? 0);
    const url = trimUrlEnd(m[0], pathStart);
    if (url.length > 4096) continue;
    found.push({ kind: 'url', start: offset + m.index, end: offset + m.index + url.length, text: url, hasProtocol: protocol !== '' });
    URL_RE.lastIndex = m.index + url.length;
  }
}

export function extractUrls(text: string): UrlEntity[] {
  const found: UrlEntity[] = [];
  // Every link has a dot in its host: only the whitespace-separated words holding a dot are scanned.
  let from = 0;
  for (let dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', from)) {
    let start = dot;
    while (start > from && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = dot + 1;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    urlsInToken(text.slice(start, end), start, found);
    from = end;
  }
  return found;
}

function inside(ranges: readonly { start: number; end: number }[], start: number): boolean {
  // Ranges are sorted and few; a linear scan is cheaper than anything clever.
  for (const r of ranges) if (start >= r.start && start < r.end) return true;
  return false;
}

export function extractHashtags(text: string, urls: readonly UrlEntity[] = extractUrls(text)): HashtagEntity[] {
  const found: HashtagEntity[] = [];
  HASHTAG_RE.lastIndex = 0;
  for (let m = HASHTAG_RE.exec(text); m !== null; m = HASHTAG_RE.exec(text)) {
    const tag = m[1]!;
    if (ALL_DIGITS.test(tag) || inside(urls, m.index)) continue;
    found.push({ kind: 'hashtag', start: m.index, end: m.index + m[0].length, tag });
  }
  return found;
}

export function extractMentions(text: string, urls: readonly UrlEntity[] = extractUrls(text)): MentionEntity[] {
  const found: MentionEntity[] = [];
  MENTION_RE.lastIndex = 0;
  for (let m = MENTION_RE.exec(text); m !== null; m = MENTION_RE.exec(text)) {
    if (inside(urls, m.index)) continue;
    const localEnd = m.index + 1 + m[1]!.length;
    found.push({ kind: 'mention', start: m.index, end: m.index + m[0].length, text: m[0], localEnd });
  }
  return found;
}

export interface CaptionEntities {
  urls: UrlEntity[];
  hashtags: HashtagEntity[];
  mentions: MentionEntity[];
}

export function extractEntities(text: string): CaptionEntities {
  const urls = extractUrls(text);
  return { urls, hashtags: extractHashtags(text, urls), mentions: extractMentions(text, urls) };
}
