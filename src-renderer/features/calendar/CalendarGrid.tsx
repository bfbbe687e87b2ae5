// The calendar's grids: the month and agenda views here, the week and day views in HourGrid. The
// month view can hold hundreds of cards, so cards and day cells are memoised, take only strings and
// stable callbacks, and drag-and-drop, clicks and keys are handled once on the grid rather than per
// card or per day.
import { memo, useEffect, useMemo, useRef, useState, type DragEvent, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridPost } from '../../../src-main/contract/api/calendar';
import { asUtcDate, monthGrid, sameMonth } from './calendar-dates';
import type { MoveTarget } from './calendar-store';
import type { Formats } from './formats';
import { isCursorKey, slotAt, slotTime, stepDay, SLOT_MINUTES } from './hour-grid';
import { Cards, DRAG_TYPE, type GridContext } from './PostCard';

export { DRAG_TYPE, type GridContext } from './PostCard';

export const NO_POSTS: GridPost[] = [];

/** Card keys the grid handles itself: Ctrl/Cmd+Enter (or Space) picks, Shift+Enter picks a run. */
export type PickKey = 'toggle' | 'range';

/** A keyboard move of a card: Alt+↑/↓ by 15 minutes, Alt+←/→ by a day. */
export interface KeyStep {
  days: number;
  minutes: number;
}

const KEY_STEPS: Record<string, KeyStep> = {
  ArrowUp: { days: 0, minutes: -SLOT_MINUTES },
  ArrowDown: { days: 0, minutes: SLOT_MINUTES },
  ArrowLeft: { days: -1, minutes: 0 },
  ArrowRight: { days: 1, minutes: 0 },
};

export interface GridHandlers {
  /** A card (or a draft from the side) was dropped on a day (month) or a 15-minute slot (hour grid). */
  onDrop(postId: string, target: MoveTarget): void;
  onPickKey(postId: string, mode: PickKey): void;
  onMoveKey(postId: string, step: KeyStep): void;
  /** An empty day or slot was clicked, or Enter was pressed on it: a new post there. */
  onEmpty(date: string, time?: string): void;
  /** A card was double-clicked: edit its post in the composer. */
  onEdit(postId: string): void;
  /** The time a slot starts at, as the drop indicator shows it. */
  slotLabel(slot: number): string;
}

/** The hour grid's day columns carry `data-hours`; the slot under the pointer comes from its height. */
function slotUnder(event: DragEvent, column: Element): number {
  return slotAt(event.clientY - column.getBoundingClientRect().top);
}

/**
 * Drag-and-drop, clicks on empty days or slots, and card keys for a whole grid: cards start drags,
 * days (`data-date`) accept them, Enter or Space with Ctrl/Cmd or Shift on a focused card picks it
 * rather than opening it, and Alt+arrows move it.
 */
export function useGridEvents(handlers: GridHandlers) {
  const { onDrop, onPickKey, onMoveKey, onEmpty, onEdit, slotLabel } = handlers;
  return useMemo(() => {
    // The column showing where a drop would land (one at a time).
    let shown: HTMLElement | null = null;
    const hideDrop = () => {
      shown?.classList.remove('dropping');
      shown = null;
    };
    const showDrop = (column: HTMLElement, slot: number) => {
      if (shown !== column) hideDrop();
      shown = column;
      const indicator = column.querySelector<HTMLElement>('.drop-indicator');
      if (indicator && indicator.dataset.slot !== String(slot)) {
        indicator.dataset.slot = String(slot);
        indicator.dataset.time = slotLabel(slot);
        indicator.style.setProperty('--slot', String(slot));
      }
      column.classList.add('dropping');
    };
    return {
      onKeyDown(e: KeyboardEvent) {
        const id = (e.target as Element).closest?.('[data-post-id]')?.getAttribute('data-post-id');
        if (!id) return;
        if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && KEY_STEPS[e.key]) {
          e.preventDefault();
          onMoveKey(id, KEY_STEPS[e.key]!);
          return;
        }
        if (e.key !== 'Enter' && e.key !== ' ') return;
        const mode: PickKey | null = e.ctrlKey || e.metaKey ? 'toggle' : e.shiftKey ? 'range' : null;
        if (!mode) return;
        e.preventDefault(); // no click: the card is picked, not opened
        onPickKey(id, mode);
      },
      onClick(e: MouseEvent) {
        const target = e.target as Element;
        if (target.closest?.('[data-post-id]')) return;
        const day = target.closest?.('[data-date]');
        const date = day?.getAttribute('data-date');
        if (!day || !date) return;
        const slot = target.closest('[data-slot]')?.getAttribute('data-slot');
        if (slot !== undefined && slot !== null) onEmpty(date, slotTime(Number(slot)));
        else if (!day.hasAttribute('data-hours')) onEmpty(date);
      },
      onDoubleClick(e: MouseEvent) {
        const id = (e.target as Element).closest?.('[data-post-id]')?.getAttribute('data-post-id');
        if (id) onEdit(id);
      },
      onDragStart(e: DragEvent) {
        const card = (e.target as Element).closest?.('[data-post-id]');
        const id = card?.getAttribute('data-post-id');
        if (!id) return;
        e.dataTransfer.setData(DRAG_TYPE, id);
        e.dataTransfer.effectAllowed = 'move';
      },
      onDragOver(e: DragEvent) {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        const day = (e.target as Element).closest?.<HTMLElement>('[data-date]');
        if (!day) return hideDrop();
        e.preventDefault();
        if (day.hasAttribute('data-hours')) showDrop(day, slotUnder(e, day));
      },
      onDragLeave(e: DragEvent) {
        if (shown && !shown.contains(e.relatedTarget as Node | null)) hideDrop();
      },
      onDragEnd: hideDrop,
      onDrop(e: DragEvent) {
        hideDrop();
        const day = (e.target as Element).closest?.('[data-date]');
        const date = day?.getAttribute('data-date');
        const id = e.dataTransfer.getData(DRAG_TYPE);
        if (!id || !day || !date) return;
        e.preventDefault();
        onDrop(id, day.hasAttribute('data-hours') ? { at: `${date}T${slotTime(slotUnder(e, day))}` } : { date });
      },
    };
  }, [onDrop, onPickKey, onMoveKey, onEmpty, onEdit, slotLabel]);
}
export type GridEvents = ReturnType<typeof useGridEvents>;

