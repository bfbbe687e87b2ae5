// `atelier …` commands run by the CLI's own code (runCli) in a worker thread of the test process, one
// library open and close per command as the CLI process does, answered synchronously: for the checks
// and the seeding of e2e tests, which would otherwise start Node and parse the 10 MB CLI bundle
// (seconds on a busy machine) for each look at the library. build.mjs bundles the library (out/cli-lib).
// Until the worker has loaded that bundle, calls run the built CLI as a process instead, so a slow
// start never blocks a test longer than before.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** The CLI's code as a library, built by build/scripts/build.mjs beside the CLI. */
const CLI_LIB = path.resolve(__dirname, '..', '..', 'out', 'cli-lib', 'index.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** signal[0]: the answer to the current call is on the port; signal[1]: 1 once the bundle is loaded, 2 if it failed. */
let worker: { worker: Worker; signal: Int32Array; port: MessagePort } | undefined;

function start(): NonNullable<typeof worker> {
  if (!existsSync(CLI_LIB)) throw new Error(`${CLI_LIB} is missing: build first (node build/scripts/build.mjs).`);
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const w = new Worker(path.join(__dirname, 'cli-worker.mjs'), {
    workerData: { bundleUrl: pathToFileURL(CLI_LIB).href, signal, port: port2 },
    transferList: [port2],
    stdout: false,
    stderr: false,
  });
  // The worker never keeps the test process alive; it ends with it.
  w.unref();
  port1.unref();
  return { worker: w, signal, port: port1 };
}

/**
 * Runs `atelier <args>` through the in-process CLI once it is loaded (starting it on the first call);
 * returns undefined while it is still loading, for the caller to run the CLI as a process meanwhile.
 */
export function runCliInProcess(args: readonly string[], timeoutMs = 120_000): CliResult | undefined {
  worker ??= start();
  const { signal, port } = worker;
  const loaded = Atomics.load(signal, 1);
  if (loaded === 0) return undefined;
  if (loaded !== 1) throw new Error(`The in-process CLI (${CLI_LIB}) failed to load; build again (node build/scripts/build.mjs).`);
  Atomics.store(signal, 0, 0);
  worker.worker.postMessage([...args]);
  if (Atomics.wait(signal, 0, 0, timeoutMs) === 'timed-out') {
    void worker.worker.terminate();
    worker = undefined;
    throw new Error(`atelier ${args.join(' ')} (in-process) gave no answer within ${timeoutMs} ms`);
  }
  const answer = receiveMessageOnPort(port);
  if (!answer) throw new Error(`atelier ${args.join(' ')} (in-process): the worker woke without an answer`);
  return answer.message as CliResult;
}
