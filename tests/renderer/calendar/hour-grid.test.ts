// The hour grid's maths (hour-grid.ts) and the calendar's plain-date helpers it leans on.
import { describe, expect, it } from 'vitest';
import { addMinutes, gridDays, inView, isPlainDate, nowIn, stepAnchor, viewRange } from '../../../src-renderer/features/calendar/calendar-dates';
import { CARD_MINUTES, DEFAULT_FIRST_SLOT, firstSlot, layoutDay, layoutHours, minuteOfDay, slotAt, slotOf, slotTime, SLOTS_PER_DAY, stepDay, stepSlot } from '../../../src-renderer/features/calendar/hour-grid';

const at = (id: string, time: string | null) => ({ id, localTime: time === null ? null : `2026-12-10T${time}` });

describe('slots', () => {
  it('has 96 rows of 15 minutes; a time falls in the row it starts in', () => {
    expect(SLOTS_PER_DAY).toBe(96);
    expect(slotOf('2026-12-10T00:00')).toBe(0);
    expect(slotOf('2026-12-10T09:30')).toBe(38);
    expect(slotOf('2026-12-10T09:44')).toBe(38);
    expect(slotOf('2026-12-10T14:45')).toBe(59);
    expect(slotOf('2026-12-10T23:59')).toBe(95);
    expect([0, 38, 59, 95].map(slotTime)).toEqual(['00:00', '09:30', '14:45', '23:45']);
    expect(minuteOfDay('2026-12-10T14:45')).toBe(885);
  });

  it('finds the row under the pointer and stays within the day', () => {
    expect(slotAt(0, 18)).toBe(0);
    expect(slotAt(59 * 18 + 9, 18)).toBe(59);
    expect(slotAt(60 * 18 - 1, 18)).toBe(59);
    expect(slotAt(-40, 18)).toBe(0);
    expect(slotAt(100 * 18, 18)).toBe(95);
  });

  it('opens on the period’s earliest post, or 08:00 when it has none', () => {
    const byDay = new Map([
      ['2026-12-10', [at('a', '14:45'), at('b', '09:30')]],
      ['2026-12-11', [at('c', '07:15')]],
    ]);
    expect(firstSlot(['2026-12-10'], byDay)).toBe(38);
    expect(firstSlot(['2026-12-10', '2026-12-11'], byDay)).toBe(29);
    expect(firstSlot(['2026-12-12'], byDay)).toBe(DEFAULT_FIRST_SLOT);
    expect(DEFAULT_FIRST_SLOT).toBe(32);
  });
});

describe('overlapping posts share the width', () => {
  it('gives a post alone the whole width', () => {
    expect(layoutDay([at('a', '09:30')]).get('a')).toEqual({ minute: 570, col: 0, cols: 1 });
  });

  it('puts posts closer than a card’s length side by side, and those further apart full width', () => {
    expect(CARD_MINUTES).toBe(45);
    const places = layoutDay([at('late', '14:00'), at('b', '09:15'), at('a', '09:00'), at('c', '09:30'), at('d', '10:30')]);
    // 09:00, 09:15 and 09:30 overlap: three columns. 10:30 starts after 09:30's card ends (10:15).
    expect(places.get('a')).toEqual({ minute: 540, col: 0, cols: 3 });
    expect(places.get('b')).toEqual({ minute: 555, col: 1, cols: 3 });
    expect(places.get('c')).toEqual({ minute: 570, col: 2, cols: 3 });
    expect(places.get('d')).toEqual({ minute: 630, col: 0, cols: 1 });
    expect(places.get('late')).toEqual({ minute: 840, col: 0, cols: 1 });
  });

  it('reuses a column freed earlier in the same cluster, so the cluster stays as narrow as it can', () => {
    // a 09:00 (ends 09:45), b 09:30 (ends 10:15), c 10:00: a's column is free again at 10:00.
    const places = layoutDay([at('a', '09:00'), at('b', '09:30'), at('c', '10:00')]);
    expect([...places.values()].map((p) => [p.col, p.cols])).toEqual([
      [0, 2],
      [1, 2],
      [0, 2],
    ]);
  });

  it('orders same-time posts by id, so the layout does not change between loads', () => {
    const one = layoutDay([at('y', '09:00'), at('x', '09:00')]);
    const two = layoutDay([at('x', '09:00'), at('y', '09:00')]);
    expect(one.get('x')).toEqual(two.get('x'));
    expect(one.get('x')!.col).toBe(0);
  });

  it('leaves out unscheduled posts', () => {
    expect(layoutDay([at('a', null), at('b', '09:00')]).has('a')).toBe(false);
  });
});

