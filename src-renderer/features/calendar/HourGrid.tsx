// The week and day views: an hour grid of 15-minute rows, one column per day. Posts sit at their
// time in the client's wall clock (side by side when they overlap); the grid opens scrolled to the
// period's first post or 08:00; today's column is marked and a line shows the time now; the hour
// labels and day headers stay in view while it scrolls. Empty slots are buttons (one of them in the
// tab order, the arrows move between them): a click or Enter starts a new post at that time (the
// grid's events, useGridEvents, handle both).
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridPost } from '../../../src-main/contract/api/calendar';
import { asUtcDate, nowIn } from './calendar-dates';
import { NO_POSTS, useCursor, type GridEvents } from './CalendarGrid';
import { CARD_MINUTES, firstSlot, isCursorKey, layoutHours, minuteOfDay, ROW_PX, SLOT_MINUTES, SLOTS_PER_DAY, stepSlot, timeOfMinute, type MoreChip } from './hour-grid';
import { Cards, type GridContext } from './PostCard';

/** The wall-clock time now in a zone, refreshed every minute (for today's column and the now-line). */
function useNow(zone: string | undefined): string {
  const [now, setNow] = useState(() => nowIn(zone));
  useEffect(() => {
    setNow(nowIn(zone));
    const timer = setInterval(() => setNow(nowIn(zone)), 30_000);
    return () => clearInterval(timer);
  }, [zone]);
  return now;
}

/**
 * In the week view, at most this many posts side by side in a day (the third column holds "+N"):
 * a week's day is about 150 px wide, and a narrower card shows nothing readable.
 */
const WEEK_MAX_COLUMNS = 3;

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const SLOTS = Array.from({ length: SLOTS_PER_DAY }, (_, s) => s);

/** The 96 empty-slot buttons of a day, named by time ("New post at 09:30"); only the cursor's is tabbable. */
const Slots = memo(function Slots({ cursor, names }: { cursor: number; names: readonly string[] }) {
  return (
    <div className="hour-slots">
      {SLOTS.map((s) => (
        <button key={s} type="button" className="slot" data-slot={s} tabIndex={s === cursor ? 0 : -1} data-cursor={s === cursor || undefined} aria-label={names[s]} />
      ))}
    </div>
  );
});

interface ColumnProps {
  date: string;
  posts: GridPost[];
  today: boolean;
  /** Minutes since midnight now, on today's column (else -1). */
  nowMinute: number;
  /** The keyboard cursor's slot in this column (else -1). */
  cursor: number;
  slotNames: readonly string[];
  ctx: GridContext;
  /** Side-by-side columns at most (the last for "+N" chips); the day view has no limit. */
  maxCols: number;
  /** Posts shown as cards even in a crowd (focused, just moved, picked): see layoutHours. */
  keep: ReadonlySet<string>;
  onOpenDay: ((date: string) => void) | undefined;
}

/** Posts that did not fit beside the others: "+3", named with the time, opening the day. */
function MoreButton({ chip, date, ctx, onOpenDay }: { chip: MoreChip; date: string; ctx: GridContext; onOpenDay(date: string): void }) {
  const time = ctx.formats.cardTime(`${date}T${timeOfMinute(chip.minute)}`);
  return (
    <button
      type="button"
      className="hour-more"
      data-more={chip.ids.length}
      aria-label={ctx.text.more({ count: chip.ids.length, time })}
      title={ctx.text.more({ count: chip.ids.length, time })}
      style={{ top: (chip.minute / SLOT_MINUTES) * ROW_PX, left: `${(chip.col * 100) / chip.cols}%`, width: `calc(${100 / chip.cols}% - 2px)` }}
      onClick={() => onOpenDay(date)}
    >
      {ctx.text.moreShort({ count: chip.ids.length })}
    </button>
  );
}

const HourColumn = memo(function HourColumn({ date, posts, today, nowMinute, cursor, slotNames, ctx, maxCols, keep, onOpenDay }: ColumnProps) {
  const { places, more, shown } = useMemo(() => {
    const layout = layoutHours(posts, onOpenDay ? maxCols : Infinity, CARD_MINUTES, keep);
    const hidden = new Set(layout.more.flatMap((chip) => chip.ids));
    return { ...layout, shown: hidden.size > 0 ? posts.filter((p) => !hidden.has(p.id)) : posts };
  }, [posts, maxCols, keep, onOpenDay]);
  return (
    <div role="group" className={`hour-day${today ? ' today' : ''}`} data-date={date} data-hours="" aria-label={ctx.text.day({ date: ctx.formats.date.format(asUtcDate(date)), count: posts.length })}>
      <Slots cursor={cursor} names={slotNames} />
      <Cards posts={shown} ctx={ctx} places={places} />
      {onOpenDay && more.map((chip) => <MoreButton key={chip.ids[0]} chip={chip} date={date} ctx={ctx} onOpenDay={onOpenDay} />)}
      {nowMinute >= 0 && <div className="now-line" aria-hidden="true" style={{ top: (nowMinute / SLOT_MINUTES) * ROW_PX }} />}
      <div className="drop-indicator" aria-hidden="true" />
    </div>
  );
});

