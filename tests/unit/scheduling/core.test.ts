import { describe, expect, it } from 'vitest';
import { insertAndPush, nextFreeSlot, slotOccurrences } from '../../../src-main/core/schedule/queue';
import { expandRecurrence } from '../../../src-main/core/schedule/recurrence';
import { moveToDay, shiftWallClock } from '../../../src-main/core/schedule/wallclock';
import { planWarnings } from '../../../src-main/core/schedule/warnings';
import { checkTransition, nextStatuses } from '../../../src-main/core/schedule/workflow';
import { instantToWallClock, wallClockToInstant } from '../../../src-main/core/time/zones';

const at = (local: string, zone: string) => wallClockToInstant(local, zone)!.instantMs;
const local = (ms: number, zone: string) => instantToWallClock(ms, zone);
const HOUR = 3_600_000;

describe('workflow', () => {
  it('lets a draft be scheduled directly when the client needs no approval', () => {
    expect(checkTransition('draft', 'scheduled', { approvalMode: 'none', hasTime: true })).toEqual({ ok: true });
  });
  it('requires approval before scheduling when the client says so', () => {
    expect(checkTransition('draft', 'scheduled', { approvalMode: 'required', hasTime: true })).toEqual({ ok: false, problem: 'needs_approval' });
    expect(checkTransition('approved', 'scheduled', { approvalMode: 'required', hasTime: true })).toEqual({ ok: true });
  });
  it('refuses to schedule a post without a time, and to change a published post', () => {
    expect(checkTransition('approved', 'scheduled', { approvalMode: 'none', hasTime: false })).toEqual({ ok: false, problem: 'needs_time' });
    expect(checkTransition('published', 'draft', { approvalMode: 'none', hasTime: true })).toEqual({ ok: false, problem: 'published_is_final' });
    expect(checkTransition('idea', 'published', { approvalMode: 'none', hasTime: true })).toEqual({ ok: false, problem: 'not_allowed' });
  });
  it('follows the review path idea → draft → in_review → changes_requested → in_review → approved → scheduled → published', () => {
    const path = ['idea', 'draft', 'in_review', 'changes_requested', 'in_review', 'approved', 'scheduled', 'published'] as const;
    for (let i = 1; i < path.length; i++) {
      expect(checkTransition(path[i - 1]!, path[i]!, { approvalMode: 'required', hasTime: true }).ok, `${path[i - 1]} → ${path[i]}`).toBe(true);
    }
    expect(nextStatuses('draft', { approvalMode: 'required', hasTime: true })).not.toContain('scheduled');
  });
});

describe('moving in the client’s wall clock', () => {
  it('keeps 09:00 in Paris when a post moves across the spring-forward change', () => {
    const before = at('2026-03-27T09:00', 'Europe/Paris');
    const moved = moveToDay(before, 'Europe/Paris', '2026-03-30')!;
    expect(moved.local).toBe('2026-03-30T09:00');
    expect(moved.instantMs - before).toBe(3 * 24 * HOUR - HOUR); // the day lost an hour
  });
  it('keeps the time in New York across the fall-back change', () => {
    const moved = moveToDay(at('2026-10-30T18:15', 'America/New_York'), 'America/New_York', '2026-11-02')!;
    expect(local(moved.instantMs, 'America/New_York')).toBe('2026-11-02T18:15');
  });
  it('moves a time that falls in the gap forward by the gap, and reports it', () => {
    const moved = moveToDay(at('2026-10-01T02:30', 'Australia/Sydney'), 'Australia/Sydney', '2026-10-04')!;
    expect(moved).toMatchObject({ local: '2026-10-04T03:30', resolution: 'shifted_forward' });
  });
  it('takes the earlier of two 01:30s at New York’s fall-back', () => {
    const moved = moveToDay(at('2026-10-31T01:30', 'America/New_York'), 'America/New_York', '2026-11-01')!;
    expect(moved.resolution).toBe('ambiguous_earlier');
    expect(new Date(moved.instantMs).toISOString()).toBe('2026-11-01T05:30:00.000Z'); // EDT, −4
  });
  it('shifts by whole local days in Sydney (autumn change: the day has 25 hours)', () => {
    const start = at('2026-04-04T12:00', 'Australia/Sydney');
    const shifted = shiftWallClock(start, 'Australia/Sydney', { days: 1 });
    expect(shifted.local).toBe('2026-04-05T12:00');
    expect(shifted.instantMs - start).toBe(25 * HOUR);
  });
  it('rejects a day that does not exist', () => {
    expect(moveToDay(0, 'UTC', '2026-02-30')).toBeNull();
  });
});

