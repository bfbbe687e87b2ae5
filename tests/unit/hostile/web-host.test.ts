// The web host over real HTTP and WebSocket: no token → 401, a foreign Host or Origin → 403,
// malformed frames → typed errors on a connection that keeps working, oversized input refused.
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../../src-main/host/web/server';
import { dumpDatabase, safetyAtelier } from '../../helpers/safety';

let t: ReturnType<typeof safetyAtelier>;
let host: WebHost;

beforeAll(async () => {
  t = safetyAtelier({ fileAccess: 'library' });
  const renderer = path.join(t.dir, 'renderer-build');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Atelier</title>');
  host = await startWebHost({ atelier: t.atelier, rendererDir: renderer, token: 'test-token-123' });
});
afterAll(async () => {
  await host.close();
  t.cleanup();
});

function get(pathname: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: pathname, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function upgrade(query: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc${query}`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

async function connect(): Promise<{ ws: WebSocket; next(): Promise<Record<string, unknown>> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?token=test-token-123`, { headers: { origin: `http://127.0.0.1:${host.port}` } });
  const inbox: Record<string, unknown>[] = [];
  const waiting: ((m: Record<string, unknown>) => void)[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>;
    if ('event' in message) return;
    const w = waiting.shift();
    if (w) w(message);
    else inbox.push(message);
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { ws, next: () => (inbox.length ? Promise.resolve(inbox.shift()!) : new Promise((resolve) => waiting.push(resolve))) };
}

describe('web host access control', () => {
  it('answers 401 without the token or with a wrong one', async () => {
    expect(await get('/')).toBe(401);
    expect(await get('/?token=nope')).toBe(401);
    expect(await get('/', { cookie: `atelier_${host.port}=nope` })).toBe(401);
    expect(await get('/?token=test-token-123')).toBe(200);
  });

  it('answers 403 to a foreign Host (DNS rebinding)', async () => {
    expect(await get('/?token=test-token-123', { host: `evil.example:${host.port}` })).toBe(403);
    expect(await get('/?token=test-token-123', { host: `127.0.0.1:${host.port + 1}` })).toBe(403);
  });

  it('refuses WebSocket upgrades without the token (401) or from a foreign Origin (403)', async () => {
    const own = `http://127.0.0.1:${host.port}`;
    expect(await upgrade('', { origin: own })).toBe(401);
    expect(await upgrade('?token=nope', { origin: own })).toBe(401);
    expect(await upgrade('?token=test-token-123', { origin: 'http://evil.example' })).toBe(403);
    expect(await upgrade('?token=test-token-123', {})).toBe(403);
    expect(await upgrade('?token=test-token-123', { origin: own })).toBe(101);
  });
});

describe('malformed WebSocket frames', () => {
  it('get typed errors and the connection keeps working', async () => {
    const { ws, next } = await connect();
    const before = dumpDatabase(t.atelier.paths.database);
    const frames: (string | Buffer)[] = [
      'not json',
      '{"id": 1, "method": ',
      '[]',
      'null',
      '42',
      '"text"',
      '{}',
      '{"method": "clients.list"}',
      '{"id": {"nested": true}, "method": "clients.list"}',
      '{"id": 7, "method": "no.such.method", "input": {}}',
      '{"id": 8, "method": "__proto__", "input": {}}',
      '{"id": 9, "method": "clients.create", "input": {"__proto__": {"admin": true}, "name": "x", "timeZone": "UTC"}}',
      '{"id": 10, "method": "clients.create", "input": "Acme"}',
      `{"id": 11, "method": "clients.create", "input": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
      Buffer.from([0xff, 0x00, 0x13, 0x37]),
    ];
    const codes: string[] = [];
    for (const frame of frames) {
      ws.send(frame, { binary: Buffer.isBuffer(frame) });
      const reply = await next();
      expect(reply.ok).toBe(false);
      codes.push((reply.error as { code: string }).code);
    }
    expect(new Set(codes)).toEqual(new Set(['invalid_input', 'unknown_method']));
    expect(dumpDatabase(t.atelier.paths.database)).toEqual(before);
    ws.send(JSON.stringify({ id: 99, method: 'clients.create', input: { name: 'Still here', timeZone: 'UTC' } }));
    expect(await next()).toMatchObject({ id: 99, ok: true, result: { name: 'Still here' } });
    ws.close();
  });

  it('an oversized caption is refused with a message naming the field, and nothing is stored', async () => {
    const client = await t.atelier.call('clients.create', { name: 'Big', timeZone: 'UTC' });
    const post = await t.atelier.call('posts.create', { clientId: client.id, title: 'Post' });
    const { ws, next } = await connect();
    const before = dumpDatabase(t.atelier.paths.database);
    ws.send(JSON.stringify({ id: 1, method: 'posts.update', input: { id: post.id, caption: 'é'.repeat(2_000_000) } }));
    const reply = await next();
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((reply.error as { message: string }).message).toMatch(/caption/);
    ws.send(JSON.stringify({ id: 2, method: 'posts.create', input: { clientId: client.id, title: 'T'.repeat(201) } }));
    expect((((await next()).error as { message: string }).message)).toMatch(/title/);
    expect(dumpDatabase(t.atelier.paths.database)).toEqual(before);
    ws.close();
  });
});
