// A full, read-only or forbidden disk, said the same way everywhere: an `io_error` whose reason the
// renderer translates (serviceErrors.io.* in locales/<lang>/errors.json), never `internal`.
import { AtelierError, type ErrorReason } from '../contract/errors';

export const DISK_FULL_REASON: ErrorReason = { key: 'io.diskFull' };
export const READ_ONLY_REASON: ErrorReason = { key: 'io.readOnly' };
export const NOT_ALLOWED_REASON: ErrorReason = { key: 'io.notAllowed' };

/** Errno or SQLite codes that mean the disk refused a write, mapped to what the user should hear. */
export function diskProblem(code: unknown): { reason: ErrorReason; message: string } | null {
  if (typeof code !== 'string') return null;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') {
    return { reason: DISK_FULL_REASON, message: 'The disk is full; nothing was changed. Free some space and try again.' };
  }
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return { reason: READ_ONLY_REASON, message: 'The library is read-only; nothing was changed.' };
  if (code === 'EACCES' || code === 'EPERM') return { reason: NOT_ALLOWED_REASON, message: 'Atelier is not allowed to write in the library folder; nothing was changed.' };
  return null;
}

/** The disk problem behind `error`, as an AtelierError; null when it is something else. */
export function diskError(error: unknown): AtelierError | null {
  const code = (error as { code?: unknown } | null)?.code;
  const problem = diskProblem(code);
  return problem ? new AtelierError('io_error', problem.message, { code }, problem.reason) : null;
}
