// The hour grid's maths (week and day views), kept pure so it is tested without a browser: 15-minute
// rows, where a post sits, which posts share a row's width, where the grid opens scrolled to, and how
// the keyboard cursor walks the empty slots.

export const SLOT_MINUTES = 15;
export const SLOTS_PER_DAY = (24 * 60) / SLOT_MINUTES;
/** Height of one 15-minute row, in CSS pixels (the stylesheet reads it as --row). */
export const ROW_PX = 18;
/**
 * How long a card looks on the grid. A post is an instant, but a card needs three lines of room
 * (time and networks, title, status); two posts closer than this sit side by side.
 */
export const CARD_MINUTES = 45;
/** Where an empty period opens: 08:00. */
export const DEFAULT_FIRST_SLOT = (8 * 60) / SLOT_MINUTES;

/** Minutes since midnight of a wall-clock time `YYYY-MM-DDTHH:mm`. */
export function minuteOfDay(localTime: string): number {
  return Number(localTime.slice(11, 13)) * 60 + Number(localTime.slice(14, 16));
}

/** The 15-minute row a wall-clock time falls in (09:40 is in the 09:30 row). */
export function slotOf(localTime: string): number {
  return Math.floor(minuteOfDay(localTime) / SLOT_MINUTES);
}

/** The time a row starts at, `HH:mm`. */
export function slotTime(slot: number): string {
  return timeOfMinute(slot * SLOT_MINUTES);
}

/** The row under a point `offsetY` pixels below the top of a day column (clamped to the day). */
export function slotAt(offsetY: number, rowPx: number = ROW_PX): number {
  return Math.min(SLOTS_PER_DAY - 1, Math.max(0, Math.floor(offsetY / rowPx)));
}

/** A card's place in its day column: `col` of `cols` equal widths. */
export interface CardPlace {
  minute: number;
  col: number;
  cols: number;
}

/** Where a run of posts that did not fit beside the others sits: a "+N" button in the last column. */
export interface MoreChip extends CardPlace {
  /** The posts it stands for, in time order (two or more). */
  ids: string[];
}

export interface DayLayout {
  places: Map<string, CardPlace>;
  more: MoreChip[];
}

/**
 * Columns for one day's posts. Cards that overlap (closer than CARD_MINUTES) form a cluster that
 * shares the width; each card takes the leftmost column free at its time, and every card of a
 * cluster gets the cluster's column count, so widths line up. Posts come in any order.
 *
 * A cluster wider than `maxCols` keeps its first `maxCols - 1` columns and gives the last one to
 * "+N" chips: the posts that would have gone further right, grouped by a card's length from the
 * first of each run (a run of one is simply shown as a card there). A week's narrow days stay
 * readable, and the day view, wide enough, shows them all.
 *
 * `keep` are posts that must stay cards (the focused, picked or just-moved one): a card the user is
 * holding must not vanish into "+N", or the keyboard focus goes with it. When one of them would be
 * hidden, its cluster is laid out again with the kept posts placed first (in `keep`'s order, so the
 * first wins when too many of them overlap); otherwise nothing moves.
 */
