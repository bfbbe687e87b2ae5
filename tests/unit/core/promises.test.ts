// The named ways of leaving a promise failure alone (core/promises.ts) do what their names say.
import { afterEach, describe, expect, it } from 'vitest';
import { awaitedLater, ignoreCleanupFailure, settled } from '../../../src-main/core/promises';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

describe('promise helpers', () => {
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
    unhandled.length = 0;
  });

  it('awaitedLater: no unhandled rejection meanwhile, and awaiting still throws', async () => {
    process.on('unhandledRejection', onUnhandled);
    const failing = Promise.reject(new Error('decode failed'));
    awaitedLater(failing);
    await new Promise((resolve) => setTimeout(resolve, 20)); // other work; the runtime checks for unhandled rejections
    expect(unhandled).toEqual([]);
    await expect(failing).rejects.toThrow('decode failed');
  });

  it('settled: resolves after a failure and after a success, without the value', async () => {
    await expect(settled(Promise.reject(new Error('render failed')))).resolves.toBeUndefined();
    await expect(settled(Promise.resolve(42))).resolves.toBeUndefined();
  });

  it('settled: a queue goes on after a failed job, and the job still fails for its caller', async () => {
    const order: string[] = [];
    let queue: Promise<void> = Promise.resolve();
    const run = (name: string, fail: boolean) => {
      const job = queue.then(() => {
        order.push(name);
        if (fail) throw new Error(`${name} failed`);
        return name;
      });
      queue = settled(job);
      return job;
    };
    const first = run('first', true);
    const second = run('second', false);
    await expect(first).rejects.toThrow('first failed');
    await expect(second).resolves.toBe('second');
    expect(order).toEqual(['first', 'second']);
  });

  it('ignoreCleanupFailure: a failed cleanup does not replace the outcome', async () => {
    const cleanup = Promise.reject(new Error('EBUSY: temp file locked'));
    await expect(cleanup.catch(ignoreCleanupFailure)).resolves.toBeUndefined();
  });
});
