// Date and time in the client's wall clock, with its zone beside them, "not scheduled" as a choice,
// and the daylight-saving note the CLI prints when a time is skipped or happens twice that day.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { wallClockToInstant } from '../../../src-main/core/time/zones';
import { DEFAULT_TIME } from './draft';

/** Today in a zone (the system's when none), as YYYY-MM-DD (en-CA writes dates that way). */
function todayIn(zone: string | null): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone ?? undefined, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function WhenFields({ date, time, zone, language, onChange }: { date: string; time: string; zone: string | null; language: string; onChange(patch: { date?: string; time?: string }): void }) {
  const { t } = useTranslation();
  const ids = { date: useId(), time: useId(), note: useId(), unscheduled: useId() };
  const scheduled = date !== '';
  const resolved = scheduled && zone ? wallClockToInstant(`${date}T${time || DEFAULT_TIME}`, zone) : null;
  const note =
    resolved?.resolution === 'shifted_forward'
      ? t('composer.when.skipped', { time: time || DEFAULT_TIME, zone, local: resolved.local.slice(11, 16) })
      : resolved?.resolution === 'ambiguous_earlier'
        ? t('composer.when.twice', { time: time || DEFAULT_TIME, zone, utc: new Date(resolved.instantMs).toISOString().slice(11, 16) })
        : null;
  return (
    <fieldset className="composer-when">
      <legend>{t('composer.when.legend')}</legend>
      <div className="composer-when-row">
        <span className="composer-field">
          <label htmlFor={ids.date}>{t('composer.when.date')}</label>
          <input id={ids.date} type="date" lang={language} value={date} onChange={(e) => onChange({ date: e.target.value, ...(e.target.value && !time ? { time: DEFAULT_TIME } : {}) })} aria-describedby={note ? ids.note : undefined} />
        </span>
        <span className="composer-field">
          <label htmlFor={ids.time}>{t('composer.when.time')}</label>
          <input id={ids.time} type="time" lang={language} step={300} value={scheduled ? time : ''} disabled={!scheduled} onChange={(e) => onChange({ time: e.target.value })} aria-describedby={note ? ids.note : undefined} />
        </span>
        <span className="composer-zone" title={t('composer.when.zoneHint')}>
          {zone ? t('composer.when.zone', { zone }) : ''}
        </span>
        <label className="composer-check-label" htmlFor={ids.unscheduled}>
          <input id={ids.unscheduled} type="checkbox" checked={!scheduled} onChange={(e) => onChange(e.target.checked ? { date: '' } : { date: todayIn(zone), time: time || DEFAULT_TIME })} />
          {t('composer.when.unscheduled')}
        </label>
      </div>
      {note && (
        <p id={ids.note} className="composer-note" role="note">
          {note}
        </p>
      )}
    </fieldset>
  );
}
