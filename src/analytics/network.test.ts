import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildWorld } from '../../test/fixtures/analytics/world.js';
import { ingestCorpus, type CorpusStore } from '../../test/helpers/corpus.js';
import { STORE_BACKENDS } from '../../test/helpers/stores.js';
import { MizanError } from '../core/errors.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { toGraphml, xmlEscape } from './graphml.js';
import { alignmentNetwork } from './network.js';

for (const backend of STORE_BACKENDS) {
  describe(`alignment network on a hand-built world (${backend.name})`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await backend.open());
      await buildWorld(store);
    });
    after(() => cleanup());

    it('links actors by asserted events, one weight per event however often reported', async () => {
      const n = await alignmentNetwork(store);
      assert.deepEqual(n.edges.map((e) => [e.a, e.b, e.events, e.weight, e.mean]), [
        ['ISR', 'SYR', 1, -9, -9], ['RUS', 'SYR', 3, 7.5, 2.5], ['RUS', 'TUR', 1, -2, -2], ['SYR', 'TUR', 1, 3, 3],
      ]);
      assert.deepEqual(n.nodes.map((x) => x.code), ['ISR', 'RUS', 'SYR', 'TUR']);
      const syr = n.nodes.find((x) => x.code === 'SYR');
      assert.deepEqual(syr?.partners.map((t) => t.code), ['RUS', 'TUR']);
      assert.deepEqual(syr?.adversaries.map((t) => t.code), ['ISR']);
      assert.equal(syr?.name.en, 'Syria');
      assert.equal(syr?.name.ar, 'سوريا');
    });

    it('names the one triad, Syria–Russia–Türkiye, as unbalanced: Türkiye backs Syria and criticises Russia', async () => {
      const n = await alignmentNetwork(store);
      assert.deepEqual([n.balance.triads, n.balance.balanced, n.balance.share], [1, 0, 0]);
      assert.deepEqual(n.balance.unbalanced[0]?.actors, ['RUS', 'SYR', 'TUR']);
    });

    it('shows how third parties stand towards a dyad', async () => {
      const n = await alignmentNetwork(store, { dyad: ['SYR', 'RUS'] });
      assert.deepEqual(n.dyad?.link?.weight, 7.5);
      assert.deepEqual(n.dyad?.parties.map((p) => [p.code, p.stance, p.withA?.weight ?? null, p.withB?.weight ?? null, p.balanced]), [
        ['ISR', 'opposed-to-a', -9, null, null],
        ['TUR', 'sides-with-a', 3, -2, false],
      ]);
    });

    it('drops links with fewer events than asked, and keeps to the window', async () => {
      assert.deepEqual((await alignmentNetwork(store, { minEvents: 2 })).edges.map((e) => `${e.a}-${e.b}`), ['RUS-SYR']);
      assert.deepEqual((await alignmentNetwork(store, { since: '2026-08-15' })).nodes.map((x) => x.code), ['RUS', 'SYR', 'TUR']);
      await assert.rejects(alignmentNetwork(store, { minEvents: 0 }), (e: unknown) => e instanceof MizanError && e.code === 'MIZAN_E_USAGE');
      await assert.rejects(alignmentNetwork(store, { dyad: ['SYR', 'QQQ'] }), (e: unknown) => e instanceof MizanError && e.code === 'MIZAN_E_NOT_FOUND');
    });

    it('writes well-formed GraphML with every actor and link', async () => {
      const xml = toGraphml(await alignmentNetwork(store));
      assert.equal(XMLValidator.validate(xml), true);
      const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as { graphml: { graph: { node: unknown[]; edge: Array<Record<string, string>> } } };
      assert.equal(doc.graphml.graph.node.length, 4);
      assert.deepEqual(doc.graphml.graph.edge.map((e) => `${e['@_source']}-${e['@_target']}`), ['ISR-SYR', 'RUS-SYR', 'RUS-TUR', 'SYR-TUR']);
      assert.equal(xmlEscape('<a & "b">\u0001'), '&lt;a &amp; &quot;b&quot;&gt;');
    });
  });
}

describe('alignment network on the example corpus', () => {
  let corpus: CorpusStore;
  let store: SqliteStore;
  before(async () => {
    corpus = ingestCorpus();
    store = await openSqliteStore(corpus.db, { mustExist: true });
  });
  after(async () => {
    await store.close();
    corpus.cleanup();
  });

  it('weighs Syria–Russia as SQL over its asserted events does, and makes it the busiest link', async () => {
    const n = await alignmentNetwork(store);
    const link = n.edges.find((e) => e.a === 'RUS' && e.b === 'SYR');
    const row = corpus.sql.prepare(`SELECT COUNT(DISTINCT cluster_id) AS events, COUNT(*) AS mentions, SUM(intensity) AS sum FROM event
      WHERE modality = 'asserted' AND ((source = 'SYR' AND target = 'RUS') OR (source = 'RUS' AND target = 'SYR'))`).get() as { events: number; mentions: number; sum: number };
    assert.equal(link?.events, row.events);
    assert.equal(link?.mentions, row.mentions);
    assert.ok(Math.abs((link?.weight ?? NaN) - (row.sum * row.events) / row.mentions) < 1e-9);
    assert.equal(Math.max(...n.edges.map((e) => e.events)), row.events, 'Syria–Russia is the densest dyad of the corpus');
    const actors = corpus.sql.prepare(`SELECT COUNT(*) AS n FROM (SELECT source AS c FROM event WHERE modality = 'asserted' AND source <> target
      UNION SELECT target FROM event WHERE modality = 'asserted' AND source <> target)`).get() as { n: number };
    assert.equal(n.nodes.length, actors.n);
  });

  it('assigns every actor to one bloc, the same way on every run', async () => {
    const [x, y] = [await alignmentNetwork(store), await alignmentNetwork(store)];
    assert.deepEqual(x.blocs, y.blocs);
    assert.equal(x.blocs.flatMap((b) => b.members).length, x.nodes.length);
    assert.ok(x.balance.triads > 0 && x.balance.share !== null);
  });
});
