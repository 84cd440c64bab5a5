import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { buildWorld } from '../../test/fixtures/analytics/world.js';
import { ingestCorpus } from '../../test/helpers/corpus.js';
import { STORE_BACKENDS, tempDir } from '../../test/helpers/stores.js';
import { dyadEvents, dyadOutlets } from './analytics.repository.js';
import type { DyadEventRow, OutletRow } from './analytics.types.js';
import type { StoreDatabase } from './database.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store, StoredEvent } from './store.js';

/**
 * What dyadEvents should return, computed one stored report at a time from the event list: a row per event
 * (cluster, or the report alone without one), direction and set of domains.
 */
function expectedDyadEvents(events: readonly StoredEvent[], a: string): DyadEventRow[] {
  const rows = new Map<string, DyadEventRow>();
  for (const e of [...events].sort((x, y) => x.id - y.id)) {
    const cluster = e.cluster?.id ?? -e.id;
    const domains = e.domains.join(';');
    const key = `${cluster}|${e.source}|${domains}`;
    const r = rows.get(key);
    if (!r) {
      rows.set(key, { cluster, domains, first: e.id, fromA: e.source === a, type: e.type, modality: e.modality, intensity: e.intensity, mentions: 1, day: e.eventDate });
      continue;
    }
    r.intensity += e.intensity;
    r.mentions++;
    if (e.eventDate !== null && (r.day === null || e.eventDate < r.day)) r.day = e.eventDate;
  }
  return sortRows([...rows.values()]);
}

/** What dyadOutlets should return, computed one stored report at a time from the event list. */
function expectedOutlets(events: readonly StoredEvent[]): OutletRow[] {
  const rows = new Map<string, OutletRow>();
  const articles = new Map<string, Set<number>>();
  for (const e of events) {
    const outlet = e.article.outlet ?? '';
    const key = `${outlet}|${e.modality}|${e.domains.join(';')}`;
    const r = rows.get(key) ?? { outlet, modality: e.modality, domains: e.domains.join(';'), reports: 0, articles: 0, firstPublished: null, lastPublished: null };
    rows.set(key, r);
    r.reports++;
    const s = rows.get(outlet) ?? { outlet, modality: null, domains: null, reports: 0, articles: 0, firstPublished: null, lastPublished: null };
    rows.set(outlet, s);
    s.reports++;
    articles.set(outlet, (articles.get(outlet) ?? new Set()).add(e.article.id));
    const published = e.article.publishedDate;
    if (published !== null && (s.firstPublished === null || published < s.firstPublished)) s.firstPublished = published;
    if (published !== null && (s.lastPublished === null || published > s.lastPublished)) s.lastPublished = published;
  }
  for (const [outlet, ids] of articles) (rows.get(outlet) as OutletRow).articles = ids.size;
  return sortRows([...rows.values()]);
}

/** Rows in one order, to compare sets of rows. */
function sortRows<T>(rows: T[]): T[] {
  return rows.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
}

