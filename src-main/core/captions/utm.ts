// UTM link builder: tags links with utm_* parameters, keeping the parameters and the #fragment a
// link already has and never overwriting a UTM value that is already there.
import type { NetworkId } from '../domain/posts';
import { extractUrls } from './entities';
import { NETWORK_RULES } from './rules';

export const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;
export type UtmKey = (typeof UTM_KEYS)[number];
export type UtmParams = Partial<Record<'source' | 'medium' | 'campaign' | 'term' | 'content', string>>;

/** GA4 values are case-sensitive: lower-case, spaces and odd characters become `_`. */
export function slugUtm(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9._-]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The defaults for one network: its own source, medium `social`. */
export function defaultUtm(network: NetworkId, params: UtmParams = {}): UtmParams {
  return { source: NETWORK_RULES[network].utmSource, medium: 'social', ...stripEmpty(params) };
}

function stripEmpty(params: UtmParams): UtmParams {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as UtmParams;
}

/** Adds the given UTM parameters to one link. Returns the link unchanged when it cannot be parsed. */
export function addUtm(link: string, params: UtmParams): string {
  const hasProtocol = /^https?:\/\//i.test(link);
  if (!hasProtocol && /^[a-z][a-z0-9+.-]*:/i.test(link)) return link; // mailto:, tel:… are not web links
  let url: URL;
  try {
    url = new URL(hasProtocol ? link : `https://${link}`);
  } catch {
    return link;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return link;
  let changed = false;
  for (const [key, raw] of Object.entries(stripEmpty(params))) {
    const name = `utm_${key}`;
    const value = slugUtm(raw!);
    if (!value || url.searchParams.has(name)) continue;
    url.searchParams.append(name, value);
    changed = true;
  }
  if (!changed) return link;
  const out = url.toString();
  return hasProtocol ? out : out.replace(/^https:\/\//, '');
}

export interface TaggedLink {
  start: number;
  end: number;
  original: string;
  tagged: string;
}

/** Every link in a caption with its tagged form (the caption panel lists these). */
export function listLinks(text: string, params: UtmParams): TaggedLink[] {
  return extractUrls(text).map((u) => ({ start: u.start, end: u.end, original: u.text, tagged: addUtm(u.text, params) }));
}

/** The caption with every link tagged. */
export function tagLinks(text: string, params: UtmParams): string {
  let out = '';
  let cursor = 0;
  for (const link of listLinks(text, params)) {
    out += text.slice(cursor, link.start) + link.tagged;
    cursor = link.end;
  }
  return out + text.slice(cursor);
}
