// A post as each network shows it in the feed: account, picture or carousel, caption folded at the
// network's "… more". One implementation for the composer's live preview and the content pack's
// preview page, so the client sees what the freelancer saw. It returns HTML text (every value
// escaped here) with the stylesheet beside it; the fold is a <details>, so it works without script.
import { extractEntities, measureCaption } from '../captions';
import type { NetworkId } from '../domain/posts';
import { NETWORK_RULES } from '../captions';
import { networkIconSvg } from './network-icons';

export interface MockupStrings {
  /** The fold's link, as the network writes it ("… more", "… plus"). */
  more: string;
  /** Shown where a picture would be when the post has none. */
  noPicture: string;
  /** The accessible name of the mock-up: "{network} preview". */
  label: (network: string) => string;
  /** "Picture {n} of {count}" for a carousel's pictures. */
  picture: (n: number, count: number) => string;
  /** The carousel badge: "{count} pictures". */
  carousel: (count: number) => string;
}

export interface MockupInput {
  network: NetworkId;
  account: { name: string; color: string; avatarUrl?: string | null };
  /** A short line beside the account (the post's date). */
  meta?: string;
  text: string;
  /** Picture URLs in order (one, or a carousel's pages). */
  images: readonly string[];
  /** Width ÷ height of the pictures (the design's size); square when unknown. */
  ratio?: number;
  limit?: number;
}

/** Networks whose feed shows the picture first and the caption under it, after the account name. */
const PICTURE_FIRST: ReadonlySet<NetworkId> = new Set(['instagram', 'tiktok', 'pinterest']);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The caption as HTML, links/hashtags/mentions marked, cut at `fold` with the rest behind "… more". */
export function captionHtml(text: string, fold: number | undefined, more: string): string {
  const { urls, hashtags, mentions } = extractEntities(text);
  const marks = [...urls, ...hashtags, ...mentions].map((e) => [e.start, e.end] as const).sort((a, b) => a[0] - b[0]);
  const piece = (from: number, to: number): string => {
    let out = '';
    let at = from;
    for (const [start, end] of marks) {
      if (end <= from || start >= to) continue;
      const s = Math.max(start, from);
      const e = Math.min(end, to);
      out += escapeHtml(text.slice(at, s)) + `<span class="mock-link">${escapeHtml(text.slice(s, e))}</span>`;
      at = e;
    }
    return out + escapeHtml(text.slice(at, to));
  };
  if (fold === undefined || fold >= text.length) return piece(0, text.length);
  return `${piece(0, fold)}<details class="mock-fold"><summary>${escapeHtml(more)}</summary>${piece(fold, text.length)}</details>`;
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((w) => [...w][0]!.toUpperCase()).join('') || '?';
}

