// kill -9 at random moments, over seeded rounds: after every kill the library reopens with the
// production code, passes integrity_check and foreign_key_check, and holds every acknowledged write.
// Variants kill during a migration, during a backup and during an asset file write.
import Database from 'better-sqlite3';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAtelier } from '../../src-main/app';
import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open';
import { checkDatabaseFile } from '../../src-main/db/snapshot';
import { collectTempFiles } from '../../src-main/services/sessions';
import { libraryPaths } from '../../src-main/services/library';
import { tempDir } from '../helpers/temp';
import { buildWriter, runAndKill, type Round } from './harness';
import { committed, verifyLedger, type Ack } from './ops';
import { seeded } from './rng';
import { NEXT_VERSION, testMigrations } from './migrations';

const SEED = Number(process.env.CRASH_SEED ?? 20261128);
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 50);
const VARIANT_ROUNDS = Number(process.env.CRASH_VARIANT_ROUNDS ?? 15);
let writer = '';
const temps: { cleanup(): void }[] = [];
/** Printed at the end: the figures for the issue note. */
const tally: Record<string, { rounds: number; killed: number; acks: number; survived: number; tempFilesCollected?: number; killedMidRestore?: number }> = {};

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
    if (db.pragma('user_version', { simple: true }) !== LATEST_SCHEMA_VERSION) problems.push('user_version changed');
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

  it(`survives ${VARIANT_ROUNDS} SIGKILLs during restores: the library is the backup or the one before, never missing or mixed`, async () => {
    const rng = seeded(SEED + 4);
    const dataDir = fresh();
    const seedLib = createAtelier({ dataDir, host: 'test' });
    for (let i = 0; i < 5; i++) await seedLib.call('clients.create', { name: `Base ${i}`, timeZone: 'UTC' });
    await seedLib.call('backups.create', {});
    seedLib.close();
    const BASE = 5;
    let sinceRestore = 0; // clients created (ACKed) since the last restore that surely ran
    for (let round = 0; round < VARIANT_ROUNDS; round++) {
      const result = await runAndKill(writer, ['restore', dataDir, String(rng.int(1, 2 ** 30))], rng.int(5, 400));
      expect(result.stderr).toBe('');
      for (const ack of result.acks) sinceRestore = ack.op === 'restore' ? 0 : sinceRestore + 1;
      const problems: string[] = [];
      const atelier = createAtelier({ dataDir, host: 'test' });
      try {
        if (atelier.status().state !== 'ok') problems.push(`library needs recovery: ${atelier.status().problem}`);
        else {
          const db = atelier.library.db;
          if (db.pragma('integrity_check', { simple: true }) !== 'ok') problems.push('integrity_check failed');
          const count = (db.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;
          const allowed = [BASE, BASE + sinceRestore, ...(result.inFlight?.op === 'client.create' ? [BASE + sinceRestore + 1] : [])];
          if (!allowed.includes(count)) problems.push(`${count} clients; expected one of ${allowed.join(', ')}`);
          sinceRestore = count - BASE; // whichever state survived is the base of the next round
        }
        const dir = libraryPaths(dataDir).backups;
        for (const name of readdirSync(dir).filter((n) => n.endsWith('.db'))) {
          const check = checkDatabaseFile(path.join(dir, name));
          if (!check.ok) problems.push(`${name} fails its check: ${check.result}`);
        }
        if (existsSync(`${libraryPaths(dataDir).database}.incoming`)) problems.push('a staged restore copy survived the restart');
      } finally {
        atelier.close();
      }
      count('restores', result, problems.length === 0);
      if (result.inFlight?.op === 'restore') tally.restores!.killedMidRestore = (tally.restores!.killedMidRestore ?? 0) + 1;
      expect(problems, `round ${round}`).toEqual([]);
    }
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
    const full = await runAndKill(writer, ['migrate', probe, String(ROWS)], 60_000);
    const duration = full.msAfterReady; // open, pre-migration backup and migration
    expect(full.acks).toEqual([{ op: 'migrate', n: 0, version: NEXT_VERSION }]);
    const outcomes = { old: 0, new: 0 };
    for (let round = 0; round < VARIANT_ROUNDS; round++) {
      const dataDir = fresh();
      cpSync(fixture, dataDir, { recursive: true });
      const result = await runAndKill(writer, ['migrate', dataDir, String(ROWS)], rng.int(0, Math.max(20, Math.round(duration * 0.7))));
      const problems: string[] = [];
      const db = new Database(libraryPaths(dataDir).database);
      try {
        const version = db.pragma('user_version', { simple: true });
        const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
        const columns = (db.prepare('PRAGMA table_info(clients)').all() as { name: string }[]).map((c) => c.name);
        if (db.pragma('integrity_check', { simple: true }) !== 'ok') problems.push('integrity_check failed');
        if ((db.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n !== 20) problems.push('clients lost');
        if (version === LATEST_SCHEMA_VERSION) {
          outcomes.old++;
          if (tables.includes('crash_big') || columns.includes('crash_tag')) problems.push('old schema with pieces of the new one');
        } else if (version === NEXT_VERSION) {
          outcomes.new++;
          if ((db.prepare('SELECT count(*) AS n FROM crash_big').get() as { n: number }).n !== ROWS || !columns.includes('crash_tag')) problems.push('new schema incomplete');
        } else problems.push(`unexpected user_version ${String(version)}`);
        if (result.acks.length && version !== NEXT_VERSION) problems.push('acknowledged migration lost');
      } finally {
        db.close();
      }
      // The next start finishes the job from whichever state it finds.
      const paths = libraryPaths(dataDir);
      const reopened = openDatabase({ file: paths.database, backupsDir: paths.backups, now: Date.now(), migrations: testMigrations(ROWS), check: 'full' });
      if (reopened.toVersion !== NEXT_VERSION) problems.push('the migration did not complete on the next start');
      reopened.db.close();
      for (const name of readdirSync(paths.backups).filter((n) => n.endsWith('.db'))) {
        if (!checkDatabaseFile(path.join(paths.backups, name)).ok) problems.push(`pre-migration backup ${name} is damaged`);
      }
      rmSync(dataDir, { recursive: true, force: true });
      count('migration', result, problems.length === 0);
      expect(problems, `round ${round}`).toEqual([]);
    }
    console.log(`[crash] migration kills left the old schema in ${outcomes.old} rounds and the new one in ${outcomes.new}`);
  });
});
