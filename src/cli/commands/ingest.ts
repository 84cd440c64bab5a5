/** `mizan ingest PATH|URL...`: read, code and store articles; print what was added. */
import type { Command } from 'commander';
import { ERROR_CATALOGUE, MizanError } from '../../core/errors.js';
import { ingest, type IngestSummary } from '../../ingest/run.js';
import { createIngestPipeline } from '../../pipeline/pipeline.js';
import { countOption } from '../options.js';
import { createProgress, progressMode } from '../progress.js';
import { openStore, withDbOption } from '../store-option.js';
import { runEnqueue } from './ingest-enqueue.js';

interface IngestOptions {
  db?: string;
  quiet?: boolean;
  json?: boolean;
  timeout?: string;
  enqueue?: boolean;
  jobs?: string;
}

/** Most threads --jobs takes: past the cores of any machine this runs on, each only adds a pipeline's memory. */
const MAX_JOBS = 64;

/**
 * The default --jobs: 1, the one-thread run. Worker threads were measured slower on the 2-core machine this was
 * built on (docs/performance.md), and have not been measured on a machine with idle cores.
 */
const DEFAULT_JOBS = 1;

/** Register the command. */
export function registerIngest(program: Command): void {
  withDbOption(program
    .command('ingest')
    .description('read files (.txt .md .html .json .jsonl), folders, RSS/Atom feeds and http(s) URLs; code and store their articles')
    .argument('<inputs...>', 'files, folders, feeds or URLs'))
    .option('--quiet', 'no progress and no summary; only skipped inputs are reported')
    .option('--json', 'print the summary as JSON')
    .option('--timeout <seconds>', 'time limit of each HTTP fetch', '15')
    .option('--jobs <n>', 'threads that check and code articles while this one reads and writes the store (SQLite or PostgreSQL); 1 does all on one thread; the store ends up the same (default 1; measure before raising it: docs/performance.md)')
    .option('--enqueue', 'queue one job per article for "mizan worker" instead of coding here (PostgreSQL --db)')
    .action(async (inputs: string[], opts: IngestOptions) => runIngest(inputs, opts));
}

async function runIngest(inputs: string[], opts: IngestOptions): Promise<void> {
  const timeoutMs = countOption(opts.timeout, '--timeout', 15) * 1000;
  if (opts.enqueue) return runEnqueue(inputs, opts, timeoutMs);
  const jobs = countOption(opts.jobs, '--jobs', DEFAULT_JOBS);
  if (jobs < 1 || jobs > MAX_JOBS) throw new MizanError('MIZAN_E_USAGE', `--jobs takes a whole number from 1 to ${MAX_JOBS}, not "${opts.jobs}"`);
  const store = await openStore(opts.db, false);
  const display = createProgress(progressMode(opts.quiet ?? false));
  // Ctrl-C stops after the article in hand and commits what was stored; the same command resumes.
  const stop = new AbortController();
  const onSigint = (): void => stop.abort();
  process.once('SIGINT', onSigint);
  let summary: IngestSummary;
  try {
    summary = await ingest(inputs, {
      store, jobs, ...(jobs === 1 ? { pipeline: await createIngestPipeline() } : {}), fetch: { timeoutMs }, signal: stop.signal,
      onStart: (total) => display.start(total),
      onProgress: (p) => display.update(p),
      onProblem: (p) => display.log(`mizan ingest: skipped ${p.place}: ${p.reason}`),
      onNote: (p) => {
        if (!opts.quiet) display.log(`mizan ingest: note: ${p.place}: ${p.reason}`);
      },
    });
  } finally {
    process.off('SIGINT', onSigint);
    display.stop();
    await store.close();
  }
  if (opts.json) process.stdout.write(`${JSON.stringify({ db: store.location, ...summary }, null, 2)}\n`);
  else if (!opts.quiet) process.stdout.write(formatSummary(summary, store.location));
  if (summary.interrupted) {
    process.stderr.write('mizan ingest: interrupted; what was stored is kept, and the same command resumes the rest\n');
    process.exitCode = 130;
  } else if (summary.articles.skipped > 0) {
    process.stderr.write(`mizan ingest: ${summary.articles.skipped} input(s) skipped, each reported above\n`);
    process.exitCode = ERROR_CATALOGUE.MIZAN_E_SKIPPED.exit;
  }
}

/** The human summary of a run. */
function formatSummary(s: IngestSummary, db: string): string {
  const a = s.articles;
  const rate = s.seconds > 0 ? ` (${((a.added + a.nearDuplicate + a.duplicate) / s.seconds).toFixed(0)} articles/s)` : '';
  const m = s.events.byModality;
  return [
    `Ingested into ${db} in ${s.seconds.toFixed(1)} s${rate}`,
    `  articles   ${a.added} new, ${a.nearDuplicate} near-duplicate, ${a.duplicate} duplicate, ${a.skipped} skipped`,
    `  sentences  ${s.sentences}`,
    `  events     ${s.events.total}: ${m.asserted} asserted, ${m.negated} negated, ${m.future} future, ${m.speculative} speculative, ${m.normative} normative`,
    `  clusters   ${s.clusters.created} new, ${s.clusters.joined} grown`,
    '',
  ].join('\n');
}
