// Which files a call may name. The desktop app and the CLI act for the person at the keyboard, who
// picks real paths (a save dialog, a command argument): `anywhere`. Browser mode answers a page,
// and a page must never read or overwrite an arbitrary file: `library` — a file to read must be an
// upload the web host received into the library's imports folder, and an output always goes to
// the library's own exports folder (the page downloads it from there).
import path from 'node:path';
import { AtelierError } from '../contract/errors';
import { realFileInside } from './real-file';
import { importsDir } from './packs/uploads';

export type FileAccess = 'library' | 'anywhere';

export interface FileGate {
  readonly access: FileAccess;
  /** The file to read for `field`; in `library` mode only an upload in the imports folder. */
  input(file: string, field: string): string;
  /** An explicit output path for `field`; refused in `library` mode (outputs go to the library's folders). */
  output(file: string | undefined, field: string): string | undefined;
}

function refused(field: string): AtelierError {
  return new AtelierError(
    'unauthorized',
    `In browser mode Atelier reads only files you upload and writes only into its own library folder; "${field}" cannot name a file on this computer. Nothing was changed.`,
    { field },
    { key: 'browserMode.pathRefused', params: { field } },
  );
}

export function createFileGate(dataDir: string, access: FileAccess): FileGate {
  return {
    access,
    input(file, field) {
      if (access === 'anywhere') return file;
      const found = realFileInside(importsDir(dataDir), path.resolve(dataDir, file));
      if (!found) throw refused(field);
      return found.file;
    },
    output(file, field) {
      if (access === 'anywhere' || file === undefined) return file;
      throw refused(field);
    },
  };
}
