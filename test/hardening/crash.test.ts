/**
 * Crash safety: `mizan ingest` killed with SIGKILL at random points and run again holds exactly what a
 * clean run holds (articles, sentences, events, clusters and indexes, compared by content digests), none
 * lost and none twice. Extends the single kill of test/cli/store.test.ts to several, at random, against a
 * clean run. Set MIZAN_CRASH_SEED to repeat a failing run.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { tempDir } from '../helpers/stores.js';
import { committedArticles, digestStore, exited, runMizan, seeded, startMizan, syntheticJsonl, type StoreDigest } from './helpers.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What must hold after any kill: every stored article whole, every event clustered, the file sound. */
function assertWhole(db: string): void {
  const conn = new BetterSqlite3(db, { readonly: true });
  try {
    const n = (sql: string): number => (conn.prepare(sql).get() as { n: number }).n;
    assert.equal((conn.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    assert.equal(n('SELECT count(*) AS n FROM article a WHERE NOT EXISTS (SELECT 1 FROM sentence s WHERE s.article_id = a.id)'), 0, 'an article without its sentences');
    assert.equal(n('SELECT count(*) AS n FROM article a WHERE NOT EXISTS (SELECT 1 FROM article_lsh l WHERE l.article_id = a.id)'), 0, 'an article without its LSH bands');
    assert.equal(n('SELECT count(*) AS n FROM event WHERE cluster_id IS NULL'), 0, 'an event without its cluster');
    assert.equal(n('SELECT count(*) AS n FROM (SELECT content_hash FROM article GROUP BY content_hash HAVING count(*) > 1)'), 0, 'an article stored twice');
  } finally {
    conn.close();
  }
}

describe('SIGKILL at random points', () => {
  let dir: string;
  let input: string;
  let clean: StoreDigest;
  let cleanMs: number;
  const seed = Number(process.env.MIZAN_CRASH_SEED ?? Math.floor(Math.random() * 1e6));
  before(() => {
    dir = tempDir('mizan-crash-');
    input = join(dir, 'articles.jsonl');
    writeFileSync(input, syntheticJsonl(600, 7));
    const r = runMizan(['ingest', input, '--db', join(dir, 'clean.db'), '--quiet'], { timeoutMs: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    cleanMs = r.ms;
    clean = digestStore(join(dir, 'clean.db'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('then run again, the store holds exactly the articles and events of a clean run', async (t) => {
    const rnd = seeded(seed);
    const db = join(dir, 'killed.db');
    const kills: Array<{ afterCommit: boolean; delayMs: number; committed: number; ended: number | string }> = [];
    for (let k = 0; k < 3; k++) {
      const child = startMizan(['ingest', input, '--db', db, '--quiet']);
      // The first kill comes soon after a commit, inside the next batch; the others at any time of a run:
      // starting, migrating, reading, coding, committing, or after the end.
      const afterCommit = k === 0;
      if (afterCommit) {
        const deadline = performance.now() + 60_000;
        while (committedArticles(db) === 0 && child.exitCode === null && performance.now() < deadline) await sleep(10);
      }
      const delayMs = Math.floor(rnd() * (afterCommit ? 600 : cleanMs));
      await sleep(delayMs);
      child.kill('SIGKILL');
      const ended = await exited(child);
      kills.push({ afterCommit, delayMs, committed: committedArticles(db), ended });
      assertWhole(db);
    }
    const last = runMizan(['ingest', input, '--db', db, '--json'], { timeoutMs: 120_000 });
    assert.equal(last.status, 0, last.stderr);
    const why = `seed ${seed}; kills ${JSON.stringify(kills)}`;
    t.diagnostic(why);
    assert.ok(kills.some((k) => k.committed > 0 && k.committed < clean.articles), `no kill left a partial store: ${why}`);
    assertWhole(db);
    assert.deepEqual(digestStore(db), clean, why);
    const s = JSON.parse(last.stdout) as { articles: { added: number; nearDuplicate: number } };
    const before = kills.at(-1)?.committed ?? 0;
    assert.equal(s.articles.added + s.articles.nearDuplicate, clean.articles - before, 'the last run stored exactly what was missing');
  });
});
