// The crash harness's child: opens a library with the production code, makes real writes in a loop
// and prints `BEGIN <json>` before and `ACK <json>` after each one commits. The parent SIGKILLs it.
//   node writer.mjs ops <dataDir> <seed>        service calls (OPS)
//   node writer.mjs assets <dataDir> <seed>     large asset imports (kill during the file write)
//   node writer.mjs backup <dataDir> <seed>     manual backups between writes (kill during a backup)
//   node writer.mjs restore <dataDir> <seed>     restores of one backup between writes (kill during a restore)
//   node writer.mjs migrate <dataDir> <rows>    a long test migration to schema 2 (kill during it)
import { createAtelier } from '../../src-main/app';
import { openDatabase } from '../../src-main/db/open';
import { libraryPaths } from '../../src-main/services/library';
import { testMigrations } from './migrations';
import { importAsset, OPS, type WriterState } from './ops';
import { seeded } from './rng';

const [mode, dataDir, arg] = process.argv.slice(2) as [string, string, string];
const say = (line: string) => process.stdout.write(`${line}\n`);

// A writer whose test run stopped before its kill (a timed-out or interrupted run) must not write on
// for ever: one left behind filled a disk with 77 GB of assets. It stops once orphaned, or after two
// minutes, far beyond any planned kill (at most half a second after READY).
const parentPid = process.ppid;
const startedAt = Date.now();
function stopIfAbandoned(): void {
  if (process.ppid !== parentPid || Date.now() - startedAt > 120_000) process.exit(3);
}

async function main() {
  if (mode === 'migrate') {
    say('READY');
    const paths = libraryPaths(dataDir);
    const opened = openDatabase({ file: paths.database, backupsDir: paths.backups, now: Date.now(), migrations: testMigrations(Number(arg)), check: 'quick' });
    say(`ACK ${JSON.stringify({ op: 'migrate', n: 0, version: opened.toVersion })}`);
    opened.db.close();
    return;
  }
  const rng = seeded(Number(arg));
  const atelier = createAtelier({ dataDir, host: 'test' });
  const state: WriterState = {
    clients: atelier.library.clients.list().map((c) => c.id),
    posts: (atelier.library.db.prepare('SELECT id FROM posts WHERE deleted_at IS NULL').all() as { id: string }[]).map((r) => r.id),
  };
  say('READY');
  if (mode === 'restore') {
    let backup = atelier.backups.list().find((b) => b.kind === 'manual');
    if (!backup) backup = (await atelier.call('backups.create', {})).backup;
    for (let n = 1; ; n++) {
      stopIfAbandoned();
      if (n % 4 === 0) {
        say(`BEGIN ${JSON.stringify({ op: 'restore', n })}`);
        await atelier.call('backups.restore', { file: backup.file });
        say(`ACK ${JSON.stringify({ op: 'restore', n })}`);
      } else {
        say(`BEGIN ${JSON.stringify({ op: 'client.create', n })}`);
        const client = await atelier.call('clients.create', { name: `Client ${n}`, timeZone: 'UTC' });
        say(`ACK ${JSON.stringify({ op: 'client.create', n, id: client.id, name: client.name })}`);
      }
    }
  }
  const total = OPS.reduce((sum, op) => sum + op.weight, 0);
  for (let n = 1; ; n++) {
    stopIfAbandoned();
    if (mode === 'assets') {
      const bytes = Buffer.alloc(rng.int(256 * 1024, 2 * 1024 * 1024), n % 251);
      bytes.writeUInt32LE(rng.int(0, 2 ** 31), 0);
      say(`BEGIN ${JSON.stringify({ op: 'asset.import', n })}`);
      say(`ACK ${JSON.stringify({ op: 'asset.import', n, sha: await importAsset(atelier, bytes) })}`);
      continue;
    }
    if (mode === 'backup' && n % 3 === 0) {
      say(`BEGIN ${JSON.stringify({ op: 'backup', n })}`);
      const made = await atelier.call('backups.create', {});
      say(`ACK ${JSON.stringify({ op: 'backup', n, file: made.backup.file })}`);
      continue;
    }
    let roll = rng() * total;
    const op = OPS.find((o) => (roll -= o.weight) < 0) ?? OPS[0]!;
    // BEGIN carries what the call will write, so the parent accepts it if the kill came after the commit.
    const result = await op.run(atelier, state, rng, n, (info) => say(`BEGIN ${JSON.stringify({ op: op.name, n, ...info })}`));
    if (result) say(`ACK ${JSON.stringify({ op: op.name, n, ...result })}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`writer failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(3);
});
