/** `mizan worker [--concurrency N] [--db postgres://…]`: take article jobs from the queue, code and store them, until stopped. */
import type { Command } from 'commander';
import { createIngestPipeline } from '../../pipeline/pipeline.js';
import { openQueue, queueNeedsPostgres } from '../../queue/queue.js';
import { runWorker, type JobReport, type WorkerSummary } from '../../queue/worker.js';
import { isPostgresUrl } from '../../store/postgres/connection.js';
import { openStoreAt } from '../../store/open-store.js';
import { countOption } from '../options.js';
import { dbPath, withDbOption } from '../store-option.js';

interface WorkerOptions {
  db?: string;
  concurrency?: string;
  drain?: boolean;
  quiet?: boolean;
  json?: boolean;
}

/** Register the command. */
export function registerWorker(program: Command): void {
  withDbOption(program
    .command('worker')
    .description('take article jobs queued by "mizan ingest --enqueue", code and store them (PostgreSQL); SIGINT or SIGTERM stops after the jobs in hand'))
    .option('--concurrency <n>', 'jobs in hand at once', '1')
    .option('--drain', 'stop once no job is queued, waiting for a retry, or active')
    .option('--quiet', 'report only failed jobs')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: WorkerOptions) => runWorkerCommand(opts));
}

async function runWorkerCommand(opts: WorkerOptions): Promise<void> {
  const concurrency = Math.max(1, countOption(opts.concurrency, '--concurrency', 1));
  const url = dbPath(opts.db);
  if (!isPostgresUrl(url)) throw queueNeedsPostgres(url, 'mizan worker');
  const log = (line: string): boolean => process.stderr.write(`mizan worker: ${line}\n`);
  const queue = await openQueue(url, { maintain: true, poolSize: concurrency + 1, onError: (err) => log(`queue: ${err.message}`) });
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let summary: WorkerSummary;
  try {
    const store = await openStoreAt(url, { poolSize: concurrency + 1 });
    try {
      const pipeline = await createIngestPipeline();
      if (!opts.quiet) log(`taking jobs from ${store.location} with ${concurrency} slot(s)${opts.drain ? ' until the queue is drained' : ''}`);
      summary = await runWorker({
        queue, store, pipeline, concurrency, untilDrained: opts.drain ?? false, signal: stop.signal,
        onJob: (r) => report(r, opts.quiet ?? false, log),
      });
    } finally {
      await store.close();
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await queue.close();
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else if (!opts.quiet) process.stdout.write(formatSummary(summary));
}

function report(r: JobReport, quiet: boolean, log: (line: string) => void): void {
  if (r.outcome === 'failed') {
    log(`${r.origin}: failed (attempt ${r.attempt} of ${r.attempts}${r.attempt >= r.attempts ? ', parked' : ''}): ${r.error ?? ''}`);
  } else if (!quiet && r.attempt > 1) {
    log(`${r.origin}: ${r.outcome} on attempt ${r.attempt}`);
  }
}

function formatSummary(s: WorkerSummary): string {
  const a = s.articles;
  const m = s.events.byModality;
  return [
    `Worked ${s.jobs.completed + s.jobs.failed} job(s) in ${s.seconds.toFixed(1)} s: ${s.jobs.completed} done, ${s.jobs.failed} failed`,
    `  articles   ${a.added} new, ${a.nearDuplicate} near-duplicate, ${a.duplicate} duplicate`,
    `  sentences  ${s.sentences}`,
    `  events     ${s.events.total}: ${m.asserted} asserted, ${m.negated} negated, ${m.future} future, ${m.speculative} speculative, ${m.normative} normative`,
    `  clusters   ${s.clusters.created} new, ${s.clusters.joined} grown`,
    '',
  ].join('\n');
}
