// Repeating and delayed work of a long-running host (the daily backup, the trash purge, the asset
// collection after start). Tests pass a manual one and run the tasks when they choose. Housekeeping
// gives way to the person at work (politeScheduler): its tasks are synchronous (a backup copies and
// checks the whole database, the asset collection scans every file) and would hold calls back.

export interface Scheduler {
  every(ms: number, task: () => void): () => void;
  /** Once, after `ms`. */
  after(ms: number, task: () => void): () => void;
}

/** Node timers that never keep the process alive. */
export const realScheduler: Scheduler = {
  every(ms, task) {
    const timer = setInterval(task, ms);
    timer.unref?.();
    return () => clearInterval(timer);
  },
  after(ms, task) {
    const timer = setTimeout(task, ms);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

/** How long the host must have had no call before housekeeping starts. */
export const HOUSEKEEPING_QUIET_MS = 2_000;
/** The longest housekeeping waits for a quiet moment; then it runs anyway. */
export const HOUSEKEEPING_MAX_DELAY_MS = 120_000;

/**
 * Tasks that wait for a quiet moment: when one comes due while calls are coming in (`idleMs()`, the
 * milliseconds since the last one, is under `quietMs`), it waits until there could have been
 * `quietMs` without a call and looks again, at most `maxDelayMs` in all.
 */
export function politeScheduler(base: Scheduler, idleMs: () => number, options: { quietMs?: number; maxDelayMs?: number } = {}): Scheduler {
  const quietMs = options.quietMs ?? HOUSEKEEPING_QUIET_MS;
  const maxDelayMs = options.maxDelayMs ?? HOUSEKEEPING_MAX_DELAY_MS;
  /** Runs `task` once the host is quiet; returns what stops the waiting. */
  function whenQuiet(task: () => void): () => void {
    let waited = 0;
    let stop = () => {};
    const attempt = () => {
      const idle = idleMs();
      if (idle >= quietMs || waited >= maxDelayMs) return task();
      const wait = Math.max(1, Math.min(quietMs - idle, maxDelayMs - waited));
      waited += wait;
      stop = base.after(wait, attempt);
    };
    attempt();
    return () => stop();
  }
  if (quietMs <= 0) return base;
  return {
    every(ms, task) {
      let waiting = () => {};
      const stopTimer = base.every(ms, () => {
        waiting();
        waiting = whenQuiet(task);
      });
      return () => {
        stopTimer();
        waiting();
      };
    },
    after(ms, task) {
      let waiting = () => {};
      const stopTimer = base.after(ms, () => {
        waiting = whenQuiet(task);
      });
      return () => {
        stopTimer();
        waiting();
      };
    },
  };
}
