import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld } from '../../test/fixtures/analytics/world.js';
import { ingestCorpus, type CorpusStore } from '../../test/helpers/corpus.js';
import { STORE_BACKENDS } from '../../test/helpers/stores.js';
import { MizanError } from '../core/errors.js';
import { DOMAINS } from '../core/types.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { dyadProfile } from './dyad.js';

for (const backend of STORE_BACKENDS) {
  describe(`dyad profile on a hand-built world (${backend.name})`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await backend.open());
      await buildWorld(store);
    });
    after(() => cleanup());

    it('counts an event once however many outlets report it, and weighs only acts in the balance', async () => {
      const p = await dyadProfile(store, 'SYR', 'RUS');
      assert.deepEqual([p.all.events, p.all.mentions, p.articles], [5, 6, 3]);
      assert.deepEqual(p.all.factVsSpeech.byModality, { asserted: 3, negated: 1, future: 1, speculative: 0, normative: 0 });
      assert.equal(p.all.factVsSpeech.assertedShare, 0.6);
      const b = p.all.balance;
      assert.deepEqual([b.acts, b.sum, b.cooperative, b.conflictual, b.neutral], [3, 7, 2, 1, 0]);
      assert.equal(b.mean, 7 / 3);
      assert.deepEqual(b.talk, { events: 1, mean: 6 });
      assert.deepEqual(p.all.types.map((t) => [t.type, t.events, t.acts]), [['AID', 2, 1], ['AGREE', 1, 1], ['ACCUSE', 1, 1], ['REJECT', 1, 0]]);
    });

    it('gives each event the direction of its first report, and each domain the events any report put in it', async () => {
      const p = await dyadProfile(store, 'SYR', 'RUS');
      assert.deepEqual(p.all.direction, [{ source: 'SYR', target: 'RUS', events: 2, acts: 2 }, { source: 'RUS', target: 'SYR', events: 3, acts: 1 }]);
      const by = Object.fromEntries(p.domains.map((d) => [d.domain, d.events]));
      assert.deepEqual(by, { military: 0, security: 0, diplomatic: 2, economic: 1, energy: 1, transport: 0, humanitarian: 2, rights: 0 });
      const economic = p.domains.find((d) => d.domain === 'economic');
      assert.equal(economic?.mentions, 2);
      assert.equal(economic?.evidence[0]?.text, 'Syria and Russia signed a deal.', 'the first report is quoted');
      assert.deepEqual(p.domains.find((d) => d.domain === 'military')?.evidence, []);
    });

    it('trends over the months of the reporting period, and says nothing from too few acts', async () => {
      const p = await dyadProfile(store, 'SYR', 'RUS', { by: 'month' });
      assert.deepEqual([p.window.trendFrom, p.window.trendTo, p.window.first, p.window.last], ['2026-07-01', '2026-08-10', '2026-07-01', '2026-08-10']);
      assert.deepEqual(p.all.trend.periods.map((x) => [x.period, x.acts, x.mean, x.talk, x.negated]), [['2026-07', 2, 4.5, 1, 0], ['2026-08', 1, -2, 0, 1]]);
      assert.equal(p.all.trend.summary.tone, 'insufficient');
      const weeks = await dyadProfile(store, 'SYR', 'RUS', { by: 'week' });
      assert.equal(weeks.all.trend.periods[0]?.period, '2026-06-29');
      assert.equal(weeks.all.trend.periods.length, 7);
      assert.equal(weeks.all.trend.periods.reduce((t, x) => t + x.acts, 0), 3);
    });

    it('keeps to the window asked for', async () => {
      const p = await dyadProfile(store, 'RUS', 'SYR', { since: '2026-08-01', until: '2026-08-31' });
      assert.deepEqual([p.all.events, p.all.balance.acts, p.all.direction[0].events], [2, 1, 1]);
      assert.equal(p.window.since, '2026-08-01');
      const none = await dyadProfile(store, 'RUS', 'SYR', { since: '2027-01-01' });
      assert.equal(none.all.events, 0);
      assert.deepEqual(none.all.trend.periods, []);
      assert.equal(none.domains.length, DOMAINS.length);
    });

    it('refuses unknown actors, a pair of one actor and bad dates', async () => {
      await assert.rejects(dyadProfile(store, 'SYR', 'XYZ'), (e: unknown) => e instanceof MizanError && e.code === 'MIZAN_E_NOT_FOUND' && /"XYZ"/u.test(e.message));
      await assert.rejects(dyadProfile(store, 'SYR', 'SYR'), (e: unknown) => e instanceof MizanError && e.code === 'MIZAN_E_USAGE');
      await assert.rejects(dyadProfile(store, 'SYR', 'RUS', { since: '2026-13-01' }), (e: unknown) => e instanceof MizanError && e.code === 'MIZAN_E_USAGE');
      await assert.rejects(dyadProfile(store, 'SYR', 'RUS', { since: '2026-09-01', until: '2026-08-01' }), (e: unknown) => e instanceof MizanError && e.code === 'MIZAN_E_USAGE');
    });
  });
}

