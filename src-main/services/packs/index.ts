// The packs service: export jobs (progress events, cancel by job id), import and decisions.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { packMethods, PackExportReport } from '../../contract/api/packs';
import { AtelierError } from '../../contract/errors';
import type { HandlersFor } from '../../contract/handlers';
import type { EventBus } from '../events';
import { createFileGate, type FileGate } from '../file-access';
import type { Library } from '../library';
import { applyDecisions } from './decisions';
import { exportPack, packFileName, type ExportDeps, type PackQuery } from './export';
import { importPack, type ImportTarget } from './import';

export interface PackServiceDeps extends ExportDeps {
  events: EventBus;
  /** Which paths calls may name (browser mode: uploads and the library's own folders only). */
  files?: FileGate;
}

/** Where browser mode's exports wait to be downloaded: `<library>/exports`. */
export function exportsDir(lib: Pick<Library, 'paths'>): string {
  return lib.paths.exports;
}

export function createPackService(deps: PackServiceDeps) {
  const { lib, events } = deps;
  const files = deps.files ?? createFileGate(lib.paths.dataDir, 'anywhere');
  const jobs = new Map<string, AbortController>();
  // A cancel can overtake its export on the way in (both are calls); it is honoured when the export starts.
  const cancelledEarly = new Set<string>();
  const exportDeps: ExportDeps = deps;

  return {
    async export(query: PackQuery & { out?: string; jobId?: string; language?: 'en' | 'fr' }): Promise<PackExportReport> {
      const jobId = query.jobId ?? lib.ids();
      if (jobs.has(jobId)) throw new AtelierError('conflict', `An export with job id ${jobId} is already running.`, { jobId }, { key: 'packs.exportRunning' });
      const client = lib.clients.get(query.clientId);
      let out = files.output(query.out, 'out');
      let download: string | null = null;
      if (!out) {
        const dir = exportsDir(lib);
        mkdirSync(dir, { recursive: true });
        download = packFileName(client?.name ?? 'pack', query.from, query.to, lib.clock.now()).replace(/\.zip$/, `-${jobId}.zip`);
        out = path.join(dir, download);
      }
      const controller = new AbortController();
      if (cancelledEarly.delete(jobId)) controller.abort();
      jobs.set(jobId, controller);
      try {
        const result = await exportPack(exportDeps, query, out, {
          signal: controller.signal,
          language: query.language,
          onProgress: (phase, done, total) => events.emit('packs.progress', { jobId, phase, done, total }),
        });
        events.emit('packs.progress', { jobId, phase: 'done', done: 1, total: 1 });
        return { jobId, download, ...result };
      } finally {
        jobs.delete(jobId);
      }
    },
    cancel(jobId: string): boolean {
      const job = jobs.get(jobId);
      if (!job) {
        if (cancelledEarly.size >= 100) cancelledEarly.clear();
        cancelledEarly.add(jobId);
        return false;
      }
      job.abort();
      return true;
    },
    import: (file: string, target: ImportTarget) => importPack({ lib, assets: deps.assets, events }, files.input(file, 'file'), target),
    applyDecisions: (input: { file?: string; text?: string }) =>
      applyDecisions(lib, deps.calendar, input.file === undefined ? input : { ...input, file: files.input(input.file, 'file') }),
    /** Cancels running exports (the library is closing). */
    stop(): void {
      for (const job of jobs.values()) job.abort();
    },
  };
}

export type PackService = ReturnType<typeof createPackService>;

export function packHandlers(packs: PackService): HandlersFor<typeof packMethods> {
  return {
    'packs.export': (input) => packs.export(input),
    'packs.cancel': ({ jobId }) => ({ cancelled: packs.cancel(jobId) }),
    'packs.import': ({ file, clientId, asNewClient }) => packs.import(file, { clientId, asNewClient }),
    'packs.applyDecisions': (input) => packs.applyDecisions(input),
  };
}
