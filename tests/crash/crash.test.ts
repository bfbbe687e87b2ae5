// kill -9 at random moments, over seeded rounds: after every kill the library reopens with the
// production code, passes integrity_check and foreign_key_check, and holds every acknowledged write.
// Variants kill during a migration, during a backup and during an asset file write.
import Database from 'better-sqlite3';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAtelier } from '../../src-main/app';
import { openDatabase } from '../../src-main/db/open';
import { checkDatabaseFile } from '../../src-main/db/snapshot';
import { collectTempFiles } from '../../src-main/services/sessions';
import { libraryPaths } from '../../src-main/services/library';
import { tempDir } from '../helpers/temp';
import { buildWriter, runAndKill, type Round } from './harness';
import { committed, verifyLedger, type Ack } from './ops';
import { seeded } from './rng';
import { testMigrations } from './migrations';

const SEED = Number(process.env.CRASH_SEED ?? 20261128);
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 50);
const VARIANT_ROUNDS = Number(process.env.CRASH_VARIANT_ROUNDS ?? 15);
let writer = '';
const temps: { cleanup(): void }[] = [];
/** Printed at the end: the figures for the issue note. */
const tally: Record<string, { rounds: number; killed: number; acks: number; survived: number; tempFilesCollected?: number }> = {};

function count(variant: string, round: Round, ok: boolean) {
  const t = (tally[variant] ??= { rounds: 0, killed: 0, acks: 0, survived: 0 });
  t.rounds++;
  if (round.killed) t.killed++;
  t.acks += round.acks.length;
  if (ok) t.survived++;
}

beforeAll(async () => {
  writer = await buildWriter();
}, 60_000);
afterAll(() => {
  temps.forEach((t) => t.cleanup());
  console.log(`[crash] seed ${SEED}: ${JSON.stringify(tally)}`);
});

function fresh(): string {
  const t = tempDir('atelier-crash-');
  temps.push(t);
  return t.dir;
}

/** Reopen with the production path and check what every round must satisfy. */
function reopenAndCheck(dataDir: string, acks: Ack[], inFlight: Ack | null, expectUnclean: boolean): { problems: string[]; unclean: boolean } {
  const atelier = createAtelier({ dataDir, host: 'test' });
  try {
    const status = atelier.status();
    const problems: string[] = [];
    if (status.state !== 'ok') return { problems: [`library needs recovery: ${status.problem}`], unclean: status.uncleanShutdown };
    if (expectUnclean && !status.uncleanShutdown) problems.push('the kill was not noticed as an unclean shutdown');
    const db = atelier.library.db;
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`${fk.length} foreign key problems`);
    if (db.pragma('user_version', { simple: true }) !== 1) problems.push('user_version changed');
    problems.push(...verifyLedger(db, dataDir, { acks, inFlight }));
    // A call killed after its commit but before its ACK is part of the history from now on.
    if (inFlight && committed(db, inFlight)) acks.push(inFlight);
    const leftovers = collectTempFiles(libraryPaths(dataDir).assets);
    if (leftovers.length) problems.push(`temp files left after start-up: ${leftovers.join(', ')}`);
    return { problems, unclean: status.uncleanShutdown };
  } finally {
    atelier.close();
  }
}