export function layoutHours(
  posts: readonly { id: string; localTime: string | null }[],
  maxCols: number = Infinity,
  cardMinutes: number = CARD_MINUTES,
  keep: ReadonlySet<string> = NO_IDS,
): DayLayout {
  const items = posts
    .filter((p): p is { id: string; localTime: string } => p.localTime !== null)
    .map((p) => ({ id: p.id, minute: minuteOfDay(p.localTime) }))
    .sort((a, b) => a.minute - b.minute || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const places = new Map<string, CardPlace>();
  const more: MoreChip[] = [];
  const cap = Math.max(2, maxCols);
  let cluster: Item[] = [];
  /** Where each column of the current cluster is free again. */
  let columnEnds: number[] = [];
  let clusterEnd = -Infinity;
  const close = () => {
    const cols = columnEnds.length;
    if (cols <= cap) {
      for (const { id, minute, col } of cluster) places.set(id, { minute, col, cols });
    } else {
      let crowd = crowded(cluster, cap - 1, cardMinutes, []);
      const kept = [...keep].flatMap((id) => cluster.find((item) => item.id === id) ?? []);
      if (kept.some((item) => crowd.hidden.has(item.id))) crowd = crowded(cluster, cap - 1, cardMinutes, kept);
      for (const [id, place] of crowd.cards) places.set(id, { ...place, cols: cap });
      more.push(...crowd.chips.map((chip) => ({ ...chip, cols: cap })));
    }
    cluster = [];
    columnEnds = [];
  };
  for (const item of items) {
    if (item.minute >= clusterEnd) close();
    let col = columnEnds.findIndex((end) => end <= item.minute);
    if (col < 0) col = columnEnds.push(0) - 1;
    columnEnds[col] = item.minute + cardMinutes;
    clusterEnd = Math.max(clusterEnd, item.minute + cardMinutes);
    cluster.push({ id: item.id, minute: item.minute, col });
  }
  close();
  return { places, more };
}

const NO_IDS: ReadonlySet<string> = new Set();

interface Item {
  id: string;
  minute: number;
  /** Its column when nothing is capped. */
  col: number;
}

/**
 * A crowded cluster in `cardCols` card columns plus a last one for the rest. `first` go in before
 * the others; then, in time order, each post takes the leftmost card column free for its length.
 * With nothing first this is the uncapped layout cut at `cardCols`. Posts left over sit in the last
 * column: a run of them a card's length from its first post is a "+N" chip, a run of one a card.
 */
function crowded(cluster: readonly Item[], cardCols: number, cardMinutes: number, first: readonly Item[]) {
  const taken: { from: number; to: number }[][] = Array.from({ length: cardCols }, () => []);
  const cards = new Map<string, { minute: number; col: number }>();
  const left: Item[] = [];
  const firstIds = new Set(first.map((item) => item.id));
  for (const item of [...first, ...cluster.filter((c) => !firstIds.has(c.id))]) {
    const from = item.minute;
    const to = from + cardMinutes;
    const col = taken.findIndex((spans) => spans.every((s) => s.to <= from || to <= s.from));
    if (col < 0) left.push(item);
    else {
      taken[col]!.push({ from, to });
      cards.set(item.id, { minute: from, col });
    }
  }
  left.sort((a, b) => a.minute - b.minute || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const chips: Omit<MoreChip, 'cols'>[] = [];
  const hidden = new Set<string>();
  let run: Item[] = [];
  const flush = () => {
    if (run.length === 1) cards.set(run[0]!.id, { minute: run[0]!.minute, col: cardCols });
    else if (run.length > 1) {
      chips.push({ minute: run[0]!.minute, col: cardCols, ids: run.map((r) => r.id) });
      for (const r of run) hidden.add(r.id);
    }
    run = [];
  };
  for (const item of left) {
    if (run.length > 0 && item.minute >= run[0]!.minute + cardMinutes) flush();
    run.push(item);
  }
  flush();
  return { cards, chips, hidden };
}

/** Every post of a day at its place, side by side however many overlap (layoutHours without a cap). */
export function layoutDay(posts: readonly { id: string; localTime: string | null }[], cardMinutes: number = CARD_MINUTES): Map<string, CardPlace> {
  return layoutHours(posts, Infinity, cardMinutes).places;
}

/** `HH:mm` of a minute of the day. */
export function timeOfMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The row the grid opens scrolled to: the earliest post of the period, else 08:00. */
export function firstSlot(days: readonly string[], byDay: ReadonlyMap<string, readonly { localTime: string | null }[]>): number {
  let first = Infinity;
  for (const day of days) {
    for (const post of byDay.get(day) ?? []) if (post.localTime) first = Math.min(first, slotOf(post.localTime));
  }
  return Number.isFinite(first) ? first : DEFAULT_FIRST_SLOT;
}

/** Keys that walk the empty slots (hour grid) or days (month) with the keyboard. */
export type CursorKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

export function isCursorKey(key: string): key is CursorKey {
  return key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight';
}

/**
 * Moves the hour grid's cursor: cells are numbered day after day (cell = day × 96 + slot); ↑ ↓ walk
 * the 15-minute slots of a day, ← → the days at the same time. It stops at the edges.
 */
export function stepSlot(cell: number, key: CursorKey, days: number): number {
  const day = Math.floor(cell / SLOTS_PER_DAY);
  const slot = cell % SLOTS_PER_DAY;
  if (key === 'ArrowUp') return slot > 0 ? cell - 1 : cell;
  if (key === 'ArrowDown') return slot < SLOTS_PER_DAY - 1 ? cell + 1 : cell;
  if (key === 'ArrowLeft') return day > 0 ? cell - SLOTS_PER_DAY : cell;
  return day < days - 1 ? cell + SLOTS_PER_DAY : cell;
}

/** Moves the month's cursor over its days in reading order: ← → a day, ↑ ↓ a week; it stops at the edges. */
export function stepDay(index: number, key: CursorKey, count: number): number {
  const next = index + { ArrowUp: -7, ArrowDown: 7, ArrowLeft: -1, ArrowRight: 1 }[key];
  return next >= 0 && next < count ? next : index;
}
