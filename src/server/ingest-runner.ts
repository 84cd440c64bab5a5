/**
 * Ingest for the write routes: one run at a time (runs queue behind each other), one pipeline loaded on
 * first use, and the problems of the run collected for the response rather than printed.
 */
import type { Problem } from '../ingest/article.js';
import type { FetchOptions } from '../ingest/fetch.js';
import { ingest, type IngestSummary } from '../ingest/run.js';
import { createIngestPipeline, type Pipeline } from '../pipeline/pipeline.js';
import type { Store } from '../store/store.js';

/** What an ingest request did: the run's summary and each skipped input with its reason. */
export type IngestResult = IngestSummary & { problems: Problem[] };

/** Runs ingests one after another against one store. */
export interface IngestRunner {
  /** Ingest files, folders or URLs (as `mizan ingest` does); `rename` rewrites the places named in problems. */
  run(inputs: string[], rename?: (place: string) => string): Promise<IngestResult>;
}

/** Options of {@link createIngestRunner}. */
export interface IngestRunnerOptions {
  fetch?: FetchOptions;
  /** How to make the pipeline (default: {@link createIngestPipeline}). */
  pipeline?: () => Promise<Pipeline>;
}

/** An ingest runner over a store. */
export function createIngestRunner(store: Store, options: IngestRunnerOptions = {}): IngestRunner {
  let pipeline: Promise<Pipeline> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(inputs, rename = (p) => p) {
      const job = queue.then(async () => {
        pipeline ??= (options.pipeline ?? createIngestPipeline)();
        let ready: Pipeline;
        try {
          ready = await pipeline;
        } catch (err) {
          pipeline = undefined; // try again on the next request
          throw err;
        }
        const problems: Problem[] = [];
        const summary = await ingest(inputs, {
          store, pipeline: ready, fetch: { timeoutMs: 15_000, ...options.fetch },
          onProblem: (p) => problems.push({ ...p, place: rename(p.place) }),
        });
        return { ...summary, problems };
      });
      queue = job.catch(() => undefined);
      return job;
    },
  };
}
