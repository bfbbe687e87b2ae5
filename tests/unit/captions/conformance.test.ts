// twitter-text's own conformance cases, read from the shared YAML: X must count exactly like X.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { measureCaption, TWITTER_TEXT_V3 } from '../../../src-main/core/captions';

// A copy of twitter/twitter-text's conformance/validate.yml and config/v3.json (Apache-2.0, LICENSE beside them).
const CONFORMANCE = path.resolve(__dirname, '../../fixtures/twitter-text');

interface Case {
  description: string;
  text: string;
  expected: { weightedLength: number; valid: boolean; permillage: number };
}
const suite = parse(readFileSync(path.join(CONFORMANCE, 'twitter-text-validate.yml'), 'utf8')) as { tests: Record<string, Case[]> };

describe('twitter-text v3 configuration', () => {
  it('is the configuration the rules table embeds', () => {
    const upstream = JSON.parse(readFileSync(path.join(CONFORMANCE, 'twitter-text-config-v3.json'), 'utf8')) as unknown;
    expect(TWITTER_TEXT_V3).toEqual(upstream);
  });
});

for (const section of ['WeightedTweetsWithDiscountedEmojiCounterTest', 'UnicodeDirectionalMarkerCounterTest']) {
  describe(section, () => {
    const cases = suite.tests[section]!;
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const c of cases) {
      it(c.description, () => {
        const m = measureCaption(c.text, 'x');
        expect(m.length).toBe(c.expected.weightedLength);
        expect(m.valid).toBe(c.expected.valid);
        expect(Math.floor((m.length * 1000) / m.limit)).toBe(c.expected.permillage);
      });
    }
  });
}