describe('dyad profile on the example corpus', () => {
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
  const PAIR = "((source = 'SYR' AND target = 'RUS') OR (source = 'RUS' AND target = 'SYR'))";
  const one = (q: string): number => Number(Object.values(corpus.sql.prepare(q).get() as Record<string, unknown>)[0] ?? 0);
  const events = (where = '1 = 1'): number => one(`SELECT COUNT(DISTINCT COALESCE(cluster_id, -id)) FROM event WHERE ${PAIR} AND ${where}`);

  it('counts Syria–Russia events, reports, acts, articles and outlets as SQL over the stored events does', async () => {
    const p = await dyadProfile(store, 'SYR', 'RUS');
    assert.ok(p.all.events >= 20, `${p.all.events} SYR–RUS events: the densest dyad of the corpus`);
    assert.equal(p.all.events, events());
    assert.equal(p.all.mentions, one(`SELECT COUNT(*) FROM event WHERE ${PAIR}`));
    assert.equal(p.all.balance.acts, events("modality = 'asserted'"));
    assert.equal(p.all.factVsSpeech.byModality.future, events("modality = 'future'"));
    assert.equal(p.articles, one(`SELECT COUNT(DISTINCT article_id) FROM event WHERE ${PAIR}`));
    assert.equal(p.outlets.length, one(`SELECT COUNT(DISTINCT a.outlet) FROM event e JOIN article a ON a.id = e.article_id WHERE ${PAIR.replace(/(source|target)/gu, 'e.$1')}`));
    const mean = one(`SELECT AVG(i) FROM (SELECT AVG(intensity) AS i FROM event WHERE ${PAIR} AND modality = 'asserted' GROUP BY COALESCE(cluster_id, -id))`);
    assert.ok(Math.abs((p.all.balance.mean ?? NaN) - mean) < 1e-9);
  });

  it('counts every domain and type, and the direction of first reports, as SQL does', async () => {
    const p = await dyadProfile(store, 'SYR', 'RUS');
    for (const d of p.domains) {
      assert.equal(d.events, events(`(';' || domains || ';') LIKE '%;${d.domain};%'`), d.domain);
      for (const t of d.types) assert.equal(t.events, events(`(';' || domains || ';') LIKE '%;${d.domain};%' AND type = '${t.type}'`), `${d.domain} ${t.type}`);
    }
    assert.ok(p.domains.filter((d) => d.events > 0).length >= 5, 'the README lists military, diplomatic, economic, energy, transport, humanitarian and rights acts');
    const first = (source: string): number => one(`SELECT COUNT(*) FROM event WHERE source = '${source}' AND id IN
      (SELECT MIN(id) FROM event WHERE ${PAIR} GROUP BY COALESCE(cluster_id, -id))`);
    assert.deepEqual(p.all.direction.map((d) => d.events), [first('SYR'), first('RUS')]);
    assert.ok(p.all.direction.every((d) => d.events > 0), 'each side initiates');
  });

  it('quotes evidence that stands in the article at its offsets, in its domain, strongest first', async () => {
    const p = await dyadProfile(store, 'SYR', 'RUS', { by: 'week' });
    const text = corpus.sql.prepare<[number], { text: string }>('SELECT text FROM article WHERE id = ?');
    for (const d of [p.all, ...p.domains]) {
      for (const e of d.evidence) {
        assert.equal(text.get(e.articleId)?.text.slice(e.evidence.start, e.evidence.end), e.text);
        if (d.domain !== 'all') assert.ok(e.domains.includes(d.domain), `${e.eventId} in ${d.domain}`);
      }
      const acts = d.evidence.map((e) => e.modality === 'asserted');
      assert.deepEqual(acts, [...acts].sort((x, y) => Number(y) - Number(x)), 'acts before talk');
    }
    assert.equal(p.all.trend.periods.reduce((t, x) => t + x.acts + x.talk + x.negated, 0) <= p.all.events, true);
  });

  it('keeps to a window: July only', async () => {
    const p = await dyadProfile(store, 'SYR', 'RUS', { since: '2026-07-01', until: '2026-07-31' });
    assert.equal(p.all.events, events("event_date BETWEEN '2026-07-01' AND '2026-07-31'"));
    assert.ok(p.all.events > 0 && p.all.events < events());
  });
});

