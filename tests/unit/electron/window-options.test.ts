// Checklist items 2, 3, 4, 6, 8, 9, 10, 11: the window's webPreferences, held in place.
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, windowBackground, windowOptions } from '../../../src-main/host/electron/window-options';

describe('windowOptions', () => {
  const options = windowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences!;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('enables no Blink feature and loads the bundled preload only', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(Object.keys(prefs)).not.toContain('additionalArguments');
  });

  it('stays hidden until the first paint and starts on the app origin only', () => {
    expect(options.show).toBe(false);
    expect(APP_ENTRY_URL).toBe('atelier://app/index.html');
  });

  it('centres a window that has no remembered position and keeps a remembered one', () => {
    expect(options).toMatchObject({ width: 1280, height: 820, center: true });
    const placed = windowOptions('/p', { width: 1400, height: 900, x: 40, y: 30 });
    expect(placed).toMatchObject({ width: 1400, height: 900, x: 40, y: 30 });
    expect(placed.center).toBeUndefined();
  });

  it('paints the background in the theme colour before the page loads', () => {
    expect(windowOptions('/p', undefined, { dark: true }).backgroundColor).toBe(windowBackground(true));
    expect(windowOptions('/p', undefined, { dark: false }).backgroundColor).toBe(windowBackground(false));
    expect(windowBackground(true)).not.toBe(windowBackground(false));
  });
});
