// The worker thread behind cli-in-process.ts: loads the CLI library bundle once (and says so in the
// shared Int32Array), then runs one `atelier …` command per message, with the command's stdout and
// stderr captured, and wakes the waiting test thread through the Int32Array when the answer is on its port.
import { Buffer } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';

let runCli;
let loadError;
try {
  ({ runCli } = await import(workerData.bundleUrl));
} catch (error) {
  loadError = error;
}
const { signal, port } = workerData;
// Loaded (1) or failed (2): the test thread reads this without waiting on its event loop.
Atomics.store(signal, 1, loadError ? 2 : 1);

function capture(stream, into) {
  const write = stream.write;
  stream.write = (chunk, encoding, callback) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  };
  return () => {
    stream.write = write;
  };
}

parentPort.on('message', async (args) => {
  const out = [];
  const err = [];
  const restoreOut = capture(process.stdout, out);
  const restoreErr = capture(process.stderr, err);
  let code;
  try {
    process.exitCode = undefined;
    if (loadError) throw loadError;
    code = await runCli(args);
  } catch (error) {
    err.push(`atelier: ${error?.message ?? String(error)}\n`);
    code = 1;
  } finally {
    restoreOut();
    restoreErr();
    process.exitCode = undefined;
  }
  port.postMessage({ code, stdout: out.join(''), stderr: err.join('') });
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
