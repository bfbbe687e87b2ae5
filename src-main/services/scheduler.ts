// Repeating and delayed work of a long-running host (the daily backup, the trash purge, the asset
// collection after start). Tests pass a manual one and run the tasks when they choose.

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
