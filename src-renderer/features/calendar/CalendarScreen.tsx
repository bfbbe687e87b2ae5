// The Calendar screen: month, week and agenda views per client (in the client's wall clock) or for
// all clients with their colours; unscheduled drafts to drag onto days; filters; workflow actions;
// queue slots; the "Due now" panel; undo/redo (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z).
import { memo, useCallback, useEffect, useId, useMemo, useState, type DragEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { PostStatus } from '../../../src-main/core/domain/posts';
import type { CalendarClient, CalendarPost, PlanWarning } from '../../../src-main/contract/api/calendar';
import { NETWORKS, POST_STATUSES } from '../../../src-main/core/domain/posts';
import { nextStatuses } from '../../../src-main/core/schedule/workflow';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { asUtcDate, firstDayOfWeek, monthGrid, sameMonth, stepAnchor, todayIn, viewRange, weekDays, type CalendarView } from './calendar-dates';
import { createCalendarStore, followChanges, matches, type CalendarStore } from './calendar-store';
import { ExchangePanel } from './ExchangePanel';
import { PostExtras } from './PostExtras';
import './calendar.css';

const DRAG_TYPE = 'application/x-atelier-post';

function useFormats(language: string) {
  return useMemo(
    () => ({
      month: new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      weekday: new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }),
      weekdayLong: new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }),
      day: new Intl.DateTimeFormat(language, { day: 'numeric', timeZone: 'UTC' }),
      date: new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
      shortDate: new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
      time: new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }),
      dateTime: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
    }),
    [language],
  );
}
type Formats = ReturnType<typeof useFormats>;

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

  async function run<T>(work: () => Promise<T>, success?: (result: T) => string | null) {
    try {
      const result = await work();
      const message = success?.(result);
      if (message) toast({ message, tone: 'info' });
      return result;
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
      return undefined;
    }
  }
  const undo = () => run(() => store.getState().undo(), (label) => (label ? t('calendar.toast.undone', { label }) : null));
  const redo = () => run(() => store.getState().redo(), (label) => (label ? t('calendar.toast.redone', { label }) : null));
  const timeLabel = (post: CalendarPost) => (post.localTime ? formats.dateTime.format(asUtcDate(post.localTime)) : t('calendar.details.unscheduled'));
  const move = (id: string, date: string) =>
    run(() => store.getState().move(id, date), (post) => t('calendar.toast.moved', { title: post.title, time: timeLabel(post) }));

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (!(event.ctrlKey || event.metaKey)) return;
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
  const text = useMemo(() => cardText(t), [t]);
  const card = (post: CalendarPost) => (
    <PostCard key={post.id} post={post} client={clients.get(post.clientId)} formats={formats} selected={post.id === s.selectedId} text={text} onOpen={open} />
  );
  const dropProps = (date: string) => ({
    onDragOver: (e: DragEvent) => {
      if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
    },
    onDrop: (e: DragEvent) => {
      const id = e.dataTransfer.getData(DRAG_TYPE);
      if (id) {
        e.preventDefault();
        void move(id, date);
      }
    },
  });

  return (
    <div className="calendar-screen">
      <header className="calendar-header">
        <div>
          <h1>{t('calendar.title')}</h1>
          <p className="muted">{single ? t('calendar.subtitleOne', { client: single.name, zone: single.timeZone }) : t('calendar.subtitleAll')}</p>
        </div>
        <Toolbar store={store} formats={formats} onUndo={undo} onRedo={redo} />
      </header>
      <Filters store={store} />
      <Warnings warnings={s.warnings} clients={clients} formats={formats} />
      <div className="calendar-body">
        <section className="calendar-main" aria-label={t('calendar.grid.label')}>
          {s.view === 'month' && <MonthView store={store} formats={formats} byDay={byDay} today={today} card={card} dropProps={dropProps} />}
          {s.view === 'week' && <WeekView store={store} formats={formats} byDay={byDay} today={today} card={card} dropProps={dropProps} />}
          {s.view === 'agenda' && <AgendaView byDay={byDay} formats={formats} card={card} />}
        </section>
        <aside className="calendar-side">
          <DuePanel store={store} formats={formats} run={run} />
          {selected && <Details post={selected} client={clients.get(selected.clientId)} store={store} run={run} timeLabel={timeLabel} move={move} />}
          <Drafts posts={s.unscheduled.filter((p) => matches(p, s.filters))} clients={clients} onOpen={(id) => store.getState().configure({ selectedId: id })} />
          <QueueEditor store={store} client={single} formats={formats} run={run} />
          <ExchangePanel client={single} range={viewRange(s.view === 'week' ? 'week' : 'agenda', s.anchor, s.firstDay)} />
        </aside>
      </div>
    </div>
  );
}

