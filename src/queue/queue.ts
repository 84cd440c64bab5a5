/**
 * The work queue: pg-boss in the store's own PostgreSQL database (schema mizan_queue), one queue of per-article
 * ingest jobs. pg-boss hands each job to one worker at a time (FOR UPDATE SKIP LOCKED); a job whose worker dies
 * stays active until its lease runs out, then goes back to the queue: delivery is at least once, and the store's
 * idempotent writes (content hash) make a repeated article a duplicate, never a second copy.
 */
import PgBoss from 'pg-boss';
import { MizanError } from '../core/errors.js';
import { isPostgresUrl, redactUrl } from '../store/postgres/connection.js';

/** The queue of article jobs. */
export const INGEST_QUEUE = 'mizan-ingest';

/** The schema pg-boss keeps its tables in. */
export const QUEUE_SCHEMA = 'mizan_queue';

/** How the queue treats its jobs; set when the queue is made (later values apply to jobs sent afterwards). */
export interface QueueSettings {
  /** Retries after a failed attempt before a job is parked (default 3: four attempts in all). */
  retryLimit?: number;
  /** Seconds before a failed job is tried again (default 10). */
  retryDelaySeconds?: number;
  /** Seconds a worker may hold a job before it is presumed dead and the job goes back to the queue (default 900). */
  leaseSeconds?: number;
}

/** The defaults of {@link QueueSettings}. */
export const DEFAULT_QUEUE_SETTINGS: Required<QueueSettings> = { retryLimit: 3, retryDelaySeconds: 10, leaseSeconds: 900 };

/** Options of {@link openQueue}; all optional. */
export interface OpenQueueOptions {
  /** Run pg-boss's maintenance from this process: return dead workers' jobs to the queue, archive old ones (default false). */
  maintain?: boolean;
  /** Seconds between maintenance runs (default: a quarter of the queue's lease, between 1 and 60). */
  maintenanceSeconds?: number;
  /** Settings of the queue, applied when it is made, or updated when given for an existing one. */
  settings?: QueueSettings;
  /** Most connections open at once (default 4). */
  poolSize?: number;
  /** Called with errors of the queue's background work (maintenance); they do not stop it. */
  onError?: (err: Error) => void;
}

/** An open queue. */
export interface JobQueue {
  boss: PgBoss;
  /** The queue's settings as stored. */
  settings: Required<QueueSettings>;
  /** Stop pg-boss (without waiting for jobs: workers finish theirs first) and close its connections. */
  close(): Promise<void>;
}

/** The error of a `--db` that is not PostgreSQL, where the queue needs it. */
export function queueNeedsPostgres(location: string, command: string): MizanError {
  return new MizanError('MIZAN_E_USAGE', `${command} needs a PostgreSQL store (--db postgres://… or MIZAN_DB), not "${location}"`);
}

/** Connect to the queue in the database at `url`, installing pg-boss's schema and the ingest queue when missing. */
export async function openQueue(url: string, options: OpenQueueOptions = {}): Promise<JobQueue> {
  if (!isPostgresUrl(url)) throw queueNeedsPostgres(url, 'the work queue');
  // Maintenance runs on this module's timer, paced by the queue's lease, which is known only once connected.
  const boss = new PgBoss({ connectionString: url, schema: QUEUE_SCHEMA, max: options.poolSize ?? 4, application_name: 'mizan-queue', schedule: false, supervise: false });
  let lastError: Error | undefined;
  boss.on('error', (err) => {
    lastError = err;
    options.onError?.(err);
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await boss.start();
    const wanted = { ...DEFAULT_QUEUE_SETTINGS, ...options.settings };
    const queue = { name: INGEST_QUEUE, retryLimit: wanted.retryLimit, retryDelay: wanted.retryDelaySeconds, expireInSeconds: wanted.leaseSeconds };
    await boss.createQueue(INGEST_QUEUE, queue);
    if (options.settings) await boss.updateQueue(INGEST_QUEUE, queue);
    const stored = await boss.getQueue(INGEST_QUEUE);
    const settings = {
      retryLimit: stored?.retryLimit ?? wanted.retryLimit,
      retryDelaySeconds: stored?.retryDelay ?? wanted.retryDelaySeconds,
      leaseSeconds: stored?.expireInSeconds ?? wanted.leaseSeconds,
    };
    if (options.maintain) {
      const every = options.maintenanceSeconds ?? Math.min(60, Math.max(1, Math.floor(settings.leaseSeconds / 4)));
      let running = false;
      timer = setInterval(() => {
        if (running) return;
        running = true;
        boss.maintain().catch((err: Error) => boss.emit('error', err)).finally(() => (running = false));
      }, every * 1000);
      timer.unref();
    }
    return {
      boss, settings,
      close: async () => {
        clearInterval(timer);
        await boss.stop({ graceful: false, wait: true, timeout: 1000 });
      },
    };
  } catch (err) {
    clearInterval(timer);
    await boss.stop({ graceful: false, wait: true, timeout: 1000 }).catch(() => {});
    throw new MizanError('MIZAN_E_STORE', `cannot open the work queue: ${(err as Error).message ?? lastError?.message}`, redactUrl(url));
  }
}
