// Occasional renders (calendar thumbnails, a due post's "Reveal images") run in one worker thread
// started on first use and stopped after a quiet minute: the host's main thread never draws (an
// Electron main process that draws stalls every window's IPC), and no worker, Skia or font memory
// stays around while nobody asks for pictures.
import { createRenderPool, type RenderPool, type RunOptions } from './pool';
import type { RenderJob, RenderJobFile } from './jobs';

export interface BackgroundRenderer {
  run(job: RenderJob, options?: RunOptions): Promise<RenderJobFile[]>;
  /** Whether a worker is alive now (tests). */
  readonly running: boolean;
  close(): Promise<void>;
}

export function createBackgroundRenderer(options: { idleMs?: number; workerFile?: string } = {}): BackgroundRenderer {
  const idleMs = options.idleMs ?? 60_000;
  let pool: RenderPool | null = null;
  let active = 0;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  function stopSoon(): void {
    idleTimer = setTimeout(() => {
      idleTimer = null;
      const idle = pool;
      pool = null;
      void idle?.close();
    }, idleMs);
    idleTimer.unref?.();
  }

  return {
    async run(job, runOptions) {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      pool ??= createRenderPool({ size: 1, workerFile: options.workerFile });
      active++;
      try {
        return await pool.run(job, runOptions);
      } finally {
        active--;
        if (active === 0) stopSoon();
      }
    },
    get running() {
      return pool !== null;
    },
    async close() {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      const closing = pool;
      pool = null;
      await closing?.close();
    },
  };
}
