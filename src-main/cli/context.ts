// Opening the library for one CLI command, and closing it whatever happens.
import type { Atelier } from '../app';
import { resolveDataDir } from '../host/shared/data-dir';

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

/** What a command may use: calls through the dispatcher (validated, recovery-aware), never the services, the database or the backups directly. */
export type CliAtelier = Omit<Atelier, 'services' | 'library' | 'backups' | 'restoreFrom'>;

export async function withAtelier<T>(options: GlobalOptions, fn: (atelier: CliAtelier) => Promise<T> | T): Promise<T> {
  // The app (services, database, contract schemas) is loaded by the first command that opens the
  // library, so `atelier --help` and usage errors never pay for it (build.mjs splits the CLI bundle).
  const { createAtelier } = await import('../app');
  const atelier = createAtelier({ dataDir: resolveDataDir(options.dataDir), host: 'cli' });
  try {
    return await fn(atelier);
  } finally {
    atelier.close();
  }
}
