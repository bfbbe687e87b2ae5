// The calendar as the renderer sees it: one period of posts from the services (already in each
// client's wall clock), filters applied here, undo/redo state from the service-side log.
import { createStore } from 'zustand/vanilla';
import type { In, Message } from '../../../src-main/contract';
import type { NetworkId, PostStatus } from '../../../src-main/core/domain/posts';
import type { CalendarClient, CalendarPost, PlanWarning, Slot } from '../../../src-main/contract/api/calendar';
import type { HostClient } from '../../host/client';
import { todayIn, viewRange, type CalendarView } from './calendar-dates';

export interface Filters {
  network: string;
  status: string;
  label: string;
  campaign: string;
}

export const NO_FILTERS: Filters = { network: '', status: '', label: '', campaign: '' };

export interface CalendarState {
  clientId: string | null;
  view: CalendarView;
  anchor: string;
  firstDay: number;
  filters: Filters;
  clients: CalendarClient[];
  posts: CalendarPost[];
  unscheduled: CalendarPost[];
  warnings: PlanWarning[];
  /** Post id → its design's thumbnail URL path (posts without a design are absent). */
  thumbnails: Record<string, string>;
  due: CalendarPost[];
  missed: CalendarPost[];
  slots: Slot[];
  /** What undo and redo would do (a service message; translated where shown). */
  undoLabel: Message | null;
  redoLabel: Message | null;
  /** The open post (its details show in the side panel). */
  selectedId: string | null;
  /** Posts picked on the grid for a bulk shift (Ctrl/Cmd-click, Shift-click); the last picked is `pickAnchor`. */
  picked: ReadonlySet<string>;
  pickAnchor: string | null;
  loaded: boolean;
  /** The period `posts` belong to (periodKey of the last load), so a view knows its posts have come. */
  loadedPeriod: string | null;
  configure(patch: Partial<Pick<CalendarState, 'clientId' | 'view' | 'anchor' | 'firstDay' | 'filters' | 'selectedId'>>): void;
  /**
   * Picks a post: `only` makes it the whole selection, `toggle` adds or removes it, `range` picks every
   * post of `order` between the last picked one and this one.
   */
  pick(id: string, mode: 'only' | 'toggle' | 'range', order?: readonly string[]): void;
  clearPicked(): void;
  /** Shifts the picked posts by whole days and minutes (one undoable step); resolves to how many moved. */
  shiftPicked(days: number, minutes?: number): Promise<number>;
  load(): Promise<void>;
  loadDue(): Promise<void>;
  /** To another day at the same time of day (`date`), or to an exact wall-clock time (`at`). */
  move(id: string, target: MoveTarget): Promise<CalendarPost>;
  setStatus(id: string, status: PostStatus): Promise<CalendarPost>;
  addToQueue(id: string): Promise<CalendarPost>;
  remove(id: string): Promise<void>;
  /** `links`: where it went out; one per network, or one without a network for a post that has none. */
  markPublished(id: string, links?: { network?: NetworkId; url: string }[]): Promise<void>;
  undo(): Promise<Message | null>;
  redo(): Promise<Message | null>;
  addSlot(input: In<'calendar.slots.add'>): Promise<void>;
  removeSlot(id: string): Promise<void>;
  setApprovalMode(clientId: string, mode: 'none' | 'required'): Promise<void>;
}

export type MoveTarget = { date: string } | { at: string };

/** Which period of which calendar a load is for. */
export function periodKey(clientId: string | null, range: { from: string; to: string }): string {
  return `${clientId ?? '*'}|${range.from}|${range.to}`;
}

export function matches(post: CalendarPost, f: Filters): boolean {
  return (
    (!f.network || post.variants.some((v) => v.network === f.network)) &&
    (!f.status || post.status === f.status) &&
    (!f.label || post.labels.includes(f.label)) &&
    (!f.campaign || post.campaign === f.campaign)
  );
}

/**
 * The new list, reusing the previous object for every post that did not change: after a move or an
 * undo in a busy month, only the cards that changed render again (cards are memoised by post).
 */
export function keepUnchanged(before: readonly CalendarPost[], after: CalendarPost[]): CalendarPost[] {
  if (before.length === 0) return after;
  const old = new Map(before.map((p) => [p.id, p]));
  return after.map((post) => {
    const prev = old.get(post.id);
    return prev && prev.updatedAt === post.updatedAt && JSON.stringify(prev) === JSON.stringify(post) ? prev : post;
  });
}

export type CalendarStore = ReturnType<typeof createCalendarStore>;

