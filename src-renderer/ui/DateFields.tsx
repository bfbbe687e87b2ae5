// Date and time fields in the studio's language (see date-text.ts for why not the browser's native
// inputs): a text field that reads and shows the language's own format, and for dates a small month
// grid with the language's month and weekday names. Values in and out are ISO (`YYYY-MM-DD`, `HH:mm`,
// `YYYY-MM-DDTHH:mm`); a value that cannot be read is reported as '' and the field says so.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { firstDayOfWeek, weekdayNames } from '../app/week';
import { dateOrder, formatDate, formatTime, parseDate, parseTime, uses12Hours } from './date-text';
import './date-fields.css';

interface FieldProps {
  id?: string;
  value: string;
  onChange(value: string): void;
  required?: boolean;
  disabled?: boolean;
  /** The id of a note about the value (aria-describedby). */
  describedBy?: string;
}

/** A text field that shows `value` formatted, and reports what the person types once it can be read. */
function useTypedValue(value: string, format: (v: string) => string, parse: (text: string) => string | null, onChange: (v: string) => void, valid: (v: string) => boolean = () => true) {
  const [text, setText] = useState(() => format(value));
  const [editing, setEditing] = useState(false);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    if (!editing) {
      setText(format(value));
      setInvalid(false);
    }
  }, [value, format, editing]);
  return {
    text,
    invalid,
    onFocus: () => setEditing(true),
    onChange(next: string) {
      setText(next);
      const parsed = parse(next);
      const ok = parsed !== null && valid(parsed);
      setInvalid(next.trim() !== '' && !ok);
      onChange(ok ? parsed : '');
    },
    onBlur() {
      setEditing(false);
      const parsed = parse(text);
      if (parsed !== null && valid(parsed)) setText(format(parsed));
    },
  };
}

/** The text input both fields share: its text comes and goes through `useTypedValue`. */
function TypedInput({ typed, placeholder, ...rest }: { typed: ReturnType<typeof useTypedValue>; placeholder: string; id?: string; className: string; required?: boolean; disabled?: boolean; inputMode?: 'numeric'; 'aria-label'?: string; 'aria-describedby'?: string }) {
  return (
    <input
      {...rest}
      type="text"
      autoComplete="off"
      placeholder={placeholder}
      title={placeholder}
      value={typed.text}
      aria-invalid={typed.invalid || undefined}
      onFocus={typed.onFocus}
      onChange={(e) => typed.onChange(e.target.value)}
      onBlur={typed.onBlur}
    />
  );
}

export function DateField({ id, value, onChange, required, disabled, describedBy, min }: FieldProps & { min?: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const format = useMemo(() => (v: string) => formatDate(v, language), [language]);
  const parse = useMemo(() => (text: string) => parseDate(text, language), [language]);
  const typed = useTypedValue(value, format, parse, onChange, (v) => !min || v >= min);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const placeholder = useMemo(() => {
    const { order, separator } = dateOrder(language);
    return order.map((p) => t(`ui.dateField.${p}`)).join(separator);
  }, [language, t]);
  return (
    <span className="date-field">
      <TypedInput typed={typed} id={id} className="date-field-text" inputMode="numeric" placeholder={placeholder} required={required} disabled={disabled} aria-describedby={describedBy} />
      <button ref={toggle} type="button" className="date-field-toggle" aria-label={t('ui.dateField.pick')} aria-expanded={open} disabled={disabled} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">▦</span>
      </button>
      {open && (
        <MonthGrid
          value={value}
          min={min}
          language={language}
          onPick={(day) => {
            onChange(day);
            setOpen(false);
            toggle.current?.focus();
          }}
          onClose={() => {
            setOpen(false);
            toggle.current?.focus();
          }}
        />
      )}
    </span>
  );
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function MonthGrid({ value, min, language, onPick, onClose }: { value: string; min?: string; language: string; onPick(day: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const today = isoDay(Date.now() - new Date().getTimezoneOffset() * 60_000);
  const [month, setMonth] = useState((value || min || today).slice(0, 7));
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const first = firstDayOfWeek(language);
  const start = Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
  const lead = (new Date(start).getUTCDay() - (first % 7) + 7) % 7;
  const days = Array.from({ length: 42 }, (_, i) => isoDay(start + (i - lead) * DAY_MS));
  const step = (delta: number) => setMonth(isoDay(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + delta, 1)).slice(0, 7));
  const monthLabel = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(start);
  const dayLabel = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' });

  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('[aria-pressed="true"], [data-today="true"]')?.focus();
    const outside = (e: MouseEvent) => {
      if (box.current && !box.current.parentElement?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [onClose]);

  return (
    <div
      ref={box}
      className="date-field-grid"
      role="dialog"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="date-field-head">
        <button type="button" className="icon-button" aria-label={t('ui.dateField.previousMonth')} onClick={() => step(-1)}>
          ‹
        </button>
        <strong id={titleId}>{monthLabel}</strong>
        <button type="button" className="icon-button" aria-label={t('ui.dateField.nextMonth')} onClick={() => step(1)}>
          ›
        </button>
      </div>
      <div className="date-field-days" role="grid" aria-labelledby={titleId}>
        <div role="row" className="date-field-row">
          {weekdayNames(language, 'narrow').map((name, i) => (
            <span key={i} role="columnheader" className="date-field-weekday">
              {name}
            </span>
          ))}
        </div>
        {[0, 1, 2, 3, 4, 5].map((week) => (
          <div role="row" className="date-field-row" key={week}>
            {days.slice(week * 7, week * 7 + 7).map((day) => (
              <span role="gridcell" key={day}>
                <button
                  type="button"
                  className="date-field-day"
                  data-outside={day.slice(0, 7) !== month || undefined}
                  data-today={day === today || undefined}
                  aria-pressed={day === value}
                  aria-label={dayLabel.format(Date.parse(`${day}T00:00:00Z`))}
                  disabled={min !== undefined && day < min}
                  onClick={() => onPick(day)}
                >
                  {Number(day.slice(8, 10))}
                </button>
              </span>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

export function TimeField({ id, value, onChange, required, disabled, describedBy, label }: FieldProps & { label?: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const format = useMemo(() => (v: string) => formatTime(v, language), [language]);
  const parse = useMemo(() => (text: string) => parseTime(text, language), [language]);
  const typed = useTypedValue(value, format, parse, onChange);
  const placeholder = uses12Hours(language) ? t('ui.timeField.placeholder12') : t('ui.timeField.placeholder24');
  return <TypedInput typed={typed} id={id} className="time-field" aria-label={label} placeholder={placeholder} required={required} disabled={disabled} aria-describedby={describedBy} />;
}

/** A date and a time side by side, as one `YYYY-MM-DDTHH:mm` value ('' until both can be read). */
export function DateTimeField({ id, value, onChange }: FieldProps) {
  const { t } = useTranslation();
  const [date, setDate] = useState(value.slice(0, 10));
  const [time, setTime] = useState(value.slice(11, 16));
  useEffect(() => {
    if (value) {
      setDate(value.slice(0, 10));
      setTime(value.slice(11, 16));
    }
  }, [value]);
  const report = (d: string, hm: string) => onChange(d && hm ? `${d}T${hm}` : '');
  return (
    <span className="date-time-field">
      <DateField
        id={id}
        value={date}
        onChange={(d) => {
          setDate(d);
          report(d, time);
        }}
      />
      <TimeField
        label={t('ui.timeField.label')}
        value={time}
        onChange={(hm) => {
          setTime(hm);
          report(date, hm);
        }}
      />
    </span>
  );
}