const safeColor = (color: string) => (/^#[0-9a-fA-F]{6}$/.test(color) ? color : '#4f46e5');

export function mockupHtml(input: MockupInput, strings: MockupStrings): string {
  const { network, account } = input;
  const name = NETWORK_RULES[network].name;
  const measure = measureCaption(input.text, network, input.limit ? { limit: input.limit } : {});
  const avatar = account.avatarUrl
    ? `<img class="mock-avatar" src="${escapeHtml(account.avatarUrl)}" alt="">`
    : `<span class="mock-avatar" style="background:${safeColor(account.color)}" aria-hidden="true">${escapeHtml(initials(account.name))}</span>`;
  const head = `<div class="mock-head">${avatar}<span class="mock-who"><strong class="mock-name">${escapeHtml(account.name)}</strong>${
    input.meta ? `<span class="mock-meta">${escapeHtml(input.meta)}</span>` : ''
  }</span><span class="mock-net" title="${escapeHtml(name)}">${networkIconSvg(network, 18)}</span></div>`;
  // Without a known shape, pictures take their own height; an empty frame is square.
  const ratio = input.ratio && Number.isFinite(input.ratio) && input.ratio > 0 ? Math.min(3, Math.max(1 / 3, input.ratio)) : null;
  const shape = ratio ? ` style="aspect-ratio:${ratio.toFixed(4)}"` : '';
  const count = input.images.length;
  // A carousel is a strip that scrolls sideways, one picture at a time, as on the networks.
  const media = count
    ? `<div class="mock-media${count > 1 ? ' mock-strip' : ''}"${shape}>${input.images
        .map((src, i) => `<img class="mock-slide" src="${escapeHtml(src)}" alt="${escapeHtml(count > 1 ? strings.picture(i + 1, count) : '')}" loading="lazy">`)
        .join('')}</div>${count > 1 ? `<p class="mock-count">${escapeHtml(strings.carousel(count))}</p>` : ''}`
    : `<div class="mock-media mock-empty" style="aspect-ratio:${(ratio ?? 1).toFixed(4)}"><span>${escapeHtml(strings.noPicture)}</span></div>`;
  const text = captionHtml(input.text, measure.foldAt, strings.more);
  const caption = PICTURE_FIRST.has(network)
    ? `<p class="mock-text"><strong>${escapeHtml(account.name)}</strong> ${text}</p>`
    : `<p class="mock-text">${text}</p>`;
  const body = PICTURE_FIRST.has(network) ? `${media}${caption}` : `${caption}${count || MEDIA_PLACEHOLDER_NETWORKS.has(network) ? media : ''}`;
  return `<div class="mock mock-${network}" role="figure" aria-label="${escapeHtml(strings.label(name))}">${head}${body}</div>`;
}

/** Networks whose post is a picture whatever the text: an empty frame shows what is missing. */
const MEDIA_PLACEHOLDER_NETWORKS: ReadonlySet<NetworkId> = new Set(['instagram', 'tiktok', 'pinterest', 'youtube']);

/** The mock-ups' stylesheet: self-contained, follows `prefers-color-scheme` or a `[data-theme]` root. */
export const MOCKUP_CSS = `
.mock{--mock-bg:#fff;--mock-text:#0f1419;--mock-muted:#536471;--mock-line:#e1e4ea;--mock-link:#1d63c9;
  background:var(--mock-bg);color:var(--mock-text);border:1px solid var(--mock-line);border-radius:12px;overflow:hidden;
  font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;max-width:420px;width:100%;box-sizing:border-box;text-align:start}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]) .mock{--mock-bg:#16181c;--mock-text:#e7e9ea;--mock-muted:#9aa4ae;--mock-line:#2f3336;--mock-link:#6ea8fe}}
:root[data-theme=dark] .mock{--mock-bg:#16181c;--mock-text:#e7e9ea;--mock-muted:#9aa4ae;--mock-line:#2f3336;--mock-link:#6ea8fe}
.mock *{box-sizing:border-box}
.mock-head{display:flex;align-items:center;gap:10px;padding:10px 12px}
.mock-avatar{width:36px;height:36px;border-radius:50%;flex:none;display:inline-flex;align-items:center;justify-content:center;color:#fff;font-weight:700;font-size:13px;object-fit:cover;background:#888}
.mock-who{display:flex;flex-direction:column;min-width:0;flex:1}
.mock-name{font-weight:700;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.mock-meta{color:var(--mock-muted);font-size:12px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.mock-net{color:var(--mock-muted);display:inline-flex}
.mock-text{margin:0;padding:4px 12px 12px;white-space:pre-wrap;overflow-wrap:anywhere}
.mock-instagram .mock-text,.mock-tiktok .mock-text,.mock-pinterest .mock-text{padding-top:10px}
.mock-link{color:var(--mock-link)}
.mock-fold{display:inline}.mock-fold>summary{display:inline;cursor:pointer;color:var(--mock-muted);list-style:none}
.mock-fold>summary::-webkit-details-marker{display:none}.mock-fold[open]>summary{display:none}
.mock-media{position:relative;background:var(--mock-line);overflow:hidden;display:flex}
.mock-slide{display:block;flex:0 0 100%;width:100%;height:100%;object-fit:cover}
.mock-strip{overflow-x:auto;scroll-snap-type:x mandatory;gap:2px}.mock-strip .mock-slide{scroll-snap-align:start}
.mock-empty{display:flex;align-items:center;justify-content:center;color:var(--mock-muted);font-size:13px;border-block:1px dashed var(--mock-muted)}
.mock-count{margin:0;padding:4px 12px 0;color:var(--mock-muted);font-size:12px}
@media print{.mock-fold>summary{display:none}.mock-fold::details-content{content-visibility:visible;display:contents}.mock-strip{flex-wrap:wrap;overflow:visible}}
.net-icon{flex:none;vertical-align:middle}
`;
