// The Calendar screen: day, week, month and agenda views per client (in the client's wall clock) or
// for all clients with their colours; unscheduled drafts to drag onto days or times; filters;
// workflow actions; queue slots; the "Due now" panel; undo/redo (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z);
// picking several posts (Ctrl/Cmd-click, Shift-click, Esc clears) to shift them together; moving a
// focused card with Alt+arrows; an empty day or slot starts a new post in the composer.
// The parts live beside it: CalendarHeader (toolbar, filters, warnings), CalendarGrid (month,
// agenda, the grids' events), HourGrid (week and day), PostCard, CalendarSide (drafts, details),
// DuePanel (due posts, queue slots), SelectionBar (bulk shift), ExchangePanel (ICS/CSV).
import { memo, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { GridPost } from '../../../src-main/contract/api/calendar';
import { useRefreshFailed } from '../../app/failure-toast';
import { errorMessage } from '../../app/errors';
import { translateMessage } from '../../app/messages';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { isTyping, matches as matchesKey } from '../../app/shortcuts';
import { undoToast } from '../../ui/undo-toast';
import { calendarFirstDay } from '../../app/week';
import { addMinutes, asUtcDate, daysBetween, gridDays, inView, stepAnchor, todayIn, viewRange, type CalendarView } from './calendar-dates';
import { createCalendarStore, followChanges, matches, periodKey, type CalendarState, type CalendarStore, type MoveTarget } from './calendar-store';
import { AgendaView, MonthView, useGridEvents, type GridContext, type KeyStep, type PickKey } from './CalendarGrid';
import { minuteOfDay } from './hour-grid';
import { HourGrid } from './HourGrid';
import { Filters, Toolbar, Warnings } from './CalendarHeader';
import { Details, Drafts, type Run } from './CalendarSide';
import { DuePanel, QueueEditor } from './DuePanel';
import { ExchangePanel } from './ExchangePanel';
import { cardText, useFormats } from './formats';
import { ClientColors } from './PostCard';
import { SelectionBar } from './SelectionBar';
import './calendar.css';

// The toolbar and side panels read what they show from the store themselves: a new period's posts
// do not render them again (the screen renders on every change of the store).
const ToolbarPart = memo(Toolbar);
const FiltersPart = memo(Filters);
const SelectionPart = memo(SelectionBar);
const DuePart = memo(DuePanel);
const QueuePart = memo(QueueEditor);
const ExchangePart = memo(ExchangePanel);

export function CalendarScreen({ store: given }: { store?: CalendarStore }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const clientId = useApp((s) => s.clientId);
  const toast = useApp((s) => s.toast);
  const refreshFailed = useRefreshFailed();
  const firstDay = calendarFirstDay(i18n.language);
  // The app gives the store it keeps for the session (so the view and period survive a visit to
  // another screen); on its own the screen makes one. The week's first day follows the language.
  const [own] = useState(() => (given ? null : createCalendarStore(host, { firstDay })));
  const store = given ?? own!;
  const s = useStore(store);
  const formats = useFormats(i18n.language);

  useEffect(() => {
    store.getState().configure({ clientId, firstDay });
    void store.getState().loadPeriod().catch((error) => toast({ message: errorMessage(t, error), tone: 'error' }));
  }, [store, clientId, firstDay, s.view, s.anchor, toast, t]);
  useEffect(() => {
    if (s.selectedId) void store.getState().loadOpenPost().catch((error) => toast({ message: errorMessage(t, error), tone: 'error' }));
  }, [store, s.selectedId, toast, t]);
  useEffect(() => {
    void store.getState().loadDue().catch(refreshFailed);
    return followChanges(host, store, refreshFailed);
  }, [host, store, refreshFailed]);
  // A post opened from the command palette: its period, with its details open.
  const pendingPost = useApp((a) => (a.pending?.kind === 'post' ? a.pending.id : null));
  useEffect(() => {
    if (!pendingPost || !useApp.getState().takePending('post')) return;
    host
      .invoke('posts.get', { id: pendingPost })
      .then((post) => store.getState().configure({ ...(post.localTime ? { anchor: post.localTime.slice(0, 10) } : {}), selectedId: post.id }))
      .catch((error) => toast({ message: errorMessage(t, error), tone: 'error' }));
  }, [pendingPost, host, store, toast, t]);

  const run: Run = useCallback(
    async (work, success) => {
      try {
        const result = await work();
        const message = success?.(result);
        if (message) toast({ message, tone: 'info' });
        return result;
      } catch (error) {
        toast({ message: errorMessage(t, error), tone: 'error' });
        return undefined;
      }
    },
    [toast, t],
  );
  const undo = useCallback(
    () => run(() => store.getState().undo(), (label) => (label ? t('calendar.toast.undone', { label: translateMessage(t, i18n.language, label) }) : null)),
    [run, store, t, i18n.language],
  );
  const redo = useCallback(
    () => run(() => store.getState().redo(), (label) => (label ? t('calendar.toast.redone', { label: translateMessage(t, i18n.language, label) }) : null)),
    [run, store, t, i18n.language],
  );
  const timeLabel = useCallback((post: Pick<GridPost, 'localTime'>) => (post.localTime ? formats.dateTime.format(asUtcDate(post.localTime)) : t('calendar.details.unscheduled')), [formats, t]);
  const movedText = useCallback((post: Pick<GridPost, 'title' | 'localTime'>) => t('calendar.toast.moved', { title: post.title, time: timeLabel(post) }), [t, timeLabel]);
  // The post moved last stays a card on a crowded week day (HourGrid), so it is seen where it went;
  // set before the move, so no render hides it in between.
  const [movedId, setMovedId] = useState<string | null>(null);
  /** One post to another day (same time of day) or to a time; the toast offers Undo. */
  const move = useCallback(
    async (id: string, target: MoveTarget) => {
      setMovedId(id);
      const post = await run(() => store.getState().move(id, target));
      if (post) undoToast(movedText(post), t('calendar.toast.undoAction'), undo);
      return post;
    },
    [run, store, t, undo, movedText],
  );

  const shift = useCallback(
    async (days: number, minutes = 0) => {
      const count = await run(() => store.getState().shiftPicked(days, minutes));
      if (count) undoToast(minutes ? t('calendar.toast.shiftedTime', { count, days, minutes }) : t('calendar.toast.shifted', { count, days }), t('calendar.toast.undoAction'), undo);
      return count;
    },
    [run, store, t, undo],
  );

  const shiftDays = useCallback((days: number) => void shift(days), [shift]);

  // What a keyboard move did, for screen readers (the card itself keeps the focus).
  const [announcement, setAnnouncement] = useState('');
  const keyMoves = useRef<Promise<unknown>>(Promise.resolve());
  const onMoveKey = useCallback(
    (id: string, step: KeyStep) => {
      // One after another: holding Alt+↓ moves the post on from where the last move left it.
      keyMoves.current = keyMoves.current.then(async () => {
        const state = store.getState();
        const post = state.posts.find((p) => p.id === id);
        if (!post?.localTime) return;
        if (post.status === 'published') return setAnnouncement(t('calendar.keys.published', { title: post.title }));
        let moved: Pick<GridPost, 'title' | 'localTime'> | undefined;
        setMovedId(id);
        if (state.picked.has(id) && state.picked.size > 1) {
          const count = await shift(step.days, step.minutes);
          moved = count ? store.getState().posts.find((p) => p.id === id) : undefined;
          if (moved) setAnnouncement(t('calendar.keys.movedMany', { count, title: moved.title, time: timeLabel(moved) }));
        } else {
          moved = await run(() => state.move(id, { at: addMinutes(post.localTime!, step.days * 1440 + step.minutes) }));
          if (moved) setAnnouncement(movedText(moved));
        }
        if (!moved?.localTime) return;
        // The view follows the post out of its period, and the focus stays on its card.
        const { view, anchor, firstDay } = store.getState();
        if (!inView(view, anchor, firstDay, moved.localTime.slice(0, 10))) store.getState().configure({ anchor: moved.localTime.slice(0, 10) });
        focusCard(id);
      });
    },
    [store, shift, run, t, timeLabel, movedText],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      // A grid that used the key itself (arrows on a slot or a day, Alt+arrows on a card) has said so.
      if (event.defaultPrevented || isTyping(target)) return;
      if (!(event.ctrlKey || event.metaKey)) {
        if (!target?.closest?.('[role="dialog"]')) calendarKey(store, event);
        return;
      }
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        void redo();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const clients = useMemo(() => new Map(s.clients.map((c) => [c.id, c])), [s.clients]);
  const visible = useMemo(() => s.posts.filter((p) => matches(p, s.filters)), [s.posts, s.filters]);
  const byDay = useMemo(() => {
    const map = new Map<string, GridPost[]>();
    for (const post of visible) {
      const day = post.localTime!.slice(0, 10);
      const list = map.get(day);
      if (list) list.push(post);
      else map.set(day, [post]);
    }
    return map;
  }, [visible]);
  // The open post's details show while it is on the grid, in the drafts or due (as before), once
  // the whole post has come (the grid has only its card).
  const selected = s.openPost && s.openPost.id === s.selectedId && [...s.posts, ...s.unscheduled, ...s.due].some((p) => p.id === s.selectedId) ? s.openPost : null;
  const single = clientId ? clients.get(clientId) : undefined;
  const today = todayIn(single?.timeZone);

  const open = useCallback((id: string) => store.getState().configure({ selectedId: id }), [store]);
  const pick = useCallback((id: string, mode: 'only' | PickKey) => store.getState().pick(id, mode, mode === 'range' ? gridOrder(store.getState()) : undefined), [store]);
  const onCardClick = useCallback(
    (event: MouseEvent<HTMLButtonElement>) => {
      const id = event.currentTarget.dataset.postId!;
      if (event.shiftKey) pick(id, 'range');
      else if (event.ctrlKey || event.metaKey) pick(id, 'toggle');
      else {
        pick(id, 'only');
        open(id);
      }
    },
    [pick, open],
  );
  const onDrop = useCallback(
    (id: string, target: MoveTarget) => {
      const { posts, picked } = store.getState();
      const post = posts.find((p) => p.id === id);
      // Dragging one of several picked posts moves them all by as much as it moved (days, and
      // minutes when it was dropped on a time).
      if (post?.localTime && picked.has(id) && picked.size > 1) {
        const to = 'at' in target ? target.at : `${target.date}T${post.localTime.slice(11)}`;
        void shift(daysBetween(post.localTime.slice(0, 10), to.slice(0, 10)), minuteOfDay(to) - minuteOfDay(post.localTime));
      } else void move(id, target);
    },
    [store, move, shift],
  );
  const onEmpty = useCallback((date: string, time?: string) => {
    useApp.getState().openComposer({ kind: 'new', clientId: store.getState().clientId, date, ...(time ? { time } : {}) });
  }, [store]);
  const onEdit = useCallback((postId: string) => useApp.getState().openComposer({ kind: 'edit', postId }), []);
  const openDay = useCallback((date: string) => store.getState().configure({ view: 'day', anchor: date }), [store]);
  const slotLabel = useCallback((slot: number) => formats.cardTime(`0000-00-00T${String(Math.floor(slot / 4)).padStart(2, '0')}:${String((slot % 4) * 15).padStart(2, '0')}`), [formats]);
  const text = useMemo(() => cardText(t), [t]);
  const ctx: GridContext = useMemo(
    () => ({ formats, text, clients, thumbnails: s.thumbnails, picked: s.picked, onCardClick }),
    [formats, text, clients, s.thumbnails, s.picked, onCardClick],
  );
  const events = useGridEvents({ onDrop, onPickKey: pick, onMoveKey, onEmpty, onEdit, slotLabel });
  const exchangeRange = useMemo(() => viewRange(s.view === 'day' || s.view === 'week' ? s.view : 'agenda', s.anchor, s.firstDay), [s.view, s.anchor, s.firstDay]);
  const grid = { anchor: s.anchor, firstDay: s.firstDay, byDay, today, ctx, events, onEmpty };
  const hourDays = useMemo(() => (s.view === 'day' || s.view === 'week' ? gridDays(s.view, s.anchor, s.firstDay) : []), [s.view, s.anchor, s.firstDay]);
  const period = periodKey(s.clientId, viewRange(s.view, s.anchor, s.firstDay));

  return (
    <div className="calendar-screen">
      <ClientColors clients={s.clients} />
      <header className="calendar-header">
        <div>
          <h1>{t('calendar.title')}</h1>
          <p className="muted">{single ? t('calendar.subtitleOne', { client: single.name, zone: single.timeZone }) : t('calendar.subtitleAll')}</p>
        </div>
        <ToolbarPart store={store} formats={formats} onUndo={undo} onRedo={redo} />
      </header>
      <div className="calendar-filters-row">
        <FiltersPart store={store} />
        <SelectionPart store={store} onShift={shiftDays} />
      </div>
      <Warnings warnings={s.warnings} clients={clients} posts={s.posts} formats={formats} />
      <div className="calendar-body">
        <section className="calendar-main" aria-label={t('calendar.grid.label')}>
          {s.view === 'month' && <MonthView {...grid} />}
          {(s.view === 'week' || s.view === 'day') && (
            <HourGrid days={hourDays} byDay={byDay} zone={single?.timeZone} ctx={ctx} events={events} period={period} ready={s.loadedPeriod === period} moved={movedId} onOpenDay={s.view === 'week' ? openDay : undefined} />
          )}
          {s.view === 'agenda' && <AgendaView {...grid} />}
          <p className="visually-hidden" aria-live="polite" data-testid="calendar-announcer">
            {announcement}
          </p>
        </section>
        <aside className="calendar-side">
          <DuePart store={store} formats={formats} run={run} />
          {selected && <Details post={selected} client={clients.get(selected.clientId)} store={store} run={run} timeLabel={timeLabel} move={move} />}
          <Drafts posts={s.unscheduled.filter((p) => matches(p, s.filters))} clients={clients} thumbnails={s.thumbnails} onSelect={open} onOpen={onEdit} />
          <QueuePart store={store} client={single} formats={formats} run={run} />
          <ExchangePart client={single} range={exchangeRange} />
        </aside>
      </div>
    </div>
  );
}

/** The posts on the grid in time order: what a Shift-click picks a run from. */
function gridOrder(state: CalendarState): string[] {
  return state.posts
    .filter((p) => p.localTime && matches(p, state.filters))
    .sort((a, b) => (a.localTime! < b.localTime! ? -1 : a.localTime! > b.localTime! ? 1 : 0))
    .map((p) => p.id);
}

const VIEW_KEYS: Record<string, CalendarView> = { D: 'day', M: 'month', W: 'week', A: 'agenda' };

/**
 * Puts the focus back on a post's card once the grid shows it again: a move re-renders the card
 * (in another day's cell, or in the next period once it has loaded).
 */
function focusCard(id: string, until = performance.now() + 3000) {
  requestAnimationFrame(() => {
    const card = document.querySelector<HTMLElement>(`.calendar-main [data-post-id="${CSS.escape(id)}"]`);
    if (card) {
      if (document.activeElement !== card) card.focus();
    } else if (performance.now() < until) focusCard(id, until);
  });
}

/** The calendar's single-key shortcuts (listed in the `?` cheat sheet) and Esc to clear picked posts. */
function calendarKey(store: CalendarStore, event: KeyboardEvent): void {
  const state = store.getState();
  if (matchesKey(event, 'Escape')) {
    if (state.picked.size > 0) state.clearPicked();
    return;
  }
  const step = matchesKey(event, 'ArrowLeft') ? -1 : matchesKey(event, 'ArrowRight') ? 1 : 0;
  const view = Object.entries(VIEW_KEYS).find(([key]) => matchesKey(event, key))?.[1];
  if (step) state.configure({ anchor: stepAnchor(state.view, state.anchor, step) });
  else if (matchesKey(event, 'T')) state.configure({ anchor: todayIn() });
  else if (view) state.configure({ view });
  else return;
  event.preventDefault();
}
