/**
 * The ingest worker thread (see pool.ts): builds its own pipeline, then for each article it is sent checks and
 * fingerprints it, asks the pool whether the store already holds its content hash, and codes it unless so.
 */
import { parentPort } from 'node:worker_threads';
import { MizanError } from '../core/errors.js';
import { createIngestPipeline } from '../pipeline/pipeline.js';
import type { PoolMessage, WorkerReply } from './pool.js';
import { codedMessage, prepareHere, storedMessage, type Prepared } from './prepared.js';

const port = parentPort;
if (!port) throw new Error('ingest-worker.js runs as a worker thread of "mizan ingest --jobs N"');
const send = (reply: WorkerReply): void => port.postMessage(reply);
const ready = createIngestPipeline();
ready.catch((err: unknown) => {
  send(err instanceof MizanError
    ? { startFailed: { code: err.code, message: err.message } }
    : { startFailed: { code: 'MIZAN_E_WORKER', message: `${(err as Error).name}: ${(err as Error).message}` } });
});
/** Articles checked and fingerprinted, waiting for the answer whether the store holds them. */
const asking = new Map<number, Prepared>();
port.on('message', (m: PoolMessage) => {
  // A pipeline that could not be built was reported once above; an article that fails here unexpectedly is a
  // crash of this worker, which fails the pool.
  void ready.then((pipeline) => {
    if ('article' in m) {
      const p = prepareHere(m.article, pipeline);
      if ('problem' in p) return send({ seq: m.seq, result: p });
      asking.set(m.seq, p);
      return send({ seq: m.seq, hash: p.fp.contentHash });
    }
    const p = asking.get(m.seq);
    if (!p) return undefined;
    asking.delete(m.seq);
    return send({ seq: m.seq, result: m.stored ? storedMessage(p) : codedMessage(p) });
  }, () => undefined);
});
