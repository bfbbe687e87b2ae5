import { describe, expect, it } from 'vitest';
import { instantToWallClock, isValidTimeZone, monthRange, offsetLabelAt, parseWallClock, wallClockToInstant } from '../../../src-main/core/time/zones';

describe('time zones', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('rejects impossible dates', () => {
    expect(parseWallClock('2026-02-30T10:00')).toBeNull();
    expect(parseWallClock('2026-12-01T24:00')).toBeNull();
    expect(parseWallClock('01/12/2026 10:00')).toBeNull();
    expect(parseWallClock('2026-12-01T09:30')?.toString()).toBe('2026-12-01T09:30:00');
  });

  it('converts a client’s wall clock to the UTC instant and back', () => {
    const paris = wallClockToInstant('2026-12-03T09:30', 'Europe/Paris')!;
    expect(new Date(paris.instantMs).toISOString()).toBe('2026-12-03T08:30:00.000Z');
    expect(paris.resolution).toBe('exact');
    expect(instantToWallClock(paris.instantMs, 'Europe/Paris')).toBe('2026-12-03T09:30');
    expect(instantToWallClock(paris.instantMs, 'America/New_York')).toBe('2026-12-03T03:30');
    expect(instantToWallClock(paris.instantMs, 'Asia/Kolkata')).toBe('2026-12-03T14:00');
  });

  it('moves a time skipped by spring-forward ahead by the gap (documented rule)', () => {
    // Paris, 2027-03-28: 02:00 → 03:00.
    const r = wallClockToInstant('2027-03-28T02:30', 'Europe/Paris')!;
    expect(r.resolution).toBe('shifted_forward');
    expect(r.local).toBe('2027-03-28T03:30');
    expect(new Date(r.instantMs).toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('takes the first of two identical fall-back times (documented rule)', () => {
    // New York, 2026-11-01: 02:00 EDT → 01:00 EST, so 01:30 happens twice.
    const r = wallClockToInstant('2026-11-01T01:30', 'America/New_York')!;
    expect(r.resolution).toBe('ambiguous_earlier');
    expect(new Date(r.instantMs).toISOString()).toBe('2026-11-01T05:30:00.000Z'); // EDT, UTC−4
    expect(offsetLabelAt(r.instantMs, 'America/New_York')).toBe('-04:00');
    expect(offsetLabelAt(r.instantMs + 3_600_000, 'America/New_York')).toBe('-05:00');
    expect(offsetLabelAt(Date.UTC(2026, 6, 1), 'Asia/Kolkata')).toBe('+05:30');
    expect(offsetLabelAt(Date.UTC(2026, 0, 1), 'UTC')).toBe('+00:00');
  });

  it('keeps the wall clock across a DST change (same 09:00 before and after)', () => {
    const before = wallClockToInstant('2027-03-27T09:00', 'Europe/Paris')!.instantMs;
    const after = wallClockToInstant('2027-03-29T09:00', 'Europe/Paris')!.instantMs;
    expect(after - before).toBe(2 * 86_400_000 - 3_600_000);
  });

  it('gives a month as the client sees it (Sydney’s December starts on 30 Nov in UTC)', () => {
    const { fromMs, toMs } = monthRange('2026-12', 'Australia/Sydney');
    expect(new Date(fromMs).toISOString()).toBe('2026-11-30T13:00:00.000Z');
    expect(new Date(toMs).toISOString()).toBe('2026-12-31T13:00:00.000Z');
  });
});
