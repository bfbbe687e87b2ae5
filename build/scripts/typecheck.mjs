// `npm run typecheck`: the whole tree (tsconfig.json), then the layers with narrower worlds —
// core without Node or DOM types (tsconfig.core.json), the renderer without Node types
// (tsconfig.renderer.json). One after the other: the machine's cores are better spent on one tsc.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const CONFIGS = ['tsconfig.json', 'tsconfig.core.json', 'tsconfig.renderer.json'];

for (const config of CONFIGS) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [tsc, '-p', config, '--noEmit'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[atelier] typecheck failed: ${config}`);
    process.exit(result.status ?? 1);
  }
  console.log(`[atelier] typecheck ${config}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
