// Opening the library for one CLI command, and closing it whatever happens.
import { createAtelier, type Atelier } from '../app';
import { resolveDataDir } from '../host/shared/data-dir';

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

export async function withAtelier<T>(options: GlobalOptions, fn: (atelier: Atelier) => Promise<T> | T): Promise<T> {
  const atelier = createAtelier({ dataDir: resolveDataDir(options.dataDir), host: 'cli' });
  try {
    return await fn(atelier);
  } finally {
    atelier.close();
  }
}
