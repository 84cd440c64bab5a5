import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { MizanError } from '../core/errors.js';
import { makeArticle } from '../../test/helpers/articles.js';
import { tempDir } from '../../test/helpers/stores.js';
import { openSqliteStore } from './sqlite-store.js';

const TABLES = ['article', 'article_lsh', 'sentence', 'sentence_fts', 'title_fts', 'event', 'event_cluster', 'cluster_member'];

function counts(file: string): Record<string, number> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

describe('SQLite store', () => {
  it('opens in WAL mode with foreign keys and a busy timeout', async () => {
    const dir = tempDir();
    const store = await openSqliteStore(join(dir, 'x.db'), { busyTimeoutMs: 1234 });
    try {
      assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
      assert.equal(store.db.pragma('busy_timeout', { simple: true }), 1234);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true });
    }
  });

  it('refuses to create a store for a read-only command', async () => {
    const dir = tempDir();
    await assert.rejects(openSqliteStore(join(dir, 'missing.db'), { mustExist: true }),
      (err: unknown) => err instanceof MizanError && err.code === 'MIZAN_E_STORE' && /mizan ingest/u.test(err.message));
    rmSync(dir, { recursive: true });
  });

  it('rolls back every row of a failed article, index and clusters included', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.db');
    const store = await openSqliteStore(file, { batchSize: 1 });
    try {
      await store.addArticle(makeArticle({ text: 'Iraq hosted Syrian officials.', title: 'Talks', date: '2026-07-01', events: [{ source: 'IRQ', target: 'SYR', type: 'CONSULT' }] }));
      const before = counts(file);
      const bad = makeArticle({
        text: 'Russia sent wheat to Syria. Syria thanked Russia. Then a broken record.', title: 'Wheat', date: '2026-07-02',
        events: [
          { source: 'RUS', target: 'SYR', type: 'AID', sentence: 0 },
          { source: 'SYR', target: 'RUS', type: 'SUPPORT', sentence: 1 },
          { source: 'RUS', target: 'SYR', type: 'AID', sentence: 2, evidence: { start: 40, end: 10 } },
        ],
      });
      await assert.rejects(store.addArticle(bad), /store constraint/u);
      assert.deepEqual(counts(file), before);
      assert.deepEqual(before, { article: 1, article_lsh: 2, sentence: 1, sentence_fts: 1, title_fts: 1, event: 1, event_cluster: 1, cluster_member: 1 });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true });
    }
  });

  it('commits in batches: other connections see articles once a batch is committed', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.db');
    const batched = await openSqliteStore(file, { batchSize: 3, batchMs: 60_000 });
    await batched.addArticle(makeArticle({ text: 'First.' }));
    await batched.addArticle(makeArticle({ text: 'Second.' }));
    assert.equal(counts(file).article, 0, 'the batch is still open');
    await batched.addArticle(makeArticle({ text: 'Third.' }));
    assert.equal(counts(file).article, 3, 'a full batch is committed');
    await batched.addArticle(makeArticle({ text: 'Fourth.' }));
    await batched.close();
    assert.equal(counts(file).article, 4, 'closing commits the rest');
    const single = await openSqliteStore(file, { batchSize: 1 });
    await single.addArticle(makeArticle({ text: 'Fifth.' }));
    assert.equal(counts(file).article, 5);
    await single.close();
    const timed = await openSqliteStore(file, { batchMs: 100 });
    await timed.addArticle(makeArticle({ text: 'Sixth.' }));
    assert.equal(counts(file).article, 5);
    await new Promise((r) => setTimeout(r, 250));
    assert.equal(counts(file).article, 6, 'an idle batch is committed after batchMs');
    await timed.close();
    rmSync(dir, { recursive: true });
  });

  it('writes a batch\'s full-text rows once, at its commit, and none of an article rolled back inside it', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.db');
    const store = await openSqliteStore(file, { batchSize: 10, batchMs: 60_000 });
    try {
      await store.addArticle(makeArticle({ text: 'Moscow hosted the talks. Damascus agreed.', title: 'Moscow talks' }));
      const bad = makeArticle({
        text: 'Ankara protested loudly. Then a broken record.', title: 'Ankara protest',
        events: [{ source: 'TUR', target: 'SYR', type: 'PROTEST', sentence: 1, evidence: { start: 30, end: 10 } }],
      });
      await assert.rejects(store.addArticle(bad), /store constraint/u);
      await store.addArticle(makeArticle({ text: 'Tehran sent envoys to Baghdad.', title: 'Envoys' }));
      assert.equal(store.db.prepare('SELECT count(*) FROM sentence_fts').pluck().get(), 0, 'held until the commit');
      const hits = await store.search({ text: 'Moscow' });
      assert.deepEqual(hits.map((h) => h.article.title), ['Moscow talks'], 'a search commits first');
      assert.deepEqual(counts(file), { article: 2, article_lsh: 4, sentence: 3, sentence_fts: 3, title_fts: 2, event: 0, event_cluster: 0, cluster_member: 0 });
      assert.deepEqual(await store.search({ text: 'Ankara' }), []);
      assert.deepEqual((await store.search({ text: 'envoys' })).map((h) => h.article.title), ['Envoys']);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true });
    }
  });
});
