// What an interrupted pack import leaves behind, and its clean-up (at every start and in gc):
//  - uploads in `<library>/imports/` whose process is gone (services/packs/uploads.ts);
//  - asset rows an import added and never committed (the import journal, migration 010): removed
//    with their files unless something came to use them meanwhile.
// Imports still running — in another process, or in this one — are left alone.
import { createImportJournal } from '../db/repositories/import-journal';
import type { AssetsRepository } from '../db/repositories/assets';
import type { Library } from './library';
import type { FileStore } from './media/store';
import { collectStaleUploads } from './packs/uploads';
import { processAlive } from './sessions';

/** Pack imports running in this process (their journal rows are not debris). */
export const activeImports = new Set<string>();

export interface DebrisReport {
  uploads: string[];
  assets: string[];
  freedBytes: number;
}

export function collectImportDebris(lib: Library, repo: AssetsRepository, files: FileStore, extFor: (mime: string) => string): DebrisReport {
  const report: DebrisReport = { uploads: collectStaleUploads(lib.paths.dataDir), assets: [], freedBytes: 0 };
  const journal = createImportJournal(lib.db);
  const stale = journal.all().filter((row) => (row.pid === process.pid ? !activeImports.has(row.import_id) : !processAlive(row.pid)));
  if (stale.length === 0) return report;
  const doomed = lib.write(() => {
    const removed: { sha: string; mime: string }[] = [];
    for (const row of stale) {
      const asset = repo.get(row.asset_sha256);
      journal.forget(row.asset_sha256);
      // Used meanwhile (a design saved in another window): it stays, as an ordinary asset.
      if (!asset || repo.refCount(row.asset_sha256) > 0) continue;
      repo.remove(row.asset_sha256);
      removed.push({ sha: row.asset_sha256, mime: asset.mime });
    }
    return removed;
  });
  for (const { sha, mime } of doomed) {
    report.freedBytes += files.removeAll(sha, extFor(mime));
    report.assets.push(sha);
  }
  return report;
}
