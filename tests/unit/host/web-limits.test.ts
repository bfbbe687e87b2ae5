// The web host's limits over real sockets, with short timeouts so the test does not wait minutes:
// idle and slowloris connections are closed, a stalled upload is dropped and leaves no file, a
// WebSocket peer that stops answering pings is closed, connections over the cap are refused, a
// symlink in the renderer folder is not followed out. Each time the host keeps serving.
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../src-main/host/web/server';
import { testAtelier } from '../../helpers/app';
import { rawExchange, rawGet, rawWebSocket } from '../../helpers/raw-http';

let t: ReturnType<typeof testAtelier>;
let host: WebHost;
afterEach(async () => {
  await host?.close();
  t?.cleanup();
});

async function start(limits: Parameters<typeof startWebHost>[0]['limits'] = {}) {
  t = testAtelier({ fileAccess: 'library' });
  const renderer = path.join(t.dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Atelier</title>');
  host = await startWebHost({ atelier: t.atelier, rendererDir: renderer, port: 0, limits: { checkIntervalMs: 50, ...limits } });
  return renderer;
}

async function answers(): Promise<number | null> {
  return (await rawExchange(host.port, rawGet(host.port, `/?token=${host.token}`))).status;
}

/** Resolves with what the server sent before it closed a connection that `start` opened. */
function untilClosed(start: (socket: net.Socket) => void): Promise<{ text: string }> {
  return new Promise((resolve) => {
    let text = '';
    const socket = net.connect(host.port, '127.0.0.1', () => start(socket));
    socket.on('data', (c) => (text += c.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ text }));
  });
}

describe('web host limits', () => {
  it('closes a connection that never sends a request, and one that sends its headers a byte at a time', async () => {
    await start({ headersTimeoutMs: 300, requestTimeoutMs: 1000 });
    const idle = await untilClosed(() => undefined);
    expect(idle.text).toMatch(/^HTTP\/1\.1 408/);
    let timer: NodeJS.Timeout | undefined;
    const slow = await untilClosed((socket) => {
      socket.write('GET / HTTP/1.1\r\n');
      let i = 0;
      timer = setInterval(() => socket.writable && socket.write(`X-Drip-${i++}: y\r\n`), 40);
    });
    clearInterval(timer);
    expect(slow.text).toMatch(/^HTTP\/1\.1 408/);
    expect(await answers()).toBe(200);
  });

  it('drops an upload whose body stalls, and leaves no file behind', async () => {
    await start({ bodyIdleTimeoutMs: 300 });
    const closed = await untilClosed((socket) => {
      socket.write(
        `PUT /packs/import?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: http://127.0.0.1:${host.port}\r\nContent-Length: 1000000\r\n\r\n`,
      );
      socket.write(Buffer.alloc(1000, 1)); // then nothing more
    });
    expect(closed.text).toBe('');
    const imports = path.join(t.dir, 'imports');
    await expect.poll(() => (existsSync(imports) ? readdirSync(imports) : [])).toEqual([]);
    expect(await answers()).toBe(200);
  });

  it('closes a WebSocket whose peer stopped answering pings', async () => {
    await start({ pingIntervalMs: 150 });
    // A raw socket never answers the server's pings (a browser's does by itself).
    const { socket, closed } = await rawWebSocket(host.port, { Origin: `http://127.0.0.1:${host.port}`, 'Sec-WebSocket-Protocol': `atelier.rpc, atelier.token.${host.token}` });
    await closed; // without the ping check this waits for ever (and the test times out)
    socket.destroy();
    expect(await answers()).toBe(200);
  });

  it('refuses connections past the per-address cap, and takes new ones once they close', async () => {
    await start({ maxConnectionsPerIp: 5 });
    const sockets: net.Socket[] = [];
    let refused = 0;
    for (let i = 0; i < 8; i++) {
      const socket = net.connect(host.port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.on('close', () => refused++);
      sockets.push(socket);
    }
    await expect.poll(() => refused).toBe(3);
    expect(await answers()).toBeNull(); // the sixth is refused too while five are held
    for (const s of sockets) s.destroy();
    await expect.poll(() => answers()).toBe(200);
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    const renderer = await start();
    const secret = path.join(t.dir, 'secret.txt');
    writeFileSync(secret, 'outside the renderer');
    symlinkSync(secret, path.join(renderer, 'leak.txt'));
    symlinkSync(t.dir, path.join(renderer, 'up'));
    for (const target of ['/leak.txt', '/up/secret.txt', '/up/atelier.db']) {
      const answer = await rawExchange(host.port, rawGet(host.port, `${target}?token=${host.token}`));
      expect(answer.status, target).toBe(404);
      expect(answer.text).not.toContain('outside the renderer');
    }
    // A link that stays inside is served.
    symlinkSync(path.join(renderer, 'index.html'), path.join(renderer, 'home.html'));
    expect((await rawExchange(host.port, rawGet(host.port, `/home.html?token=${host.token}`))).status).toBe(200);
  });
});
