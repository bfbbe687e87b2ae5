// One registry of the keyboard shortcuts the studio offers: the cheat sheet lists it, the global
// handler matches against it, and the native menu (src-main/host/electron/menu.ts) uses the same
// keys for screens (Mod+1…7) and Settings (Mod+,). `Mod` is ⌘ on macOS and Ctrl elsewhere.
import type { Screen } from './store';

export type ShortcutGroup = 'general' | 'navigation' | 'editor' | 'calendar';

export interface Shortcut {
  /** Also the i18n key under `polish.shortcuts.actions`. */
  id: string;
  group: ShortcutGroup;
  /** One or more key combinations, e.g. ['Mod+Shift+Z', 'Mod+Y']. */
  keys: readonly string[];
}

/** Screens in the order the native View menu numbers them (Mod+1…7); Settings is Mod+,. */
export const NUMBERED_SCREENS = ['calendar', 'editor', 'captions', 'library', 'packs', 'clients', 'insights'] as const satisfies readonly Screen[];

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'palette', group: 'general', keys: ['Mod+K'] },
  { id: 'cheatSheet', group: 'general', keys: ['?'] },
  { id: 'search', group: 'general', keys: ['/'] },
  { id: 'newPost', group: 'general', keys: ['N'] },
  { id: 'close', group: 'general', keys: ['Escape'] },
  ...NUMBERED_SCREENS.map((screen, i): Shortcut => ({ id: `goto.${screen}`, group: 'navigation', keys: [`Mod+${i + 1}`] })),
  { id: 'goto.settings', group: 'navigation', keys: ['Mod+,'] },
  // The editor's own handler (features/editor) implements these, after Canva and Figma.
  { id: 'editor.undo', group: 'editor', keys: ['Mod+Z'] },
  { id: 'editor.redo', group: 'editor', keys: ['Mod+Shift+Z', 'Mod+Y'] },
  { id: 'editor.copy', group: 'editor', keys: ['Mod+C'] },
  { id: 'editor.paste', group: 'editor', keys: ['Mod+V'] },
  { id: 'editor.duplicate', group: 'editor', keys: ['Mod+D'] },
  { id: 'editor.selectAll', group: 'editor', keys: ['Mod+A'] },
  { id: 'editor.delete', group: 'editor', keys: ['Delete', 'Backspace'] },
  { id: 'editor.group', group: 'editor', keys: ['Mod+G'] },
  { id: 'editor.ungroup', group: 'editor', keys: ['Mod+Shift+G'] },
  { id: 'editor.forward', group: 'editor', keys: ['Mod+]'] },
  { id: 'editor.backward', group: 'editor', keys: ['Mod+['] },
  { id: 'editor.front', group: 'editor', keys: ['Mod+Alt+]', 'Mod+Shift+]'] },
  { id: 'editor.back', group: 'editor', keys: ['Mod+Alt+[', 'Mod+Shift+['] },
  { id: 'editor.lock', group: 'editor', keys: ['Alt+Shift+L'] },
  { id: 'editor.addText', group: 'editor', keys: ['T'] },
  { id: 'editor.addRect', group: 'editor', keys: ['R'] },
  { id: 'editor.addCircle', group: 'editor', keys: ['C'] },
  { id: 'editor.addLine', group: 'editor', keys: ['L'] },
  { id: 'editor.nudge', group: 'editor', keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] },
  { id: 'editor.nudgeFar', group: 'editor', keys: ['Shift+ArrowRight'] },
  { id: 'editor.editText', group: 'editor', keys: ['Enter'] },
  { id: 'editor.deselect', group: 'editor', keys: ['Escape'] },
  { id: 'editor.pan', group: 'editor', keys: ['Space'] },
  { id: 'editor.zoom', group: 'editor', keys: ['Mod+Wheel'] },
  { id: 'editor.zoomIn', group: 'editor', keys: ['Mod+='] },
  { id: 'editor.zoomOut', group: 'editor', keys: ['Mod+-'] },
  { id: 'editor.fit', group: 'editor', keys: ['Mod+0', 'Shift+1'] },
  // Calendar conventions (Google Calendar style) for the calendar screen.
  { id: 'calendar.previous', group: 'calendar', keys: ['ArrowLeft'] },
  { id: 'calendar.next', group: 'calendar', keys: ['ArrowRight'] },
  { id: 'calendar.today', group: 'calendar', keys: ['T'] },
  { id: 'calendar.day', group: 'calendar', keys: ['D'] },
  { id: 'calendar.month', group: 'calendar', keys: ['M'] },
  { id: 'calendar.week', group: 'calendar', keys: ['W'] },
  { id: 'calendar.agenda', group: 'calendar', keys: ['A'] },
  // Picking posts for a bulk shift (features/calendar): the click or, on a focused card, the key.
  { id: 'calendar.pick', group: 'calendar', keys: ['Mod+Click', 'Mod+Enter'] },
  { id: 'calendar.pickRange', group: 'calendar', keys: ['Shift+Click', 'Shift+Enter'] },
  { id: 'calendar.clearPicked', group: 'calendar', keys: ['Escape'] },
  // On the grids (features/calendar): the empty days and 15-minute slots, and the focused card.
  { id: 'calendar.slots', group: 'calendar', keys: ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'] },
  { id: 'calendar.newPostHere', group: 'calendar', keys: ['Enter'] },
  { id: 'calendar.moveTime', group: 'calendar', keys: ['Alt+ArrowUp', 'Alt+ArrowDown'] },
  { id: 'calendar.moveDay', group: 'calendar', keys: ['Alt+ArrowLeft', 'Alt+ArrowRight'] },
];

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['general', 'navigation', 'editor', 'calendar'];

