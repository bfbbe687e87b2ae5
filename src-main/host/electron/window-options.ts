// Pure: the BrowserWindow options, so a unit test can hold every security setting in place.
import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_SCHEME = 'atelier';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const WINDOW_SIZING = Object.freeze({ width: 1280, height: 820, minWidth: 1024, minHeight: 700 });

/** The window's background before the page paints, matching the theme (no white flash in the dark). */
export function windowBackground(dark: boolean): string {
  return dark ? '#111318' : '#f6f7f9';
}

export interface WindowPlacement {
  width: number;
  height: number;
  x?: number;
  y?: number;
}

export function windowOptions(preloadPath: string, placement?: WindowPlacement, appearance: { dark?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    width: placement?.width ?? WINDOW_SIZING.width,
    height: placement?.height ?? WINDOW_SIZING.height,
    ...(placement?.x !== undefined && placement?.y !== undefined ? { x: placement.x, y: placement.y } : { center: true }),
    minWidth: WINDOW_SIZING.minWidth,
    minHeight: WINDOW_SIZING.minHeight,
    show: false,
    title: 'Atelier',
    backgroundColor: windowBackground(appearance.dark ?? true),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
