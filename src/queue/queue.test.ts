import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { packageRoot } from '../core/paths.js';
import { ingest } from '../ingest/run.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import { createTestDatabase, SKIP_POSTGRES, type TestDatabase } from '../../test/helpers/postgres.js';
import { tempDir } from '../../test/helpers/stores.js';
import { jobId } from './article-job.js';
import { enqueueInputs } from './enqueue.js';
import { listJobs } from './job-list.js';
import { INGEST_QUEUE, openQueue } from './queue.js';
import { runWorker } from './worker.js';

const CORPUS = join(packageRoot(), 'examples', 'corpus');

describe('work queue', { skip: SKIP_POSTGRES }, () => {
  let pipeline: Pipeline;
  before(async () => {
    pipeline = await createPipeline();
  });

  const withQueue = async (fn: (db: TestDatabase) => Promise<void>): Promise<void> => {
    const db = await createTestDatabase();
    try {
      await fn(db);
    } finally {
      await db.drop();
    }
  };

  it('queues one job per article, never twice for the same input, and a drained worker stores what a direct ingest does', () => withQueue(async (db) => {
    const queue = await openQueue(db.url);
    const store = await openPostgresStore(db.url);
    try {
      const first = await enqueueInputs([CORPUS], queue);
      const again = await enqueueInputs([CORPUS], queue);
      assert.deepEqual([first.queued, first.skipped, again.queued], [55, 0, 55]);
      assert.equal((await listJobs(queue)).counts.queued, 55, 'the second enqueue added no job');
      const summary = await runWorker({ queue, store, pipeline, concurrency: 3, untilDrained: true, pollMs: 100 });
      assert.deepEqual(summary.jobs, { completed: 55, failed: 0 });
      assert.deepEqual(summary.articles, { added: 54, nearDuplicate: 0, duplicate: 1, skipped: 0 });
      const direct = await openSqliteStore(join(tempDir('mizan-queue-'), 'direct.db'));
      await ingest([CORPUS], { store: direct, pipeline });
      const [viaQueue, viaIngest] = [await store.stats(), await direct.stats()];
      await direct.close();
      assert.deepEqual([viaQueue.articles, viaQueue.sentences, viaQueue.events], [viaIngest.articles, viaIngest.sentences, viaIngest.events]);
      assert.deepEqual((await listJobs(queue)).counts, { queued: 0, active: 0, failed: 0, parked: 0, done: 55, cancelled: 0 });
    } finally {
      await store.close();
      await queue.close();
    }
  }));

  it('skips at enqueue an article PostgreSQL cannot hold, and says why', () => withQueue(async (db) => {
    const dir = tempDir('mizan-enqueue-');
    writeFileSync(join(dir, 'batch.jsonl'), `${JSON.stringify({ text: 'Syria\u0000 accused Israel.' })}\n${JSON.stringify({ text: 'Syria accused Israel.' })}\n`);
    const queue = await openQueue(db.url);
    try {
      const problems: string[] = [];
      const s = await enqueueInputs([dir], queue, { onProblem: (p) => problems.push(`${p.place}: ${p.reason}`) });
      assert.deepEqual([s.queued, s.skipped], [1, 1]);
      assert.match(problems[0] ?? '', /batch\.jsonl:1: it holds a NUL character/u);
    } finally {
      await queue.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }));

  it('retries a poisoned job a bounded number of times, then parks it with its error', () => withQueue(async (db) => {
    const queue = await openQueue(db.url, { settings: { retryLimit: 2, retryDelaySeconds: 0 } });
    const store = await openPostgresStore(db.url);
    try {
      const empty = { text: ' \n ', origin: 'poison.jsonl:1' };
      const good = { text: 'Syria accused Israel of shelling the border.', origin: 'good.jsonl:1', lang: 'en' };
      await queue.boss.insert([
        { id: jobId(empty), name: INGEST_QUEUE, data: empty },
        { id: jobId(good), name: INGEST_QUEUE, data: good },
        { name: INGEST_QUEUE, data: { note: 'not an article' } },
      ]);
      const failures: string[] = [];
      const summary = await runWorker({ queue, store, pipeline, untilDrained: true, pollMs: 50,
        onJob: (r) => r.outcome === 'failed' && failures.push(`${r.origin} ${r.attempt}/${r.attempts}`) });
      assert.deepEqual(summary.jobs, { completed: 1, failed: 6 });
      assert.equal(failures.filter((f) => f.startsWith('poison.jsonl:1')).length, 3);
      const list = await listJobs(queue);
      assert.deepEqual([list.counts.parked, list.counts.done, list.counts.failed], [2, 1, 0]);
      const parked = new Map(list.failed.map((j) => [j.origin ?? 'none', j]));
      assert.equal(parked.get('poison.jsonl:1')?.error, 'no article text');
      assert.deepEqual([parked.get('poison.jsonl:1')?.attempts, parked.get('poison.jsonl:1')?.maxAttempts], [3, 3]);
      assert.equal(parked.get('none')?.error, 'the job\'s article has no text');
      assert.equal((await store.stats()).articles.total, 1);
    } finally {
      await store.close();
      await queue.close();
    }
  }));
});
