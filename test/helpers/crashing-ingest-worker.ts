/**
 * An ingest worker that crashes: it prepares articles as the real one does (ingest-worker.ts), and throws an
 * uncaught error once sent its 40th message, as a worker running out of memory or meeting a bug would stop.
 * Loaded outside a worker thread (the test runner loads every file under test/), it does nothing.
 */
import { isMainThread, parentPort } from 'node:worker_threads';

if (!isMainThread) {
  await import('../../src/ingest/ingest-worker.js');
  let seen = 0;
  parentPort?.on('message', () => {
    if (++seen === 40) throw new Error('test crash');
  });
}
