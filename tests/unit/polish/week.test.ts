import { describe, expect, it } from 'vitest';
import { calendarFirstDay, fallbackFirstDay, firstDayOfWeek, weekdayNames } from '../../../src-renderer/app/week';

describe('first day of the week', () => {
  it('starts on Sunday in the US and Monday in Britain and France (fallback table)', () => {
    expect(firstDayOfWeek('en-US', false)).toBe(7);
    expect(firstDayOfWeek('en-GB', false)).toBe(1);
    expect(firstDayOfWeek('fr-FR', false)).toBe(1);
    expect(fallbackFirstDay('fr')).toBe(1);
    expect(fallbackFirstDay('en')).toBe(7);
    expect(fallbackFirstDay('fr-CA')).toBe(7);
  });
  it('agrees with the engine where it knows (Intl.Locale weekInfo)', () => {
    expect(firstDayOfWeek('en-US')).toBe(7);
    expect(firstDayOfWeek('en-GB')).toBe(1);
    expect(firstDayOfWeek('fr-FR')).toBe(1);
  });
  it('survives a malformed tag', () => {
    expect(firstDayOfWeek('not a locale!')).toBe(1);
  });
  it('names the weekdays in display order, in the language', () => {
    expect(weekdayNames('en-US')[0]).toBe('Sun');
    expect(weekdayNames('fr-FR', 'long')).toEqual(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
  });
});

describe("the calendar's first day", () => {
  it('keeps the OS region when it speaks the app language, else uses the language alone', () => {
    expect(calendarFirstDay('en', 'en-GB')).toBe(1);
    expect(calendarFirstDay('en', 'en-US')).toBe(7);
    expect(calendarFirstDay('fr', 'fr-CA')).toBe(7);
    expect(calendarFirstDay('fr', 'en-US')).toBe(1);
    expect(calendarFirstDay('en', 'fr-FR')).toBe(7);
  });
});