describe('queue', () => {
  const paris = 'Europe/Paris';
  const slots = [
    { weekday: 1, minuteOfDay: 9 * 60 }, // Monday 09:00
    { weekday: 4, minuteOfDay: 18 * 60 }, // Thursday 18:00
  ];
  it('finds the next free slot in the client’s zone, skipping taken ones', () => {
    const now = at('2026-03-23T10:00', paris); // a Monday, after 09:00
    const first = nextFreeSlot(slots, paris, now, [])!;
    expect(first.local).toBe('2026-03-26T18:00');
    const second = nextFreeSlot(slots, paris, now, [first.instantMs])!;
    expect(second.local).toBe('2026-03-30T09:00'); // after the spring-forward weekend: still 09:00 local
    expect(new Date(second.instantMs).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });
  it('moves a slot inside the spring-forward gap forward by the gap, and counts it once', () => {
    const gapSlots = [
      { weekday: 7, minuteOfDay: 2 * 60 + 30 },
      { weekday: 7, minuteOfDay: 3 * 60 + 30 },
    ];
    const list = [...slotOccurrences(gapSlots, 'America/New_York', at('2026-03-07T00:00', 'America/New_York'), 1)];
    expect(list.map((s) => s.local)).toEqual(['2026-03-08T03:30']);
    expect(list[0]!.resolution).toBe('shifted_forward');
  });
  it('returns null when there are no slots', () => {
    expect(nextFreeSlot([], paris, 0, [])).toBeNull();
  });
  it('inserts into a slot and pushes each following queue post to the next slot until a free one', () => {
    const s1 = at('2026-03-26T18:00', paris);
    const s2 = at('2026-03-30T09:00', paris);
    const s3 = at('2026-04-02T18:00', paris);
    const s5 = at('2026-04-09T18:00', paris);
    const offSlot = at('2026-03-31T12:00', paris);
    const moves = insertAndPush(slots, paris, s1, { id: 'new', instantMs: null }, [
      { id: 'a', instantMs: s1 },
      { id: 'b', instantMs: s2 },
      { id: 'x', instantMs: offSlot },
      { id: 'e', instantMs: s5 },
    ])!;
    expect(moves.map((m) => [m.postId, local(m.toMs, paris)])).toEqual([
      ['new', '2026-03-26T18:00'],
      ['a', '2026-03-30T09:00'],
      ['b', '2026-04-02T18:00'],
    ]);
    expect(moves[2]!.toMs).toBe(s3);
  });
});

describe('recurrence', () => {
  it('keeps a weekly 09:00 post at 09:00 in Paris across both DST changes, and ends by count', () => {
    const result = expandRecurrence({ rule: 'FREQ=WEEKLY;INTERVAL=1', start: '2026-03-22T09:00', count: 3 }, 'Europe/Paris');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.occurrences.map((o) => o.local)).toEqual(['2026-03-22T09:00', '2026-03-29T09:00', '2026-04-05T09:00']);
    expect(result.occurrences.map((o) => new Date(o.instantMs).toISOString().slice(11, 16))).toEqual(['08:00', '07:00', '07:00']);
  });
  it('ends on a last day, inclusive, in the client’s calendar (Sydney)', () => {
    const result = expandRecurrence({ rule: 'RRULE:FREQ=DAILY', start: '2026-04-03T20:00', until: '2026-04-06' }, 'Australia/Sydney');
    if (!result.ok) throw new Error(result.problem.text);
    expect(result.occurrences.map((o) => o.key)).toEqual(['2026-04-03T20:00', '2026-04-04T20:00', '2026-04-05T20:00', '2026-04-06T20:00']);
    // The autumn change (5 April, 03:00 → 02:00) makes 4→5 April a 25-hour step.
    expect(result.occurrences[2]!.instantMs - result.occurrences[1]!.instantMs).toBe(25 * HOUR);
  });
  it('keeps the key of an occurrence in a gap and reports where it lands', () => {
    const result = expandRecurrence({ rule: 'FREQ=DAILY', start: '2026-03-07T02:30', count: 2 }, 'America/New_York');
    if (!result.ok) throw new Error(result.problem.text);
    expect(result.occurrences[1]).toMatchObject({ key: '2026-03-08T02:30', local: '2026-03-08T03:30', resolution: 'shifted_forward' });
  });
  it('explains what is wrong with a rule', () => {
    const problem = (spec: Parameters<typeof expandRecurrence>[0]) => {
      const r = expandRecurrence(spec, 'UTC');
      return r.ok ? 'ok' : r.problem.text;
    };
    expect(problem({ rule: 'FREQ=WEEKLY', start: '2026-01-01T09:00' })).toMatch(/needs an end/);
    expect(problem({ rule: 'FREQ=SOMETIMES', start: '2026-01-01T09:00', count: 2 })).toMatch(/not valid RRULE|FREQ/);
    expect(problem({ rule: 'FREQ=WEEKLY;COUNT=3', start: '2026-01-01T09:00', count: 2 })).toMatch(/as fields/);
    expect(problem({ rule: 'FREQ=WEEKLY', start: '2026-02-30T09:00', count: 2 })).toMatch(/not a date/);
    expect(problem({ rule: 'FREQ=WEEKLY', start: '2026-01-01T09:00', count: 2, until: '2026-02-01' })).toMatch(/either/);
  });
});

