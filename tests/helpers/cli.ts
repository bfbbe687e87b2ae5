// Runs the CLI in process with stdout and stderr captured, for the duration of each test.
import { afterEach, beforeEach, vi } from 'vitest';

export interface CapturedOutput {
  out: string;
  err: string;
}

/** Call at the top of a test file: each test starts with empty `out`/`err` and no exit code. */
export function captureCliOutput(): CapturedOutput {
  const io: CapturedOutput = { out: '', err: '' };
  beforeEach(() => {
    io.out = '';
    io.err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((io.out += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((io.err += String(chunk)), true));
    process.exitCode = undefined;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });
  return io;
}
