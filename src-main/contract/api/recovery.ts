// The recovery contract works without an open library: a damaged database never locks the user
// out of their backups. The renderer asks `recovery.status` first and shows the recovery screen.
import { z } from 'zod';
import { BackupInfo, RestoreResult } from './backups';
import { defineMethods } from './define';
import { ErrorReason } from '../errors';

export const RecoveryStatus = z.object({
  state: z.enum(['ok', 'recovery']),
  /** Why the library could not be opened (null when it is fine). */
  problem: z.string().nullable(),
  /** The same, translatable (serviceErrors.<key>), when Atelier knows what it was. */
  problemReason: ErrorReason.nullable(),
  /** The previous run did not close the library cleanly; the full checks ran. */
  uncleanShutdown: z.boolean(),
  check: z.enum(['quick', 'full']).nullable(),
  newestBackup: BackupInfo.nullable(),
});
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;

export const recoveryMethods = defineMethods({
  'recovery.status': { summary: 'Is the library healthy, and which backup would a restore use.', input: z.strictObject({}), output: RecoveryStatus },
  'recovery.restoreLatest': {
    summary: 'Restore the newest backup that passes its check (only while the library needs recovery).',
    input: z.strictObject({}),
    output: RestoreResult,
  },
  'recovery.export': {
    summary: 'Write every row that can still be read to a JSON file in the library folder.',
    input: z.strictObject({}),
    output: z.object({ file: z.string(), rows: z.record(z.string(), z.number().int()), unreadable: z.array(z.string()) }),
  },
});
