// Fetch Electron's binary ourselves, so that `npm install` never fails because of it.
//
// package.json denies electron's own install script (`allowScripts`), because on a machine
// without internet access it fails and takes the whole `npm install` down with it. Here we run
// the same installer, and when it cannot download we say so and carry on: `npm start` then runs
// the studio in browser mode, and everything else (build, tests, CLI) works without the binary.
//
// `npm run electron:install` (--force) is the user asking for the binary: there, a failed download
// is a failure, and the command exits non-zero so scripts and CI see it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const force = process.argv.includes('--force');

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null; // production install without devDependencies
  }
}

const dir = electronDir();
if (!dir) {
  if (force) {
    console.error('[atelier] The electron package is not installed (a production install?): run `npm install` first.');
    process.exit(1);
  }
  process.exit(0);
}

if (existsSync(path.join(dir, 'path.txt'))) {
  console.log('[atelier] Electron binary present.');
  process.exit(0);
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD && !force) {
  console.log('[atelier] ELECTRON_SKIP_BINARY_DOWNLOAD is set: Electron binary not downloaded. `npm start` will run the studio in browser mode.');
  process.exit(0);
}

console.log('[atelier] Downloading the Electron binary…');
const env = { ...process.env };
delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
  cwd: dir,
  env,
  stdio: ['ignore', 'inherit', 'pipe'],
  timeout: 5 * 60_000,
  encoding: 'utf8',
});
if (result.status === 0 && existsSync(path.join(dir, 'path.txt'))) {
  console.log('[atelier] Electron binary installed.');
  process.exit(0);
}
const reason = (result.error?.message ?? result.stderr ?? '').trim().split('\n').find((l) => l.trim()) ?? 'unknown error';
if (force) {
  console.error(`[atelier] Could not download the Electron binary (${reason}).\n[atelier] Check the internet access (or ELECTRON_MIRROR) and run \`npm run electron:install\` again.`);
  process.exit(1);
}
console.warn(
  `[atelier] Could not download the Electron binary (${reason}).\n` +
    '[atelier] That is fine: `npm start` will run the studio in browser mode, and the tests do not need it.\n' +
    '[atelier] To get the desktop app later, run `npm run electron:install` with internet access.',
);
process.exit(0);
