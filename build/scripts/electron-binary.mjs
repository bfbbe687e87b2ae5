// Where the Electron binary is, or why there is none. Shared by `npm start` and the Electron e2e suite.
//
// It reads electron's path.txt itself instead of `require('electron')`: since Electron 3x the
// package's index.js tries to DOWNLOAD the binary when it is missing, and looking for the binary
// must never reach the network.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export function findElectron() {
  if (process.env.ELECTRON_PATH) {
    return existsSync(process.env.ELECTRON_PATH)
      ? { path: process.env.ELECTRON_PATH }
      : { path: null, reason: `ELECTRON_PATH points to ${process.env.ELECTRON_PATH}, which does not exist` };
  }
  const require = createRequire(import.meta.url);
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      path: null,
      reason: 'the Electron binary was not downloaded (no internet access during `npm install`, or ELECTRON_SKIP_BINARY_DOWNLOAD was set)',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : path.join(dir, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { path: null, reason: `the Electron binary listed in path.txt (${binary}) is missing` };
}

export function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}
