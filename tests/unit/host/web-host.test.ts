// The web host over real HTTP and WebSocket: token, page cookie, Host and Origin checks, and the RPC.
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../../src-main/host/web/server';
import { testAtelier } from '../../helpers/app';

let t: ReturnType<typeof testAtelier>;
let host: WebHost;
afterEach(async () => {
  await host?.close();
  t?.cleanup();
});

async function start() {
  t = testAtelier({ fileAccess: 'library' });
  const renderer = path.join(t.dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Atelier</title>');
  host = await startWebHost({ atelier: t.atelier, rendererDir: renderer, port: 0 });
}

function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: host.port, path: pathname, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

function connect(headers: Record<string, string>, query = '', protocols: string[] = []): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc${query}`, protocols, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, message: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const parsed = JSON.parse(String(data)) as Record<string, unknown>;
      if ('id' in parsed) {
        ws.off('message', onMessage);
        resolve(parsed);
      }
    };
    ws.on('message', onMessage);
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('web host', () => {
  it('listens on loopback only and prints a URL with its token', async () => {
    await start();
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers 401 without the token and 401 with a wrong one', async () => {
    await start();
    expect((await get('/')).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
    expect((await get('/', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get('/', { cookie: `atelier_${host.port}=wrong` })).status).toBe(401);
  });

  it('serves the studio with the token and sets a per-port page cookie that is not the token', async () => {
    await start();
    const first = await get(`/?token=${host.token}`);
    expect(first.status).toBe(200);
    expect(first.body).toContain('<title>Atelier</title>');
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^atelier_${host.port}=[A-Za-z0-9_-]{32}; HttpOnly; SameSite=Strict; Path=/$`));
    expect(cookie).not.toContain(host.token);
    const pageCookie = cookie.split(';')[0]!;
    // The cookie opens the page and its pictures again…
    expect((await get('/index.html', { cookie: pageCookie })).status).toBe(200);
    // …and nothing that acts: no RPC, no upload.
    await expect(connect({ origin: `http://127.0.0.1:${host.port}`, cookie: pageCookie })).rejects.toThrow('HTTP 401');
  });

  it('answers 403 to a foreign Host header (DNS rebinding)', async () => {
    await start();
    expect((await get(`/?token=${host.token}`, { host: `evil.example:${host.port}` })).status).toBe(403);
  });

  it('refuses path traversal', async () => {
    await start();
    const res = await get(`/..%2f..%2fetc%2fpasswd?token=${host.token}`);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('root:');
  });

  it('refuses WebSocket connections from a foreign origin or without the token', async () => {
    await start();
    const origin = `http://127.0.0.1:${host.port}`;
    await expect(connect({ origin: 'https://evil.example' }, `?token=${host.token}`)).rejects.toThrow('HTTP 403');
    await expect(connect({ origin: 'https://evil.example' }, '', ['atelier.rpc', `atelier.token.${host.token}`])).rejects.toThrow('HTTP 403');
    await expect(connect({ origin })).rejects.toThrow('HTTP 401');
    await expect(connect({ origin }, '', ['atelier.rpc', 'atelier.token.nope'])).rejects.toThrow('HTTP 401');
  });

  it('runs the contract over the socket; the caller gets its change events in the answer, other windows as pushes', async () => {
    await start();
    // As the page does it: the token offered as a sub-protocol, which the server never echoes.
    const protocols = ['atelier.rpc', `atelier.token.${host.token}`];
    const ws = await connect({ origin: `http://127.0.0.1:${host.port}` }, '', protocols);
    const other = await connect({ origin: `http://127.0.0.1:${host.port}` }, '', protocols);
    expect(ws.protocol).toBe('atelier.rpc');
    const pushed = (socket: typeof ws) => {
      const events: unknown[] = [];
      socket.on('message', (data) => {
        const parsed = JSON.parse(String(data)) as { event?: string };
        if (parsed.event) events.push(parsed);
      });
      return events;
    };
    const mine = pushed(ws);
    const theirs = pushed(other);
    const created = await call(ws, { id: 1, method: 'clients.create', input: { name: 'Acme', timeZone: 'Europe/Paris' } });
    const id = (created.result as { id: string }).id;
    expect(created).toMatchObject({ id: 1, ok: true, result: { name: 'Acme' }, events: [{ event: 'clients.changed', payload: { ids: [id] } }] });
    const bad = await call(ws, { id: 2, method: 'clients.create', input: { name: '' } });
    expect(bad).toMatchObject({ id: 2, ok: false, error: { code: 'invalid_input' } });
    expect(bad).not.toHaveProperty('events');
    const garbage = await call(ws, '{not json');
    expect(garbage).toMatchObject({ id: null, ok: false, error: { code: 'invalid_input', message: 'The message is not valid JSON.' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(theirs).toEqual([{ event: 'clients.changed', payload: { ids: [id] } }]);
    expect(mine).toEqual([]);
    ws.close();
    other.close();
  });

  it('refuses to serve an Atelier that may name files anywhere on the disk', async () => {
    t = testAtelier();
    await expect(startWebHost({ atelier: t.atelier, rendererDir: t.dir })).rejects.toThrow(/confined to its library/);
  });

  it('says clearly when the port is taken', async () => {
    await start();
    const t2 = testAtelier({ fileAccess: 'library' });
    try {
      await expect(startWebHost({ atelier: t2.atelier, rendererDir: t2.dir, port: host.port })).rejects.toThrow(`Port ${host.port} is already in use`);
    } finally {
      t2.cleanup();
    }
  });
});