describe('a crowded week day keeps its cards readable', () => {
  const nine = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => at(id, '09:00'));

  it('shows two side by side and gathers the rest in one "+N" in the third column', () => {
    const { places, more } = layoutHours(nine, 3);
    expect([...places.entries()]).toEqual([
      ['a', { minute: 540, col: 0, cols: 3 }],
      ['b', { minute: 540, col: 1, cols: 3 }],
    ]);
    expect(more).toEqual([{ minute: 540, col: 2, cols: 3, ids: ['c', 'd', 'e', 'f'] }]);
  });

  it('starts a new "+N" a card’s length after the last one began, and shows a lone extra post as a card', () => {
    // 09:00 ×4 (two cards, "+2"), then 09:50 ×3: the columns are free again, the third post of 09:50
    // is the only one past the second column this time, so it is a card. 10:40 is on its own.
    const posts = [...['a', 'b', 'c', 'd'].map((id) => at(id, '09:00')), ...['e', 'f', 'g'].map((id) => at(id, '09:50')), at('h', '10:40')];
    const { places, more } = layoutHours(posts, 3);
    expect(more).toEqual([{ minute: 540, col: 2, cols: 3, ids: ['c', 'd'] }]);
    expect(Object.fromEntries([...places].map(([id, p]) => [id, [p.minute, p.col, p.cols]]))).toEqual({
      a: [540, 0, 3],
      b: [540, 1, 3],
      e: [590, 0, 3],
      f: [590, 1, 3],
      g: [590, 2, 3],
      h: [640, 0, 1],
    });
  });

  it('within one crowded cluster, a later lone extra post gets the third column as a card', () => {
    // 09:00 ×4 and 09:40 ×2 overlap: two cards and "+4". At 09:50 three more: the first two columns
    // are free again, the third post goes past them, 50 minutes after the "+4" began: shown as a card.
    const posts = [...['a', 'b', 'c', 'd'].map((id) => at(id, '09:00')), at('x', '09:40'), at('y', '09:40'), ...['w1', 'w2', 'w3'].map((id) => at(id, '09:50'))];
    const { places, more } = layoutHours(posts, 3);
    expect(more).toEqual([{ minute: 540, col: 2, cols: 3, ids: ['c', 'd', 'x', 'y'] }]);
    expect(places.get('w3')).toEqual({ minute: 590, col: 2, cols: 3 });
    expect([...places.keys()].sort()).toEqual(['a', 'b', 'w1', 'w2', 'w3']);
  });

  it('leaves a day that fits as it was, and the day view (no cap) shows every post', () => {
    const two = [at('a', '09:00'), at('b', '09:15')];
    expect(layoutHours(two, 3)).toEqual({ places: layoutDay(two), more: [] });
    expect(layoutHours(nine).more).toEqual([]);
    expect(layoutHours(nine).places.get('f')).toEqual({ minute: 540, col: 5, cols: 6 });
  });
});

describe('a post the user holds stays a card in a crowded week day', () => {
  const five = ['a', 'b', 'c', 'd', 'e'].map((id) => at(id, '09:00'));
  const cards = (layout: ReturnType<typeof layoutHours>) => Object.fromEntries([...layout.places].map(([id, p]) => [id, [p.minute, p.col, p.cols]]));

  it('shows a post moved into the crowd as a card, and "+N" stands for the others', () => {
    // Moved from 10:00 to 09:30 with Alt+↑: without keeping it, it would join the 09:00 "+3".
    const posts = [...five, at('m', '09:30')];
    expect(layoutHours(posts, 3).more[0]!.ids).toContain('m');
    const held = layoutHours(posts, 3, CARD_MINUTES, new Set(['m']));
    expect(cards(held)).toEqual({ m: [570, 0, 3], a: [540, 1, 3] });
    expect(held.more).toEqual([{ minute: 540, col: 2, cols: 3, ids: ['b', 'c', 'd', 'e'] }]);
  });

  it('shows a focused or picked post of the same time as a card, whatever its id', () => {
    const held = layoutHours(five, 3, CARD_MINUTES, new Set(['e']));
    expect(cards(held)).toEqual({ e: [540, 0, 3], a: [540, 1, 3] });
    expect(held.more).toEqual([{ minute: 540, col: 2, cols: 3, ids: ['b', 'c', 'd'] }]);
  });

  it('moves nothing when the held post is already a card, or is on a day that fits', () => {
    expect(layoutHours(five, 3, CARD_MINUTES, new Set(['b']))).toEqual(layoutHours(five, 3));
    const two = [at('a', '09:00'), at('b', '09:15')];
    expect(layoutHours(two, 3, CARD_MINUTES, new Set(['b']))).toEqual(layoutHours(two, 3));
  });

  it('when more held posts overlap than there are card columns, the first held ones win', () => {
    const held = layoutHours(five, 3, CARD_MINUTES, new Set(['e', 'd', 'c']));
    expect(cards(held)).toEqual({ e: [540, 0, 3], d: [540, 1, 3] });
    expect(held.more).toEqual([{ minute: 540, col: 2, cols: 3, ids: ['a', 'b', 'c'] }]);
  });
});

