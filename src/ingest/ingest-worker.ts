/** The ingest worker thread (see pool.ts): builds its own pipeline, then prepares each article it is sent and sends it back. */
import { parentPort } from 'node:worker_threads';
import { MizanError } from '../core/errors.js';
import { createPipeline } from '../pipeline/pipeline.js';
import type { WorkerReply, WorkerTask } from './pool.js';
import { prepareMessage } from './prepared.js';

const port = parentPort;
if (!port) throw new Error('ingest-worker.js runs as a worker thread of "mizan ingest --jobs N"');
const ready = createPipeline();
ready.catch((err: unknown) => {
  const reply: WorkerReply = err instanceof MizanError
    ? { startFailed: { code: err.code, message: err.message } }
    : { startFailed: { code: 'MIZAN_E_WORKER', message: `${(err as Error).name}: ${(err as Error).message}` } };
  port.postMessage(reply);
});
port.on('message', (task: WorkerTask) => {
  // A pipeline that could not be built was reported once above; an article that fails here unexpectedly is a
  // crash of this worker, which fails the pool.
  void ready.then((pipeline) => {
    const reply: WorkerReply = { seq: task.seq, result: prepareMessage(task.article, pipeline) };
    port.postMessage(reply);
  }, () => undefined);
});
