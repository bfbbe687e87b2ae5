// A pool of render worker threads: jobs queue, run on the first free worker, report progress and
// can be cancelled (queued jobs are dropped; running ones stop between pages).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderJob, RenderJobFile } from './jobs';

export class RenderJobError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RenderJobError';
    this.code = code;
  }
}

export interface RunOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

interface Pending {
  id: number;
  job: RenderJob;
  options: RunOptions;
  resolve: (files: RenderJobFile[]) => void;
  reject: (error: Error) => void;
}

/** The built worker (out/render/worker.js) next to the bundle that imports this module. */
export function defaultWorkerFile(): string {
  let here = process.cwd();
  try {
    here = path.dirname(fileURLToPath(import.meta.url));
  } catch {
    // CommonJS bundle (Electron main): fall back to the working directory.
  }
  for (const candidate of [path.join(here, '..', 'render', 'worker.js'), path.join(here, 'worker.js'), path.resolve('out', 'render', 'worker.js')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new RenderJobError('internal', 'The render worker is not built (out/render/worker.js); run npm run build.');
}

export function createRenderPool(options: { size?: number; workerFile?: string } = {}) {
  const size = Math.max(1, options.size ?? Math.min(4, Math.max(1, availableParallelism() - 1)));
  const workerFile = options.workerFile ?? defaultWorkerFile();
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  const queue: Pending[] = [];
  const all: Worker[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Worker {
    const worker = new Worker(workerFile);
    worker.unref();
    worker.on('message', (msg: { type: string; id: number; done?: number; total?: number; files?: RenderJobFile[]; code?: string; message?: string }) => {
      const job = busy.get(worker);
      if (!job || job.id !== msg.id) return;
      if (msg.type === 'progress') job.options.onProgress?.(msg.done!, msg.total!);
      else {
        busy.delete(worker);
        if (msg.type === 'done') job.resolve(msg.files!.map((f) => ({ ...f, bytes: new Uint8Array(f.bytes) })));
        else job.reject(new RenderJobError(msg.code ?? 'internal', msg.message ?? 'Render failed.'));
        release(worker);
      }
    });
    worker.on('error', (error) => {
      const job = busy.get(worker);
      busy.delete(worker);
      all.splice(all.indexOf(worker), 1);
      job?.reject(new RenderJobError('internal', `The render worker crashed: ${error.message}`));
      pump();
    });
    all.push(worker);
    return worker;
  }

  function release(worker: Worker): void {
    idle.push(worker);
    pump();
  }

  function pump(): void {
    while (queue.length > 0) {
      let worker = idle.pop();
      if (!worker && all.length < size) worker = spawn();
      if (!worker) return;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.ref();
      worker.postMessage({ type: 'run', id: job.id, job: job.job });
    }
    for (const w of idle) w.unref();
  }

  return {
    size,
    run(job: RenderJob, runOptions: RunOptions = {}): Promise<RenderJobFile[]> {
      if (closed) return Promise.reject(new RenderJobError('internal', 'The render pool is closed.'));
      if (runOptions.signal?.aborted) return Promise.reject(new RenderJobError('cancelled', 'Render cancelled.'));
      return new Promise((resolve, reject) => {
        const pending: Pending = { id: nextId++, job, options: runOptions, resolve, reject };
        runOptions.signal?.addEventListener('abort', () => {
          const q = queue.indexOf(pending);
          if (q >= 0) {
            queue.splice(q, 1);
            reject(new RenderJobError('cancelled', 'Render cancelled.'));
            return;
          }
          for (const [w, p] of busy) if (p === pending) w.postMessage({ type: 'cancel', id: p.id });
        });
        queue.push(pending);
        pump();
      });
    },
    async close(): Promise<void> {
      closed = true;
      for (const p of queue.splice(0)) p.reject(new RenderJobError('cancelled', 'The render pool closed.'));
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

export type RenderPool = ReturnType<typeof createRenderPool>;