/**
 * A roving keyboard cursor over a grid's empty cells: one cell is in the tab order (`data-cursor`),
 * the arrows move it, and it starts again at `initial` when the period changes.
 */
export function useCursor(period: string, initial: number) {
  // No period yet: the cursor follows `initial` (which can change as posts arrive) until it is moved.
  const [state, setState] = useState({ period: '', cell: 0, focus: false });
  const root = useRef<HTMLDivElement>(null);
  const cell = state.period === period ? state.cell : initial;
  useEffect(() => {
    if (state.focus && state.period === period) root.current?.querySelector<HTMLElement>('[data-cursor]')?.focus();
  }, [state, period]);
  return {
    cell,
    root,
    /** Puts the cursor on a cell; `focus` moves the keyboard focus there too. */
    moveTo: (next: number, focus: boolean) => setState((s) => (s.period === period && s.cell === next && s.focus === focus ? s : { period, cell: next, focus })),
  };
}

export interface GridProps {
  anchor: string;
  firstDay: number;
  byDay: Map<string, GridPost[]>;
  today: string;
  ctx: GridContext;
  events: GridEvents;
  onEmpty(date: string, time?: string): void;
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

const DayCell = memo(function DayCell({ date, outside, today, cursor, posts, ctx }: { date: string; outside: boolean; today: boolean; cursor: boolean; posts: GridPost[]; ctx: GridContext }) {
  return (
    <div role="gridcell" className={`day-cell${outside ? ' outside' : ''}${today ? ' today' : ''}`} data-date={date} tabIndex={cursor ? 0 : -1} data-cursor={cursor || undefined}>
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

export function MonthView({ anchor, firstDay, byDay, today, ctx, events, onEmpty }: GridProps) {
  const weeks = monthGrid(anchor, firstDay);
  const days = useMemo(() => weeks.flat(), [weeks]);
  // The keyboard starts on today when it is in this month, else on the 1st.
  const start = days.indexOf(sameMonth(today, anchor) ? today : `${anchor.slice(0, 7)}-01`);
  const { cell, root, moveTo } = useCursor(`${anchor.slice(0, 7)}/${firstDay}`, Math.max(0, start));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    events.onKeyDown(e);
    const target = e.target as HTMLElement;
    if (e.defaultPrevented || !target.classList.contains('day-cell') || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const index = days.indexOf(target.dataset.date!);
    if (isCursorKey(e.key)) moveTo(stepDay(index, e.key, days.length), true);
    else if (e.key === 'Enter' || e.key === ' ') onEmpty(days[index]!);
    else return;
    e.preventDefault();
  };
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    if (e.target.classList.contains('day-cell')) moveTo(days.indexOf(e.target.dataset.date!), false);
  };
  return (
    <div ref={root} role="grid" className="month-grid" aria-label={ctx.formats.month.format(asUtcDate(anchor))} {...events} onKeyDown={onKeyDown} onFocus={onFocus}>
      <WeekdayHeader days={weeks[0]!} formats={ctx.formats} />
      {/* Keyed by position: moving to another month reuses the rows and cells instead of rebuilding them. */}
      {weeks.map((week, w) => (
        <div role="row" className="week-row" key={w}>
          {week.map((date, d) => (
            <DayCell key={d} date={date} outside={!sameMonth(date, anchor)} today={date === today} cursor={w * 7 + d === cell} posts={byDay.get(date) ?? NO_POSTS} ctx={ctx} />
          ))}
        </div>
      ))}
    </div>
  );
}

export function AgendaView({ byDay, ctx, events }: Pick<GridProps, 'byDay' | 'ctx' | 'events'>) {
  const { t } = useTranslation();
  const days = [...byDay.keys()].sort();
  if (days.length === 0) return <p className="empty-state">{t('calendar.agenda.empty')}</p>;
  return (
    <ol className="agenda" onDragStart={events.onDragStart} onKeyDown={events.onKeyDown} onDoubleClick={events.onDoubleClick}>
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
