// The posting queue: weekly slots per client and network (ISO weekday × minute of the day, in the
// client's zone), the next free slot, and "insert here and push the following posts".
import { instantToWallClock, wallClockToInstant, type WallClockResolution } from '../time/zones';
import { addDays, isoWeekday, minuteToTime } from './wallclock';

export interface QueueSlot {
  weekday: number; // 1 = Monday … 7 = Sunday
  minuteOfDay: number;
}

export interface SlotOccurrence {
  instantMs: number;
  /** The wall-clock time the slot shows (a slot in a spring-forward gap moves forward by the gap). */
  local: string;
  resolution: WallClockResolution;
}

/** How far ahead the queue looks before saying it is full. */
export const QUEUE_HORIZON_DAYS = 366;

/**
 * Slot times strictly after `afterMs`, in order, for up to `horizonDays` of the client's calendar.
 * Two slots that resolve to the same instant (02:30 and 03:30 on a spring-forward day) count once.
 */
export function* slotOccurrences(
  slots: readonly QueueSlot[],
  zone: string,
  afterMs: number,
  horizonDays = QUEUE_HORIZON_DAYS,
): Generator<SlotOccurrence> {
  if (slots.length === 0) return;
  const byDay = new Map<number, number[]>();
  for (const s of slots) {
    const list = byDay.get(s.weekday) ?? [];
    if (!list.includes(s.minuteOfDay)) list.push(s.minuteOfDay);
    byDay.set(s.weekday, list);
  }
  for (const list of byDay.values()) list.sort((a, b) => a - b);
  const firstDate = instantToWallClock(afterMs, zone).slice(0, 10);
  let last = -Infinity;
  for (let d = 0; d <= horizonDays; d++) {
    const date = addDays(firstDate, d);
    for (const minute of byDay.get(isoWeekday(date)) ?? []) {
      const resolved = wallClockToInstant(`${date}T${minuteToTime(minute)}`, zone);
      if (!resolved || resolved.instantMs <= afterMs || resolved.instantMs <= last) continue;
      last = resolved.instantMs;
      yield resolved;
    }
  }
}

/** The first slot after `afterMs` that no post takes (`taken`: instants of the same client and network). */
export function nextFreeSlot(
  slots: readonly QueueSlot[],
  zone: string,
  afterMs: number,
  taken: Iterable<number>,
  horizonDays = QUEUE_HORIZON_DAYS,
): SlotOccurrence | null {
  const busy = new Set(taken);
  for (const occurrence of slotOccurrences(slots, zone, afterMs, horizonDays)) {
    if (!busy.has(occurrence.instantMs)) return occurrence;
  }
  return null;
}

export interface QueuedPost {
  id: string;
  instantMs: number;
}

export interface PlannedMove {
  postId: string;
  fromMs: number | null;
  toMs: number;
}

/**
 * Insert `newPostId` at the first slot at or after `atMs` and push the following queue posts: the
 * post in that slot moves to the next slot, the one there to the one after, until a free slot.
 * Posts at times that are not slots are left alone.
 */
export function insertAndPush(
  slots: readonly QueueSlot[],
  zone: string,
  atMs: number,
  newPost: { id: string; instantMs: number | null },
  existing: readonly QueuedPost[],
  horizonDays = QUEUE_HORIZON_DAYS,
): PlannedMove[] | null {
  const occupant = new Map<number, QueuedPost>();
  for (const p of existing) if (p.id !== newPost.id) occupant.set(p.instantMs, p);
  const moves: PlannedMove[] = [];
  let carry: { id: string; fromMs: number | null } = { id: newPost.id, fromMs: newPost.instantMs };
  for (const slot of slotOccurrences(slots, zone, atMs - 1, horizonDays)) {
    moves.push({ postId: carry.id, fromMs: carry.fromMs, toMs: slot.instantMs });
    const there = occupant.get(slot.instantMs);
    if (!there) return moves;
    carry = { id: there.id, fromMs: there.instantMs };
  }
  return null;
}
