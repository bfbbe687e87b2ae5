// Housekeeping of a long-running host: the daily backup, the trash purge and old browser-mode
// downloads soon after start and then hourly; unreferenced asset files once, shortly after start.
// None of it ever throws into a timer: a failure is logged and the next round tries again. The app
// runs it on a polite scheduler (scheduler.ts): a round that comes due while calls are coming in
// waits for a quiet moment, so a backup never holds back the answer to a click.
import type { Clock } from '../core/ports';
import type { AssetService } from './assets';
import { DAY_MS, type BackupService } from './backups';
import type { Library } from './library';
import { exportsDir } from './packs';
import { purgeOldDownloads } from './packs/downloads';
import type { Scheduler } from './scheduler';
import type { TrashService } from './trash';

/** How often the app looks whether a daily backup or a purge is due. */
export const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;
/** How long after start the first backup and purge check runs (a daily backup copies and verifies
 *  the whole database, which for a big library would hold the window back at start). */
export const FIRST_MAINTENANCE_DELAY_MS = 5_000;
/** How long after start unreferenced asset files are collected (off the start-up path). */
export const ASSET_GC_DELAY_MS = 10_000;

export interface MaintenanceTarget {
  lib: Library;
  trash: Pick<TrashService, 'purge'>;
}

/** One round: purge the trash and old downloads, then a backup when the last automatic one is a day old. */
export function runMaintenance(target: MaintenanceTarget, backups: Pick<BackupService, 'lastAutomaticAt' | 'create'>, clock: Clock): void {
  try {
    target.trash.purge();
    purgeOldDownloads(exportsDir(target.lib), clock.now());
    const last = backups.lastAutomaticAt();
    if (last === null || clock.now() - last >= DAY_MS) backups.create(target.lib.db, 'auto');
  } catch (error) {
    console.error('[atelier] scheduled backup or purge failed:', error);
  }
}

/** Runs `round` soon after start, then hourly; returns what stops it. */
export function scheduleMaintenance(scheduler: Scheduler, round: () => void): () => void {
  const stops = [scheduler.after(FIRST_MAINTENANCE_DELAY_MS, round), scheduler.every(MAINTENANCE_INTERVAL_MS, round)];
  return () => stops.forEach((stop) => stop());
}

/** Unreferenced files are collected after a grace period, once per start. */
export function scheduleAssetGc(scheduler: Scheduler, assets: Pick<AssetService, 'collectGarbage'>): () => void {
  return scheduler.after(ASSET_GC_DELAY_MS, () => {
    try {
      assets.collectGarbage();
    } catch (error) {
      console.error('[atelier] asset gc failed:', error);
    }
  });
}
