// The contract over a WebSocket (`/rpc`). The handshake is authorised before the upgrade (Host,
// Origin, and the token the page offers as a sub-protocol), so no unauthenticated socket is ever
// open. Anything a peer sends afterwards — invalid frames, bad UTF-8, reserved bits, oversized
// lengths — closes that one socket with the right close code; the process never sees an
// unhandled error. Dead peers are found by ping/pong.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Atelier } from '../../app';
import { withCall } from '../../services/events';
import { authorize, RPC_PROTOCOL, type Secrets } from './access';
import type { HostLimits } from './limits';
import { decodeRequest, encodeEvent, encodeResponse } from './wire';

function refuseUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404): void {
  const text = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function createRpcServer(atelier: Atelier, secrets: Secrets, limits: HostLimits, log: (message: string, error?: unknown) => void) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    perMessageDeflate: false,
    // Answer with our protocol only: the token sub-protocol is never echoed back.
    handleProtocols: (protocols) => (protocols.has(RPC_PROTOCOL) ? RPC_PROTOCOL : false),
  });
  wss.on('error', (error) => log('WebSocket server error', error));
  const sockets = new Set<WebSocket>();
  const alive = new WeakSet<WebSocket>();

  function upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, url: URL | null): void {
    // Until ws takes the socket over, a reset on it must not reach the process.
    socket.on('error', () => socket.destroy());
    if (!url || url.pathname !== '/rpc') return refuseUpgrade(socket, url ? 404 : 400);
    const verdict = authorize(req, url, secrets, 'full', { requireOrigin: true });
    if (!verdict.ok) return refuseUpgrade(socket, verdict.status);
    try {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    } catch (error) {
      log('WebSocket handshake failed', error);
      socket.destroy();
    }
  }

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    alive.add(ws);
    // ws closes the socket itself on a protocol error (1002, 1007, 1009…); listening is what keeps
    // the error from being thrown at the process.
    ws.on('error', () => ws.terminate());
    ws.on('pong', () => alive.add(ws));
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data, isBinary) => {
      void answer(ws, isBinary ? null : data.toString()).catch((error) => log('RPC answer failed', error));
    });
  });

  async function answer(ws: WebSocket, text: string | null): Promise<void> {
    const request = decodeRequest(text);
    if (!request.ok) {
      send(ws, encodeResponse(request.id, { ok: false, error: request.error }));
      return;
    }
    // The events this call causes ride in its answer: this window hears of its own change in the
    // one response frame, and the broadcast below skips it.
    const { result: outcome, caused } = await withCall(ws, () => atelier.dispatch(request.method, request.input));
    send(ws, encodeResponse(request.id, outcome, caused));
  }

  function send(ws: WebSocket, message: string): void {
    if (ws.readyState === ws.OPEN) ws.send(message, (error) => error && ws.terminate());
  }

  const pinger = setInterval(() => {
    for (const ws of sockets) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, limits.pingIntervalMs);
  pinger.unref();

  const unsubscribe = atelier.events.subscribe((name, payload, origin) => {
    const message = encodeEvent(name, payload);
    for (const ws of sockets) if (ws !== origin) send(ws, message);
  });

  return {
    upgrade,
    get open(): number {
      return sockets.size;
    },
    close(): void {
      clearInterval(pinger);
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
    },
  };
}
