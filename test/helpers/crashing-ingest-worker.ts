/**
 * An ingest worker that crashes: it prepares articles as the real one does (ingest-worker.ts), and throws an
 * uncaught error once sent its 40th article, as a worker running out of memory or meeting a bug would stop.
 */
import { parentPort } from 'node:worker_threads';
import '../../src/ingest/ingest-worker.js';

let seen = 0;
parentPort?.on('message', () => {
  if (++seen === 40) throw new Error('test crash');
});
