/**
 * Crash safety: `mizan ingest` killed with SIGKILL at random points and run again holds exactly what a
 * clean run holds (articles, sentences, events, clusters and indexes, compared by content digests), none
 * lost and none twice. Extends the single kill of test/cli/store.test.ts to several, at random, against a
 * clean run. Set MIZAN_CRASH_SEED to repeat a failing run.
 */
import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { tempDir } from '../helpers/stores.js';
import { committedArticles, digestStore, exited, runMizan, seeded, startMizan, syntheticJsonl, type StoreDigest } from './helpers.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What must hold after any kill: the file sound, every stored article whole, every event clustered. */
function assertWhole(db: string): void {
  if (!existsSync(db)) return; // killed before it created the store
  const conn = new BetterSqlite3(db, { readonly: true });
  try {
    const n = (sql: string): number => (conn.prepare(sql).get() as { n: number }).n;
    assert.equal((conn.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    if (n("SELECT count(*) AS n FROM sqlite_master WHERE name = 'article'") === 0) return; // killed before it made its tables
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
  const seed = Number(process.env.MIZAN_CRASH_SEED ?? Math.floor(Math.random() * 1e6));
  before(() => {
    dir = tempDir('mizan-crash-');
    input = join(dir, 'articles.jsonl');
    writeFileSync(input, syntheticJsonl(1500, 7));
    const r = runMizan(['ingest', input, '--db', join(dir, 'clean.db'), '--quiet'], { timeoutMs: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    clean = digestStore(join(dir, 'clean.db'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('then run again, the store holds exactly the articles and events of a clean run', async (t) => {
    const rnd = seeded(seed);
    const db = join(dir, 'killed.db');
    // Kill points: the first at a random moment of start-up (loading, creating and migrating the store); the
    // others once a random share of the articles (10 to 40 %) is committed, then a random moment later:
    // reading, coding, inside an open batch or committing it. A commit stores at most 500 articles, and the
    // corpus is three commits long, so a share reached (its first commit at the latest) is followed by at least a
    // third of the work, a second or more: the kill, at most 100 ms later, lands before the run ends.
    const targets = [0, ...[rnd(), rnd(), rnd()].map((r) => Math.floor((0.1 + 0.3 * r) * clean.articles)).sort((a, b) => a - b)];
    const kills: Array<{ target: number; delayMs: number; committed: number; ended: number | string }> = [];
    for (const target of targets) {
      const child = startMizan(['ingest', input, '--db', db, '--quiet']);
      if (target > 0) {
        const deadline = performance.now() + 120_000;
        while (committedArticles(db) < target && child.exitCode === null && performance.now() < deadline) await sleep(10);
      }
      const delayMs = Math.floor(rnd() * (target > 0 ? 100 : 1500));
      await sleep(delayMs);
      child.kill('SIGKILL');
      const ended = await exited(child);
      kills.push({ target, delayMs, committed: committedArticles(db), ended });
      assertWhole(db);
    }
    const last = runMizan(['ingest', input, '--db', db, '--json'], { timeoutMs: 120_000 });
    assert.equal(last.status, 0, last.stderr);
    const why = `seed ${seed}; kills ${JSON.stringify(kills)}`;
    t.diagnostic(why);
    for (const k of kills) assert.ok(k.ended === 'SIGKILL' && k.committed < clean.articles, `a run ended before it was killed: ${why}`);
    assert.ok(kills.some((k) => k.committed > 0), `no kill left a partial store: ${why}`);
    assertWhole(db);
    assert.deepEqual(digestStore(db), clean, why);
    const s = JSON.parse(last.stdout) as { articles: { added: number; nearDuplicate: number } };
    const before = kills.at(-1)?.committed ?? 0;
    assert.equal(s.articles.added + s.articles.nearDuplicate, clean.articles - before, 'the last run stored exactly what was missing');
  });
});
