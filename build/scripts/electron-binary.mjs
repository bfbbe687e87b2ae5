// Where the Electron binary is, or why there is none. Shared by `npm start` and the Electron e2e suite.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function findElectron() {
  if (process.env.ELECTRON_PATH) {
    return existsSync(process.env.ELECTRON_PATH)
      ? { path: process.env.ELECTRON_PATH }
      : { path: null, reason: `ELECTRON_PATH points to ${process.env.ELECTRON_PATH}, which does not exist` };
  }
  const require = createRequire(import.meta.url);
  try {
    // electron/index.js returns the binary path, and throws when the download was skipped or failed.
    const binary = require('electron');
    if (typeof binary === 'string' && existsSync(binary)) return { path: binary };
    return { path: null, reason: 'the Electron package has no binary' };
  } catch (error) {
    const message = String(error?.message ?? error).split('\n')[0];
    return {
      path: null,
      reason: /Cannot find module 'electron'/.test(message)
        ? 'the electron package is not installed'
        : 'the Electron binary was not downloaded (no internet access during `npm install`, or ELECTRON_SKIP_BINARY_DOWNLOAD was set)',
    };
  }
}

export function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}
