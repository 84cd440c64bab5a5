import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { writeNewsCorpus } from '../../bench/news-corpus.js';
import { openQueue } from '../../src/queue/queue.js';
import { createTestDatabase, SKIP_POSTGRES, type TestDatabase } from '../helpers/postgres.js';
import { tempDir } from '../helpers/stores.js';
import { mizan, ROOT } from './helpers.js';

const ARTICLES = 240;

/** What a store holds, article by article: content hash → sentences and events. */
async function holdings(url: string): Promise<{ articles: number; hashes: number; byHash: Map<string, string>; events: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = (await client.query<{ h: string; s: string; e: string }>(`
      SELECT a.content_hash AS h, (SELECT count(*) FROM sentence s WHERE s.article_id = a.id) AS s,
        (SELECT count(*) FROM event e WHERE e.article_id = a.id) AS e FROM article a`)).rows;
    return {
      articles: rows.length, hashes: new Set(rows.map((r) => r.h)).size,
      byHash: new Map(rows.map((r) => [r.h, `${r.s}/${r.e}`])), events: rows.reduce((t, r) => t + Number(r.e), 0),
    };
  } finally {
    await client.end();
  }
}

async function count(url: string, query: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(query)).rows[0]?.n ?? 0);
  } catch {
    return 0;
  } finally {
    await client.end();
  }
}

/** A queue whose jobs come back 3 s after their worker dies, retried at once. */
async function shortLeaseQueue(url: string): Promise<void> {
  const queue = await openQueue(url, { settings: { leaseSeconds: 3, retryDelaySeconds: 0 } });
  await queue.close();
}

describe('mizan ingest --enqueue, worker and jobs', { skip: SKIP_POSTGRES }, () => {
  let dir: string;
  let corpus: string;
  const dbs: TestDatabase[] = [];
  before(() => {
    dir = tempDir('mizan-worker-');
    corpus = join(dir, 'corpus');
    rmSync(corpus, { recursive: true, force: true });
    writeNewsCorpus(dir, ARTICLES, 7);
    corpus = dir;
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const db of dbs) await db.drop();
  });

  it('refuses to queue into a SQLite store, with a usage error', () => {
    const r = mizan(['ingest', '--enqueue', corpus, '--db', join(dir, 'x.db')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /MIZAN_E_USAGE.*needs a PostgreSQL store/u);
  });

  it('loses nothing and stores nothing twice when a worker is killed with SIGKILL mid-run', async () => {
    const [killed, clean] = [await createTestDatabase(), await createTestDatabase()];
    dbs.push(killed, clean);
    for (const db of [killed, clean]) {
      await shortLeaseQueue(db.url);
      const queued = mizan(['ingest', '--enqueue', corpus, '--db', db.url]);
      assert.equal(queued.status, 0, queued.stderr);
      assert.match(queued.stdout, new RegExp(`^Queued ${ARTICLES} article job\\(s\\)`, 'u'));
    }
    const worker = spawn(process.execPath, [join(ROOT, 'bin', 'mizan'), 'worker', '--concurrency', '4', '--quiet', '--db', killed.url], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    const deadline = Date.now() + 120_000;
    while ((await count(killed.url, 'SELECT count(*) AS n FROM article')) < ARTICLES / 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    worker.kill('SIGKILL');
    await exited;
    const stored = await count(killed.url, 'SELECT count(*) AS n FROM article');
    const held = await count(killed.url, "SELECT count(*) AS n FROM mizan_queue.job WHERE state = 'active'");
    assert.ok(stored > 0 && stored < ARTICLES, `killed after ${stored} of ${ARTICLES} articles`);
    assert.ok(held > 0, 'the dead worker held jobs in hand');

    const resumed = mizan(['worker', '--drain', '--json', '--db', killed.url]);
    assert.equal(resumed.status, 0, resumed.stderr);
    const cleanRun = mizan(['worker', '--drain', '--concurrency', '2', '--json', '--db', clean.url]);
    assert.equal(cleanRun.status, 0, cleanRun.stderr);

    const [after, expected] = [await holdings(killed.url), await holdings(clean.url)];
    assert.equal(after.articles, after.hashes, 'no article stored twice');
    assert.equal(after.articles, expected.articles, 'no article lost');
    assert.deepEqual(after.byHash, expected.byHash, 'every article with all its sentences and events');
    assert.equal(after.events, expected.events);
    const jobs = JSON.parse(mizan(['jobs', '--json', '--db', killed.url]).stdout) as { counts: Record<string, number> };
    assert.deepEqual(jobs.counts, { queued: 0, active: 0, failed: 0, parked: 0, done: ARTICLES, cancelled: 0 });
  });

  it('lists failed and parked jobs with their errors', async () => {
    const db = await createTestDatabase();
    dbs.push(db);
    const queue = await openQueue(db.url, { settings: { retryLimit: 0 } });
    await queue.boss.insert([{ name: 'mizan-ingest', data: { text: '', origin: 'empty.txt' } }]);
    await queue.close();
    const worked = mizan(['worker', '--drain', '--db', db.url]);
    assert.equal(worked.status, 0, worked.stderr);
    assert.match(worked.stderr, /empty\.txt: failed \(attempt 1 of 1, parked\): no article text/u);
    const listed = mizan(['jobs', '--db', db.url]);
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, /^queued 0 {2}active 0 {2}failed 0 {2}parked 1 {2}done 0$/mu);
    assert.match(listed.stdout, /^parked {2}[0-9a-f-]{36} {2}attempt 1 of 1 {2}empty\.txt\n {8}no article text$/mu);
  });
});
