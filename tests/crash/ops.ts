// The writes the crash harness makes, each a real service call, each with a check the parent runs
// after the kill. A feature adds its writes here: one entry in OPS (a `run` for the child and a
// `verify` for the parent). The child prints `BEGIN` before and `ACK` after each committed call.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Atelier } from '../../src-main/app';
import type { Db } from '../../src-main/db/open';
import { writeFileAtomic } from '../../src-main/db/snapshot';
import type { Rng } from './rng';

export interface Ack {
  op: string;
  n: number;
  [key: string]: unknown;
}

export interface WriterState {
  clients: string[];
  posts: string[];
}

export interface CrashOp {
  name: string;
  /** Relative weight in the random mix. */
  weight: number;
  /** Calls `begin` with what it is about to write just before the call, and returns what the ACK carries. */
  run(atelier: Atelier, state: WriterState, rng: Rng, n: number, begin: (info: Record<string, unknown>) => void): Promise<Record<string, unknown> | null>;
}

/** Content-addressed file path, as the assets service lays them out. */
export function assetPath(dataDir: string, sha: string): string {
  return path.join(dataDir, 'assets', 'sha256', sha.slice(0, 2), `${sha}.bin`);
}

/** An asset import the way the architecture prescribes: file first (tmp, fsync, rename), then the row. */
export async function importAsset(atelier: Atelier, bytes: Buffer): Promise<string> {
  const sha = createHash('sha256').update(bytes).digest('hex');
  writeFileAtomic(assetPath(atelier.paths.dataDir, sha), bytes);
  const lib = atelier.library;
  lib.write(() =>
    lib.db
      .prepare("INSERT OR IGNORE INTO assets (sha256, kind, mime, size, original_name, created_at) VALUES (?, 'other', 'application/octet-stream', ?, 'crash.bin', ?)")
      .run(sha, bytes.length, lib.clock.now()),
  );
  return sha;
}

export const OPS: CrashOp[] = [
  {
    name: 'client.create',
    weight: 2,
    async run(atelier, state, _rng, n) {
      const client = await atelier.call('clients.create', { name: `Client ${n}`, timeZone: 'Europe/Paris' });
      state.clients.push(client.id);
      return { id: client.id, name: client.name };
    },
  },
  {
    name: 'post.create',
    weight: 4,
    async run(atelier, state, rng, n) {
      if (state.clients.length === 0) return null;
      const networks = (['instagram', 'linkedin', 'facebook'] as const).filter(() => rng() < 0.5);
      const post = await atelier.call('posts.create', { clientId: rng.pick(state.clients), title: `Post ${n}`, caption: `caption ${n}`, networks, at: '2026-12-03T09:30' });
      state.posts.push(post.id);
      return { id: post.id, variants: post.variants.length };
    },
  },
  {
    name: 'post.caption',
    weight: 4,
    async run(atelier, state, rng, n, begin) {
      if (state.posts.length === 0) return null;
      const id = rng.pick(state.posts);
      begin({ id, caption: `edited ${n}` });
      await atelier.call('posts.update', { id, caption: `edited ${n}` });
      return { id, caption: `edited ${n}` };
    },
  },
  {
    name: 'post.delete',
    weight: 1,
    async run(atelier, state, rng) {
      if (state.posts.length < 5) return null;
      const id = state.posts.splice(Math.floor(rng() * state.posts.length), 1)[0]!;
      await atelier.call('posts.delete', { id });
      return { id };
    },
  },
  {
    name: 'settings.update',
    weight: 1,
    async run(atelier, _state, rng, _n, begin) {
      const theme = rng.pick(['light', 'dark', 'system'] as const);
      begin({ theme });
      await atelier.call('settings.update', { theme });
      return { theme };
    },
  },
  {
    name: 'asset.import',
    weight: 2,
    async run(atelier, _state, rng) {
      const bytes = Buffer.alloc(1024 + Math.floor(rng() * 64 * 1024));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rng() * 256);
      return { sha: await importAsset(atelier, bytes) };
    },
  },
];

