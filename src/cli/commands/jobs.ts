/** `mizan jobs [--db postgres://…]`: the work queue's jobs by state, and the failed and parked ones with their errors. */
import type { Command } from 'commander';
import { listJobs, type JobList } from '../../queue/job-list.js';
import { openQueue, queueNeedsPostgres } from '../../queue/queue.js';
import { isPostgresUrl } from '../../store/postgres/connection.js';
import { countOption } from '../options.js';
import { quietOnBrokenPipe } from '../pipe.js';
import { dbPath, withDbOption } from '../store-option.js';

interface JobsOptions {
  db?: string;
  limit?: string;
  json?: boolean;
}

/** Register the command. */
export function registerJobs(program: Command): void {
  withDbOption(program
    .command('jobs')
    .description('count the work queue\'s jobs (queued, active, failed, parked, done) and list the failed and parked ones with their errors'))
    .option('--limit <n>', 'failed and parked jobs to list', '20')
    .option('--json', 'print JSON')
    .action(async (opts: JobsOptions) => runJobs(opts));
}

async function runJobs(opts: JobsOptions): Promise<void> {
  quietOnBrokenPipe();
  const limit = countOption(opts.limit, '--limit', 20);
  const url = dbPath(opts.db);
  if (!isPostgresUrl(url)) throw queueNeedsPostgres(url, 'mizan jobs');
  const queue = await openQueue(url, { poolSize: 1 });
  let list: JobList;
  try {
    list = await listJobs(queue, limit);
  } finally {
    await queue.close();
  }
  process.stdout.write(opts.json ? `${JSON.stringify(list, null, 2)}\n` : formatJobs(list));
}

function formatJobs(l: JobList): string {
  const c = l.counts;
  const lines = [`queued ${c.queued}  active ${c.active}  failed ${c.failed}  parked ${c.parked}  done ${c.done}`];
  for (const j of l.failed) {
    lines.push(`${j.state.padEnd(6)}  ${j.id}  attempt ${j.attempts} of ${j.maxAttempts}  ${j.origin ?? '?'}`, `        ${j.error ?? '(no error recorded)'}`);
  }
  return `${lines.join('\n')}\n`;
}
