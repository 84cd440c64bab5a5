import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { MizanError } from '../../core/errors.js';
import { makeArticle } from '../../../test/helpers/articles.js';
import { createTestDatabase, SKIP_POSTGRES, type TestDatabase } from '../../../test/helpers/postgres.js';
import { appliedPgMigrations } from './migrate.js';
import { PG_MIGRATIONS } from './migrations/index.js';
import { openPostgresStore, type PostgresStore } from './postgres-store.js';

const NAMES = PG_MIGRATIONS.map((m) => m.name);

async function withDatabase(fn: (db: TestDatabase) => Promise<void>): Promise<void> {
  const db = await createTestDatabase();
  try {
    await fn(db);
  } finally {
    await db.drop();
  }
}

async function rows<T>(store: PostgresStore, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(store.k)).rows;
}

describe('PostgreSQL store', { skip: SKIP_POSTGRES }, () => {
  it('has migrations named by timestamp, in order, never twice', () => {
    assert.ok(NAMES.every((n) => /^\d{8}T\d{6}-[a-z-]+$/u.test(n)), NAMES.join(', '));
    assert.deepEqual([...NAMES].sort(), NAMES);
    assert.equal(new Set(NAMES).size, NAMES.length);
  });

  it('migrates a new database once when four workers open it at once, and refuses a newer schema', () => withDatabase(async (db) => {
    await assert.rejects(openPostgresStore(db.url, { mustExist: true }), (err: unknown) => err instanceof MizanError && err.code === 'MIZAN_E_STORE' && /mizan ingest/u.test(err.message));
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(db.url)));
    assert.deepEqual(await appliedPgMigrations(stores[0]?.k as Kysely<unknown>), NAMES);
    await Promise.all(stores.map((s) => s.close()));
    const store = await openPostgresStore(db.url, { mustExist: true });
    await sql`INSERT INTO schema_migration VALUES ('29991231T000000-future', now())`.execute(store.k);
    await store.close();
    await assert.rejects(openPostgresStore(db.url), (err: unknown) => err instanceof MizanError && /newer Mizan/u.test(err.message));
  }));

  it('files events by month, undated and pre-2000 ones in the default partition, and reads only the months a window asks for', () => withDatabase(async (db) => {
    const store = await openPostgresStore(db.url);
    try {
      await store.addArticle(makeArticle({ text: 'One. Two. Three. Four.', date: '2026-07-14', events: [
        { source: 'SYR', target: 'RUS', type: 'CONSULT', sentence: 0 },
        { source: 'SYR', target: 'RUS', type: 'AID', sentence: 1, eventDate: '2026-08-02' },
        { source: 'SYR', target: 'RUS', type: 'ACCUSE', sentence: 2, eventDate: '1995-03-01' },
        { source: 'SYR', target: 'RUS', type: 'REJECT', sentence: 3, eventDate: undefined as never },
      ] }));
      const placed = await rows(store, sql<{ part: string; type: string }>`SELECT tableoid::regclass::text AS part, type FROM event ORDER BY type`);
      assert.deepEqual(placed.map((r) => [r.type, r.part]), [['ACCUSE', 'event_default'], ['AID', 'event_y2026m08'], ['CONSULT', 'event_y2026m07'], ['REJECT', 'event_default']]);
      const plan = (await rows(store, sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT id FROM event
        WHERE source = 'SYR' AND target = 'RUS' AND event_date BETWEEN '2026-07-01' AND '2026-07-31'`)).map((r) => r['QUERY PLAN']).join('\n');
      assert.match(plan, /event_y2026m07/u);
      assert.doesNotMatch(plan, /event_y2026m08|event_default/u, plan);
      assert.deepEqual((await store.events({ dyad: ['RUS', 'SYR'], since: '2026-08-01' })).map((e) => e.type), ['AID']);
    } finally {
      await store.close();
    }
  }));

  it('stores an article once when four writers race with it, and clusters reports written at once into one event', () => withDatabase(async (db) => {
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(db.url, { poolSize: 2 })));
    try {
      const a = makeArticle({ text: 'Jordan and Syria reopened a crossing.', date: '2026-07-01', events: [{ source: 'JOR', target: 'SYR', type: 'COOPERATE' }] });
      const raced = await Promise.all(stores.map((s) => s.addArticle(a)));
      assert.deepEqual(raced.map((r) => r.status).sort(), ['added', 'duplicate', 'duplicate', 'duplicate']);
      assert.equal(new Set(raced.map((r) => r.articleId)).size, 1);
      const reports = ['A', 'B', 'C', 'D'].map((o) => makeArticle({ text: `Wire ${o}: Russia and Syria held talks.`, outlet: `Wire ${o}`, date: '2026-07-20',
        events: [{ source: 'RUS', target: 'SYR', type: 'CONSULT' }] }));
      await Promise.all(stores.map((s, i) => s.addArticle(reports[i] as ReturnType<typeof makeArticle>)));
      const [talks, ...others] = await (stores[0] as PostgresStore).events({ type: 'CONSULT', distinct: true });
      assert.equal(others.length, 0, 'one event, not one per writer');
      assert.deepEqual(talks?.cluster && [talks.cluster.numMentions, talks.cluster.numArticles, talks.cluster.numSources], [4, 4, 4]);
      assert.equal((await (stores[0] as PostgresStore).stats()).articles.total, 5);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  }));

  it('rejects text PostgreSQL cannot hold (a NUL character) as bad input, storing nothing', () => withDatabase(async (db) => {
    const store = await openPostgresStore(db.url);
    try {
      const bad = makeArticle({ text: 'Syria\u0000 accused Israel.', events: [{ source: 'SYR', target: 'ISR', type: 'ACCUSE' }] });
      await assert.rejects(store.addArticle(bad), (err: unknown) => err instanceof MizanError && err.code === 'MIZAN_E_INPUT');
      assert.deepEqual([(await store.stats()).articles.total, (await store.events()).length], [0, 0]);
    } finally {
      await store.close();
    }
  }));

  it('names its location without the password, and says so when the server cannot be reached', async () => {
    await assert.rejects(openPostgresStore('postgres://mizan:secret@127.0.0.1:1/none'),
      (err: unknown) => err instanceof MizanError && err.code === 'MIZAN_E_STORE' && !err.message.includes('secret') && err.message.includes('mizan:***@'));
  });
});