/** Did the interrupted call (an overwrite that printed BEGIN) reach the database? */
export function committed(db: Db, flying: Ack): boolean {
  if (flying.op === 'post.caption') return (db.prepare('SELECT caption FROM posts WHERE id = ?').get(flying.id) as { caption?: string } | undefined)?.caption === flying.caption;
  if (flying.op === 'settings.update') {
    const row = db.prepare("SELECT value FROM settings WHERE key = 'preferences'").get() as { value: string } | undefined;
    return row !== undefined && (JSON.parse(row.value) as { theme?: string }).theme === flying.theme;
  }
  return false;
}

interface Ledger {
  acks: Ack[];
  /** The call that had begun when the kill came (it may or may not have committed). */
  inFlight: Ack | null;
}

/** Every acknowledged write is present; a value overwritten later matches the last ACK or the call in flight. */
export function verifyLedger(db: Db, dataDir: string, ledger: Ledger): string[] {
  const problems: string[] = [];
  const lastCaption = new Map<string, string>();
  let lastTheme: string | null = null;
  for (const ack of ledger.acks) {
    if (ack.op === 'client.create') {
      const row = db.prepare('SELECT name FROM clients WHERE id = ?').get(ack.id) as { name: string } | undefined;
      if (row?.name !== ack.name) problems.push(`client ${String(ack.id)} (ACK ${ack.n}) missing`);
    } else if (ack.op === 'post.create') {
      const row = db.prepare('SELECT (SELECT count(*) FROM post_variants v WHERE v.post_id = p.id) AS variants FROM posts p WHERE id = ?').get(ack.id) as { variants: number } | undefined;
      if (!row) problems.push(`post ${String(ack.id)} (ACK ${ack.n}) missing`);
      else if (row.variants !== ack.variants) problems.push(`post ${String(ack.id)} has ${row.variants} variants, ACKed ${String(ack.variants)}`);
    } else if (ack.op === 'post.caption') lastCaption.set(String(ack.id), String(ack.caption));
    else if (ack.op === 'post.delete') {
      const row = db.prepare('SELECT deleted_at FROM posts WHERE id = ?').get(ack.id) as { deleted_at: number | null } | undefined;
      if (!row || row.deleted_at === null) problems.push(`post ${String(ack.id)} deletion (ACK ${ack.n}) lost`);
    } else if (ack.op === 'settings.update') lastTheme = String(ack.theme);
    else if (ack.op === 'asset.import') {
      const row = db.prepare('SELECT size FROM assets WHERE sha256 = ?').get(ack.sha);
      if (!row) problems.push(`asset ${String(ack.sha)} (ACK ${ack.n}) missing`);
    }
  }
  const flying = ledger.inFlight;
  for (const [id, caption] of lastCaption) {
    const row = db.prepare('SELECT caption FROM posts WHERE id = ?').get(id) as { caption: string } | undefined;
    const allowed = [caption, ...(flying?.op === 'post.caption' && flying.id === id ? [String(flying.caption)] : [])];
    if (!row || !allowed.includes(row.caption)) problems.push(`post ${id} caption is ${JSON.stringify(row?.caption)}, ACKed ${JSON.stringify(caption)}`);
  }
  if (lastTheme !== null) {
    const row = db.prepare("SELECT value FROM settings WHERE key = 'preferences'").get() as { value: string } | undefined;
    const theme = row ? (JSON.parse(row.value) as { theme?: string }).theme : undefined;
    const allowed = [lastTheme, ...(flying?.op === 'settings.update' ? [String(flying.theme)] : [])];
    if (!theme || !allowed.includes(theme)) problems.push(`theme is ${String(theme)}, ACKed ${lastTheme}`);
  }
  // No row points to a missing or damaged file.
  for (const { sha256, size } of db.prepare('SELECT sha256, size FROM assets').all() as { sha256: string; size: number }[]) {
    const file = assetPath(dataDir, sha256);
    if (!existsSync(file)) problems.push(`asset row ${sha256} points to a missing file`);
    else {
      const bytes = readFileSync(file);
      if (bytes.length !== size || createHash('sha256').update(bytes).digest('hex') !== sha256) problems.push(`asset file ${sha256} does not match its hash`);
    }
  }
  return problems;
}
