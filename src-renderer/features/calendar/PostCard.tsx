// A post on the calendar's grids: time, title, status (a coloured dot and the word), the networks'
// icons (network-marks.ts) and a thumbnail of its design. Each view lays the same card out its own
// way (calendar.css): stacked in a month cell, three short lines at its time on the hour grid, one
// line in the agenda. Grids can hold hundreds of cards, so a card has no hooks and takes only
// strings, numbers and stable callbacks.
import { memo, type CSSProperties, type MouseEvent, type SyntheticEvent } from 'react';
import type { CalendarClient, CalendarPost, GridPost } from '../../../src-main/contract/api/calendar';
import type { NetworkId } from '../../../src-main/core/domain/posts';
import { NETWORK_LABELS } from '../../../src-main/core/packs/preview-strings';
import type { CardText, Formats } from './formats';
import { ROW_PX, SLOT_MINUTES, type CardPlace } from './hour-grid';
import { installNetworkMarks } from './network-marks';

installNetworkMarks();

export const DRAG_TYPE = 'application/x-atelier-post';

/** What every card needs, gathered once per render of the grid. */
export interface GridContext {
  formats: Formats;
  text: CardText;
  clients: Map<string, CalendarClient>;
  /** Post id → its design's thumbnail URL path. */
  thumbnails: Record<string, string>;
  /** Posts picked for a bulk shift: their cards show pressed. */
  picked: ReadonlySet<string>;
  /** A card was clicked; its post id is in `event.currentTarget.dataset.postId`. */
  onCardClick(event: MouseEvent<HTMLButtonElement>): void;
}

/** A thumbnail that could not load leaves the plain tile behind. */
function forgetSource(event: SyntheticEvent<HTMLImageElement>) {
  event.currentTarget.removeAttribute('src');
}

/**
 * The post's design, small: lazy, decoded off the main thread, with a fixed size so nothing moves
 * when it arrives. Without a design, a plain tile. Decorative either way (the card's name says it all).
 */
export function Thumb({ src }: { src: string | undefined }) {
  if (!src) return <span className="post-thumb" aria-hidden="true" />;
  return <img className="post-thumb" src={src} alt="" width={18} height={18} loading="lazy" decoding="async" draggable={false} onError={forgetSource} />;
}

/** The networks a whole post goes to, once each, in the order of its variants (a card has them as `networks`). */
export function postNetworks(post: Pick<CalendarPost, 'variants'>): NetworkId[] {
  return [...new Set(post.variants.map((v) => v.network))];
}

/**
 * Each client's colour on the edge of its cards, as one rule per client (ClientColors) rather than a
 * style attribute on each card: Chromium computes the style of hundreds of cards that match the same
 * rules once and shares it, which an inline style on each one prevents (a third of a month switch).
 */
export function clientColorRules(clients: Iterable<Pick<CalendarClient, 'id' | 'color'>>): string {
  let rules = '';
  for (const c of clients) if (/^[A-Za-z0-9_-]+$/.test(c.id) && /^#[0-9a-fA-F]{3,8}$/.test(c.color)) rules += `.calendar-main .grid-card[data-client="${c.id}"]{border-left-color:${c.color}}\n`;
  return rules;
}

export const ClientColors = memo(function ClientColors({ clients }: { clients: readonly Pick<CalendarClient, 'id' | 'color'>[] }) {
  return <style data-atelier="client-colors">{clientColorRules(clients)}</style>;
});

/**
 * Whether the browser places hour-grid cards from their `data-minute`, `data-col` and `data-cols`
 * (typed attr(), Chromium 133+; the rule is in calendar.css). A style attribute on each card would
 * keep Chromium from sharing one computed style among the cards, and computing each card's own was
 * a third of a week switch. Elsewhere (other browsers, tests) each card carries its place as a style.
 */
const PLACED_BY_ATTRIBUTES = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('top', 'calc(attr(data-minute type(<number>), 0) * 1px)');

interface CardProps {
  post: GridPost;
  thumb: string | undefined;
  clientName: string;
  formats: Formats;
  text: CardText;
  selected: boolean;
  onClick(event: MouseEvent<HTMLButtonElement>): void;
  /** On the hour grid: minutes since midnight and the card's share of the day's width. */
  minute?: number;
  col?: number;
  cols?: number;
}

const PostCard = memo(function PostCard({ post, thumb, clientName, formats, text, selected, onClick, minute, col = 0, cols = 1 }: CardProps) {
  const time = post.localTime ? formats.cardTime(post.localTime) : '';
  const statusWord = text.status[post.status] ?? post.status;
  const networks = post.networks;
  const placed = minute !== undefined;
  // No card carries a style of its own where the browser can place it from its data attributes
  // (calendar.css); its colour is its client's rule.
  const style: CSSProperties | undefined = placed && !PLACED_BY_ATTRIBUTES ? { top: (minute / SLOT_MINUTES) * ROW_PX, left: `${(col * 100) / cols}%`, width: `calc(${100 / cols}% - 2px)` } : undefined;
  const label = text.label({ title: post.title, client: clientName, time, status: statusWord }).trim();
  return (
    <button
      type="button"
      className={`post-card grid-card status-${post.status}${selected ? ' picked' : ''}${thumb ? ' with-thumb' : ''}${placed ? ` hour-card${cols > 1 ? ' shared' : ''}` : ''}`}
      draggable={post.status !== 'published'}
      data-post-id={post.id}
      data-client={post.clientId}
      data-minute={placed ? minute : undefined}
      data-col={placed ? col : undefined}
      data-cols={placed ? cols : undefined}
      aria-pressed={selected}
      // The accessible name starts with the visible text (time, title, status), as WCAG's
      // label-in-name asks, then says whose post it is and where it goes.
      aria-label={networks.length ? `${label}, ${networks.map((n) => NETWORK_LABELS[n] ?? n).join(', ')}` : label}
      style={style}
      onClick={onClick}
    >
      {thumb && <Thumb src={thumb} />}
      {/* Real spaces, so the visible text reads like the accessible name ("09:00 Title Scheduled"): at
          the end of the time and of the title (one text node each, where a line ends anyway), not
          as text nodes of their own, which were a thousand more nodes to build and lay out a month. */}
      {time && <span className="post-time">{`${time} `}</span>}
      <span className="post-title">{`${post.title} `}</span>
      {/* Before the status: in a month cell the icons float at the right of the status line. */}
      {networks.length > 0 && (
        <span className="post-nets" aria-hidden="true">
          {networks.map((n) => (
            <span key={n} className="net-mark" data-network={n} />
          ))}
        </span>
      )}
      <span className="post-status">{statusWord}</span>
    </button>
  );
});

/** Cards for a list of posts; on the hour grid, `places` puts each at its time and column. */
export function Cards({ posts, ctx, places }: { posts: GridPost[]; ctx: GridContext; places?: ReadonlyMap<string, CardPlace> }) {
  return posts.map((post) => {
    const client = ctx.clients.get(post.clientId);
    const place = places?.get(post.id);
    return (
      <PostCard
        key={post.id}
        post={post}
        thumb={ctx.thumbnails[post.id]}
        clientName={client?.name ?? ''}
        formats={ctx.formats}
        text={ctx.text}
        selected={ctx.picked.has(post.id)}
        onClick={ctx.onCardClick}
        minute={place?.minute}
        col={place?.col}
        cols={place?.cols}
      />
    );
  });
}