describe('the keyboard cursor', () => {
  it('walks a day’s slots with ↑ ↓ and the days with ← →, stopping at the edges', () => {
    const cell = 2 * 96 + 38; // third day, 09:30
    expect(stepSlot(cell, 'ArrowUp', 7)).toBe(cell - 1);
    expect(stepSlot(cell, 'ArrowDown', 7)).toBe(cell + 1);
    expect(stepSlot(cell, 'ArrowLeft', 7)).toBe(96 + 38);
    expect(stepSlot(cell, 'ArrowRight', 7)).toBe(3 * 96 + 38);
    expect(stepSlot(0, 'ArrowUp', 7)).toBe(0);
    expect(stepSlot(95, 'ArrowDown', 7)).toBe(95);
    expect(stepSlot(38, 'ArrowLeft', 1)).toBe(38);
    expect(stepSlot(38, 'ArrowRight', 1)).toBe(38);
  });

  it('walks a month by days and weeks', () => {
    expect(stepDay(10, 'ArrowRight', 35)).toBe(11);
    expect(stepDay(10, 'ArrowDown', 35)).toBe(17);
    expect(stepDay(3, 'ArrowUp', 35)).toBe(3);
    expect(stepDay(34, 'ArrowRight', 35)).toBe(34);
  });
});

describe('day view dates', () => {
  it('shows one day, steps by a day, and the week view its week', () => {
    expect(viewRange('day', '2026-12-10', 1)).toEqual({ from: '2026-12-10', to: '2026-12-10' });
    expect(stepAnchor('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(stepAnchor('day', '2026-03-01', -1)).toBe('2026-02-28');
    expect(gridDays('day', '2026-12-10', 1)).toEqual(['2026-12-10']);
    expect(gridDays('week', '2026-12-10', 1)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
    expect(inView('week', '2026-12-10', 1, '2026-12-13')).toBe(true);
    expect(inView('week', '2026-12-10', 1, '2026-12-14')).toBe(false);
    expect(inView('day', '2026-12-10', 1, '2026-12-11')).toBe(false);
  });

  it('moves a wall-clock time by minutes on the clock face, across midnight and month ends', () => {
    expect(addMinutes('2026-12-10T09:30', 15)).toBe('2026-12-10T09:45');
    expect(addMinutes('2026-12-10T00:05', -15)).toBe('2026-12-09T23:50');
    expect(addMinutes('2026-12-31T23:50', 15)).toBe('2027-01-01T00:05');
    expect(addMinutes('2026-03-01T09:45', -1440)).toBe('2026-02-28T09:45');
    // The spring-forward hour is the service's to resolve; the clock face just moves.
    expect(addMinutes('2026-03-29T01:45', 15)).toBe('2026-03-29T02:00');
  });

  it('tells real dates from look-alikes', () => {
    expect(isPlainDate('2026-12-10')).toBe(true);
    expect(isPlainDate('2028-02-29')).toBe(true);
    expect(isPlainDate('2026-02-29')).toBe(false);
    expect(isPlainDate('2026-13-01')).toBe(false);
    expect(isPlainDate('10/12/2026')).toBe(false);
    expect(isPlainDate(20261210)).toBe(false);
  });

  it('reads the wall clock now in a zone', () => {
    const instant = new Date('2026-12-10T08:30:00Z');
    expect(nowIn('Europe/Paris', instant)).toBe('2026-12-10T09:30');
    expect(nowIn('America/New_York', instant)).toBe('2026-12-10T03:30');
    expect(nowIn('Asia/Tokyo', new Date('2026-12-10T20:00:00Z'))).toBe('2026-12-11T05:00');
  });
});
