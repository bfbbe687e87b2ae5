// The studio keeps your place: the screen, the client in focus and the calendar's view and period
// are remembered in localStorage and given back after a reload. What was stored is checked field by
// field: a value that is no longer valid (an unknown screen, a malformed date) is dropped alone, and
// a client that no longer exists is forgotten once the client list says so (App).
import { z } from 'zod';
import { CALENDAR_VIEWS, isPlainDate, type CalendarView } from '../features/calendar/calendar-dates';
import { SCREENS, type Screen } from './screens';

export const PLACE_KEY = 'atelier.place';

export interface Place {
  screen: Screen;
  clientId: string | null;
  calendarView: CalendarView;
  /** A day of the period the calendar shows (`YYYY-MM-DD`). */
  calendarAnchor: string;
}

// Each field falls back to "not stored" on its own, so one bad value does not lose the others.
const StoredPlace = z.object({
  screen: z.enum(SCREENS).optional().catch(undefined),
  clientId: z.string().min(1).max(200).nullable().optional().catch(undefined),
  calendarView: z.enum(CALENDAR_VIEWS).optional().catch(undefined),
  calendarAnchor: z.string().refine(isPlainDate).optional().catch(undefined),
});

/** The browser's localStorage, or none (tests, a sandbox that refuses it). */
function defaultStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** What was stored and is still well-formed; anything else is left out. */
export function readPlace(storage: Storage | undefined = defaultStorage()): Partial<Place> {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(PLACE_KEY) ?? 'null');
  } catch {
    return {};
  }
  const parsed = StoredPlace.safeParse(raw);
  if (!parsed.success) return {};
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as Partial<Place>;
}

/** Merges `patch` into the stored place (a full or private-mode storage is not an error worth showing). */
export function savePlace(patch: Partial<Place>, storage: Storage | undefined = defaultStorage()): void {
  try {
    storage?.setItem(PLACE_KEY, JSON.stringify({ ...readPlace(storage), ...patch }));
  } catch {
    // Nothing to do: the place is a convenience.
  }
}

interface Subscribable<T> {
  getState(): T;
  subscribe(listener: (state: T, previous: T) => void): () => void;
}

/**
 * Writes the place whenever it changes: the app's screen and client, the calendar's view and
 * period. Returns the unsubscribe.
 */
export function keepPlace(
  app: Subscribable<{ screen: Screen; clientId: string | null }>,
  calendar: Subscribable<{ view: CalendarView; anchor: string }>,
  storage: Storage | undefined = defaultStorage(),
): () => void {
  const offApp = app.subscribe((s, prev) => {
    if (s.screen !== prev.screen || s.clientId !== prev.clientId) savePlace({ screen: s.screen, clientId: s.clientId }, storage);
  });
  const offCalendar = calendar.subscribe((s, prev) => {
    if (s.view !== prev.view || s.anchor !== prev.anchor) savePlace({ calendarView: s.view, calendarAnchor: s.anchor }, storage);
  });
  return () => {
    offApp();
    offCalendar();
  };
}
