import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { MizanError } from '../core/errors.js';
import type { EventType, Modality } from '../core/types.js';
import { makeArticle } from '../../test/helpers/articles.js';
import { tempDir } from '../../test/helpers/stores.js';
import { appliedMigrations, migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';

const NAMES = MIGRATIONS.map((m) => m.name);

describe('migrations', () => {
  it('are named by timestamp, in order, never twice', () => {
    assert.ok(NAMES.every((n) => /^\d{8}T\d{6}-[a-z-]+$/u.test(n)), NAMES.join(', '));
    assert.deepEqual([...NAMES].sort(), NAMES);
    assert.equal(new Set(NAMES).size, NAMES.length);
  });

  it('build the whole schema from an empty database, and do nothing the second time', () => {
    const dir = tempDir();
    const db = new BetterSqlite3(join(dir, 'x.db'));
    assert.deepEqual(migrate(db, 'x.db'), NAMES);
    assert.deepEqual(migrate(db, 'x.db'), []);
    assert.deepEqual(appliedMigrations(db), NAMES);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts_%' ORDER BY name").all()
      .map((r) => (r as { name: string }).name);
    assert.deepEqual(tables, ['article', 'article_lsh', 'cluster_member', 'event', 'event_cluster', 'schema_migration', 'sentence', 'sentence_fts', 'title_fts']);
    db.close();
    rmSync(dir, { recursive: true });
  });

  it('bring a database of the first schema up to date, indexing and clustering what it holds', async () => {
    const dir = tempDir();
    const file = join(dir, 'old.db');
    const old = await openSqliteStore(file, { migrateTo: NAMES[0] as string });
    assert.deepEqual(appliedMigrations(old.db), [NAMES[0]]);
    const text = 'وصل الوفد السوري أمس وبموسكو عقدت المحادثات. وقّع الجانبان اتفاقاً.';
    for (const [i, outlet] of ['Wire A', 'Wire B'].entries()) {
      const id = Number(old.db.prepare(`INSERT INTO article (content_hash, title, published_date, outlet, source_key, lang, origin, text, ingested_at)
        VALUES (?, 'محادثات موسكو', '2026-07-14', ?, ?, 'ar', 'old', ?, '2026-07-14T00:00:00Z')`).run(`h${i}`, outlet, outlet.toLowerCase(), text).lastInsertRowid);
      const s0 = Number(old.db.prepare('INSERT INTO sentence (article_id, seq, span_start, span_end) VALUES (?, 0, 0, 45)').run(id).lastInsertRowid);
      old.db.prepare('INSERT INTO sentence (article_id, seq, span_start, span_end) VALUES (?, 1, 46, ?)').run(id, text.length);
      old.db.prepare(`INSERT INTO event (article_id, sentence_id, source, target, type, domains, modality, intensity, evidence_start, evidence_end, event_date)
        VALUES (?, ?, 'SYR', 'RUS', 'CONSULT', 'diplomatic', 'asserted', 1, 0, 45, '2026-07-13')`).run(id, s0);
    }
    await old.close();

    const store = await openSqliteStore(file);
    assert.deepEqual(appliedMigrations(store.db), NAMES);
    const hits = await store.search({ text: 'موسكو' });
    assert.equal(hits.length, 2, 'stored sentences were indexed by the search migration');
    assert.deepEqual(hits[0]?.sentences.map((s) => s.seq), [0]);
    const [e] = await store.events({ distinct: true });
    assert.deepEqual(e?.cluster && [e.cluster.numArticles, e.cluster.numSources, e.cluster.numMentions], [2, 2, 2], 'stored events were clustered');
    await store.close();
    rmSync(dir, { recursive: true });
  });

  it('trim the event indexes of a filled store of the previous schema, every query answering as before', async () => {
    const dir = tempDir();
    const file = join(dir, 'filled.db');
    const previous = NAMES[NAMES.indexOf('20261129T220000-lean-event-indexes') - 1] as string;
    const old = await openSqliteStore(file, { migrateTo: previous, batchSize: 7 });
    const actors = ['SYR', 'RUS', 'USA', 'TUR', 'IRN'];
    const types: Array<[EventType, number]> = [['CONSULT', 1], ['AGREE', 3], ['AID', 6], ['ACCUSE', -2], ['ASSAULT', -9]];
    const modalities: Modality[] = ['asserted', 'asserted', 'asserted', 'future', 'negated'];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 120; i++) {
      const date = `2026-0${1 + next(6)}-${String(10 + next(18))}`;
      const events = Array.from({ length: 1 + next(3) }, (_, k) => {
        const source = actors[next(actors.length)] as string;
        const target = actors.filter((x) => x !== source)[next(actors.length - 1)] as string;
        const [type, intensity] = types[next(types.length)] as [EventType, number];
        return { source, target, type, intensity, modality: modalities[next(modalities.length)] as Modality, sentence: k,
          domains: next(2) === 0 ? ['diplomatic' as const] : ['military' as const, 'security' as const],
          ...(next(5) === 0 ? { eventDate: undefined, datePrecision: undefined } : { eventDate: date }) };
      });
      await old.addArticle(makeArticle({
        text: `Report ${i} opens here. Officials met again. A third sentence follows.`, title: `Report ${i}`, date,
        outlet: ['Wire A', 'Wire B', 'Wire C'][next(3)] as string, events,
      }));
    }
    const answers = async (store: SqliteStore): Promise<unknown[]> => [
      await store.events({ dyad: ['SYR', 'RUS'], limit: 50 }),
      await store.events({ dyad: ['SYR', 'RUS'], directed: true }),
      await store.events({ dyad: ['RUS', 'USA'], since: '2026-02-01', until: '2026-04-30' }),
      await store.events({ actor: 'TUR', limit: 20 }),
      await store.events({ actor: 'IRN', since: '2026-03-01' }),
      await store.events({ distinct: true, type: 'ASSAULT' }),
      await store.events({ domain: 'military', modality: 'asserted', limit: 30 }),
      await store.events({ afterId: 40, limit: 25 }),
      await store.dyadEvents({ a: 'SYR', b: 'RUS' }),
      await store.dyadEvents({ a: 'USA', b: 'TUR', since: '2026-02-01', until: '2026-05-31' }),
      await store.dyadOutlets({ a: 'SYR', b: 'RUS' }),
      await store.strongestActs({ pairs: [['SYR', 'RUS'], ['RUS', 'SYR'], ['USA', 'IRN']], sign: 'cooperative', limit: 2 }),
      await store.strongestActs({ pairs: [['TUR', 'USA']], sign: 'conflictual', since: '2026-03-01' }),
      await store.evidenceRows([1, 5, 9, 30]),
      await store.actorLinks({}),
      await store.actorLinks({ since: '2026-02-01', modalities: ['asserted', 'future'] }),
      await store.actorsPresent(['SYR', 'IRN', 'ZZZ']),
      await store.stats(),
    ];
    const before = await answers(old);
    await old.close();

    const store = await openSqliteStore(file);
    try {
      assert.deepEqual(appliedMigrations(store.db), NAMES);
      const indexes = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'event' AND sql IS NOT NULL ORDER BY name").pluck().all();
      assert.deepEqual(indexes, ['event_article', 'event_date', 'event_dyad_events', 'event_pair_links', 'event_pair_strength', 'event_target_dyad']);
      assert.ok((before[0] as unknown[]).length > 0 && (before[8] as unknown[]).length > 0 && (before[14] as unknown[]).length > 0, 'the store answers');
      assert.deepEqual(await answers(store), before);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true });
    }
  });

  it('refuse a database written by a newer Mizan', async () => {
    const dir = tempDir();
    const file = join(dir, 'new.db');
    const current = await openSqliteStore(file);
    current.db.prepare("INSERT INTO schema_migration VALUES ('29991231T000000-future', 'x')").run();
    await current.close();
    await assert.rejects(openSqliteStore(file), (err: unknown) => err instanceof MizanError && err.code === 'MIZAN_E_STORE' && /newer Mizan/u.test(err.message));
    rmSync(dir, { recursive: true });
  });
});
