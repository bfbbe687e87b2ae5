// Date formatters and card strings for the calendar, built once per language: the month view draws
// hundreds of cards, and constructing an Intl.DateTimeFormat or running i18next per card is what
// made it slow.
import { useMemo } from 'react';
import type { useTranslation } from 'react-i18next';
import { POST_STATUSES } from '../../../src-main/core/domain/posts';

/**
 * A card's time, short enough to leave the title room in a month cell: "9am", "12:30pm" in English,
 * "9:00" in French (the locale's own hour and minute, without the space before AM/PM). Cached per
 * minute of the day, so a month of cards formats each distinct time once.
 */
export function cardTimeFormatter(language: string): (localTime: string) => string {
  const format = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const cache = new Map<string, string>();
  return (localTime) => {
    const hm = localTime.slice(11, 16);
    let text = cache.get(hm);
    if (text === undefined) {
      const parts = format.formatToParts(Date.UTC(2000, 0, 1, Number(hm.slice(0, 2)), Number(hm.slice(3, 5))));
      // On a 12-hour clock a whole hour needs no minutes: "9am", like paper calendars.
      const wholeHour = parts.some((p) => p.type === 'dayPeriod') && parts.find((p) => p.type === 'minute')?.value === '00';
      text = parts
        .filter((p, i) => !(wholeHour && (p.type === 'minute' || (p.type === 'literal' && parts[i + 1]?.type === 'minute'))))
        .map((p) => (p.type === 'dayPeriod' ? p.value.toLowerCase().replaceAll('.', '') : p.type === 'literal' && p.value.trim() === '' ? '' : p.value))
        .join('');
      cache.set(hm, text);
    }
    return text;
  };
}

export function useFormats(language: string) {
  return useMemo(
    () => ({
      cardTime: cardTimeFormatter(language),
      month: new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      weekday: new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }),
      weekdayLong: new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }),
      day: new Intl.DateTimeFormat(language, { day: 'numeric', timeZone: 'UTC' }),
      date: new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
      fullDate: new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      /** The hour grid's labels: "9 AM", "09 h". */
      hour: new Intl.DateTimeFormat(language, { hour: 'numeric', timeZone: 'UTC' }),
      shortDate: new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
      time: new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }),
      dateTime: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
    }),
    [language],
  );
}
export type Formats = ReturnType<typeof useFormats>;

export type Translate = ReturnType<typeof useTranslation>['t'];

/**
 * A translation with placeholders, compiled once: i18next fills it with markers, and each call
 * swaps the markers for values. Same text as `t(key, values)` at a fraction of the cost.
 */
export function compile<K extends string>(t: Translate, key: string, names: readonly K[]): (values: Record<K, string | number>) => string {
  const markers = Object.fromEntries(names.map((name, i) => [name, `\u0000${i}\u0000`]));
  const parts = String(t(key, markers)).split('\u0000');
  return (values) => {
    let out = '';
    for (let i = 0; i < parts.length; i++) out += i % 2 === 1 ? String(values[names[Number(parts[i])]!]) : parts[i];
    return out;
  };
}

/** Strings every card and day cell needs, translated once per language rather than once per card. */
export interface CardText {
  label(values: { title: string; client: string; time: string; status: string }): string;
  day(values: { date: string; count: number }): string;
  /** The week view's "+N" button: its name, and what it shows. */
  more(values: { count: number; time: string }): string;
  moreShort(values: { count: number }): string;
  status: Record<string, string>;
}

export function cardText(t: Translate): CardText {
  return {
    label: compile(t, 'calendar.card.label', ['title', 'client', 'time', 'status']),
    day: compile(t, 'calendar.grid.day', ['date', 'count']),
    more: compile(t, 'calendar.hours.more', ['count', 'time']),
    moreShort: compile(t, 'calendar.hours.moreShort', ['count']),
    status: Object.fromEntries(POST_STATUSES.map((s) => [s, t(`calendar.status.${s}`)])),
  };
}
