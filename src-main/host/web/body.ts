// A request body written to a file as it arrives (hashed on the way), never held in memory, and
// never beyond `maxBytes`: past that, the rest is drained and thrown away so a 413 can still be
// answered on the same connection.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type http from 'node:http';

export type BodyOutcome = { kind: 'complete'; size: number; sha256: string } | { kind: 'too_large' } | { kind: 'gone' };

/** Resolves once the file holds the whole body; rejects only when the file cannot be written (ENOSPC…). */
export function receiveBody(req: http.IncomingMessage, file: string, maxBytes: number): Promise<BodyOutcome> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file, { flags: 'wx' });
    const hash = createHash('sha256');
    let received = 0;
    let settled = false;
    const settle = (outcome: BodyOutcome | Error) => {
      if (settled) return;
      settled = true;
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const stop = () => {
      req.unpipe(out);
      out.destroy();
      req.resume();
    };
    out.on('error', (error) => {
      stop();
      settle(error);
    });
    out.on('finish', () => settle({ kind: 'complete', size: received, sha256: hash.digest('hex') }));
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      received += chunk.length;
      if (received > maxBytes) {
        stop();
        settle({ kind: 'too_large' });
        return;
      }
      hash.update(chunk);
    });
    req.on('error', () => {
      stop();
      settle({ kind: 'gone' });
    });
    req.on('close', () => {
      if (req.complete) return;
      stop();
      settle({ kind: 'gone' });
    });
    req.pipe(out);
  });
}
