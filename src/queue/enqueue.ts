/** `mizan ingest --enqueue`: read the inputs as a direct ingest would, and queue one job per article instead of coding it. */
import type { Problem } from '../ingest/article.js';
import type { FetchOptions } from '../ingest/fetch.js';
import { readInput } from '../ingest/read.js';
import { expandSources } from '../ingest/sources.js';
import { articleJobData, jobId, jobProblem } from './article-job.js';
import { INGEST_QUEUE, type JobQueue } from './queue.js';

/** Options of {@link enqueueInputs}; all optional. */
export interface EnqueueOptions {
  fetch?: FetchOptions;
  /** Jobs sent in one statement (default 500). */
  batchSize?: number;
  /** Called for each input or article that could not be read. */
  onProblem?: (p: Problem) => void;
  /** Called after each batch with the articles queued so far. */
  onProgress?: (queued: number) => void;
  /** Stop after the batch in hand when this aborts. */
  signal?: AbortSignal;
}

/** What an enqueue did. */
export interface EnqueueSummary {
  /** Articles sent as jobs (one already queued under the same id is not queued again). */
  queued: number;
  /** Inputs or articles that could not be read. */
  skipped: number;
  seconds: number;
  interrupted: boolean;
}

/** Read files, folders, feeds and URLs and queue each article as a job. */
export async function enqueueInputs(args: readonly string[], queue: JobQueue, o: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const started = performance.now();
  const summary: EnqueueSummary = { queued: 0, skipped: 0, seconds: 0, interrupted: false };
  const { inputs, problems } = expandSources(args);
  for (const p of problems) {
    summary.skipped++;
    o.onProblem?.(p);
  }
  const size = o.batchSize ?? 500;
  let batch: Array<{ id: string; name: string; data: object }> = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await queue.boss.insert(batch);
    summary.queued += batch.length;
    batch = [];
    o.onProgress?.(summary.queued);
  };
  for (const input of inputs) {
    if (o.signal?.aborted) break;
    for await (const { item } of readInput(input, o.fetch)) {
      if (o.signal?.aborted) break;
      if (!item) continue;
      if ('problem' in item) {
        summary.skipped++;
        o.onProblem?.(item.problem);
        continue;
      }
      const problem = jobProblem(item.article);
      if (problem) {
        summary.skipped++;
        o.onProblem?.({ place: item.article.origin, reason: problem });
        continue;
      }
      batch.push({ id: jobId(item.article), name: INGEST_QUEUE, data: articleJobData(item.article) });
      if (batch.length >= size) await flush();
    }
  }
  await flush();
  summary.seconds = (performance.now() - started) / 1000;
  summary.interrupted = o.signal?.aborted ?? false;
  return summary;
}
