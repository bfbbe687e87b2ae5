// Pure: the native theme follows the user's choice in Settings, and "system" follows the OS.
// Electron's nativeTheme.themeSource drives `prefers-color-scheme` in the page, the native menus
// and dialogs, so the renderer's own theme switch and the window chrome always agree.
import type { Settings } from '../../contract';

export type ThemeSource = 'system' | 'light' | 'dark';

export function themeSourceFor(theme: Settings['theme'] | undefined): ThemeSource {
  return theme === 'light' || theme === 'dark' ? theme : 'system';
}
