// The calendar's grids: month, week and agenda views of post cards. The month view can hold
// hundreds of cards, so cards and day cells are memoised, take only strings and stable callbacks,
// and drag-and-drop is handled once on the grid rather than per card or per day.
import { memo, useMemo, type DragEvent, type KeyboardEvent, type MouseEvent, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarClient, CalendarPost } from '../../../src-main/contract/api/calendar';
import { asUtcDate, monthGrid, sameMonth, weekDays } from './calendar-dates';
import type { CardText, Formats } from './formats';

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

const NO_POSTS: CalendarPost[] = [];

interface CardProps {
  post: CalendarPost;
  thumb: string | undefined;
  clientName: string;
  clientColor: string | undefined;
  formats: Formats;
  text: CardText;
  selected: boolean;
  onClick(event: MouseEvent<HTMLButtonElement>): void;
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

/** One post on the grid. Rendered hundreds of times: no hooks, strings come from the parent. */
const PostCard = memo(function PostCard({ post, thumb, clientName, clientColor, formats, text, selected, onClick }: CardProps) {
  const time = post.localTime ? formats.cardTime(post.localTime) : '';
  const status = `${time ? '' : `${text.unscheduled}, `}${text.status[post.status] ?? post.status}`;
  return (
    <button
      type="button"
      className={`post-card grid-card status-${post.status}${selected ? ' picked' : ''}${thumb ? ' with-thumb' : ''}`}
      draggable={post.status !== 'published'}
      data-post-id={post.id}
      aria-pressed={selected}
      // The accessible name starts with the visible text (time, title), as WCAG's label-in-name asks.
      aria-label={text.label({ title: post.title, client: clientName, time, status }).trim()}
      style={{ borderLeftColor: clientColor }}
      onClick={onClick}
    >
      {/* One line of inline content, no wrappers: the month view lays out hundreds of these. */}
      {thumb && <Thumb src={thumb} />}
      {time && <span className="post-time">{time}</span>}
      {/* A real space, so the visible text reads like the accessible name ("09:00 Title"). */}
      {time && ' '}
      {post.title}
    </button>
  );
});

export function Cards({ posts, ctx }: { posts: CalendarPost[]; ctx: GridContext }) {
  return posts.map((post) => {
    const client = ctx.clients.get(post.clientId);
    return (
      <PostCard
        key={post.id}
        post={post}
        thumb={ctx.thumbnails[post.id]}
        clientName={client?.name ?? ''}
        clientColor={client?.color}
        formats={ctx.formats}
        text={ctx.text}
        selected={ctx.picked.has(post.id)}
        onClick={ctx.onCardClick}
      />
    );
  });
}

const DayCell = memo(function DayCell({ date, outside, today, posts, ctx }: { date: string; outside: boolean; today: boolean; posts: CalendarPost[]; ctx: GridContext }) {
  return (
    <div role="gridcell" className={`day-cell${outside ? ' outside' : ''}${today ? ' today' : ''}`} data-date={date}>
      <span className="day-number" aria-hidden="true">
        {ctx.formats.day.format(asUtcDate(date))}
      </span>
      {/* The full date for screen readers, as text rather than a label that would hide the posts. */}
      <span className="visually-hidden">{ctx.text.day({ date: ctx.formats.date.format(asUtcDate(date)), count: posts.length })}</span>
      <div className="day-posts">
        <Cards posts={posts} ctx={ctx} />
      </div>
    </div>
  );
});

/** Card keys the grid handles itself: Ctrl/Cmd+Enter (or Space) picks, Shift+Enter picks a run. */
export type PickKey = 'toggle' | 'range';

/**
 * Drag-and-drop and picking for a whole grid: cards start drags, days (`data-date`) accept them,
 * and Enter or Space with Ctrl/Cmd or Shift on a focused card picks it rather than opening it.
 */
export function useGridEvents(onDrop: (postId: string, date: string) => void, onPickKey: (postId: string, mode: PickKey) => void) {
  return useMemo(
    () => ({
      onKeyDown(e: KeyboardEvent) {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        const mode: PickKey | null = e.ctrlKey || e.metaKey ? 'toggle' : e.shiftKey ? 'range' : null;
        const id = (e.target as Element).closest?.('[data-post-id]')?.getAttribute('data-post-id');
        if (!mode || !id) return;
        e.preventDefault(); // no click: the card is picked, not opened
        onPickKey(id, mode);
      },
      onDragStart(e: DragEvent) {
        const card = (e.target as Element).closest?.('[data-post-id]');
        const id = card?.getAttribute('data-post-id');
        if (!id) return;
        e.dataTransfer.setData(DRAG_TYPE, id);
        e.dataTransfer.effectAllowed = 'move';
      },
      onDragOver(e: DragEvent) {
        if (e.dataTransfer.types.includes(DRAG_TYPE) && (e.target as Element).closest?.('[data-date]')) e.preventDefault();
      },
      onDrop(e: DragEvent) {
        const date = (e.target as Element).closest?.('[data-date]')?.getAttribute('data-date');
        const id = e.dataTransfer.getData(DRAG_TYPE);
        if (id && date) {
          e.preventDefault();
          onDrop(id, date);
        }
      },
    }),
    [onDrop, onPickKey],
  );
}
export type GridEvents = ReturnType<typeof useGridEvents>;

interface GridProps {
  anchor: string;
  firstDay: number;
  byDay: Map<string, CalendarPost[]>;
  today: string;
  ctx: GridContext;
  events: GridEvents;
}

function WeekdayHeader({ days, formats }: { days: string[]; formats: Formats }) {
  return (
    <div role="row" className="weekday-row">
      {days.map((d) => (
        <div role="columnheader" key={d} className="weekday" aria-label={formats.weekdayLong.format(asUtcDate(d))}>
          {formats.weekday.format(asUtcDate(d))}
        </div>
      ))}
    </div>
  );
}

export function MonthView({ anchor, firstDay, byDay, today, ctx, events }: GridProps) {
  const weeks = monthGrid(anchor, firstDay);
  return (
    <div role="grid" className="month-grid" aria-label={ctx.formats.month.format(asUtcDate(anchor))} {...events}>
      <WeekdayHeader days={weeks[0]!} formats={ctx.formats} />
      {/* Keyed by position: moving to another month reuses the rows and cells instead of rebuilding them. */}
      {weeks.map((week, w) => (
        <div role="row" className="week-row" key={w}>
          {week.map((date, d) => (
            <DayCell key={d} date={date} outside={!sameMonth(date, anchor)} today={date === today} posts={byDay.get(date) ?? NO_POSTS} ctx={ctx} />
          ))}
        </div>
      ))}
    </div>
  );
}

export function WeekView({ anchor, firstDay, byDay, today, ctx, events }: GridProps) {
  const days = weekDays(anchor, firstDay);
  return (
    <div role="grid" className="month-grid week-grid" {...events}>
      <WeekdayHeader days={days} formats={ctx.formats} />
      <div role="row" className="week-row">
        {days.map((date, d) => (
          <DayCell key={d} date={date} outside={false} today={date === today} posts={byDay.get(date) ?? NO_POSTS} ctx={ctx} />
        ))}
      </div>
    </div>
  );
}

export function AgendaView({ byDay, ctx, events }: Pick<GridProps, 'byDay' | 'ctx' | 'events'>) {
  const { t } = useTranslation();
  const days = [...byDay.keys()].sort();
  if (days.length === 0) return <p className="empty-state">{t('calendar.agenda.empty')}</p>;
  return (
    <ol className="agenda" onDragStart={events.onDragStart} onKeyDown={events.onKeyDown}>
      {days.map((d) => (
        <li key={d}>
          <h2 className="agenda-day">{ctx.formats.date.format(asUtcDate(d))}</h2>
          <div className="agenda-posts">
            <Cards posts={byDay.get(d)!} ctx={ctx} />
          </div>
        </li>
      ))}
    </ol>
  );
}
