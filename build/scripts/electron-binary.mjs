// Where the Electron binary is, or why there is none. Shared by `npm start` and the Electron e2e suite.
// We read electron's path.txt ourselves: `require('electron')` would try to download a missing binary
// on the spot (and print a stack trace when offline).
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
  const notDownloaded = 'the Electron binary was not downloaded (no internet access during `npm install`, or ELECTRON_SKIP_BINARY_DOWNLOAD was set); run `npm run electron:install` with internet access';
  if (!existsSync(pathFile)) return { path: null, reason: notDownloaded };
  const executable = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  const binary = path.join(base, executable);
  return existsSync(binary) ? { path: binary } : { path: null, reason: notDownloaded };
}

export function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}
