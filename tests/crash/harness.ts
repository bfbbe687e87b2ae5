// Parent side of the crash harness: bundle the writer once, run it, SIGKILL it at a chosen moment,
// and collect what it acknowledged.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Ack } from './ops';

const ROOT = path.resolve(__dirname, '..', '..');

/** The writer as one ESM file under node_modules/.cache (so better-sqlite3 resolves from the project). */
export async function buildWriter(): Promise<string> {
  const outDir = path.join(ROOT, 'node_modules', '.cache', 'atelier-crash');
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'writer.mjs');
  await build({
    entryPoints: [path.join(__dirname, 'writer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['better-sqlite3'],
    define: { __APP_VERSION__: JSON.stringify('0.0.0-crash') },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  return outfile;
}

export interface Round {
  acks: Ack[];
  /** The last BEGIN without its ACK: the call the kill interrupted. */
  inFlight: Ack | null;
  ready: boolean;
  /** True when the kill landed (the child did not finish or fail on its own). */
  killed: boolean;
  exitCode: number | null;
  stderr: string;
  msAfterReady: number;
}

/** Spawns the writer and kills it `delayMs` after READY (or after spawn when `fromSpawn`). */
export function runAndKill(writer: string, args: readonly string[], delayMs: number, fromSpawn = false): Promise<Round> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const round: Round = { acks: [], inFlight: null, ready: false, killed: false, exitCode: null, stderr: '', msAfterReady: 0 };
    let buffer = '';
    let readyAt = 0;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer = setTimeout(() => {
        round.killed = child.exitCode === null;
        child.kill('SIGKILL');
      }, delayMs);
    };
    if (fromSpawn) arm();
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'READY') {
          round.ready = true;
          readyAt = Date.now();
          if (!fromSpawn) arm();
        } else if (line.startsWith('BEGIN ')) round.inFlight = JSON.parse(line.slice(6)) as Ack;
        else if (line.startsWith('ACK ')) {
          const ack = JSON.parse(line.slice(4)) as Ack;
          round.acks.push(ack);
          if (round.inFlight?.n === ack.n) round.inFlight = null;
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (round.stderr += chunk.toString()));
    // Only after the process is gone (and its pid with it) does the parent reopen the library.
    child.on('close', (code) => {
      clearTimeout(timer);
      round.exitCode = code;
      round.msAfterReady = readyAt ? Date.now() - readyAt : 0;
      resolve(round);
    });
  });
}
