// `npm start`: build when needed, then launch the desktop app — or, when Electron's binary is not
// there (or there is no display), the same studio in browser mode on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectron, hasDisplay } from './electron-binary.mjs';
import { buildIsStale } from './freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const passthrough = process.argv.slice(2);

if (buildIsStale(root)) {
  console.log('[atelier] Building…');
  const result = spawnSync(process.execPath, [path.join(root, 'build/scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = findElectron();
if (electron.path && hasDisplay()) {
  console.log('[atelier] Starting the desktop app…');
  run(electron.path, [root, ...passthrough]);
} else {
  const why = electron.path ? 'there is no display to open a window on' : electron.reason;
  console.log(`[atelier] Not starting the desktop app: ${why}.`);
  console.log('[atelier] Starting the same studio in browser mode instead.');
  run(process.execPath, [path.join(root, 'out/cli/index.js'), 'serve', ...passthrough]);
}
