/** `mizan ingest --enqueue PATH…`: read the inputs and queue one job per article for `mizan worker`, instead of coding them here. */
import { ERROR_CATALOGUE } from '../../core/errors.js';
import { enqueueInputs, type EnqueueSummary } from '../../queue/enqueue.js';
import { openQueue, queueNeedsPostgres } from '../../queue/queue.js';
import { isPostgresUrl, redactUrl } from '../../store/postgres/connection.js';
import { dbPath } from '../store-option.js';

/** The options of `mizan ingest` that an enqueue reads. */
export interface EnqueueCommandOptions {
  db?: string;
  quiet?: boolean;
  json?: boolean;
}

/** Queue the articles of `inputs` in the store's database and report how many. */
export async function runEnqueue(inputs: string[], opts: EnqueueCommandOptions, timeoutMs: number): Promise<void> {
  const url = dbPath(opts.db);
  if (!isPostgresUrl(url)) throw queueNeedsPostgres(url, 'mizan ingest --enqueue');
  const queue = await openQueue(url);
  const stop = new AbortController();
  const onSigint = (): void => stop.abort();
  process.once('SIGINT', onSigint);
  let summary: EnqueueSummary;
  try {
    summary = await enqueueInputs(inputs, queue, {
      fetch: { timeoutMs }, signal: stop.signal,
      onProblem: (p) => process.stderr.write(`mizan ingest: skipped ${p.place}: ${p.reason}\n`),
    });
  } finally {
    process.off('SIGINT', onSigint);
    await queue.close();
  }
  const where = redactUrl(url);
  if (opts.json) process.stdout.write(`${JSON.stringify({ db: where, ...summary }, null, 2)}\n`);
  else if (!opts.quiet) {
    process.stdout.write(`Queued ${summary.queued} article job(s) in ${where} in ${summary.seconds.toFixed(1)} s; ${summary.skipped} input(s) skipped\n`
      + '  run "mizan worker" to code and store them, "mizan jobs" to follow them\n');
  }
  if (summary.interrupted) {
    process.stderr.write('mizan ingest: interrupted; what was queued stays queued, and the same command queues the rest (nothing twice)\n');
    process.exitCode = 130;
  } else if (summary.skipped > 0) {
    process.stderr.write(`mizan ingest: ${summary.skipped} input(s) skipped, each reported above\n`);
    process.exitCode = ERROR_CATALOGUE.MIZAN_E_SKIPPED.exit;
  }
}