function Toolbar({ store, formats, onUndo, onRedo }: { store: CalendarStore; formats: Formats; onUndo(): void; onRedo(): void }) {
  const { t } = useTranslation();
  const view = useStore(store, (s) => s.view);
  const anchor = useStore(store, (s) => s.anchor);
  const undoLabel = useStore(store, (s) => s.undoLabel);
  const redoLabel = useStore(store, (s) => s.redoLabel);
  const firstDay = useStore(store, (s) => s.firstDay);
  const heading = view === 'week' ? `${formats.shortDate.format(asUtcDate(weekDays(anchor, firstDay)[0]!))} – ${formats.shortDate.format(asUtcDate(weekDays(anchor, firstDay)[6]!))}` : formats.month.format(asUtcDate(anchor));
  return (
    <div className="calendar-toolbar">
      <div role="group" aria-label={t('calendar.view.label')} className="segmented">
        {(['month', 'week', 'agenda'] as CalendarView[]).map((v) => (
          <button key={v} type="button" className="button" aria-pressed={view === v} onClick={() => store.getState().configure({ view: v })}>
            {t(`calendar.view.${v}`)}
          </button>
        ))}
      </div>
      <button type="button" className="button" aria-label={t('calendar.nav.previous')} onClick={() => store.getState().configure({ anchor: stepAnchor(view, anchor, -1) })}>
        ‹
      </button>
      <span className="calendar-period" aria-live="polite">
        {heading}
      </span>
      <button type="button" className="button" aria-label={t('calendar.nav.next')} onClick={() => store.getState().configure({ anchor: stepAnchor(view, anchor, 1) })}>
        ›
      </button>
      <button type="button" className="button" onClick={() => store.getState().configure({ anchor: todayIn() })}>
        {t('calendar.nav.today')}
      </button>
      <button type="button" className="button" disabled={!undoLabel} title={undoLabel ? t('calendar.undoWhat', { label: undoLabel }) : t('calendar.nothing')} onClick={onUndo}>
        ↶ {t('calendar.undo')}
      </button>
      <button type="button" className="button" disabled={!redoLabel} title={redoLabel ? t('calendar.redoWhat', { label: redoLabel }) : undefined} onClick={onRedo}>
        ↷ {t('calendar.redo')}
      </button>
    </div>
  );
}