describe('crash harness', () => {
  it(`survives ${ROUNDS} seeded SIGKILLs during service calls`, async () => {
    const rng = seeded(SEED);
    const dataDir = fresh();
    const ledger: Ack[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // One round in eight is killed while the process is still starting (opening, checking).
      const early = rng() < 0.125;
      const result = await runAndKill(writer, ['ops', dataDir, String(rng.int(1, 2 ** 30))], early ? rng.int(5, 150) : rng.int(5, 500), early);
      expect(result.stderr).toBe('');
      ledger.push(...result.acks);
      const { problems } = reopenAndCheck(dataDir, ledger, result.inFlight, result.ready && result.killed);
      count('service calls', result, problems.length === 0);
      expect(problems, `round ${round} (seed ${SEED})`).toEqual([]);
    }
    expect(ledger.length).toBeGreaterThan(ROUNDS);
  });

  it(`survives ${VARIANT_ROUNDS} SIGKILLs during asset file writes; no row points to a missing file`, async () => {
    const rng = seeded(SEED + 1);
    const dataDir = fresh();
    const ledger: Ack[] = [];
    for (let round = 0; round < VARIANT_ROUNDS; round++) {
      const result = await runAndKill(writer, ['assets', dataDir, String(rng.int(1, 2 ** 30))], rng.int(5, 300));
      expect(result.stderr).toBe('');
      const orphans = collectTempFiles(libraryPaths(dataDir).assets).length;
      ledger.push(...result.acks);
      const { problems } = reopenAndCheck(dataDir, ledger, result.inFlight, result.killed);
      count('asset writes', result, problems.length === 0);
      tally['asset writes']!.tempFilesCollected = (tally['asset writes']!.tempFilesCollected ?? 0) + orphans;
      expect(problems, `round ${round}`).toEqual([]);
    }
  });

  it(`survives ${VARIANT_ROUNDS} SIGKILLs during backups: no temp file stays, every backup passes its check`, async () => {
    const rng = seeded(SEED + 2);
    const dataDir = fresh();
    const ledger: Ack[] = [];
    const backups: string[] = [];
    for (let round = 0; round < VARIANT_ROUNDS; round++) {
      const result = await runAndKill(writer, ['backup', dataDir, String(rng.int(1, 2 ** 30))], rng.int(5, 500));
      expect(result.stderr).toBe('');
      const orphans = collectTempFiles(libraryPaths(dataDir).backups).length;
      ledger.push(...result.acks.filter((a) => a.op !== 'backup'));
      backups.push(...result.acks.filter((a) => a.op === 'backup').map((a) => String(a.file)));
      const { problems } = reopenAndCheck(dataDir, ledger, result.inFlight, result.killed);
      const dir = libraryPaths(dataDir).backups;
      const names = existsSync(dir) ? readdirSync(dir) : [];
      if (names.some((n) => n.endsWith('.tmp'))) problems.push('a backup temp file survived the restart');
      for (const file of backups) if (!names.includes(file)) problems.push(`acknowledged backup ${file} is gone`);
      for (const name of names.filter((n) => n.endsWith('.db'))) {
        const check = checkDatabaseFile(path.join(dir, name));
        if (!check.ok) problems.push(`backup ${name} fails its check: ${check.result}`);
      }
      count('backups', result, problems.length === 0);
      tally.backups!.tempFilesCollected = (tally.backups!.tempFilesCollected ?? 0) + orphans;
      expect(problems, `round ${round}`).toEqual([]);
    }
    expect(backups.length).toBeGreaterThan(0);
  });

  it(`survives ${VARIANT_ROUNDS} SIGKILLs during a migration: old schema intact or new one, never a mix`, async () => {
    const rng = seeded(SEED + 3);
    const ROWS = 60_000;
    // A v1 library with some clients, reused as the starting point of every round.
    const fixture = fresh();
    const seed = createAtelier({ dataDir: fixture, host: 'test' });
    for (let i = 0; i < 20; i++) await seed.call('clients.create', { name: `Client ${i}`, timeZone: 'UTC' });
    seed.close();
    // How long the migration takes here, so the kills spread over it.
    const probe = fresh();
    cpSync(fixture, probe, { recursive: true });
    const started = Date.now();
    const full = await runAndKill(writer, ['migrate', probe, String(ROWS)], 60_000);
    const duration = Date.now() - started;
    expect(full.acks).toEqual([{ op: 'migrate', n: 0, version: 2 }]);
    const outcomes = { old: 0, new: 0 };
    for (let round = 0; round < VARIANT_ROUNDS; round++) {
      const dataDir = fresh();
      cpSync(fixture, dataDir, { recursive: true });
      const result = await runAndKill(writer, ['migrate', dataDir, String(ROWS)], rng.int(0, Math.max(20, Math.round(duration * 1.1))));
      const problems: string[] = [];
      const db = new Database(libraryPaths(dataDir).database);
      try {
        const version = db.pragma('user_version', { simple: true });
        const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
        const columns = (db.prepare('PRAGMA table_info(clients)').all() as { name: string }[]).map((c) => c.name);
        if (db.pragma('integrity_check', { simple: true }) !== 'ok') problems.push('integrity_check failed');
        if ((db.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n !== 20) problems.push('clients lost');
        if (version === 1) {
          outcomes.old++;
          if (tables.includes('crash_big') || columns.includes('crash_tag')) problems.push('schema 1 with pieces of schema 2');
        } else if (version === 2) {
          outcomes.new++;
          if ((db.prepare('SELECT count(*) AS n FROM crash_big').get() as { n: number }).n !== ROWS || !columns.includes('crash_tag')) problems.push('schema 2 incomplete');
        } else problems.push(`unexpected user_version ${String(version)}`);
        if (result.acks.length && version !== 2) problems.push('acknowledged migration lost');
      } finally {
        db.close();
      }
      // The next start finishes the job from whichever state it finds.
      const paths = libraryPaths(dataDir);
      const reopened = openDatabase({ file: paths.database, backupsDir: paths.backups, now: Date.now(), migrations: testMigrations(ROWS), check: 'full' });
      if (reopened.toVersion !== 2) problems.push('the migration did not complete on the next start');
      reopened.db.close();
      for (const name of readdirSync(paths.backups).filter((n) => n.endsWith('.db'))) {
        if (!checkDatabaseFile(path.join(paths.backups, name)).ok) problems.push(`pre-migration backup ${name} is damaged`);
      }
      rmSync(dataDir, { recursive: true, force: true });
      count('migration', result, problems.length === 0);
      expect(problems, `round ${round}`).toEqual([]);
    }
    console.log(`[crash] migration kills left schema 1 in ${outcomes.old} rounds and schema 2 in ${outcomes.new}`);
  });
});