for (const backend of STORE_BACKENDS) {
  describe(`analytics reads (${backend.name})`, () => {
    const withWorld = async (fn: (store: Store) => Promise<void>): Promise<void> => {
      const { store, cleanup } = await backend.open();
      try {
        await buildWorld(store);
        await fn(store);
      } finally {
        await cleanup();
      }
    };

    it('groups a dyad\'s reports by event and domains, both directions, with the first report and its direction', () => withWorld(async (store) => {
      const rows = await store.dyadEvents({ a: 'SYR', b: 'RUS' });
      assert.equal(rows.length, 6, 'five events, the agreement coded with two sets of domains');
      assert.equal(new Set(rows.map((r) => r.cluster)).size, 5);
      const agree = rows.filter((r) => r.type === 'AGREE').sort((x, y) => x.first - y.first);
      assert.equal(agree.length, 2);
      assert.equal(agree[0]?.cluster, agree[1]?.cluster);
      assert.deepEqual(agree.map((r) => [r.domains, r.fromA, r.mentions, r.intensity]), [['economic;energy', true, 1, 3], ['economic', false, 1, 3]]);
      assert.ok(rows.every((r) => r.day !== null));
      const window = await store.dyadEvents({ a: 'RUS', b: 'SYR', since: '2026-08-01' });
      assert.deepEqual(window.map((r) => r.type).sort(), ['ACCUSE', 'REJECT']);
      assert.ok(window.every((r) => r.fromA === (r.type === 'REJECT')), 'fromA is relative to the first code asked for');
    }));

    it('groups every report of a dyad once, as the stored events counted one by one do', () => withWorld(async (store) => {
      for (const [a, b] of [['SYR', 'RUS'], ['RUS', 'SYR'], ['TUR', 'SYR'], ['ISR', 'RUS']] as const) {
        for (const window of [{}, { since: '2026-07-02' }, { until: '2026-07-01' }]) {
          const listed = await store.events({ dyad: [a, b], ...window });
          assert.deepEqual(sortRows(await store.dyadEvents({ a, b, ...window })), expectedDyadEvents(listed, a), `${a}-${b} ${JSON.stringify(window)}`);
          assert.deepEqual(sortRows(await store.dyadOutlets({ a, b, ...window })), expectedOutlets(listed), `${a}-${b} ${JSON.stringify(window)}`);
        }
      }
    }));

    it('counts what each outlet reported of a dyad, with a summary row per outlet', () => withWorld(async (store) => {
      const rows = await store.dyadOutlets({ a: 'SYR', b: 'RUS' });
      const summary = rows.filter((r) => r.modality === null).sort((x, y) => x.outlet.localeCompare(y.outlet));
      assert.deepEqual(summary.map((r) => [r.outlet, r.reports, r.articles, r.firstPublished, r.lastPublished]),
        [['Post', 2, 1, '2026-07-02', '2026-07-02'], ['Wire', 4, 2, '2026-07-01', '2026-08-10']]);
      const wire = rows.filter((r) => r.outlet === 'Wire' && r.modality !== null);
      assert.equal(wire.reduce((t, r) => t + r.reports, 0), 4);
      assert.deepEqual(wire.filter((r) => r.modality === 'negated').map((r) => r.domains), ['diplomatic']);
    }));

    it('finds the strongest act of a directed pair at the top of the index, within a window', () => withWorld(async (store) => {
      const [coop] = await store.strongestActs({ pairs: [['RUS', 'SYR'], ['SYR', 'RUS']], sign: 'cooperative', limit: 1 });
      const [row] = await store.evidenceRows([coop as number]);
      assert.equal(row?.type, 'AID', 'the +6 aid delivery, not the +3 agreement');
      assert.equal(row?.text, 'Russia sent aid to Syria.');
      const conf = await store.strongestActs({ pairs: [['SYR', 'RUS']], sign: 'conflictual' });
      assert.equal((await store.evidenceRows(conf))[0]?.type, 'ACCUSE');
      assert.deepEqual(await store.strongestActs({ pairs: [['RUS', 'SYR']], sign: 'conflictual' }), [], 'the denied refusal is no act');
      assert.deepEqual(await store.strongestActs({ pairs: [['SYR', 'RUS']], sign: 'conflictual', until: '2026-07-31' }), []);
    }));

    it('reads evidence rows in the order asked, with the text at their offsets and the reach of their event', () => withWorld(async (store) => {
      const all = await store.events({ dyad: ['SYR', 'RUS'], type: 'AGREE' });
      const ids = all.map((e) => e.id).sort((x, y) => y - x);
      const rows = await store.evidenceRows([...ids, 999_999]);
      assert.deepEqual(rows.map((r) => r.eventId), ids);
      for (const r of rows) {
        assert.deepEqual(r.reports, { articles: 2, sources: 2 });
        assert.equal(r.text, all.find((e) => e.id === r.eventId)?.evidenceText);
        assert.ok(r.sentence.start <= r.evidence.start && r.evidence.end <= r.sentence.end);
      }
    }));

    it('links every pair by distinct asserted events, either way, and says which codes occur', () => withWorld(async (store) => {
      const links = await store.actorLinks();
      assert.deepEqual(links.map((l) => [l.a, l.b, l.events, l.mentions, l.intensity, l.cooperativeReports, l.conflictualReports]).sort(), [
        ['ISR', 'SYR', 1, 1, -9, 0, 1],
        ['RUS', 'SYR', 3, 4, 10, 3, 1],
        ['RUS', 'TUR', 1, 1, -2, 0, 1],
        ['SYR', 'TUR', 1, 1, 3, 1, 0],
      ]);
      const talk = await store.actorLinks({ modalities: ['future', 'negated'] });
      assert.deepEqual(talk.map((l) => [l.a, l.b, l.events]), [['RUS', 'SYR', 2]]);
      assert.deepEqual(await store.actorLinks({ since: '2026-08-15' }), [
        { a: 'RUS', b: 'TUR', events: 1, mentions: 1, intensity: -2, cooperativeReports: 0, conflictualReports: 1 },
        { a: 'SYR', b: 'TUR', events: 1, mentions: 1, intensity: 3, cooperativeReports: 1, conflictualReports: 0 },
      ]);
      assert.deepEqual((await store.actorsPresent(['TUR', 'XYZ', 'ISR'])).sort(), ['ISR', 'TUR']);
    }));
  });
}

