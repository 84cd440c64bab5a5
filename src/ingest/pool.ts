/**
 * A pool of worker threads that prepare articles (check, normalize, fingerprint, code) while the calling thread
 * stores them. Each worker runs ingest-worker.ts with its own pipeline; an article goes to the worker with the
 * fewest in hand, and its result comes back by sequence number, so the caller can store results in input order.
 * Before coding an article a worker asks whether the store already holds its content hash, and codes it only if
 * not: a run over articles stored before (a resumed run) costs little more than reading them.
 * A worker that stops (a crash, running out of memory) fails the pool: every article in hand, and every one
 * asked for later, is rejected with MIZAN_E_WORKER.
 */
import { Worker } from 'node:worker_threads';
import { MizanError } from '../core/errors.js';
import type { RawArticle } from './article.js';
import { fromMessage, type Fault, type Preparation, type PreparedMessage, type Preparer } from './prepared.js';

/** What the pool sends a worker: an article to prepare, or the answer whether the store holds an article's hash. */
export type PoolMessage = { seq: number; article: RawArticle } | { seq: number; stored: boolean };

/** What a worker sends back: a prepared article, the hash of one to ask about, or why it could not start. */
export type WorkerReply = { seq: number; result: PreparedMessage } | { seq: number; hash: string } | { startFailed: Fault };

/** Options of {@link workerPool}. */
export interface PoolOptions {
  /** Worker threads (at least 1). */
  jobs: number;
  /** Whether the store holds an article with this content hash (a failed lookup answers no). */
  isStored: (hash: string) => Promise<boolean>;
  /** The module each worker runs (default ingest-worker.js beside this file; tests give one that fails). */
  workerUrl?: URL;
}

/**
 * Articles in hand per worker: enough that a worker always has the next one when it finishes, few enough that
 * memory stays flat (an article in hand holds its text and its coded sentences and events, some tens of KiB).
 */
const IN_HAND_PER_JOB = 16;

interface Task {
  resolve: (p: Preparation) => void;
  reject: (err: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Task>;
}

/** A pool of `jobs` worker threads that prepare articles, started when the first article comes. */
export function workerPool(options: PoolOptions): Preparer {
  const url = options.workerUrl ?? new URL('./ingest-worker.js', import.meta.url);
  let failure: MizanError | undefined;
  let closing = false;
  let seq = 0;
  const fail = (err: MizanError): void => {
    if (closing || failure) return;
    failure = err;
    for (const w of workers) {
      for (const t of w.pending.values()) t.reject(err);
      w.pending.clear();
    }
  };
  const stopped = (reason: string): MizanError => new MizanError('MIZAN_E_WORKER',
    `an ingest worker thread stopped (${reason}); the articles before the ones it had in hand are stored, and the same command run again resumes`);
  const start = (): PoolWorker => {
    const w: PoolWorker = { worker: new Worker(url), pending: new Map() };
    w.worker.on('message', (m: WorkerReply) => {
      if ('startFailed' in m) {
        fail(new MizanError(m.startFailed.code, `an ingest worker thread could not start: ${m.startFailed.message}`, m.startFailed.place));
        return;
      }
      if ('hash' in m) {
        void options.isStored(m.hash).catch(() => false).then((stored) => {
          const answer: PoolMessage = { seq: m.seq, stored };
          if (!closing && !failure) w.worker.postMessage(answer);
        });
        return;
      }
      const t = w.pending.get(m.seq);
      if (!t) return;
      w.pending.delete(m.seq);
      t.resolve(fromMessage(m.result));
    });
    w.worker.on('error', (err) => fail(stopped(`${err.name}: ${err.message}`)));
    w.worker.on('messageerror', (err) => fail(stopped(`a message could not be read: ${err.message}`)));
    w.worker.on('exit', (code) => fail(stopped(`it exited with code ${code}`)));
    return w;
  };
  // Started with the first article, so that a run with nothing to code builds no pipelines.
  const workers: PoolWorker[] = [];
  const jobs = Math.max(1, options.jobs);
  return {
    window: jobs * IN_HAND_PER_JOB,
    prepare: (article) => {
      if (failure) return Promise.reject(failure);
      if (workers.length === 0) for (let i = 0; i < jobs; i++) workers.push(start());
      let w = workers[0] as PoolWorker;
      for (const other of workers) if (other.pending.size < w.pending.size) w = other;
      const task: PoolMessage = { seq: seq++, article };
      return new Promise<Preparation>((resolve, reject) => {
        w.pending.set(task.seq, { resolve, reject });
        w.worker.postMessage(task);
      });
    },
    close: async () => {
      closing = true;
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