export interface HourGridProps {
  days: string[];
  byDay: Map<string, GridPost[]>;
  /** The zone "today" and "now" are in: the client's, or the system's for all clients. */
  zone: string | undefined;
  ctx: GridContext;
  events: GridEvents;
  /** Which period this is (calendar-store's periodKey) and whether its posts have arrived. */
  period: string;
  ready: boolean;
  /** The post moved last (dropped, or moved with the keyboard): it stays a card in a crowd. */
  moved?: string | null;
  /** In the week view, a day's header opens that day. */
  onOpenDay?(date: string): void;
}

export function HourGrid({ days, byDay, zone, ctx, events, period, ready, moved = null, onOpenDay }: HourGridProps) {
  const { t } = useTranslation();
  const now = useNow(zone);
  const today = now.slice(0, 10);
  const start = firstSlot(days, byDay);
  const todayIndex = days.indexOf(today);
  const { cell, root, moveTo } = useCursor(period, Math.max(0, todayIndex) * SLOTS_PER_DAY + start);
  const slotNames = useMemo(() => SLOTS.map((s) => t('calendar.hours.newAt', { time: ctx.formats.time.format(Date.UTC(2000, 0, 1, 0, s * SLOT_MINUTES)) })), [t, ctx.formats]);

  // Opens scrolled to the first post (half an hour above it) or 08:00, once per period: moving a
  // post afterwards does not move the view under the user's hands.
  const scrolledFor = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!ready || scrolledFor.current === period || !root.current) return;
    scrolledFor.current = period;
    root.current.scrollTop = Math.max(0, (start - 2) * ROW_PX);
  }, [ready, period, start, root]);

  // The card that has the focus, or had it last: a card moved with Alt+arrows into a crowded time
  // must stay a card (not go behind "+N"), or the focus would fall off the grid. It is not forgotten
  // on blur, since a card that moves to another day is mounted again and loses the focus for a moment.
  const [focusedCard, setFocusedCard] = useState<string | null>(null);
  const keep = useMemo(() => new Set([focusedCard, moved, ...ctx.picked].filter((id): id is string => id !== null)), [focusedCard, moved, ctx.picked]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    events.onKeyDown(e);
    const slot = (e.target as HTMLElement).dataset.slot;
    if (e.defaultPrevented || slot === undefined || !isCursorKey(e.key) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    moveTo(stepSlot(cell, e.key, days.length), true);
  };
  // A slot reached by Tab or a click becomes the cursor, so the arrows go on from there.
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const slot = e.target.dataset.slot;
    const postId = e.target.dataset.postId;
    if (postId !== undefined || slot !== undefined) setFocusedCard(postId ?? null);
    const date = e.target.closest<HTMLElement>('[data-date]')?.dataset.date;
    if (slot !== undefined && date) moveTo(days.indexOf(date) * SLOTS_PER_DAY + Number(slot), false);
  };

  const style = { '--row': `${ROW_PX}px`, '--days': days.length } as CSSProperties;
  return (
    <div ref={root} className={`hour-grid ${days.length === 1 ? 'hour-grid-day' : 'hour-grid-week'}`} style={style} aria-busy={!ready} {...events} onKeyDown={onKeyDown} onFocus={onFocus}>
      <div className="hour-corner" />
      {days.map((d) => {
        const label = days.length === 1 ? ctx.formats.date.format(asUtcDate(d)) : `${ctx.formats.weekday.format(asUtcDate(d))} ${ctx.formats.day.format(asUtcDate(d))}`;
        return (
          <div key={d} className={`hour-head${d === today ? ' today' : ''}`} data-day={d}>
            {onOpenDay ? (
              <button type="button" className="hour-head-button" title={t('calendar.hours.openDay', { date: ctx.formats.date.format(asUtcDate(d)) })} onClick={() => onOpenDay(d)}>
                {label}
              </button>
            ) : (
              <span>{label}</span>
            )}
          </div>
        );
      })}
      <div className="hour-labels" aria-hidden="true">
        {HOURS.map((h) => (
          <span key={h} style={{ top: h * (60 / SLOT_MINUTES) * ROW_PX }}>
            {h === 0 ? '' : ctx.formats.hour.format(Date.UTC(2000, 0, 1, h))}
          </span>
        ))}
      </div>
      {days.map((date, i) => (
        <HourColumn
          key={i}
          date={date}
          posts={byDay.get(date) ?? NO_POSTS}
          today={date === today}
          nowMinute={date === today ? minuteOfDay(now) : -1}
          cursor={Math.floor(cell / SLOTS_PER_DAY) === i ? cell % SLOTS_PER_DAY : -1}
          slotNames={slotNames}
          ctx={ctx}
          maxCols={WEEK_MAX_COLUMNS}
          keep={keep}
          onOpenDay={onOpenDay}
        />
      ))}
    </div>
  );
}
