import { z } from 'zod';
import { BACKUP_KINDS } from '../../core/domain/backups';
import { IsoInstant } from '../entities';
import { defineMethods } from './define';

export { BACKUP_KINDS, type BackupKind } from '../../core/domain/backups';

/** A backup file name as `backups.list` gives it; never a path, so a caller cannot reach outside the backups folder. */
export const BackupFileName = z
  .string()
  .max(120)
  .regex(/^atelier-[a-z-]+-\d{8}T\d{9}Z(-\d+)?\.db$/, 'must be a backup file name from backups.list');

export const BackupInfo = z.object({
  file: z.string(),
  kind: z.enum(BACKUP_KINDS),
  createdAt: IsoInstant,
  size: z.number().int().nonnegative(),
  /** Schema version inside the copy (null when it cannot be read). */
  schemaVersion: z.number().int().nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const RestoreResult = z.object({
  restored: z.string(),
  /** Where the database that was replaced now sits (never deleted), or null when there was none. */
  keptAside: z.string().nullable(),
  assetsRestored: z.number().int().nonnegative(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

export const backupMethods = defineMethods({
  'backups.list': {
    summary: 'Verified backups, newest first.',
    input: z.strictObject({}),
    output: z.object({ dir: z.string(), backups: z.array(BackupInfo) }),
  },
  'backups.create': {
    summary: 'Back up the library now (database copy checked with quick_check, new asset files copied); `out` (desktop and CLI only) writes the copy there instead.',
    input: z.strictObject({
      out: z
        .string()
        .max(4096)
        .regex(/^(\/|[A-Za-z]:[\\/])/, 'must be an absolute path')
        .regex(/\.db$/i, 'must end in .db')
        .optional(),
    }),
    output: z.object({ backup: BackupInfo, path: z.string(), assetsCopied: z.number().int().nonnegative() }),
  },
  'backups.restore': {
    summary:
      'Replace the library with a backup: `file` (a name from backups.list), `path` (a backup file elsewhere; desktop and CLI only) or `latest` (the newest that passes its check). The current database is kept aside, never overwritten.',
    input: z
      .strictObject({
        file: BackupFileName.optional(),
        path: z.string().max(4096).regex(/^(\/|[A-Za-z]:[\\/])/, 'must be an absolute path').optional(),
        latest: z.literal(true).optional(),
      })
      .refine((v) => [v.file, v.path, v.latest].filter((x) => x !== undefined).length === 1, { message: 'give exactly one of file, path or latest', path: ['file'] }),
    output: RestoreResult,
  },
});
