// The calendar as the renderer sees it: one period of posts from the services (already in each
// client's wall clock), filters applied here, undo/redo state from the service-side log.
import { createStore } from 'zustand/vanilla';
import type { In, Message } from '../../../src-main/contract';
import type { NetworkId, PostStatus } from '../../../src-main/core/domain/posts';
import type { CalendarClient, CalendarPost, GridPost, PlanWarning, PostChanges, Slot } from '../../../src-main/contract/api/calendar';
import { AtelierError } from '../../../src-main/core/errors';
import { awaitedLater } from '../../../src-main/core/promises';
import { periodWarnings } from '../../../src-main/core/schedule/warnings';
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
  /** The period's posts as the grid shows them (calendar.grid): no captions or notes. */
  posts: GridPost[];
  unscheduled: GridPost[];
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
  /** The open post whole (calendar.post), once it has come; kept up to date by the changes heard. */
  openPost: CalendarPost | null;
  /** Posts picked on the grid for a bulk shift (Ctrl/Cmd-click, Shift-click); the last picked is `pickAnchor`. */
  picked: ReadonlySet<string>;
  pickAnchor: string | null;
  loaded: boolean;
  /** The period `posts` belong to (periodKey of the last load), so a view knows its posts have come. */
  loadedPeriod: string | null;
  /** The calendar and days `posts` were loaded for: where a change's posts are placed. */
  period: Period | null;
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
  /**
   * Loads the open post (`selectedId`) whole into `openPost`: the grid knows each post only as its
   * card, so the captions, designs and notes its details need are asked for when it is opened.
   */
  loadOpenPost(): Promise<void>;
  /**
   * Loads the period shown now unless a load of it is already on its way (then that one's promise):
   * a move to another period starts its load at once (configure), before the grid renders, and the
   * screen's effect that follows joins it rather than asking twice.
   */
  loadPeriod(): Promise<void>;
  loadDue(): Promise<void>;
  /** Applies a write's records (from this window's call or another's event) to what the calendar shows. */
  applyChanges(changes: PostChanges): void;
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

/** One client's calendar (or every client's, `clientId` null) over days `from`…`to` (inclusive). */
export interface Period {
  clientId: string | null;
  from: string;
  to: string;
}

/** Which period of which calendar a load is for. */
export function periodKey(clientId: string | null, range: { from: string; to: string }): string {
  return `${clientId ?? '*'}|${range.from}|${range.to}`;
}

export function matches(post: GridPost, f: Filters): boolean {
  return (
    (!f.network || post.networks.includes(f.network as GridPost['networks'][number])) &&
    (!f.status || post.status === f.status) &&
    (!f.label || post.labels.includes(f.label)) &&
    (!f.campaign || post.campaign === f.campaign)
  );
}

/**
 * The new list, reusing the previous object for every post that did not change: after a move or an
 * undo in a busy month, only the cards that changed render again (cards are memoised by post).
 */
export function keepUnchanged<P extends GridPost | CalendarPost>(before: readonly P[], after: P[]): P[] {
  if (before.length === 0) return after;
  const old = new Map(before.map((p) => [p.id, p]));
  return after.map((post) => {
    const prev = old.get(post.id);
    return prev && prev.updatedAt === post.updatedAt && JSON.stringify(prev) === JSON.stringify(post) ? prev : post;
  });
}

/** A whole post (a write's record) as the grid shows it: what calendar.grid would answer for it. */
export function toGridPost(post: CalendarPost): GridPost {
  const networks: GridPost['networks'] = [];
  for (const v of post.variants) if (!networks.includes(v.network)) networks.push(v.network);
  return {
    id: post.id,
    clientId: post.clientId,
    title: post.title,
    status: post.status,
    scheduledAt: post.scheduledAt,
    localTime: post.localTime,
    labels: post.labels,
    campaign: post.campaign,
    networks,
    createdAt: post.createdAt,
    updatedAt: post.updatedAt,
  };
}

