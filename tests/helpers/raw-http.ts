// Talking to the web host below any client library: raw bytes on a TCP socket (request lines no
// HTTP client would send), and WebSocket frames built by hand (reserved bits, unknown opcodes,
// unmasked frames, lying lengths) — what an attacker on the same machine can send.
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';

export interface RawAnswer {
  /** Everything the server sent before closing (or before `waitMs` passed). */
  text: string;
  /** The status line's code, or null when the server answered nothing. */
  status: number | null;
  /** True when the server closed the connection. */
  closed: boolean;
}

/** Sends `payload` as is and collects the answer until the server closes or `waitMs` passes. */
export function rawExchange(port: number, payload: string | Buffer, waitMs = 1500): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closed = false;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ text, status: match ? Number(match[1]) : null, closed });
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      done();
    });
    socket.on('connect', () => socket.write(payload));
  });
}

/** A GET as bytes, with our Host header unless `headers` says otherwise. */
export function rawGet(port: number, target: string, headers: Record<string, string> = {}): string {
  const all = { Host: `127.0.0.1:${port}`, Connection: 'close', ...headers };
  return `GET ${target} HTTP/1.1\r\n${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
}

export interface FrameOptions {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  rsv1?: boolean;
  /** Clients must mask; `false` sends a frame the server must refuse. */
  mask?: boolean;
  /** Announce this length instead of the payload's (a 300 MB frame that never comes). */
  declaredLength?: number;
}

/** One WebSocket frame (RFC 6455 §5.2), as bytes. */
export function wsFrame(options: FrameOptions): Buffer {
  const payload = options.payload ?? Buffer.alloc(0);
  const length = options.declaredLength ?? payload.length;
  const mask = options.mask ?? true;
  const head: number[] = [(options.fin ?? true ? 0x80 : 0) | (options.rsv1 ? 0x40 : 0) | (options.opcode & 0x0f)];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) head.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    head.push(maskBit | 127, ...big);
  }
  if (!mask) return Buffer.concat([Buffer.from(head), payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ key[i % 4]!));
  return Buffer.concat([Buffer.from(head), key, masked]);
}

/** A close frame with a status code (999 is not a valid one). */
export function closeFrame(code: number): Buffer {
  const payload = Buffer.alloc(2);
  payload.writeUInt16BE(code);
  return wsFrame({ opcode: 0x8, payload });
}

/**
 * A WebSocket handshake done by hand on a raw socket (so the test controls every byte after it).
 * Resolves with the socket once the server answered 101; rejects with the status otherwise.
 */
export function rawWebSocket(port: number, headers: Record<string, string>): Promise<{ socket: net.Socket; received: Buffer[]; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const key = randomBytes(16).toString('base64');
    const socket = net.connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let upgraded = false;
    let buffered = Buffer.alloc(0);
    const closed = new Promise<void>((r) => socket.on('close', () => r()));
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      if (upgraded) {
        received.push(chunk);
        return;
      }
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffered.subarray(0, end).toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
      if (status !== 101 || !head.includes(accept)) {
        socket.destroy();
        reject(new Error(`HTTP ${status}`));
        return;
      }
      upgraded = true;
      if (buffered.length > end + 4) received.push(buffered.subarray(end + 4));
      resolve({ socket, received, closed });
    });
    const all: Record<string, string> = {
      Host: `127.0.0.1:${port}`,
      Upgrade: 'websocket',
      Connection: 'Upgrade',
      'Sec-WebSocket-Key': key,
      'Sec-WebSocket-Version': '13',
      ...headers,
    };
    socket.on('connect', () =>
      socket.write(
        `GET /rpc HTTP/1.1\r\n${Object.entries(all)
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('')}\r\n`,
      ),
    );
  });
}

/** The close code in the first close frame the server sent (unmasked server frames), or null. */
export function closeCodeIn(received: Buffer[]): number | null {
  const data = Buffer.concat(received);
  let offset = 0;
  while (offset + 2 <= data.length) {
    const opcode = data[offset]! & 0x0f;
    let length = data[offset + 1]! & 0x7f;
    let start = offset + 2;
    if (length === 126) {
      length = data.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      length = Number(data.readBigUInt64BE(start));
      start += 8;
    }
    if (opcode === 0x8) return length >= 2 ? data.readUInt16BE(start) : 1005;
    offset = start + length;
  }
  return null;
}
