// The calendar's header: view switch, period navigation, undo/redo, filters and plan warnings.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CalendarClient, GridPost, PlanWarning } from '../../../src-main/contract/api/calendar';
import { NETWORKS, POST_STATUSES, type NetworkId } from '../../../src-main/core/domain/posts';
import { NETWORK_LABELS } from '../../../src-main/core/packs/preview-strings';
import { asUtcDate, CALENDAR_VIEWS, stepAnchor, todayIn, weekDays, type CalendarView } from './calendar-dates';
import type { CalendarStore } from './calendar-store';
import type { Formats } from './formats';
import { translateMessage } from '../../app/messages';

export function Toolbar({ store, formats, onUndo, onRedo }: { store: CalendarStore; formats: Formats; onUndo(): void; onRedo(): void }) {
  const { t, i18n } = useTranslation();
  const view = useStore(store, (s) => s.view);
  const anchor = useStore(store, (s) => s.anchor);
  const undoLabel = useStore(store, (s) => s.undoLabel);
  const redoLabel = useStore(store, (s) => s.redoLabel);
  const firstDay = useStore(store, (s) => s.firstDay);
  const heading = periodHeading(view, anchor, firstDay, formats);
  return (
    <div className="calendar-toolbar">
      <div role="group" aria-label={t('calendar.view.label')} className="segmented">
        {CALENDAR_VIEWS.map((v) => (
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
      <button type="button" className="button" disabled={!undoLabel} title={undoLabel ? t('calendar.undoWhat', { label: translateMessage(t, i18n.language, undoLabel) }) : t('calendar.nothing')} onClick={onUndo}>
        ↶ {t('calendar.undo')}
      </button>
      <button type="button" className="button" disabled={!redoLabel} title={redoLabel ? t('calendar.redoWhat', { label: translateMessage(t, i18n.language, redoLabel) }) : undefined} onClick={onRedo}>
        ↷ {t('calendar.redo')}
      </button>
    </div>
  );
}

/** The period the toolbar names: "Monday, 14 December 2026", "Dec 13 – Dec 19", "December 2026". */
function periodHeading(view: CalendarView, anchor: string, firstDay: number, formats: Formats): string {
  if (view === 'day') return formats.fullDate.format(asUtcDate(anchor));
  if (view !== 'week') return formats.month.format(asUtcDate(anchor));
  const days = weekDays(anchor, firstDay);
  return `${formats.shortDate.format(asUtcDate(days[0]!))} – ${formats.shortDate.format(asUtcDate(days[6]!))}`;
}

export function Filters({ store }: { store: CalendarStore }) {
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
      {select('network', ids.network, t('calendar.filters.network'), NETWORKS, (o) => NETWORK_LABELS[o as NetworkId] ?? o)}
      {select('status', ids.status, t('calendar.filters.status'), POST_STATUSES, (o) => t(`calendar.status.${o}`))}
      {select('label', ids.label, t('calendar.filters.tag'), labels)}
      {select('campaign', ids.campaign, t('calendar.filters.campaign'), campaigns)}
    </div>
  );
}

/** How many warnings show before "Show N more": a busy month can have hundreds. */
const FIRST_WARNINGS = 5;

export function Warnings({ warnings, clients, posts, formats }: { warnings: PlanWarning[]; clients: Map<string, CalendarClient>; posts: readonly GridPost[]; formats: Formats }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const byId = useMemo(() => new Map(posts.map((p) => [p.id, p])), [posts]);
  if (warnings.length === 0) return null;
  /** "Jan 20, 9am": when a post goes out, so the person can find it. */
  const when = (id: string | undefined) => {
    const local = id ? byId.get(id)?.localTime : undefined;
    return local ? `${formats.shortDate.format(asUtcDate(local))}, ${formats.cardTime(local)}` : null;
  };
  const tooClose = (w: Extract<PlanWarning, { kind: 'too_close' }>) => {
    const client = clients.get(w.clientId)?.name ?? '';
    const count = w.postIds.length;
    // 'any' stands for posts without a network yet.
    const network = w.network === 'any' ? null : (NETWORK_LABELS[w.network as NetworkId] ?? w.network);
    const key = count > 2 ? 'calendar.warnings.tooCloseRun' : 'calendar.warnings.tooClose';
    const text = t(network === null ? `${key}Any` : key, { client, network, count, minutes: w.minutes });
    // A pair is dated by its second post (the one too soon after the other); a longer run by its
    // first, since "5 posts within 40 min" counts from there.
    const at = when(count > 2 ? w.postIds[0] : w.postIds[1]);
    return at ? t('calendar.warnings.at', { text, when: at }) : text;
  };
  const line = (w: PlanWarning, i: number) => (
    <li key={i}>
      ⚠{' '}
      {w.kind === 'too_close'
        ? tooClose(w)
        : t('calendar.warnings.gap', {
            client: clients.get(w.clientId)?.name ?? '',
            days: w.days,
            from: formats.shortDate.format(asUtcDate(w.fromDate)),
            to: formats.shortDate.format(asUtcDate(w.toDate)),
          })}
    </li>
  );
  const rest = warnings.length - FIRST_WARNINGS;
  return (
    <section className="calendar-warnings" aria-label={t('calendar.warnings.title')}>
      <h2 className="visually-hidden">{t('calendar.warnings.title')}</h2>
      <ul>
        {warnings.slice(0, FIRST_WARNINGS).map(line)}
        {rest > 0 && (
          <li>
            {/* The rest is only built when asked for. */}
            <details open={expanded} onToggle={(e) => setExpanded(e.currentTarget.open)}>
              <summary>{t('calendar.warnings.more', { count: rest })}</summary>
              {expanded && <ul>{warnings.slice(FIRST_WARNINGS).map((w, i) => line(w, i + FIRST_WARNINGS))}</ul>}
            </details>
          </li>
        )}
      </ul>
    </section>
  );
}