type Timed = Pick<GridPost, 'id' | 'scheduledAt' | 'createdAt'>;
const byTime = (a: Timed, b: Timed) =>
  Date.parse(a.scheduledAt!) - Date.parse(b.scheduledAt!) || Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byCreation = (a: Timed, b: Timed) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

type Shown = Pick<CalendarState, 'clients' | 'posts' | 'unscheduled' | 'warnings' | 'thumbnails' | 'due' | 'missed' | 'openPost'>;

/**
 * What a store shows once a write's records are applied: each changed post goes where the services
 * would have put it (the period's days, the unscheduled list, or nowhere), in the same order, and the
 * warnings, thumbnails, due and missed lists follow. Posts that did not change keep their objects.
 */
export function withChanges(shown: Shown, period: Period | null, changes: PostChanges): Partial<CalendarState> {
  const undo = { undoLabel: changes.undo.undo, redoLabel: changes.undo.redo };
  const records = [...changes.added, ...changes.updated];
  if (records.length === 0 && changes.removed.length === 0) return undo;
  const touched = new Set([...records.map((p) => p.id), ...changes.removed]);
  // The object already shown when nothing in it changed (memoised cards do not render again).
  const keeper = <P extends GridPost | CalendarPost>(lists: readonly (readonly P[])[]) => {
    const previous = new Map(lists.flat().map((p) => [p.id, p]));
    return (post: P): P => {
      const prev = previous.get(post.id);
      return prev && prev.updatedAt === post.updatedAt && JSON.stringify(prev) === JSON.stringify(post) ? prev : post;
    };
  };
  const keep = keeper<CalendarPost>([shown.due, shown.missed]);
  const fresh = records.filter((p) => p.deletedAt === null).map(keep);
  const out: Partial<CalendarState> = { ...undo };
  if (shown.openPost && touched.has(shown.openPost.id)) out.openPost = fresh.find((p) => p.id === shown.openPost!.id) ?? null;
  if (period) {
    const keepCard = keeper<GridPost>([shown.posts, shown.unscheduled]);
    const cards = fresh.map((p) => keepCard(toGridPost(p)));
    const ofCalendar = (p: GridPost) => (period.clientId === null ? shown.clients.some((c) => c.id === p.clientId) : p.clientId === period.clientId);
    const inDays = (p: GridPost) => p.scheduledAt !== null && p.localTime !== null && p.localTime.slice(0, 10) >= period.from && p.localTime.slice(0, 10) <= period.to;
    const posts = [...shown.posts.filter((p) => !touched.has(p.id)), ...cards.filter((p) => ofCalendar(p) && inDays(p))].sort(byTime);
    const unscheduled = [...shown.unscheduled.filter((p) => !touched.has(p.id)), ...cards.filter((p) => ofCalendar(p) && p.scheduledAt === null && p.status !== 'cancelled')].sort(byCreation);
    const zones = new Map(shown.clients.map((c) => [c.id, c.timeZone]));
    const warnings = periodWarnings(posts, zones, undefined, period.clientId ? { fromDate: period.from, toDate: period.to } : undefined);
    const thumbnails = { ...shown.thumbnails };
    for (const id of touched) delete thumbnails[id];
    Object.assign(out, { posts, unscheduled, warnings, thumbnails: Object.assign(thumbnails, changes.thumbnails) });
  }
  const due = new Set(changes.due);
  out.due = [...shown.due.filter((p) => !touched.has(p.id)), ...fresh.filter((p) => due.has(p.id))].sort((a, b) => byTime(a, b));
  // Missed posts are the ones found at start: a change can only take one off the list.
  out.missed = shown.missed.flatMap((p) => {
    if (!touched.has(p.id)) return [p];
    const now = fresh.find((f) => f.id === p.id);
    return now && now.status === 'missed' ? [now] : [];
  });
  return out;
}

export type CalendarStore = ReturnType<typeof createCalendarStore>;

