// Worker-thread entry: runs render jobs posted by the pool, reports progress, honours cancel.
import { parentPort } from 'node:worker_threads';
import { DesignDocumentError } from '../core/design';
import { runRenderJob, type RenderJob } from './jobs';
import { RenderError } from './render';

type Incoming = { type: 'run'; id: number; job: RenderJob } | { type: 'cancel'; id: number };

const controllers = new Map<number, AbortController>();
const port = parentPort!;

port.on('message', (msg: Incoming) => {
  if (msg.type === 'cancel') {
    controllers.get(msg.id)?.abort();
    return;
  }
  const controller = new AbortController();
  controllers.set(msg.id, controller);
  runRenderJob(msg.job, (done, total) => port.postMessage({ type: 'progress', id: msg.id, done, total }), controller.signal)
    .then((files) => {
      port.postMessage({ type: 'done', id: msg.id, files }, files.map((f) => f.bytes.buffer as ArrayBuffer));
    })
    .catch((error: unknown) => {
      const code = controller.signal.aborted ? 'cancelled' : error instanceof RenderError ? error.code : error instanceof DesignDocumentError ? 'invalid_input' : 'internal';
      port.postMessage({ type: 'error', id: msg.id, code, message: (error as Error).message ?? String(error) });
    })
    .finally(() => controllers.delete(msg.id));
});
