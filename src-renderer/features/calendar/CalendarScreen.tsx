// The Calendar screen: month, week and agenda views per client (in the client's wall clock) or for
// all clients with their colours; unscheduled drafts to drag onto days; filters; workflow actions;
// queue slots; the "Due now" panel; undo/redo (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z); picking several posts
// (Ctrl/Cmd-click, Shift-click, Esc clears) to shift them together by days.
// The parts live beside it: CalendarHeader (toolbar, filters, warnings), CalendarGrid (the views),
// CalendarSide (drafts, details), DuePanel (due posts, queue slots), SelectionBar (bulk shift),
// ExchangePanel (ICS/CSV).
import { useCallback, useEffect, useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CalendarPost } from '../../../src-main/contract/api/calendar';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { isTyping, matches as matchesKey } from '../../app/shortcuts';
import { undoToast } from '../../ui/undo-toast';
import { asUtcDate, daysBetween, firstDayOfWeek, stepAnchor, todayIn, viewRange, type CalendarView } from './calendar-dates';
import { createCalendarStore, followChanges, matches, type CalendarState, type CalendarStore } from './calendar-store';
import { AgendaView, MonthView, useGridEvents, WeekView, type GridContext, type PickKey } from './CalendarGrid';
import { Filters, Toolbar, Warnings } from './CalendarHeader';
import { Details, Drafts, type Run } from './CalendarSide';
import { DuePanel, QueueEditor } from './DuePanel';
import { ExchangePanel } from './ExchangePanel';
import { cardText, useFormats } from './formats';
import { SelectionBar } from './SelectionBar';
import './calendar.css';

export function CalendarScreen({ store: given }: { store?: CalendarStore }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const clientId = useApp((s) => s.clientId);
  const toast = useApp((s) => s.toast);
  const locale = typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith(i18n.language) ? navigator.language : i18n.language;
  const store = useMemo(() => given ?? createCalendarStore(host, { firstDay: firstDayOfWeek(locale) }), [given, host, locale]);
  const s = useStore(store);
  const formats = useFormats(i18n.language);

  useEffect(() => {
    store.getState().configure({ clientId });
    void store.getState().load().catch((error) => toast({ message: errorMessage(t, error), tone: 'error' }));
  }, [store, clientId, s.view, s.anchor, toast, t]);
  useEffect(() => {
    void store.getState().loadDue().catch(() => undefined);
    return followChanges(host, store);
  }, [host, store]);
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
  const undo = useCallback(() => run(() => store.getState().undo(), (label) => (label ? t('calendar.toast.undone', { label }) : null)), [run, store, t]);
  const redo = () => run(() => store.getState().redo(), (label) => (label ? t('calendar.toast.redone', { label }) : null));
  const timeLabel = useCallback((post: CalendarPost) => (post.localTime ? formats.dateTime.format(asUtcDate(post.localTime)) : t('calendar.details.unscheduled')), [formats, t]);
  const move = useCallback(
    (id: string, date: string) => run(() => store.getState().move(id, date), (post) => t('calendar.toast.moved', { title: post.title, time: timeLabel(post) })),
    [run, store, t, timeLabel],
  );

  const shift = useCallback(
    async (days: number) => {
      const count = await run(() => store.getState().shiftPicked(days));
      if (count) undoToast(t('calendar.toast.shifted', { count, days }), t('calendar.toast.undoAction'), undo);
    },
    [run, store, t, undo],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (isTyping(target)) return;
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
    const map = new Map<string, CalendarPost[]>();
    for (const post of visible) {
      const day = post.localTime!.slice(0, 10);
      const list = map.get(day);
      if (list) list.push(post);
      else map.set(day, [post]);
    }
    return map;
  }, [visible]);
  const selected = [...s.posts, ...s.unscheduled, ...s.due].find((p) => p.id === s.selectedId) ?? null;
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
    (id: string, date: string) => {
      const { posts, picked } = store.getState();
      const post = posts.find((p) => p.id === id);
      // Dragging one of several picked posts moves them all by the same number of days.
      if (post?.localTime && picked.has(id) && picked.size > 1) void shift(daysBetween(post.localTime.slice(0, 10), date));
      else void move(id, date);
    },
    [store, move, shift],
  );
  const text = useMemo(() => cardText(t), [t]);
  const ctx: GridContext = useMemo(
    () => ({ formats, text, clients, thumbnails: s.thumbnails, picked: s.picked, onCardClick }),
    [formats, text, clients, s.thumbnails, s.picked, onCardClick],
  );
  const events = useGridEvents(onDrop, pick);
  const exchangeRange = useMemo(() => viewRange(s.view === 'week' ? 'week' : 'agenda', s.anchor, s.firstDay), [s.view, s.anchor, s.firstDay]);
  const grid = { anchor: s.anchor, firstDay: s.firstDay, byDay, today, ctx, events };

  return (
    <div className="calendar-screen">
      <header className="calendar-header">
        <div>
          <h1>{t('calendar.title')}</h1>
          <p className="muted">{single ? t('calendar.subtitleOne', { client: single.name, zone: single.timeZone }) : t('calendar.subtitleAll')}</p>
        </div>
        <Toolbar store={store} formats={formats} onUndo={undo} onRedo={redo} />
      </header>
      <div className="calendar-filters-row">
        <Filters store={store} />
        <SelectionBar store={store} onShift={(days) => void shift(days)} />
      </div>
      <Warnings warnings={s.warnings} clients={clients} formats={formats} />
      <div className="calendar-body">
        <section className="calendar-main" aria-label={t('calendar.grid.label')}>
          {s.view === 'month' && <MonthView {...grid} />}
          {s.view === 'week' && <WeekView {...grid} />}
          {s.view === 'agenda' && <AgendaView {...grid} />}
        </section>
        <aside className="calendar-side">
          <DuePanel store={store} formats={formats} run={run} />
          {selected && <Details post={selected} client={clients.get(selected.clientId)} store={store} run={run} timeLabel={timeLabel} move={move} />}
          <Drafts posts={s.unscheduled.filter((p) => matches(p, s.filters))} clients={clients} thumbnails={s.thumbnails} onOpen={(id) => useApp.getState().openComposer({ kind: 'edit', postId: id })} />
          <QueueEditor store={store} client={single} formats={formats} run={run} />
          <ExchangePanel client={single} range={exchangeRange} />
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

const VIEW_KEYS: Record<string, CalendarView> = { M: 'month', W: 'week', A: 'agenda' };

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