export function isMac(platform: string = typeof navigator === 'undefined' ? '' : navigator.platform): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Backspace: '⌫', Delete: '⌦', Enter: '↩' };
const ARROWS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };
/** Named keys whose label is translated (polish.keys.*): French keyboards say Maj, Suppr, Échap… */
export const NAMED_KEYS = ['Mod', 'Shift', 'Alt', 'Escape', 'Backspace', 'Delete', 'Enter', 'Space', 'Wheel', 'Click'] as const;

/**
 * The keys of one combination as the user's platform and language write them:
 * ['Ctrl', 'Maj', 'Z'] on Windows/Linux in French, ['⌘', '⇧', 'Z'] on macOS.
 */
export function comboKeys(combo: string, mac = isMac(), label: (key: string) => string = (k) => k): string[] {
  const parts = combo.split('+');
  return parts.map((p) => ARROWS[p] ?? (mac ? MAC_SYMBOLS[p] : undefined) ?? ((NAMED_KEYS as readonly string[]).includes(p) ? label(p) : p));
}

/** Does a keydown match a combination like 'Mod+Shift+Z', '?' or 'Mod+,'? */
export function matches(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, combo: string, mac = isMac()): boolean {
  const parts = combo.split('+');
  const key = parts.pop()!;
  const wantMod = parts.includes('Mod');
  const wantShift = parts.includes('Shift');
  const wantAlt = parts.includes('Alt');
  const mod = mac ? e.metaKey : e.ctrlKey;
  const otherMod = mac ? e.ctrlKey : e.metaKey;
  if (mod !== wantMod || otherMod || e.altKey !== wantAlt) return false;
  // Printable symbols (?, /, ,) already carry their Shift: compare the character only.
  const symbol = key.length === 1 && !/[a-z0-9]/i.test(key);
  if (!symbol && e.shiftKey !== wantShift) return false;
  return e.key.toLowerCase() === key.toLowerCase();
}

/** Is the user typing in a field (where single-key shortcuts must not fire)? */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}

/** The aria-keyshortcuts value for a screen's nav entry (Control+1… or Meta+1… on macOS). */
export function screenShortcut(screen: Screen, mac = isMac()): string {
  const mod = mac ? 'Meta' : 'Control';
  const i = (NUMBERED_SCREENS as readonly Screen[]).indexOf(screen);
  return i >= 0 ? `${mod}+${i + 1}` : `${mod}+,`;
}