describe('warnings', () => {
  const zones = new Map([
    ['paris', 'Europe/Paris'],
    ['ny', 'America/New_York'],
  ]);
  it('flags two posts on the same network too close together, not on different networks or clients', () => {
    const t = at('2026-05-04T09:00', 'Europe/Paris');
    const warnings = planWarnings(
      [
        { id: 'a', clientId: 'paris', networks: ['instagram'], instantMs: t },
        { id: 'b', clientId: 'paris', networks: ['instagram', 'x'], instantMs: t + 30 * 60_000 },
        { id: 'c', clientId: 'paris', networks: ['linkedin'], instantMs: t + 10 * 60_000 },
        { id: 'd', clientId: 'ny', networks: ['instagram'], instantMs: t + 5 * 60_000 },
      ],
      zones,
      { minSpacingMinutes: 60, maxGapDays: 30 },
    );
    expect(warnings).toEqual([{ kind: 'too_close', clientId: 'paris', network: 'instagram', postIds: ['a', 'b'], minutes: 30 }]);
  });
  it('gives one warning for a run of posts too close on one network, naming every post of it', () => {
    // Five Instagram posts at 09:00: one problem, not four nearly identical pairs.
    const t = at('2026-01-20T09:00', 'Europe/Paris');
    const five = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, clientId: 'paris', networks: ['instagram'], instantMs: t }));
    expect(planWarnings(five, zones, { minSpacingMinutes: 120, maxGapDays: 30 })).toEqual([
      { kind: 'too_close', clientId: 'paris', network: 'instagram', postIds: ['a', 'b', 'c', 'd', 'e'], minutes: 0 },
    ]);
    // A chain (each under two hours after the one before) is one run too, its minutes first to last.
    const chain = [0, 90, 180].map((m, i) => ({ id: `c${i}`, clientId: 'paris', networks: ['x'], instantMs: t + m * 60_000 }));
    expect(planWarnings(chain, zones, { minSpacingMinutes: 120, maxGapDays: 30 })).toEqual([
      { kind: 'too_close', clientId: 'paris', network: 'x', postIds: ['c0', 'c1', 'c2'], minutes: 180 },
    ]);
  });
  it('keeps two separate pairs, and each network of a post, as warnings of their own', () => {
    const t = at('2026-01-20T09:00', 'Europe/Paris');
    const posts = [
      { id: 'a', clientId: 'paris', networks: ['instagram', 'x'], instantMs: t },
      { id: 'b', clientId: 'paris', networks: ['instagram', 'x'], instantMs: t + 10 * 60_000 },
      // Four hours later: a new pair on Instagram, not a run with the first.
      { id: 'c', clientId: 'paris', networks: ['instagram'], instantMs: t + 240 * 60_000 },
      { id: 'd', clientId: 'paris', networks: ['instagram'], instantMs: t + 270 * 60_000 },
    ];
    expect(planWarnings(posts, zones, { minSpacingMinutes: 120, maxGapDays: 30 })).toEqual([
      { kind: 'too_close', clientId: 'paris', network: 'instagram', postIds: ['a', 'b'], minutes: 10 },
      { kind: 'too_close', clientId: 'paris', network: 'x', postIds: ['a', 'b'], minutes: 10 },
      { kind: 'too_close', clientId: 'paris', network: 'instagram', postIds: ['c', 'd'], minutes: 30 },
    ]);
  });
  it('flags gaps counted in the client’s own calendar days', () => {
    // 23:30 in New York is already the next day in UTC: the gap must use New York days.
    const posts = [
      { id: 'a', clientId: 'ny', networks: ['x'], instantMs: at('2026-05-01T23:30', 'America/New_York') },
      { id: 'b', clientId: 'ny', networks: ['x'], instantMs: at('2026-05-05T08:00', 'America/New_York') },
    ];
    expect(planWarnings(posts, zones, { minSpacingMinutes: 0, maxGapDays: 2 })).toEqual([
      { kind: 'gap', clientId: 'ny', fromDate: '2026-05-01', toDate: '2026-05-05', days: 3 },
    ]);
    expect(planWarnings(posts, zones, { minSpacingMinutes: 0, maxGapDays: 3 })).toEqual([]);
  });
  it('flags an empty end of the period', () => {
    const posts = [{ id: 'a', clientId: 'paris', networks: ['x'], instantMs: at('2026-05-02T10:00', 'Europe/Paris') }];
    const warnings = planWarnings(posts, zones, { minSpacingMinutes: 0, maxGapDays: 7 }, { fromDate: '2026-05-01', toDate: '2026-05-31' });
    expect(warnings).toEqual([{ kind: 'gap', clientId: 'paris', fromDate: '2026-05-02', toDate: '2026-05-31', days: 29 }]);
  });
});
