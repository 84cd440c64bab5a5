/**
 * What the queue holds, for `mizan jobs`: jobs by state, and the failed and parked ones with their errors. pg-boss
 * states map to Mizan's words: created → queued, active → active, retry → failed (to be tried again), failed →
 * parked (retries spent), completed → done. Parked jobs move to pg-boss's archive after a while and are read there too.
 */
import { INGEST_QUEUE, QUEUE_SCHEMA, type JobQueue } from './queue.js';

/** Mizan's name of each pg-boss state. */
const STATE_NAMES: Record<string, JobState> = { created: 'queued', active: 'active', retry: 'failed', failed: 'parked', completed: 'done', cancelled: 'cancelled' };

/** A job's state as `mizan jobs` names it. */
export type JobState = 'queued' | 'active' | 'failed' | 'parked' | 'done' | 'cancelled';

/** A job that failed, with its error. */
export interface FailedJob {
  id: string;
  /** 'failed': to be tried again; 'parked': retries spent. */
  state: 'failed' | 'parked';
  origin: string | null;
  error: string | null;
  /** Attempts made, and the most allowed. */
  attempts: number;
  maxAttempts: number;
  /** When it failed last (ISO 8601). */
  at: string | null;
}

/** The queue's contents. */
export interface JobList {
  counts: Record<JobState, number>;
  /** Failed and parked jobs, the most recent first. */
  failed: FailedJob[];
}

interface FailedRow {
  id: string;
  state: string;
  data: { origin?: unknown } | null;
  output: { message?: unknown; value?: { message?: unknown } } | null;
  retry_count: number;
  retry_limit: number;
  at: Date | null;
}

/** Count the queue's jobs by state and list up to `limit` failed and parked jobs with their errors. */
export async function listJobs(queue: JobQueue, limit = 20): Promise<JobList> {
  const db = queue.boss.getDb();
  const counts: Record<JobState, number> = { queued: 0, active: 0, failed: 0, parked: 0, done: 0, cancelled: 0 };
  const byState = await db.executeSql(`
    SELECT state::text AS state, count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE name = $1 GROUP BY state
    UNION ALL
    SELECT 'archived-' || state::text, count(*)::int FROM ${QUEUE_SCHEMA}.archive WHERE name = $1 AND state = 'failed' GROUP BY state`, [INGEST_QUEUE]);
  for (const r of byState.rows as Array<{ state: string; n: number }>) {
    const name = STATE_NAMES[r.state.replace(/^archived-/u, '')];
    if (name) counts[name] += r.n;
  }
  const rows = (await db.executeSql(`
    SELECT id::text, state::text, data, output, retry_count, retry_limit, at FROM (
      SELECT id, state, data, output, retry_count, retry_limit, COALESCE(completed_on, started_on) AS at
      FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state IN ('retry', 'failed')
      UNION ALL
      SELECT id, state, data, output, retry_count, retry_limit, COALESCE(completed_on, started_on)
      FROM ${QUEUE_SCHEMA}.archive WHERE name = $1 AND state = 'failed'
    ) f ORDER BY at DESC NULLS LAST, id LIMIT $2`, [INGEST_QUEUE, limit])).rows as FailedRow[];
  const failed = rows.map((r): FailedJob => {
    const message = r.output?.message ?? r.output?.value?.message;
    return {
      id: r.id, state: r.state === 'failed' ? 'parked' : 'failed',
      origin: typeof r.data?.origin === 'string' ? r.data.origin : null,
      error: typeof message === 'string' ? message : r.output ? JSON.stringify(r.output) : null,
      // A job waiting for a retry has made retry_count + 1 attempts, as has a parked one.
      attempts: r.retry_count + 1, maxAttempts: r.retry_limit + 1,
      at: r.at ? new Date(r.at).toISOString() : null,
    };
  });
  return { counts, failed };
}
