// Peak memory of the bench process: the kernel's own high-water mark (VmHWM), which no spike between
// two samples escapes. Linux ≥ 4.0; elsewhere resetKernelPeak() says false and callers sample RSS.
import { readFileSync, writeFileSync } from 'node:fs';

/** Resets the kernel's peak-RSS mark of this process to its current RSS; false where there is none. */
export function resetKernelPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The peak RSS since the last reset, in bytes (0 where the kernel does not say). */
export function kernelPeak(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}
