// JSON errors point at where the text breaks and never quote it; the position finder agrees with
// JSON.parse on what is valid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, parseJsonText } from '../../../src-main/services/packs/json-text';

describe('JSON text errors', () => {
  it.each([
    ['{"a": 1,, }', 'it breaks at line 1, column 9'],
    ['{\n  "a": tru\n}', 'it breaks at line 2, column 11'],
    ['{"a": "unterminated', 'it ends too early'],
    ['[1, 2', 'it ends too early'],
    ['SECRET=hunter2', 'it does not start like JSON'],
    ['   ', 'it is empty'],
    ['{"a": 1} trailing', 'it breaks at line 1, column 10'],
    ['{"a": "\\x"}', 'it breaks at line 1, column 9'],
  ])('%j → %s', (text, message) => {
    expect(() => parseJsonText(text)).toThrow(message);
    try {
      parseJsonText(text);
    } catch (error) {
      for (const word of ['SECRET', 'hunter2', 'trailing', 'unterminated']) expect((error as Error).message).not.toContain(word);
    }
  });

  it('finds nothing wrong in valid JSON, and a place in any cut-short JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, cut) => {
        const text = JSON.stringify(value, null, 1);
        expect(jsonErrorOffset(text)).toBeNull();
        const short = text.slice(0, cut % Math.max(text.length, 1));
        let valid = true;
        try {
          JSON.parse(short);
        } catch {
          valid = false;
        }
        if (!valid && short.trim() !== '') expect(jsonErrorOffset(short)).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
