// Where the library lives: --data-dir, else ATELIER_DATA_DIR, else the OS user-data folder for
// an app named Atelier — the same folder Electron's app.getPath('userData') gives, so the desktop
// app, browser mode and the CLI share one library.
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Atelier';

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_FOLDER_NAME);
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag && flag.trim()) return path.resolve(flag);
  if (env.ATELIER_DATA_DIR && env.ATELIER_DATA_DIR.trim()) return path.resolve(env.ATELIER_DATA_DIR);
  return defaultDataDir(process.platform, env);
}