describe('analytics reads of a report without an event (sqlite)', () => {
  it('take it as an event of its own, beside the grouped ones', async () => {
    const dir = tempDir();
    const store = await openSqliteStore(join(dir, 'loose.db'));
    try {
      await buildWorld(store);
      const aid = (await store.events({ dyad: ['RUS', 'SYR'], type: 'AID' })).find((e) => e.modality === 'asserted');
      assert.ok(aid);
      // A cluster deleted under its reports leaves them without one (ON DELETE SET NULL).
      store.db.prepare('UPDATE event SET cluster_id = NULL WHERE id = ?').run(aid.id);
      const rows = await store.dyadEvents({ a: 'SYR', b: 'RUS' });
      const loose = rows.find((r) => r.cluster === -aid.id);
      assert.deepEqual(loose && [loose.first, loose.fromA, loose.type, loose.mentions, loose.intensity], [aid.id, false, 'AID', 1, 6]);
      assert.deepEqual(sortRows(rows), expectedDyadEvents(await store.events({ dyad: ['SYR', 'RUS'] }), 'SYR'));
      const link = (await store.actorLinks()).find((l) => l.a === 'RUS' && l.b === 'SYR');
      assert.equal(link?.events, 3, 'the loose report still counts once');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('analytics reads of the example corpus (sqlite)', () => {
  it('group every dyad\'s reports as the stored events counted one by one do', async () => {
    const corpus = ingestCorpus();
    const store = await openSqliteStore(corpus.db, { mustExist: true });
    try {
      const pairs = corpus.sql.prepare('SELECT DISTINCT MIN(source, target) AS source, MAX(source, target) AS target FROM event').all() as Array<{ source: string; target: string }>;
      assert.ok(pairs.length >= 15, `${pairs.length} dyads`);
      for (const { source: a, target: b } of pairs) {
        const listed = await store.events({ dyad: [a, b] });
        assert.deepEqual(sortRows(await store.dyadEvents({ a, b })), expectedDyadEvents(listed, a), `${a}-${b}`);
        assert.deepEqual(sortRows(await store.dyadOutlets({ a, b })), expectedOutlets(listed), `${a}-${b}`);
      }
    } finally {
      await store.close();
      corpus.cleanup();
    }
  });
});

describe('analytics query plans (sqlite)', () => {
  it('read a dyad from covering indexes and group its events in index order, without sorting', async () => {
    const dir = tempDir();
    const store = await openSqliteStore(join(dir, 'plans.db'));
    try {
      await buildWorld(store);
      store.db.exec('ANALYZE');
      const queries: CompiledQuery[] = [];
      const k = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: store.db }), log: (e) => {
        queries.push(e.query);
      } });
      const plan = (q: CompiledQuery): string[] => (store.db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as Array<{ detail: string }>)
        .map((r) => r.detail);
      await dyadEvents(k, { a: 'SYR', b: 'RUS' });
      const events = plan(queries.pop() as CompiledQuery);
      assert.deepEqual(events.filter((d) => d.startsWith('SEARCH')),
        Array(4).fill(0).map((_, i) => `SEARCH e USING COVERING INDEX event_dyad_events (source=? AND target=? AND cluster_id${i % 2 ? '=' : '>'}?)`), events.join('\n'));
      assert.ok(!events.some((d) => d.includes('TEMP B-TREE')), events.join('\n'));
      await dyadOutlets(k, { a: 'SYR', b: 'RUS' });
      for (const q of queries.splice(0)) {
        const reads = plan(q).filter((d) => d.startsWith('SEARCH e '));
        assert.ok(reads.length === 2 && reads.every((d) => d.includes('COVERING INDEX event_dyad_events')), reads.join('\n'));
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
