// The fast offset tables must agree with Temporal everywhere the calendar uses them.
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { instantToWallClock, wallClockToInstant } from '../../../src-main/core/time/zones';

const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Sao_Paulo', 'Pacific/Chatham', 'UTC'];

function temporalResolve(local: string, zone: string) {
  const pdt = Temporal.PlainDateTime.from(local);
  const zoned = pdt.toZonedDateTime(zone, { disambiguation: 'compatible' });
  return { instantMs: zoned.epochMilliseconds, local: zoned.toPlainDateTime().toString({ smallestUnit: 'minute' }) };
}

describe('fast zone maths agree with Temporal', () => {
  it('on every half hour around each 2026 DST change and on a spread of ordinary times', () => {
    let checked = 0;
    for (const zone of ZONES) {
      const transitions: number[] = [];
      let z = Temporal.ZonedDateTime.from({ year: 2026, month: 1, day: 1, timeZone: zone });
      for (let i = 0; i < 4; i++) {
        const next = z.getTimeZoneTransition('next');
        if (!next || next.year > 2026) break;
        transitions.push(next.epochMilliseconds);
        z = next;
      }
      const samples: number[] = [];
      for (const t of transitions) for (let k = -8; k <= 8; k++) samples.push(t + k * 30 * 60_000);
      for (let k = 0; k < 60; k++) samples.push(Date.UTC(2026, 0, 1) + k * 6 * 86_400_000 + k * 37 * 60_000);
      for (const ms of samples) {
        const expected = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: 'minute' });
        expect(instantToWallClock(ms, zone), `${zone} ${new Date(ms).toISOString()}`).toBe(expected);
        // Every local time near a change: gaps, overlaps and ordinary times.
        const local = expected;
        const fast = wallClockToInstant(local, zone)!;
        const slow = temporalResolve(local, zone);
        expect({ instantMs: fast.instantMs, local: fast.local }, `${zone} ${local}`).toEqual(slow);
        // And the local time shifted by 30 minutes, which lands inside gaps.
        const shifted = Temporal.PlainDateTime.from(local).add({ minutes: 30 }).toString({ smallestUnit: 'minute' });
        const f2 = wallClockToInstant(shifted, zone)!;
        expect({ instantMs: f2.instantMs, local: f2.local }, `${zone} ${shifted}`).toEqual(temporalResolve(shifted, zone));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('still rejects dates that do not exist', () => {
    expect(wallClockToInstant('2026-02-29T10:00', 'Europe/Paris')).toBeNull();
    expect(wallClockToInstant('2026-04-31T10:00', 'UTC')).toBeNull();
    expect(wallClockToInstant('2026-04-30T24:00', 'UTC')).toBeNull();
    expect(wallClockToInstant('2026-04-30T10:00', 'Mars/Olympus')).toBeNull();
  });
});
