// Card times are short so a month cell still shows the post's title.
import { describe, expect, it } from 'vitest';
import { cardTimeFormatter } from '../../../src-renderer/features/calendar/formats';

describe('card times', () => {
  it('drop the minutes of a whole hour on a 12-hour clock, and the space before am/pm', () => {
    const en = cardTimeFormatter('en');
    expect(['2026-12-01T09:00', '2026-12-01T12:30', '2026-12-01T18:00', '2026-12-01T00:05'].map(en)).toEqual(['9am', '12:30pm', '6pm', '12:05am']);
  });

  it('keep hours and minutes on a 24-hour clock', () => {
    const fr = cardTimeFormatter('fr');
    expect(['2026-12-01T09:00', '2026-12-01T21:30'].map(fr)).toEqual([new Intl.DateTimeFormat('fr', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2000, 0, 1, 9)), '21:30']);
    expect(fr('2026-12-01T21:30')).not.toMatch(/pm/i);
  });
});