export function createCalendarStore(host: HostClient, options: { firstDay: number; today?: string; view?: CalendarView; anchor?: string }) {
  let generation = 0;
  const store = createStore<CalendarState>((set, get) => {
    async function after<T>(work: Promise<T>): Promise<T> {
      const result = await work;
      await Promise.all([get().load(), get().loadDue()]);
      return result;
    }
    return {
      clientId: null,
      view: options.view ?? 'month',
      anchor: options.anchor ?? options.today ?? todayIn(),
      firstDay: options.firstDay,
      filters: NO_FILTERS,
      clients: [],
      posts: [],
      unscheduled: [],
      warnings: [],
      thumbnails: {},
      due: [],
      missed: [],
      slots: [],
      undoLabel: null,
      redoLabel: null,
      selectedId: null,
      picked: new Set<string>(),
      pickAnchor: null,
      loaded: false,
      loadedPeriod: null,
      configure(patch) {
        // Another client's calendar starts with nothing picked.
        if (patch.clientId !== undefined && patch.clientId !== get().clientId) set({ picked: new Set(), pickAnchor: null });
        set(patch);
      },
      pick(id, mode, order = []) {
        const { picked, pickAnchor } = get();
        if (mode === 'only') return set({ picked: new Set([id]), pickAnchor: id });
        if (mode === 'toggle') {
          const next = new Set(picked);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return set({ picked: next, pickAnchor: id });
        }
        const from = pickAnchor ? order.indexOf(pickAnchor) : -1;
        const to = order.indexOf(id);
        if (from < 0 || to < 0) return set({ picked: new Set([id]), pickAnchor: id });
        // The anchor stays, so a second Shift-click re-draws the run from the same post.
        set({ picked: new Set(order.slice(Math.min(from, to), Math.max(from, to) + 1)) });
      },
      clearPicked() {
        if (get().picked.size > 0) set({ picked: new Set(), pickAnchor: null });
      },
      async shiftPicked(days, minutes = 0) {
        const ids = [...get().picked];
        if (ids.length === 0 || (days === 0 && minutes === 0)) return 0;
        const result = await after(host.invoke('calendar.shift', { ids, days, ...(minutes ? { minutes } : {}) }));
        return result.posts.length;
      },
      async load() {
        const { clientId, view, anchor, firstDay } = get();
        const mine = ++generation;
        const range = viewRange(view, anchor, firstDay);
        const [data, undo, slots] = await Promise.all([
          host.invoke('calendar.range', { clientId: clientId ?? undefined, ...range }),
          host.invoke('calendar.undoState', {}),
          clientId ? host.invoke('calendar.slots.list', { clientId }) : Promise.resolve([] as Slot[]),
        ]);
        if (mine !== generation) return; // a newer load superseded this one
        const posts = keepUnchanged(get().posts, data.posts);
        set({ ...data, posts, thumbnails: data.thumbnails ?? {}, slots, undoLabel: undo.undo, redoLabel: undo.redo, loaded: true, loadedPeriod: periodKey(clientId, range) });
      },
      async loadDue() {
        const [due, missed] = await Promise.all([host.invoke('calendar.due', {}), host.invoke('calendar.missed', {})]);
        set({ due, missed });
      },
      move: (id, target) => after(host.invoke('calendar.move', { id, ...target }).then((r) => r.post)),
      setStatus: (id, status) => after(host.invoke('calendar.setStatus', { id, status })),
      addToQueue: (id) => after(host.invoke('calendar.addToQueue', { id }).then((r) => r.post)),
      remove: (id) =>
        after(host.invoke('calendar.delete', { ids: [id] }).then(() => undefined)).then(() => {
          const picked = new Set(get().picked);
          if (picked.delete(id)) set({ picked });
        }),
      markPublished: (id, links = []) => {
        const given = links.filter((l) => l.url);
        const url = given.find((l) => !l.network)?.url;
        const permalinks = given.filter((l): l is { network: NetworkId; url: string } => Boolean(l.network));
        return after(host.invoke('calendar.markPublished', { id, url, permalinks: permalinks.length ? permalinks : undefined }).then(() => undefined));
      },
      undo: () => after(host.invoke('calendar.undo', {}).then((r) => r.label)),
      redo: () => after(host.invoke('calendar.redo', {}).then((r) => r.label)),
      addSlot: (input) => after(host.invoke('calendar.slots.add', input).then(() => undefined)),
      removeSlot: (id) => after(host.invoke('calendar.slots.delete', { id }).then(() => undefined)),
      setApprovalMode: (clientId, mode) => after(host.invoke('calendar.setApprovalMode', { clientId, mode }).then(() => undefined)),
    };
  });
  return store;
}

/**
 * Keeps a calendar store fresh while the screen is open; returns the unsubscribe for the effect's
 * cleanup. A refresh that fails keeps what is shown and goes to `onError` (the screen's toast).
 */
export function followChanges(host: HostClient, store: CalendarStore, onError: (error: unknown) => void): () => void {
  const reload = () => void store.getState().load().catch(onError);
  const reloadDue = () => void store.getState().loadDue().catch(onError);
  const offs = [
    host.on('posts.changed', () => {
      reload();
      reloadDue();
    }),
    host.on('post.due', reloadDue),
    host.on('clients.changed', reload),
    // A saved design has a new thumbnail URL.
    host.on('designs.changed', reload),
  ];
  return () => offs.forEach((off) => off());
}

