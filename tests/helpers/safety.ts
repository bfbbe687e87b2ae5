// Helpers for the data-safety suites: a library with a manual clock and scheduler, a full dump of
// every table (to prove a rejected call changed nothing), and file corruption.
import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { afterEach } from 'vitest';
import { createAtelier, type CreateAtelierOptions } from '../../src-main/app';
import type { Scheduler } from '../../src-main/services/scheduler';
import { manualClock, sequentialIds, tempDir } from './temp';

/** `tick()` runs every repeating task and the one-shot tasks not run yet (as if their time came). */
export function manualScheduler() {
  const tasks: { ms: number; task: () => void; once: boolean }[] = [];
  const add = (ms: number, task: () => void, once: boolean) => {
    const entry = { ms, task, once };
    tasks.push(entry);
    return () => {
      if (tasks.includes(entry)) tasks.splice(tasks.indexOf(entry), 1);
    };
  };
  const scheduler: Scheduler = {
    every: (ms, task) => add(ms, task, false),
    after: (ms, task) => add(ms, task, true),
  };
  const tick = () => {
    for (const t of [...tasks]) {
      if (t.once) tasks.splice(tasks.indexOf(t), 1);
      t.task();
    }
  };
  return { scheduler, tick, count: () => tasks.length };
}

export function safetyAtelier(options: Partial<CreateAtelierOptions> & { dir?: string; start?: number } = {}) {
  const temp = options.dir ? null : tempDir('atelier-safety-');
  const dir = options.dir ?? temp!.dir;
  const clock = manualClock(options.start);
  const timers = manualScheduler();
  const make = () => createAtelier({ host: 'test', clock, ids: sequentialIds(`s${Math.random().toString(36).slice(2, 6)}`), scheduler: timers.scheduler, ...options, dataDir: dir });
  let atelier = make();
  return {
    get atelier() {
      return atelier;
    },
    dir,
    clock,
    timers,
    reopen() {
      atelier.close();
      atelier = make();
      return atelier;
    },
    cleanup() {
      atelier.close();
      temp?.cleanup();
    },
  };
}

/** Every row of every table, in a stable order: equal dumps mean nothing stored changed. */
export function dumpDatabase(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    // WITHOUT ROWID tables (insight_followers, insight_activity) are ordered by their primary key.
    const orderOf = (t: string) => {
      const sql = (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(t) as { sql: string }).sql;
      if (!/WITHOUT\s+ROWID/i.test(sql)) return 'rowid';
      const key = (db.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).all(t) as { name: string }[]).map((c) => `"${c.name}"`);
      return key.join(', ');
    };
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY ${orderOf(t)}`).all()]));
  } finally {
    db.close();
  }
}

/** Overwrites `length` bytes at `offset` with a pattern (a damaged sector, a bad copy). */
export function scribble(file: string, offset: number, length: number, byte = 0x5a): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, byte), 0, length, offset);
  } finally {
    closeSync(fd);
  }
}

/** `safetyAtelier` cleaned up after each test of the file that calls this once at top level. */
export function safetyAtelierPerTest() {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  return (options: Parameters<typeof safetyAtelier>[0] = {}) => {
    const made = safetyAtelier(options);
    cleanups.push(() => made.cleanup());
    return made;
  };
}
