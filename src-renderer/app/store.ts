// App-wide state: where the user is, which client is in focus, preferences, toasts.
import { create } from 'zustand';
import type { Settings } from '../../src-main/contract';

export const SCREENS = ['calendar', 'editor', 'captions', 'library', 'packs', 'clients', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/**
 * What the post composer is asked to open: an existing post, or a new one with what is known
 * already (the client, a day or a day and time in the client's wall clock, a design to attach).
 */
export type ComposerRequest =
  | { kind: 'edit'; postId: string }
  | { kind: 'new'; clientId?: string | null; date?: string; time?: string; designId?: string; duplicateOf?: string }
  /** The draft kept while the user made a design for it in the editor. */
  | { kind: 'resume' };

interface AppState {
  screen: Screen;
  clientId: string | null;
  settings: Settings;
  connected: boolean;
  toasts: Toast[];
  /** A design or post the command palette asked to open; the owning screen takes it (takePending). */
  pending: { kind: 'design' | 'post'; id: string } | null;
  /** The post composer, open over the current screen (see features/composer). */
  composer: ComposerRequest | null;
  openComposer(request: ComposerRequest): void;
  closeComposer(): void;
  openItem(kind: 'design' | 'post', id: string): void;
  takePending(kind: 'design' | 'post'): string | null;
  go(screen: Screen): void;
  selectClient(id: string | null): void;
  setSettings(settings: Settings): void;
  setConnected(connected: boolean): void;
  toast(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

let toastIds = 1;

export const useApp = create<AppState>((set, get) => ({
  screen: 'clients',
  clientId: null,
  settings: { language: 'system', theme: 'system' },
  connected: true,
  toasts: [],
  pending: null,
  composer: null,
  openComposer: (composer) => set({ composer }),
  closeComposer: () => set({ composer: null }),
  openItem: (kind, id) => set({ pending: { kind, id }, screen: kind === 'design' ? 'editor' : 'calendar' }),
  takePending: (kind) => {
    const pending = get().pending;
    if (!pending || pending.kind !== kind) return null;
    set({ pending: null });
    return pending.id;
  },
  go: (screen) => set({ screen }),
  selectClient: (clientId) => set({ clientId }),
  setSettings: (settings) => set({ settings }),
  setConnected: (connected) => set({ connected }),
  toast: (toast) => {
    const id = toastIds++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { ...toast, id }] }));
    return id;
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
