import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temp folder per test, removed afterwards. */
export function tempDir(prefix = 'atelier-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2026-12-01T09:00:00.000Z')) {
  let now = start;
  return {
    now: () => now,
    set(ms: number) {
      now = ms;
    },
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Deterministic ids: id-1, id-2, … */
export function sequentialIds(prefix = 'id') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}
