// The first day of the week for a locale: Intl.Locale's weekInfo (getWeekInfo() in newer engines)
// where the engine has it, else a table for the regions Atelier's users are in.
// Returned as ISO weekday numbers: 1 = Monday … 7 = Sunday.

type WeekInfo = { firstDay: number };
type LocaleWithWeek = Intl.Locale & { weekInfo?: WeekInfo; getWeekInfo?: () => WeekInfo };

/** Regions that start the week on Sunday (CLDR); the rest of our fallback starts on Monday. */
const SUNDAY_REGIONS = new Set(['US', 'CA', 'MX', 'BR', 'JP', 'KR', 'IL', 'PH', 'IN', 'AU', 'ZA']);
const DEFAULT_REGION: Record<string, string> = { en: 'US', fr: 'FR' };

export function fallbackFirstDay(locale: string): number {
  let region: string | undefined;
  let language = locale;
  try {
    const l = new Intl.Locale(locale);
    region = l.region;
    language = l.language;
  } catch {
    language = locale.split(/[-_]/)[0] ?? locale;
  }
  region ??= DEFAULT_REGION[language.toLowerCase()] ?? 'FR';
  return SUNDAY_REGIONS.has(region.toUpperCase()) ? 7 : 1;
}

export function firstDayOfWeek(locale: string, useEngine = true): number {
  if (useEngine) {
    try {
      const l = new Intl.Locale(locale) as LocaleWithWeek;
      const info = typeof l.getWeekInfo === 'function' ? l.getWeekInfo() : l.weekInfo;
      if (info && Number.isInteger(info.firstDay) && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay;
    } catch {
      // fall through to the table
    }
  }
  return fallbackFirstDay(locale);
}

/** Weekday names in display order for the locale, starting on its first day ('short' by default). */
export function weekdayNames(locale: string, width: 'long' | 'short' | 'narrow' = 'short'): string[] {
  const first = firstDayOfWeek(locale);
  const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
  // 2024-01-01 was a Monday (ISO day 1).
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, ((first - 1 + i) % 7) + 1))));
}

/**
 * The first day of the calendar's weeks for the app's language: the system locale's when it speaks
 * that language (en-GB starts on Monday, en-US on Sunday), else the language's own.
 */
export function calendarFirstDay(language: string, systemLocale: string | undefined = typeof navigator === 'undefined' ? undefined : navigator.language): number {
  return firstDayOfWeek(systemLocale?.toLowerCase().split(/[-_]/)[0] === language.toLowerCase() ? systemLocale : language);
}
