// The rest of a post's details: private notes, status history, repeat (RRULE) and insert-and-push.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../src-main/contract';
import type { CalendarPost } from '../../../src-main/contract/api/calendar';
import { errorMessage } from '../../app/errors';
import { translateMessage } from '../../app/messages';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { DateTimeField } from '../../ui/DateFields';

const PRESETS = ['FREQ=DAILY', 'FREQ=WEEKLY', 'FREQ=WEEKLY;INTERVAL=2', 'FREQ=MONTHLY'] as const;

export function PostExtras({ post, format }: { post: CalendarPost; format(iso: string): string }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const [notes, setNotes] = useState<Out<'calendar.notes.list'>>([]);
  const [history, setHistory] = useState<Out<'calendar.statusHistory'>>([]);
  const [note, setNote] = useState('');
  const [rule, setRule] = useState<string>(PRESETS[1]);
  const [count, setCount] = useState('4');
  const [at, setAt] = useState(post.localTime ?? '');
  const ids = { note: useId(), rule: useId(), count: useId(), at: useId() };
  const fail = useCallback((error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }), [toast, t]);

  const reload = useCallback(() => {
    Promise.all([host.invoke('calendar.notes.list', { postId: post.id }), host.invoke('calendar.statusHistory', { id: post.id })]).then(([n, h]) => {
      setNotes(n);
      setHistory(h);
    }, fail);
  }, [host, post.id, fail]);
  useEffect(() => reload(), [reload, post.status]);

  return (
    <div className="post-extras">
      <details>
        <summary>{t('calendar.extras.notes', { count: notes.length })}</summary>
        <ul className="note-list">
          {notes.map((n) => (
            <li key={n.id}>
              {/* A note Atelier wrote (a client's decision) in the user's language; the user's own as typed. */}
              <span>{n.message ? translateMessage(t, i18n.language, n.message) : n.body}</span>
              <button type="button" className="icon-button" aria-label={t('calendar.extras.deleteNote')} onClick={() => host.invoke('calendar.notes.delete', { id: n.id }).then(reload, fail)}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) host.invoke('calendar.notes.add', { postId: post.id, body: note }).then(() => (setNote(''), reload()), fail);
          }}
        >
          <label className="visually-hidden" htmlFor={ids.note}>{t('calendar.extras.newNote')}</label>
          <input id={ids.note} value={note} placeholder={t('calendar.extras.newNote')} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" className="button">{t('calendar.extras.add')}</button>
        </form>
      </details>
      <details>
        <summary>{t('calendar.extras.history')}</summary>
        <ol className="history-list">
          {history.map((h, i) => (
            <li key={i}>
              {format(h.at)} — {h.from ? t(`calendar.status.${h.from}`) : '∅'} → {t(`calendar.status.${h.to}`)} {(h.message || h.note) && <em>({h.message ? translateMessage(t, i18n.language, h.message) : h.note})</em>}
            </li>
          ))}
        </ol>
      </details>
      {post.localTime && post.status !== 'published' && (
        <details>
          <summary>{t('calendar.extras.repeat')}</summary>
          <form
            className="slot-form"
            onSubmit={(e) => {
              e.preventDefault();
              host
                .invoke('calendar.repeat', { id: post.id, rule, count: Number(count) })
                .then((r) => toast({ message: t('calendar.extras.repeated', { count: r.posts.length }), tone: 'info' }), fail);
            }}
          >
            <label htmlFor={ids.rule}>{t('calendar.extras.rule')}</label>
            <select id={ids.rule} value={rule} onChange={(e) => setRule(e.target.value)}>
              {PRESETS.map((p) => (
                <option key={p} value={p}>{t(`calendar.extras.presets.${PRESETS.indexOf(p)}`)}</option>
              ))}
            </select>
            <label htmlFor={ids.count}>{t('calendar.extras.count')}</label>
            <input id={ids.count} type="number" min={1} max={500} value={count} onChange={(e) => setCount(e.target.value)} />
            <button type="submit" className="button">{t('calendar.extras.repeatButton')}</button>
          </form>
        </details>
      )}
      {post.variants.length > 0 && post.status !== 'published' && (
        <details>
          <summary>{t('calendar.extras.insert')}</summary>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (at) host.invoke('calendar.insertAndPush', { id: post.id, at }).then((r) => toast({ message: t('calendar.extras.inserted', { count: r.posts.length - 1 }), tone: 'info' }), fail);
            }}
          >
            <label htmlFor={ids.at}>{t('calendar.extras.insertAt')}</label>
            <DateTimeField id={ids.at} value={at} onChange={setAt} />
            <button type="submit" className="button">{t('calendar.extras.insertButton')}</button>
          </form>
        </details>
      )}
    </div>
  );
}
