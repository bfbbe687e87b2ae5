// The one vocabulary for storage failures — a full, read-only or forbidden disk, a missing or unreadable
// file, a busy, conflicting or damaged library file — said the same way by every layer that touches the
// disk (db's crash-safe writes, services, dispatch). Each is an AtelierError with a `storage.*` reason the
// renderer translates (serviceErrors.storage.* in locales/<lang>/errors.json), never `internal`.
// In db/ because db writes files and may throw only core errors; services and dispatch import it from here.
import { AtelierError, type ErrorReason } from '../core/errors';

/** What the disk refused, by errno or SQLite code. */
export type DiskProblem = 'diskFull' | 'readOnly' | 'notAllowed';

/** Errno or SQLite codes that mean the disk refused a write; null for anything else. */
export function diskProblem(code: unknown): DiskProblem | null {
  if (typeof code !== 'string') return null;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'diskFull';
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return 'readOnly';
  if (code === 'EACCES' || code === 'EPERM') return 'notAllowed';
  return null;
}

/** The `code` of a Node or SQLite error, or of the error an AtelierError from here was made from. */
export function errorCode(error: unknown): string | undefined {
  const own = (error as { code?: unknown } | null)?.code;
  const code = error instanceof AtelierError ? (error.details as { code?: unknown } | undefined)?.code : own;
  return typeof code === 'string' ? code : undefined;
}

const LIBRARY_SENTENCES: Record<DiskProblem, string> = {
  diskFull: 'The disk is full; nothing was changed. Free some space and try again.',
  readOnly: 'The library is read-only; nothing was changed.',
  notAllowed: 'Atelier is not allowed to write in the library folder; nothing was changed.',
};

const LIBRARY_REASONS: Record<DiskProblem, ErrorReason> = {
  diskFull: { key: 'storage.diskFull' },
  readOnly: { key: 'storage.readOnly' },
  notAllowed: { key: 'storage.notAllowed' },
};

/** The disk problem behind `error` (said about the library, no file named); null when it is something else. */
export function diskError(error: unknown): AtelierError | null {
  const code = errorCode(error);
  const problem = diskProblem(code);
  return problem ? new AtelierError('io_error', LIBRARY_SENTENCES[problem], { code }, LIBRARY_REASONS[problem]) : null;
}

/** A failed write of `file`, naming it: disk full, read-only, not allowed, or why it could not be written. */
export function fileWriteError(error: unknown, file: string): AtelierError {
  if (error instanceof AtelierError) return error;
  const code = errorCode(error) ?? '';
  const params = { file };
  switch (diskProblem(code)) {
    case 'diskFull':
      return new AtelierError('io_error', `The disk is full: ${file} could not be written; nothing was changed. Free some space and try again.`, { code, file }, { key: 'storage.diskFullFile', params });
    case 'readOnly':
      return new AtelierError('io_error', `The disk is read-only: ${file} could not be written; nothing was changed.`, { code, file }, { key: 'storage.readOnlyFile', params });
    case 'notAllowed':
      return new AtelierError('io_error', `Not allowed to write ${file}; nothing was changed.`, { code, file }, { key: 'storage.notAllowedFile', params });
    default:
      return new AtelierError('io_error', `${file} could not be written (${code || (error as Error)?.message}); nothing was changed.`, { code, file }, { key: 'storage.cannotWrite', params });
  }
}

/** A failed read of `file`, naming it: missing, not allowed, or why it could not be read. */
export function fileReadError(error: unknown, file: string): AtelierError {
  if (error instanceof AtelierError) return error;
  const code = errorCode(error) ?? '';
  const params = { file };
  if (code === 'ENOENT') return new AtelierError('not_found', `${file} does not exist.`, { code, file }, { key: 'storage.fileMissing', params });
  if (code === 'EACCES' || code === 'EPERM') return new AtelierError('io_error', `Not allowed to read ${file}.`, { code, file }, { key: 'storage.notAllowedToRead', params });
  if (code === 'EISDIR') return new AtelierError('io_error', `${file} is a folder, not a file.`, { code, file }, { key: 'storage.isAFolder', params });
  return new AtelierError('io_error', `Cannot read ${file} (${code || (error as Error)?.message}).`, { code, file }, { key: 'storage.cannotRead', params });
}

/** A file that should be there and is not. */
export function fileMissing(file: string): AtelierError {
  return new AtelierError('not_found', `${file} does not exist.`, { file }, { key: 'storage.fileMissing', params: { file } });
}

/** SQLite codes that mean the library file itself could not be read or written (worth a log line). */
export function isLibraryDamage(code: unknown): boolean {
  return typeof code === 'string' && (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CORRUPT');
}

/**
 * Any storage failure behind `error`, said about the library: the disk (full, read-only, not allowed),
 * or SQLite (a constraint conflict, busy, an unreadable library file). Null when it is something else.
 */
export function storageError(error: unknown): AtelierError | null {
  const disk = diskError(error);
  if (disk) return disk;
  const code = errorCode(error);
  if (code === undefined || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_CONSTRAINT')) return new AtelierError('conflict', `That change conflicts with what is stored (${code}); nothing was changed.`, { code }, { key: 'storage.conflict' });
  if (code === 'SQLITE_BUSY') return new AtelierError('io_error', 'The library is busy in another program; try again.', { code }, { key: 'storage.busy' });
  if (isLibraryDamage(code)) return new AtelierError('io_error', `The library file could not be read or written (${code}).`, { code }, { key: 'storage.libraryUnreadable' });
  return null;
}

/** The disk that holds the library filled up: it cannot even be opened until space is freed. */
export function diskFullAtOpenError(folder: string, file: string, code: string): AtelierError {
  return new AtelierError(
    'io_error',
    `The disk that holds the library (${folder}) is full: Atelier cannot open it until some space is freed. Nothing was changed.`,
    { code, file },
    { key: 'storage.diskFullAtOpen', params: { folder } },
  );
}
