// One vocabulary for storage failures: what each refused write, read or SQLite call says to a person,
// in English (CLI, logs) and through a `storage.*` reason the studio translates.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtelierError } from '../../../src-main/contract/errors';
import { diskError, fileReadError, fileWriteError, storageError } from '../../../src-main/db/storage-errors';
import { toWireError } from '../../../src-main/dispatch';

const errno = (code: string) => Object.assign(new Error(`${code}: something`), { code });
const catalogue = (lang: string) =>
  (JSON.parse(readFileSync(path.resolve(__dirname, '../../../src-renderer/locales', lang, 'errors.json'), 'utf8')) as { serviceErrors: { storage: Record<string, string> } }).serviceErrors.storage;

describe('storage errors', () => {
  it('a refused file write names the file and what the disk said', () => {
    const file = '/exports/acme.atelierpack';
    expect(fileWriteError(errno('ENOSPC'), file)).toMatchObject({ code: 'io_error', message: expect.stringMatching(/^The disk is full: \/exports\/acme\.atelierpack could not be written/), reason: { key: 'storage.diskFullFile', params: { file } } });
    expect(fileWriteError(errno('EROFS'), file)).toMatchObject({ message: expect.stringMatching(/read-only: \/exports\/acme/), reason: { key: 'storage.readOnlyFile' } });
    expect(fileWriteError(errno('EACCES'), file)).toMatchObject({ message: `Not allowed to write ${file}; nothing was changed.`, reason: { key: 'storage.notAllowedFile' } });
    expect(fileWriteError(errno('EIO'), file)).toMatchObject({ message: `${file} could not be written (EIO); nothing was changed.`, reason: { key: 'storage.cannotWrite' } });
  });

  it('a refused read says the file is missing, forbidden, a folder, or unreadable', () => {
    expect(fileReadError(errno('ENOENT'), 'd.json')).toMatchObject({ code: 'not_found', message: 'd.json does not exist.', reason: { key: 'storage.fileMissing', params: { file: 'd.json' } } });
    expect(fileReadError(errno('EPERM'), 'd.json').reason?.key).toBe('storage.notAllowedToRead');
    expect(fileReadError(errno('EISDIR'), 'd.json').message).toBe('d.json is a folder, not a file.');
    expect(fileReadError(errno('EIO'), 'd.json').message).toBe('Cannot read d.json (EIO).');
  });

  it('the disk behind a failure is found through an error made from it, and nothing else is taken for one', () => {
    const written = fileWriteError(errno('EDQUOT'), 'sessions/1.json');
    expect(diskError(written)).toMatchObject({ message: 'The disk is full; nothing was changed. Free some space and try again.', reason: { key: 'storage.diskFull' } });
    expect(diskError(errno('ENOENT'))).toBeNull();
    expect(diskError(new Error('no code'))).toBeNull();
    expect(storageError(errno('SQLITE_MISMATCH'))).toBeNull();
  });

  it('dispatch says SQLite failures plainly and logs only the ones that may need recovery', () => {
    const logged: unknown[] = [];
    const log = (_m: string, e: unknown) => logged.push(e);
    expect(toWireError('posts.create', errno('SQLITE_CONSTRAINT_UNIQUE'), log)).toMatchObject({ code: 'conflict', reason: { key: 'storage.conflict' } });
    expect(toWireError('posts.create', errno('SQLITE_BUSY'), log)).toMatchObject({ code: 'io_error', message: 'The library is busy in another program; try again.', reason: { key: 'storage.busy' } });
    expect(toWireError('posts.create', errno('SQLITE_READONLY_DBMOVED'), log)).toMatchObject({ code: 'io_error', reason: { key: 'storage.readOnly' } });
    expect(logged).toEqual([]);
    expect(toWireError('posts.create', errno('SQLITE_IOERR_WRITE'), log)).toMatchObject({ code: 'io_error', message: expect.stringMatching(/could not be read or written \(SQLITE_IOERR_WRITE\)/), reason: { key: 'storage.libraryUnreadable' } });
    expect(logged).toHaveLength(1);
    expect(toWireError('posts.create', new TypeError('bug'), log)).toEqual({ code: 'internal', message: 'Something went wrong in posts.create; nothing was changed.' });
    expect(toWireError('posts.create', new AtelierError('not_found', 'No such post.', undefined, { key: 'posts.notFound' }), log)).toMatchObject({ code: 'not_found' });
  });

  it('every storage reason reads in English and French, naming the file where the English does', () => {
    const en = catalogue('en');
    const fr = catalogue('fr');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of ['diskFullFile', 'readOnlyFile', 'notAllowedFile', 'fileMissing', 'cannotRead', 'cannotWrite']) {
      expect(en[key], key).toContain('{{file}}');
      expect(fr[key], key).toContain('{{file}}');
    }
  });
});
