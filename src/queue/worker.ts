/**
 * The ingest worker: takes article jobs from the queue and stores them as a direct ingest would (skip what is
 * stored, link near-duplicates, code, store in one transaction). A job is completed with what became of its
 * article, or failed with the reason; pg-boss retries a failed job after a delay and, once its retries are spent,
 * leaves it failed: parked with its error for `mizan jobs`. Several slots take jobs at once (`concurrency`), and
 * any number of workers on any number of machines can share one queue.
 */
import type PgBoss from 'pg-boss';
import { emptySummary, storeArticle, type IngestSummary, type Outcome } from '../ingest/run.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Store } from '../store/store.js';
import { readArticleJob } from './article-job.js';
import { INGEST_QUEUE, QUEUE_SCHEMA, type JobQueue } from './queue.js';

/** Options of {@link runWorker}. */
export interface WorkerOptions {
  queue: JobQueue;
  store: Store;
  pipeline: Pipeline;
  /** Jobs in hand at once (default 1). */
  concurrency?: number;
  /** Stop once the queue holds no job that is queued, waiting for a retry, or active (default: run until the signal). */
  untilDrained?: boolean;
  /** Milliseconds between polls of an empty queue (default 1000). */
  pollMs?: number;
  /** Stop taking jobs when this aborts; jobs in hand are finished first. */
  signal?: AbortSignal;
  /** Called after each job. */
  onJob?: (r: JobReport) => void;
}

/** What became of one job. */
export interface JobReport {
  id: string;
  origin: string;
  /** The article's outcome, or 'failed' with the reason. */
  outcome: Exclude<Outcome, 'skipped'> | 'failed';
  error?: string;
  /** Attempts so far, this one included, and the most allowed. */
  attempt: number;
  attempts: number;
}

/** What a worker did. */
export interface WorkerSummary extends IngestSummary {
  /** Jobs completed and failed (a failed job may be tried again, here or elsewhere). */
  jobs: { completed: number; failed: number };
}

type Job = PgBoss.JobWithMetadata<unknown>;

/** Process jobs until the signal aborts (or, with `untilDrained`, until the queue is empty). */
export async function runWorker(o: WorkerOptions): Promise<WorkerSummary> {
  const started = performance.now();
  const summary: WorkerSummary = { ...emptySummary(), jobs: { completed: 0, failed: 0 } };
  const { boss } = o.queue;
  const pollMs = o.pollMs ?? 1000;
  const slot = async (): Promise<void> => {
    while (!o.signal?.aborted) {
      const [job] = await boss.fetch<unknown>(INGEST_QUEUE, { includeMetadata: true, batchSize: 1 });
      if (!job) {
        if (o.untilDrained && (await pendingJobs(o.queue)) === 0) return;
        await pause(pollMs, o.signal);
        continue;
      }
      await runJob(job, o, summary);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency ?? 1) }, slot));
  summary.seconds = (performance.now() - started) / 1000;
  summary.interrupted = o.signal?.aborted ?? false;
  return summary;
}

/** Store one job's article and complete the job, or fail it with the reason. */
async function runJob(job: Job, o: WorkerOptions, summary: WorkerSummary): Promise<void> {
  const { boss } = o.queue;
  const report = { id: job.id, attempt: job.retryCount + 1, attempts: job.retryLimit + 1 };
  const article = readArticleJob(job.data);
  const origin = 'problem' in article ? `job ${job.id}` : article.origin;
  let reason: string | undefined;
  let outcome: Outcome;
  try {
    if ('problem' in article) throw new Error(article.problem);
    outcome = await storeArticle(article, { store: o.store, pipeline: o.pipeline, onProblem: (p) => (reason = p.reason) }, summary);
    if (outcome === 'skipped') throw new Error(reason ?? 'the article was skipped');
  } catch (err) {
    const error = (err as Error).message || String(err);
    await boss.fail(INGEST_QUEUE, job.id, { message: error, origin });
    summary.jobs.failed++;
    o.onJob?.({ ...report, origin, outcome: 'failed', error });
    return;
  }
  summary.articles[outcome]++;
  await boss.complete(INGEST_QUEUE, job.id, { outcome, origin });
  summary.jobs.completed++;
  o.onJob?.({ ...report, origin, outcome });
}

/** Jobs queued, waiting for a retry, or active (held by a worker, perhaps a dead one whose lease has not run out). */
async function pendingJobs(queue: JobQueue): Promise<number> {
  const { rows } = await queue.boss.getDb().executeSql(
    `SELECT count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`, [INGEST_QUEUE]);
  return (rows[0] as { n: number } | undefined)?.n ?? 0;
}

/** Wait `ms`, or less when the signal aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
