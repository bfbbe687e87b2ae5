// The calendar's side panels about posts: unscheduled drafts to drag onto days, and the details of
// the open post (workflow, move, queue, delete, notes and history).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostStatus } from '../../../src-main/core/domain/posts';
import type { CalendarClient, CalendarPost, GridPost } from '../../../src-main/contract/api/calendar';
import { NETWORK_LABELS } from '../../../src-main/core/packs/preview-strings';
import { nextStatuses } from '../../../src-main/core/schedule/workflow';
import { NetworkIcon } from '../../ui/NetworkIcon';
import { DateField } from '../../ui/DateFields';
import { useApp } from '../../app/store';
import type { CalendarStore, MoveTarget } from './calendar-store';
import { RevealImages } from './RevealImages';
import { DRAG_TYPE, postNetworks, Thumb } from './PostCard';
import { PostExtras } from './PostExtras';

/** Runs a store action, toasting its success message or its error; see CalendarScreen. */
export type Run = <T>(work: () => Promise<T>, success?: (result: T) => string | null) => Promise<T | undefined>;

/** A click shows a draft's details (like a card on the grid); a double-click opens it in the composer. */
export function Drafts({ posts, clients, thumbnails, onSelect, onOpen }: { posts: GridPost[]; clients: Map<string, CalendarClient>; thumbnails: Record<string, string>; onSelect(id: string): void; onOpen(id: string): void }) {
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
                  onClick={() => onSelect(p.id)}
                  onDoubleClick={() => onOpen(p.id)}
                >
                  <Thumb src={thumbnails[p.id]} />
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

export function Details({ post, client, store, run, timeLabel, move }: { post: CalendarPost; client?: CalendarClient; store: CalendarStore; run: Run; timeLabel(p: Pick<CalendarPost, 'localTime'>): string; move(id: string, target: MoveTarget): Promise<unknown> }) {
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
        <dd className="details-networks">
          {postNetworks(post).map((n) => (
            <span key={n} className="network-name">
              <NetworkIcon network={n} size={14} />
              {NETWORK_LABELS[n] ?? n}
            </span>
          ))}
          {post.variants.length === 0 && t('calendar.details.none')}
        </dd>
      </dl>
      <div className="form-actions details-edit">
        <button type="button" className="button button-primary" onClick={() => useApp.getState().openComposer({ kind: 'edit', postId: post.id })}>
          {t('calendar.details.edit')}
        </button>
        <button type="button" className="button" onClick={() => useApp.getState().openComposer({ kind: 'new', duplicateOf: post.id })}>
          {t('calendar.details.duplicate')}
        </button>
      </div>
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
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (date) void move(post.id, { date }); }}>
          <label htmlFor={ids.date}>{t('calendar.details.moveTo')}</label>
          <DateField id={ids.date} value={date} onChange={setDate} />
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
      <RevealImages post={post} run={run} hideWithoutDesign />
      <PostExtras post={post} format={(iso) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: post.timeZone }).format(new Date(iso))} />
    </section>
  );
}
