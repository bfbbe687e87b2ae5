// Due reminders. A timer in the main-side services (clock and timers injected) wakes at the next
// scheduled post's time and emits `post.due` once per post; the Electron host turns that into a
// native notification and the UI into its "Due now" panel. At start, scheduled posts whose time
// passed while Atelier was closed become `missed` and are listed for the user.
import type { Clock } from '../core/ports';
import type { CalendarService } from './calendar';
import type { EventBus } from './events';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const systemTimers: Timers = {
  set: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DueSchedulerOptions {
  clock: Clock;
  timers?: Timers;
  /** A post less late than this at start is "due now", not missed (a quick restart should not lose it). */
  missedGraceMs?: number;
  /** Longest sleep: the clock may jump (sleep, time-zone change), so look again at least this often. */
  maxSleepMs?: number;
}

export const DEFAULT_MISSED_GRACE_MS = 15 * 60_000;

export function createDueScheduler(calendar: CalendarService, events: EventBus, options: DueSchedulerOptions) {
  const timers = options.timers ?? systemTimers;
  const maxSleep = options.maxSleepMs ?? 60_000;
  let handle: unknown = null;
  let running = false;

  function tick(): string[] {
    const due = calendar.takeDue();
    if (due.ids.length > 0) events.emit('post.due', due);
    if (running) arm();
    return due.ids;
  }

  function arm(): void {
    if (handle !== null) timers.clear(handle);
    const now = options.clock.now();
    const next = calendar.nextScheduledAfter(now);
    const wait = next === null ? maxSleep : Math.max(0, Math.min(maxSleep, next - now));
    handle = timers.set(() => {
      handle = null;
      try {
        tick();
      } catch (error) {
        console.error('[atelier] due reminders failed:', error);
        if (running) arm();
      }
    }, wait);
  }

  return {
    /** Marks posts missed while closed, emits what is due now, then wakes at each next due time. */
    start(): { missed: string[]; due: string[] } {
      const missed = calendar.markMissedAtStart(options.missedGraceMs ?? DEFAULT_MISSED_GRACE_MS);
      running = true;
      const due = tick();
      return { missed, due };
    },
    tick,
    stop(): void {
      running = false;
      if (handle !== null) timers.clear(handle);
      handle = null;
    },
  };
}

export type DueScheduler = ReturnType<typeof createDueScheduler>;
