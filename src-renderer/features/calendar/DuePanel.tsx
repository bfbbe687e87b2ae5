// The calendar's "Due now" panel (copy captions, reveal the rendered images, mark published, missed
// posts) and the queue editor
// (weekly slots per network, approval mode).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CalendarClient, CalendarPost } from '../../../src-main/contract/api/calendar';
import { NETWORKS } from '../../../src-main/core/domain/posts';
import { NETWORK_LABELS } from '../../../src-main/core/packs/preview-strings';
import { TimeField } from '../../ui/DateFields';
import { formatTime } from '../../ui/date-text';
import { asUtcDate } from './calendar-dates';
import type { CalendarStore } from './calendar-store';
import type { Run } from './CalendarSide';
import type { Formats } from './formats';
import { RevealImages } from './RevealImages';

export function DuePanel({ store, formats, run }: { store: CalendarStore; formats: Formats; run: Run }) {
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
  // One link per network the post goes to (insights find it in that network's export by it).
  const networks = post.variants.map((v) => v.network);
  const [urls, setUrls] = useState<Record<string, string>>({});
  const urlId = useId();
  const links = networks.length ? networks.map((network) => ({ network, url: (urls[network] ?? '').trim() })) : [{ url: (urls[''] ?? '').trim() }];
  return (
    <li className="due-item">
      <strong>{post.title}</strong> <span className="muted">{post.localTime ? formats.dateTime.format(asUtcDate(post.localTime)) : ''}</span>
      <div className="due-actions">
        {post.variants.length === 0 ? (
          <button type="button" className="button" onClick={() => copy(post.caption)}>{t('calendar.due.copyMaster')}</button>
        ) : (
          post.variants.map((v) => (
            <button key={v.id} type="button" className="button" onClick={() => copy(v.caption)}>
              {t('calendar.due.copy', { network: NETWORK_LABELS[v.network] ?? v.network })}
            </button>
          ))
        )}
        <RevealImages post={post} run={run} />
      </div>
      <form className="inline-form due-links" onSubmit={(e) => { e.preventDefault(); void run(() => store.getState().markPublished(post.id, links), () => t('calendar.due.published', { title: post.title })); }}>
        {(networks.length ? networks : ['']).map((network, i) => (
          <span key={network || 'any'} className="due-link">
            <label className={networks.length > 1 ? undefined : 'visually-hidden'} htmlFor={`${urlId}-${i}`}>
              {network ? t('calendar.due.urlFor', { network, title: post.title }) : t('calendar.due.url', { title: post.title })}
            </label>
            <input id={`${urlId}-${i}`} type="url" placeholder="https://" value={urls[network] ?? ''} onChange={(e) => setUrls((u) => ({ ...u, [network]: e.target.value }))} />
          </span>
        ))}
        <button type="submit" className="button button-primary">{t('calendar.due.markPublished')}</button>
      </form>
    </li>
  );
}

export function QueueEditor({ store, client, formats, run }: { store: CalendarStore; client?: CalendarClient; formats: Formats; run: Run }) {
  const { t, i18n } = useTranslation();
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
                  <span>{NETWORK_LABELS[slot.network] ?? slot.network} · {dayName(slot.weekday)} · {formatTime(slot.time, i18n.language)}</span>
                  <button type="button" className="icon-button" aria-label={t('calendar.queue.remove', { network: NETWORK_LABELS[slot.network] ?? slot.network, day: dayName(slot.weekday), time: formatTime(slot.time, i18n.language) })} onClick={() => void run(() => store.getState().removeSlot(slot.id))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form className="slot-form" onSubmit={(e) => { e.preventDefault(); void run(() => store.getState().addSlot({ clientId: client.id, network: network as (typeof NETWORKS)[number], weekday, time })); }}>
            <label htmlFor={ids.network}>{t('calendar.queue.network')}</label>
            <select id={ids.network} value={network} onChange={(e) => setNetwork(e.target.value)}>
              {NETWORKS.map((n) => <option key={n} value={n}>{NETWORK_LABELS[n] ?? n}</option>)}
            </select>
            <label htmlFor={ids.weekday}>{t('calendar.queue.weekday')}</label>
            <select id={ids.weekday} value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
              {order.map((n) => <option key={n} value={n}>{dayName(n)}</option>)}
            </select>
            <label htmlFor={ids.time}>{t('calendar.queue.time')}</label>
            <TimeField id={ids.time} value={time} required onChange={setTime} />
            <button type="submit" className="button">{t('calendar.queue.add')}</button>
          </form>
        </>
      )}
    </section>
  );
}
