// Bulk shift: the posts picked on the grid (Ctrl/Cmd-click, Shift-click, or Ctrl/Cmd/Shift+Enter on
// a focused card) move together by a number of days, keeping their times of day, in one undoable step.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CalendarStore } from './calendar-store';

export function SelectionBar({ store, onShift }: { store: CalendarStore; onShift(days: number): void }) {
  const { t } = useTranslation();
  const count = useStore(store, (s) => s.picked.size);
  const [days, setDays] = useState('1');
  const inputId = useId();
  const amount = Number(days);
  const valid = Number.isInteger(amount) && amount !== 0 && Math.abs(amount) <= 3660;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) onShift(amount);
  };
  // Always one line tall, so picking the first post does not push the grid down.
  if (count === 0) return <p className="selection-bar muted">{t('calendar.selection.hint')}</p>;
  return (
    <form className="selection-bar" aria-label={t('calendar.selection.label')} onSubmit={submit}>
      <span className="selection-count" role="status">
        {t('calendar.selection.count', { count })}
      </span>
      <label htmlFor={inputId}>{t('calendar.selection.shiftBy')}</label>
      <input id={inputId} type="number" step={1} min={-3660} max={3660} value={days} onChange={(e) => setDays(e.target.value)} />
      <button type="submit" className="button button-primary" disabled={!valid}>
        {t('calendar.selection.shift')}
      </button>
      <button type="button" className="button" onClick={() => store.getState().clearPicked()}>
        {t('calendar.selection.clear')}
      </button>
    </form>
  );
}
