// What one client may hold on the web host, so a slow, idle or greedy one cannot pin it down
// (OWASP's DoS guidance: bound connections, time out slow headers and bodies, drop dead peers).
import type { Socket } from 'node:net';

export interface HostLimits {
  /** Open TCP connections per remote address (a browser uses 6 per host plus the WebSocket). */
  maxConnectionsPerIp: number;
  /** Request headers must be complete within this (slowloris; also a connection that says nothing). */
  headersTimeoutMs: number;
  /** A whole request (an upload's body included) must arrive within this. */
  requestTimeoutMs: number;
  /** An upload that sends nothing for this long is dropped. */
  bodyIdleTimeoutMs: number;
  /** A kept-alive connection with no new request is closed after this. */
  keepAliveTimeoutMs: number;
  /** A WebSocket is pinged this often; one that did not answer the previous ping is closed. */
  pingIntervalMs: number;
  /** Largest WebSocket message (the RPC's biggest inputs are design documents). */
  maxMessageBytes: number;
  /** How often Node checks the header and request timeouts. */
  checkIntervalMs: number;
}

export const DEFAULT_LIMITS: HostLimits = {
  maxConnectionsPerIp: 64,
  headersTimeoutMs: 10_000,
  // 2 GB (the largest pack) at a few MB/s.
  requestTimeoutMs: 15 * 60_000,
  bodyIdleTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  pingIntervalMs: 30_000,
  maxMessageBytes: 256 * 1024 * 1024,
  checkIntervalMs: 1_000,
};

/** Counts connections per address; refuses (destroys) the ones over the cap. */
export function connectionTracker(maxPerIp: number) {
  const counts = new Map<string, number>();
  return {
    /** True when the socket is admitted; a refused one is already destroyed. */
    admit(socket: Socket): boolean {
      // Errors on a socket (a reset mid-request) are the peer's business, never the process's.
      socket.on('error', () => socket.destroy());
      const address = socket.remoteAddress ?? 'unknown';
      const count = counts.get(address) ?? 0;
      if (count >= maxPerIp) {
        socket.destroy();
        return false;
      }
      counts.set(address, count + 1);
      socket.once('close', () => {
        const left = (counts.get(address) ?? 1) - 1;
        if (left <= 0) counts.delete(address);
        else counts.set(address, left);
      });
      return true;
    },
    open(address: string): number {
      return counts.get(address) ?? 0;
    },
  };
}
