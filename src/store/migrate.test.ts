import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { MizanError } from '../core/errors.js';
import { tempDir } from '../../test/helpers/stores.js';
import { appliedMigrations, migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { openSqliteStore } from './sqlite-store.js';

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