export function createCalendarStore(host: HostClient, options: { firstDay: number; today?: string; view?: CalendarView; anchor?: string }) {
  let generation = 0;
  let dueGeneration = 0;
  let openGeneration = 0;
  // Changes applied while a load is on its way: the load may have read before them, so they are
  // applied again on top of what it brings.
  let loadsInFlight = 0;
  let lateChanges: PostChanges[] = [];
  // One window hears its own change twice (its call's answer and its follower): applied once.
  const applied = new WeakSet<PostChanges>();
  // The load of a period on its way (loadPeriod), by periodKey.
  let pending: { key: string; promise: Promise<void> } | null = null;
  const shownPeriod = (state: Pick<CalendarState, 'clientId' | 'view' | 'anchor' | 'firstDay'>) => periodKey(state.clientId, viewRange(state.view, state.anchor, state.firstDay));
  const store = createStore<CalendarState>((set, get) => {
    async function loading<T>(work: (since: number) => Promise<T>): Promise<T> {
      loadsInFlight++;
      try {
        return await work(lateChanges.length);
      } finally {
        if (--loadsInFlight === 0) lateChanges = [];
      }
    }
    function reapply(since: number): void {
      for (const changes of lateChanges.slice(since)) set(withChanges(get(), get().period, changes));
    }
    /**
     * Loads the period shown. The undo state and the client's queue slots come with it, but the
     * posts do not wait for them: they show as soon as they arrive (the undo state and slots follow
     * a moment later, with the changes heard meanwhile applied again on top).
     */
    function loadShown(): Promise<void> {
      return loading(async (since) => {
        const { clientId, view, anchor, firstDay } = get();
        const mine = ++generation;
        const range = viewRange(view, anchor, firstDay);
        // Asked for first, so the host answers it first.
        const period = host.invoke('calendar.grid', { clientId: clientId ?? undefined, ...range });
        const extras = Promise.all([host.invoke('calendar.undoState', {}), clientId ? host.invoke('calendar.slots.list', { clientId }) : ([] as Slot[])]);
        awaitedLater(extras);
        const data = await period;
        if (mine !== generation) return; // a newer load superseded this one
        const posts = keepUnchanged(get().posts, data.posts);
        set({ ...data, posts, thumbnails: data.thumbnails ?? {}, loaded: true, loadedPeriod: periodKey(clientId, range), period: { clientId, ...range } });
        reapply(since);
        const [undo, slots] = await extras;
        if (mine !== generation) return;
        // Most moves to another period change neither: then nothing renders again, and the frame
        // that paints the new posts is not held back by a render that changes nothing.
        const patch: Partial<CalendarState> = {};
        if (JSON.stringify(slots) !== JSON.stringify(get().slots)) patch.slots = slots;
        if (JSON.stringify([undo.undo, undo.redo]) !== JSON.stringify([get().undoLabel, get().redoLabel])) Object.assign(patch, { undoLabel: undo.undo, redoLabel: undo.redo });
        if (Object.keys(patch).length === 0) return;
        set(patch);
        reapply(since);
      });
    }
    /**
     * A write: one call, whose answer brings its change as records (the `posts.changed` it caused);
     * the store applies them and asks nothing more. A committed write never fails for a refresh.
     */
    async function write<T>(call: () => Promise<T>): Promise<T> {
      const off = host.on('posts.changed', (payload) => payload.changes && get().applyChanges(payload.changes));
      try {
        return await call();
      } finally {
        off();
      }
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
      openPost: null,
      picked: new Set<string>(),
      pickAnchor: null,
      loaded: false,
      loadedPeriod: null,
      period: null,
      configure(patch) {
        // Another client's calendar starts with nothing picked.
        if (patch.clientId !== undefined && patch.clientId !== get().clientId) set({ picked: new Set(), pickAnchor: null });
        const before = shownPeriod(get());
        // Another post opened: its details wait for the whole post (loadOpenPost).
        set(patch.selectedId !== undefined && patch.selectedId !== get().selectedId ? { ...patch, openPost: null } : patch);
        // Another period of a calendar on screen: its posts are asked for now, so the request is on
        // its way while the grid renders the new days (the screen's effect joins it and reports a
        // failure).
        if (get().loaded && shownPeriod(get()) !== before) awaitedLater(get().loadPeriod());
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
        const result = await write(() => host.invoke('calendar.shift', { ids, days, ...(minutes ? { minutes } : {}) }));
        return result.posts.length;
      },
      load: () => loadShown(),
      async loadOpenPost() {
        const id = get().selectedId;
        if (!id) return;
        const mine = ++openGeneration;
        let post: CalendarPost | null;
        try {
          post = await host.invoke('calendar.post', { id });
        } catch (error) {
          // Deleted meanwhile (another window, an import): its details close as its card leaves the grid.
          if (!(error instanceof AtelierError && error.code === 'not_found')) throw error;
          post = null;
        }
        if (mine === openGeneration && get().selectedId === id) set({ openPost: post });
      },
      loadPeriod() {
        const key = shownPeriod(get());
        if (pending?.key === key) return pending.promise;
        const promise = loadShown().finally(() => {
          if (pending?.promise === promise) pending = null;
        });
        pending = { key, promise };
        return promise;
      },
      loadDue: () =>
        loading(async (since) => {
          const mine = ++dueGeneration;
          const [due, missed] = await Promise.all([host.invoke('calendar.due', {}), host.invoke('calendar.missed', {})]);
          if (mine !== dueGeneration) return; // an older answer must not replace a newer one
          set({ due, missed });
          reapply(since);
        }),
      applyChanges(changes) {
        if (applied.has(changes)) return;
        applied.add(changes);
        if (loadsInFlight > 0) lateChanges.push(changes);
        set(withChanges(get(), get().period, changes));
      },
      move: (id, target) => write(() => host.invoke('calendar.move', { id, ...target })).then((r) => r.post),
      setStatus: (id, status) => write(() => host.invoke('calendar.setStatus', { id, status })),
      addToQueue: (id) => write(() => host.invoke('calendar.addToQueue', { id })).then((r) => r.post),
      remove: async (id) => {
        await write(() => host.invoke('calendar.delete', { ids: [id] }));
        const picked = new Set(get().picked);
        if (picked.delete(id)) set({ picked });
      },
      markPublished: async (id, links = []) => {
        const given = links.filter((l) => l.url);
        const url = given.find((l) => !l.network)?.url;
        const permalinks = given.filter((l): l is { network: NetworkId; url: string } => Boolean(l.network));
        await write(() => host.invoke('calendar.markPublished', { id, url, permalinks: permalinks.length ? permalinks : undefined }));
      },
      undo: () => write(() => host.invoke('calendar.undo', {})).then((r) => r.label),
      redo: () => write(() => host.invoke('calendar.redo', {})).then((r) => r.label),
      async addSlot(input) {
        const slot = await host.invoke('calendar.slots.add', input);
        if (slot.clientId !== get().clientId) return;
        // In the order the services list them: network, weekday, time.
        const slots = [...get().slots, slot].sort((a, b) => (a.network < b.network ? -1 : a.network > b.network ? 1 : a.weekday - b.weekday || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0)));
        set({ slots });
      },
      async removeSlot(id) {
        await host.invoke('calendar.slots.delete', { id });
        set({ slots: get().slots.filter((s) => s.id !== id) });
      },
      async setApprovalMode(clientId, mode) {
        const client = await host.invoke('calendar.setApprovalMode', { clientId, mode });
        set({ clients: get().clients.map((c) => (c.id === client.id ? client : c)) });
      },
    };
  });
  return store;
}

/**
 * Keeps a calendar store fresh while the screen is open; returns the unsubscribe for the effect's
 * cleanup. A refresh that fails keeps what is shown and goes to `onError` (the screen's toast).
 */
export function followChanges(host: HostClient, store: CalendarStore, onError: (error: unknown) => void): () => void {
  const reload = () => {
    void store.getState().load().catch(onError);
    // The open post may have changed too (an import, another program).
    void store.getState().loadOpenPost().catch(onError);
  };
  const reloadDue = () => void store.getState().loadDue().catch(onError);
  const offs = [
    // A write's records are applied as they are; a change without them (an import, another program,
    // a client removed) is loaded again.
    host.on('posts.changed', (payload) => {
      if (payload.changes) return store.getState().applyChanges(payload.changes);
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