function Filters({ store }: { store: CalendarStore }) {
  const { t } = useTranslation();
  const filters = useStore(store, (s) => s.filters);
  const posts = useStore(store, (s) => s.posts);
  const labels = useMemo(() => [...new Set(posts.flatMap((p) => p.labels))].sort(), [posts]);
  const campaigns = useMemo(() => [...new Set(posts.map((p) => p.campaign).filter(Boolean))].sort(), [posts]);
  const ids = { network: useId(), status: useId(), label: useId(), campaign: useId() };
  const set = (key: keyof typeof filters, value: string) => store.getState().configure({ filters: { ...filters, [key]: value } });
  const select = (key: keyof typeof filters, id: string, label: string, options: readonly string[], show: (o: string) => string = (o) => o) => (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={filters[key]} onChange={(e) => set(key, e.target.value)}>
        <option value="">{t('calendar.filters.any')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {show(o)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="calendar-filters" role="group" aria-label={t('calendar.filters.label')}>
      {select('network', ids.network, t('calendar.filters.network'), NETWORKS)}
      {select('status', ids.status, t('calendar.filters.status'), POST_STATUSES, (o) => t(`calendar.status.${o}`))}
      {select('label', ids.label, t('calendar.filters.tag'), labels)}
      {select('campaign', ids.campaign, t('calendar.filters.campaign'), campaigns)}
    </div>
  );
}

function Warnings({ warnings, clients, formats }: { warnings: PlanWarning[]; clients: Map<string, CalendarClient>; formats: Formats }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <section className="calendar-warnings" aria-label={t('calendar.warnings.title')}>
      <h2 className="visually-hidden">{t('calendar.warnings.title')}</h2>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            ⚠{' '}
            {w.kind === 'too_close'
              ? t('calendar.warnings.tooClose', { client: clients.get(w.clientId)?.name ?? '', network: w.network, minutes: w.minutes })
              : t('calendar.warnings.gap', {
                  client: clients.get(w.clientId)?.name ?? '',
                  days: w.days,
                  from: formats.shortDate.format(asUtcDate(w.fromDate)),
                  to: formats.shortDate.format(asUtcDate(w.toDate)),
                })}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** Strings every card needs, translated once per render of the grid rather than once per card. */
interface CardText {
  label(values: { title: string; client: string; time: string; status: string }): string;
  unscheduled: string;
  status: Record<string, string>;
}

export function cardText(t: Translate): CardText {
  return {
    label: (values) => t('calendar.card.label', values),
    unscheduled: t('calendar.details.unscheduled'),
    status: Object.fromEntries(POST_STATUSES.map((s) => [s, t(`calendar.status.${s}`)])),
  };
}

/** One post on the grid. Rendered hundreds of times: no hooks, strings come from the parent. */
const PostCard = memo(function PostCard({ post, client, formats, selected, text, onOpen }: { post: CalendarPost; client?: CalendarClient; formats: Formats; selected: boolean; text: CardText; onOpen(id: string): void }) {
  const time = post.localTime ? formats.time.format(asUtcDate(post.localTime)) : '';
  return (
    <button
      type="button"
      className={`post-card status-${post.status}`}
      draggable={post.status !== 'published'}
      data-post-id={post.id}
      aria-pressed={selected}
      // The accessible name starts with the visible text (time, title), as WCAG's label-in-name asks.
      aria-label={text
        .label({ title: post.title, client: client?.name ?? '', time, status: `${time ? '' : `${text.unscheduled}, `}${text.status[post.status] ?? post.status}` })
        .trim()}
      style={{ borderLeftColor: client?.color }}
      onClick={() => onOpen(post.id)}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, post.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <span className="post-thumb" aria-hidden="true" />
      <span className="post-text">
        {time && <span className="post-time">{time}</span>} <span className="post-title">{post.title}</span>
      </span>
    </button>
  );
});

interface GridProps {
  store: CalendarStore;
  formats: Formats;
  byDay: Map<string, CalendarPost[]>;
  today: string;
  card(post: CalendarPost): ReactElement;
  dropProps(date: string): { onDragOver(e: DragEvent): void; onDrop(e: DragEvent): void };
}

function DayCell({ date, outside, formats, posts, today, card, dropProps, t }: Omit<GridProps, 'store' | 'byDay'> & { date: string; outside: boolean; posts: CalendarPost[]; t: Translate }) {
  return (
    <div
      role="gridcell"
      className={`day-cell${outside ? ' outside' : ''}${date === today ? ' today' : ''}`}
      data-date={date}
      {...dropProps(date)}
    >
      <span className="day-number" aria-hidden="true">
        {formats.day.format(asUtcDate(date))}
      </span>
      {/* The full date for screen readers, as text rather than a label that would hide the posts. */}
      <span className="visually-hidden">{t('calendar.grid.day', { date: formats.date.format(asUtcDate(date)), count: posts.length })}</span>
      <div className="day-posts">{posts.map(card)}</div>
    </div>
  );
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

function MonthView({ store, byDay, ...rest }: GridProps) {
  const { t } = useTranslation();
  const anchor = useStore(store, (s) => s.anchor);
  const firstDay = useStore(store, (s) => s.firstDay);
  const weeks = useMemo(() => monthGrid(anchor, firstDay), [anchor, firstDay]);
  return (
    <div role="grid" className="month-grid" aria-label={rest.formats.month.format(asUtcDate(anchor))}>
      <WeekdayHeader days={weeks[0]!} formats={rest.formats} />
      {weeks.map((week) => (
        <div role="row" className="week-row" key={week[0]}>
          {week.map((date) => (
            <DayCell key={date} date={date} outside={!sameMonth(date, anchor)} posts={byDay.get(date) ?? []} t={t} {...rest} />
          ))}
        </div>
      ))}
    </div>
  );
}

function WeekView({ store, byDay, ...rest }: GridProps) {
  const { t } = useTranslation();
  const anchor = useStore(store, (s) => s.anchor);
  const firstDay = useStore(store, (s) => s.firstDay);
  const days = weekDays(anchor, firstDay);
  return (
    <div role="grid" className="month-grid week-grid">
      <WeekdayHeader days={days} formats={rest.formats} />
      <div role="row" className="week-row">
        {days.map((date) => (
          <DayCell key={date} date={date} outside={false} posts={byDay.get(date) ?? []} t={t} {...rest} />
        ))}
      </div>
    </div>
  );
}

function AgendaView({ byDay, formats, card }: { byDay: Map<string, CalendarPost[]>; formats: Formats; card(p: CalendarPost): ReactElement }) {
  const { t } = useTranslation();
  const days = [...byDay.keys()].sort();
  if (days.length === 0) return <p className="empty-state">{t('calendar.agenda.empty')}</p>;
  return (
    <ol className="agenda">
      {days.map((d) => (
        <li key={d}>
          <h2 className="agenda-day">{formats.date.format(asUtcDate(d))}</h2>
          <div className="agenda-posts">{byDay.get(d)!.map(card)}</div>
        </li>
      ))}
    </ol>
  );
}

function Drafts({ posts, clients, onOpen }: { posts: CalendarPost[]; clients: Map<string, CalendarClient>; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="card side-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('calendar.drafts.title')}</h2>
      {posts.length === 0 ? (
        <p className="muted">{t('calendar.drafts.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('calendar.drafts.hint')}</p>
          <ul className="draft-list">
            {posts.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="post-card draft"
                  draggable
                  data-post-id={p.id}
                  style={{ borderLeftColor: clients.get(p.clientId)?.color }}
                  onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, p.id)}
                  onClick={() => onOpen(p.id)}
                >
                  <span className="post-thumb" aria-hidden="true" />
                  <span className="post-title">{p.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

type Run = <T>(work: () => Promise<T>, success?: (result: T) => string | null) => Promise<T | undefined>;

function Details({ post, client, store, run, timeLabel, move }: { post: CalendarPost; client?: CalendarClient; store: CalendarStore; run: Run; timeLabel(p: CalendarPost): string; move(id: string, date: string): Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const ids = { title: useId(), status: useId(), date: useId() };
  const context = { approvalMode: client?.approvalMode ?? 'none', hasTime: post.scheduledAt !== null } as const;
  const options = nextStatuses(post.status, context);
  const [status, setStatus] = useState<string>('');
  const [date, setDate] = useState(post.localTime?.slice(0, 10) ?? '');
  useEffect(() => {
    setStatus('');
    setDate(post.localTime?.slice(0, 10) ?? '');
  }, [post.id, post.localTime]);
  const change = (to: PostStatus) => run(() => store.getState().setStatus(post.id, to), (p) => t('calendar.toast.status', { title: p.title, status: t(`calendar.status.${p.status}`) }));
  return (
    <section className="card side-card details" aria-labelledby={ids.title}>
      <div className="details-head">
        <h2 id={ids.title}>{post.title}</h2>
        <button type="button" className="icon-button" aria-label={t('calendar.details.close')} onClick={() => store.getState().configure({ selectedId: null })}>
          ×
        </button>
      </div>
      <dl className="facts">
        <dt>{t('calendar.details.when')}</dt>
        <dd>{timeLabel(post)}{post.localTime ? ` (${post.timeZone})` : ''}</dd>
        <dt>{t('calendar.details.status')}</dt>
        <dd><span className={`status-badge status-${post.status}`}>{t(`calendar.status.${post.status}`)}</span></dd>
        <dt>{t('calendar.details.networks')}</dt>
        <dd>{post.variants.map((v) => v.network).join(', ') || t('calendar.details.none')}</dd>
      </dl>
      {options.includes('approved') && (
        <button type="button" className="button button-primary" onClick={() => void change('approved')}>
          {t('calendar.details.approve')}
        </button>
      )}
      {options.length > 0 && (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (status) void change(status as PostStatus); }}>
          <label htmlFor={ids.status}>{t('calendar.details.setStatus')}</label>
          <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">—</option>
            {options.map((o) => (
              <option key={o} value={o}>{t(`calendar.status.${o}`)}</option>
            ))}
          </select>
          <button type="submit" className="button" disabled={!status}>{t('calendar.details.apply')}</button>
        </form>
      )}
      {post.status !== 'published' && (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (date) void move(post.id, date); }}>
          <label htmlFor={ids.date}>{t('calendar.details.moveTo')}</label>
          <input id={ids.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          <button type="submit" className="button" disabled={!date}>{t('calendar.details.move')}</button>
        </form>
      )}
      <div className="form-actions">
        {post.variants.length > 0 && post.status !== 'published' && (
          <button type="button" className="button" onClick={() => void run(() => store.getState().addToQueue(post.id), (p) => t('calendar.toast.queued', { title: p.title, time: timeLabel(p) }))}>
            {t('calendar.details.addToQueue')}
          </button>
        )}
        <button type="button" className="button button-danger-ghost" onClick={() => void run(() => store.getState().remove(post.id), () => t('calendar.toast.deleted'))}>
          {t('calendar.details.delete')}
        </button>
      </div>
      <PostExtras post={post} format={(iso) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: post.timeZone }).format(new Date(iso))} />
    </section>
  );
}

function DuePanel({ store, formats, run }: { store: CalendarStore; formats: Formats; run: Run }) {
  const { t } = useTranslation();
  const due = useStore(store, (s) => s.due);
  const missed = useStore(store, (s) => s.missed);
  const titleId = useId();
  const copy = (text: string) => run(() => navigator.clipboard.writeText(text), () => t('calendar.due.copied'));
  return (
    <section className="card side-card due-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('calendar.due.title')}</h2>
      {due.length === 0 ? <p className="muted">{t('calendar.due.empty')}</p> : (
        <ul className="due-list">
          {due.map((p) => <DueItem key={p.id} post={p} store={store} formats={formats} run={run} copy={copy} />)}
        </ul>
      )}
      {missed.length > 0 && (
        <div className="missed" role="status">
          <h3>{t('calendar.missed.title')}</h3>
          <p className="muted">{t('calendar.missed.hint')}</p>
          <ul>
            {missed.map((p) => (
              <li key={p.id}>
                <button type="button" className="button-link" onClick={() => store.getState().configure({ selectedId: p.id })}>
                  {p.title} — {p.localTime ? formats.dateTime.format(asUtcDate(p.localTime)) : ''}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function DueItem({ post, store, formats, run, copy }: { post: CalendarPost; store: CalendarStore; formats: Formats; run: Run; copy(text: string): void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const urlId = useId();
  return (
    <li className="due-item">
      <strong>{post.title}</strong> <span className="muted">{post.localTime ? formats.dateTime.format(asUtcDate(post.localTime)) : ''}</span>
      <div className="due-actions">
        {post.variants.length === 0 ? (
          <button type="button" className="button" onClick={() => copy(post.caption)}>{t('calendar.due.copyMaster')}</button>
        ) : (
          post.variants.map((v) => (
            <button key={v.id} type="button" className="button" onClick={() => copy(v.caption)}>
              {t('calendar.due.copy', { network: v.network })}
            </button>
          ))
        )}
        <button type="button" className="button" disabled>{t('calendar.due.reveal')}</button>
      </div>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void run(() => store.getState().markPublished(post.id, url.trim()), () => t('calendar.due.published', { title: post.title })); }}>
        <label className="visually-hidden" htmlFor={urlId}>{t('calendar.due.url', { title: post.title })}</label>
        <input id={urlId} type="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} />
        <button type="submit" className="button button-primary">{t('calendar.due.markPublished')}</button>
      </form>
    </li>
  );
}

function QueueEditor({ store, client, formats, run }: { store: CalendarStore; client?: CalendarClient; formats: Formats; run: Run }) {
  const { t } = useTranslation();
  const slots = useStore(store, (s) => s.slots);
  const firstDay = useStore(store, (s) => s.firstDay);
  const ids = { title: useId(), approval: useId(), network: useId(), weekday: useId(), time: useId() };
  const [network, setNetwork] = useState<string>('instagram');
  const [weekday, setWeekday] = useState(1);
  const [time, setTime] = useState('09:00');
  // ISO weekday n → a date with that weekday (2024-01-01 was a Monday), in the locale's order.
  const dayName = (n: number) => formats.weekdayLong.format(asUtcDate(`2024-01-0${n}`));
  const order = Array.from({ length: 7 }, (_, i) => ((firstDay - 1 + i) % 7) + 1);
  return (
    <section className="card side-card" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('calendar.queue.title')}</h2>
      {!client ? <p className="muted">{t('calendar.queue.pickClient')}</p> : (
        <>
          <div className="checkbox-row">
            <input id={ids.approval} type="checkbox" checked={client.approvalMode === 'required'} onChange={(e) => void run(() => store.getState().setApprovalMode(client.id, e.target.checked ? 'required' : 'none'))} />
            <label htmlFor={ids.approval}>{t('calendar.queue.approval')}</label>
          </div>
          {slots.length === 0 ? <p className="muted">{t('calendar.queue.empty')}</p> : (
            <ul className="slot-list">
              {slots.map((slot) => (
                <li key={slot.id}>
                  <span>{slot.network} · {dayName(slot.weekday)} · {slot.time}</span>
                  <button type="button" className="icon-button" aria-label={t('calendar.queue.remove', { network: slot.network, day: dayName(slot.weekday), time: slot.time })} onClick={() => void run(() => store.getState().removeSlot(slot.id))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form className="slot-form" onSubmit={(e) => { e.preventDefault(); void run(() => store.getState().addSlot({ clientId: client.id, network: network as (typeof NETWORKS)[number], weekday, time })); }}>
            <label htmlFor={ids.network}>{t('calendar.queue.network')}</label>
            <select id={ids.network} value={network} onChange={(e) => setNetwork(e.target.value)}>
              {NETWORKS.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
            <label htmlFor={ids.weekday}>{t('calendar.queue.weekday')}</label>
            <select id={ids.weekday} value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
              {order.map((n) => <option key={n} value={n}>{dayName(n)}</option>)}
            </select>
            <label htmlFor={ids.time}>{t('calendar.queue.time')}</label>
            <input id={ids.time} type="time" value={time} required onChange={(e) => setTime(e.target.value)} />
            <button type="submit" className="button">{t('calendar.queue.add')}</button>
          </form>
        </>
      )}
    </section>
  );
}
