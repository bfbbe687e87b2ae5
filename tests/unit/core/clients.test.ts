import { describe, expect, it } from 'vitest';
import { CLIENT_COLORS, nextClientColor } from '../../../src-main/core/domain/clients';

describe('nextClientColor', () => {
  it('gives each new client a colour no other client has yet', () => {
    const used: string[] = [];
    for (let i = 0; i < CLIENT_COLORS.length; i++) used.push(nextClientColor(used));
    expect(new Set(used).size).toBe(CLIENT_COLORS.length);
  });
  it('ignores case and foreign colours', () => {
    expect(nextClientColor([CLIENT_COLORS[0].toUpperCase(), '#abcdef'])).toBe(CLIENT_COLORS[1]);
  });
});
