// A clean exit: pending work is flushed, then the library closes — even when a hook misbehaves.
import { afterEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { createShutdown } from '../../../src-main/services/shutdown';
import { testAtelier } from '../../helpers/app';

describe('createShutdown', () => {
  afterEach(() => vi.useRealTimers());

  it('runs every hook before closing, once, however often it is asked', async () => {
    const order: string[] = [];
    const shutdown = createShutdown({ close: () => order.push('close') });
    shutdown.onBeforeClose('autosave', async () => {
      await new Promise((r) => setTimeout(r, 5));
      order.push('autosave');
    });
    shutdown.onBeforeClose('export', () => {
      order.push('export');
    });
    await Promise.all([shutdown.run(), shutdown.run()]);
    await shutdown.run();
    expect([...order].sort()).toEqual(['autosave', 'close', 'export']);
    expect(order.indexOf('close')).toBe(2);
  });

  it('closes anyway when a hook fails or hangs, and says which one', async () => {
    vi.useFakeTimers();
    const close = vi.fn();
    const log = vi.fn();
    const shutdown = createShutdown({ close, hookTimeoutMs: 1000, log });
    shutdown.onBeforeClose('broken', () => {
      throw new Error('disk gone');
    });
    shutdown.onBeforeClose('stuck', () => new Promise(() => undefined));
    const done = shutdown.run();
    await vi.advanceTimersByTimeAsync(1000);
    await done;
    expect(close).toHaveBeenCalledTimes(1);
    expect(log.mock.calls.map((c) => c[0])).toEqual([expect.stringContaining('"broken" failed'), expect.stringContaining('"stuck" did not finish within 1000 ms')]);
  });

  it('refuses two hooks with the same name and lets one be removed', async () => {
    const close = vi.fn();
    const shutdown = createShutdown({ close });
    const hook = vi.fn();
    const remove = shutdown.onBeforeClose('autosave', hook);
    expect(() => shutdown.onBeforeClose('autosave', vi.fn())).toThrow(/already registered/);
    remove();
    await shutdown.run();
    expect(hook).not.toHaveBeenCalled();
  });

  it('atelier.shutdown flushes a hook that writes, then leaves a checkpointed, closed database', async () => {
    const t = testAtelier();
    t.atelier.onBeforeClose('autosave', () => {
      t.atelier.services.system.updateSettings({ theme: 'dark' });
    });
    const library = t.atelier.library;
    await t.atelier.shutdown();
    expect(library.db.open).toBe(false);
    expect(() => t.atelier.library).toThrow(/closed/);
    const db = new Database(path.join(t.dir, 'atelier.db'), { readonly: true });
    const row = db.prepare("SELECT value FROM settings WHERE key = 'preferences'").get() as { value: string } | undefined;
    db.close();
    expect(JSON.parse(row!.value)).toMatchObject({ theme: 'dark' });
    t.cleanup();
  });
});
