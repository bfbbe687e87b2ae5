// Where the built pieces sit relative to the CLI bundle (out/cli/index.js → out/renderer).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AtelierError } from '../core/errors';

export function rendererDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.resolve(here, '..', 'renderer');
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new AtelierError('not_found', `The studio's interface is not built (${dir} is missing). Run \`npm run build\` first.`);
  }
  return dir;
}
