// Small answers shared by the web host's routes: a file streamed as the body, a JSON outcome
// shaped like the RPC's, a line of text. None of them throws once a response has started.
import { createReadStream } from 'node:fs';
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { WireError } from '../../contract/errors';

/** Streams a file as the answer; a file that vanishes or fails mid-way ends that response only. */
export function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, headers: Record<string, string | string[]>): void {
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  pipeline(createReadStream(file), res).catch(() => res.destroy());
}

/** `{ ok, result | error }`, as the WebSocket RPC answers. */
export function reply(res: http.ServerResponse, status: number, body: { ok: true; result: unknown } | { ok: false; error: WireError }): void {
  if (res.headersSent || res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(json)) });
  res.end(json);
}

export function plain(res: http.ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra });
  res.end(`${text}\n`);
}
