import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MizanError } from '../core/errors.js';
import { makeArticle } from '../../test/helpers/articles.js';
import { STORE_BACKENDS } from '../../test/helpers/stores.js';
import type { Store } from './store.js';

const WITH_CLITICS = 'وصل الوفد السوري أمس وبموسكو عقدت المحادثات مع المسؤولين الروس. وأعلن الجانبان اتفاقاً جديداً.';

for (const backend of STORE_BACKENDS) {
  describe(`Store contract (${backend.name})`, () => {
    const withStore = async (fn: (store: Store) => Promise<void>, options = {}): Promise<void> => {
      const { store, cleanup } = await backend.open(options);
      try {
        await fn(store);
      } finally {
        await cleanup();
      }
    };

    it('stores an article with its sentences and events, and finds it by content hash', () => withStore(async (store) => {
      const a = makeArticle({
        text: 'Syria and Russia signed a deal on Monday. Turkey criticised it.', title: 'Deal signed', outlet: 'Wire', date: '2026-07-14',
        events: [{ source: 'SYR', target: 'RUS', type: 'AGREE', sentence: 0 }, { source: 'TUR', target: 'SYR', type: 'ACCUSE', sentence: 1 }],
      });
      const r = await store.addArticle(a);
      assert.equal(r.status, 'added');
      assert.equal(r.clustersCreated, 2);
      assert.equal(await store.findByContentHash(a.contentHash), r.articleId);
      assert.equal(await store.findByContentHash('hash:nothing'), undefined);
      const events = await store.events();
      assert.equal(events.length, 2);
      const accuse = events.find((e) => e.type === 'ACCUSE');
      assert.equal(accuse?.evidenceText, 'Turkey criticised it.');
      assert.equal(accuse?.article.outlet, 'Wire');
      assert.equal(accuse?.eventDate, '2026-07-14');
      const stats = await store.stats();
      assert.equal(stats.articles.total, 1);
      assert.equal(stats.sentences.total, 2);
      assert.deepEqual(stats.events.byModality, { asserted: 2 });
    }));

    it('stores nothing twice: the same content hash is a duplicate', () => withStore(async (store) => {
      const a = makeArticle({ text: 'Jordan and Syria reopened a crossing.', events: [{ source: 'JOR', target: 'SYR', type: 'COOPERATE' }] });
      const first = await store.addArticle(a);
      const again = await store.addArticle({ ...a, meta: { ...a.meta, origin: 'elsewhere' } });
      assert.deepEqual(again, { status: 'duplicate', articleId: first.articleId, clustersCreated: 0, clustersJoined: 0 });
      assert.equal((await store.stats()).articles.total, 1);
      assert.equal((await store.events()).length, 1);
    }));

    it('stores an article whole or not at all: a failure in its third event leaves nothing of it', () => withStore(async (store) => {
      await store.addArticle(makeArticle({ text: 'Iraq hosted Syrian officials.', date: '2026-07-01', events: [{ source: 'IRQ', target: 'SYR', type: 'CONSULT' }] }));
      const before = await store.stats();
      const bad = makeArticle({
        text: 'Russia sent wheat to Syria. Syria thanked Russia. Something odd happened.', title: 'Wheat', date: '2026-07-02',
        events: [
          { source: 'RUS', target: 'SYR', type: 'AID', sentence: 0 },
          { source: 'SYR', target: 'RUS', type: 'SUPPORT', sentence: 1 },
          { source: 'RUS', target: 'SYR', type: 'NOT_A_TYPE' as never, sentence: 2 },
        ],
      });
      await assert.rejects(store.addArticle(bad), (err: unknown) => err instanceof MizanError && err.code === 'MIZAN_E_INPUT');
      assert.deepEqual(await store.stats(), before);
      assert.equal(await store.findByContentHash(bad.contentHash), undefined);
      assert.deepEqual(await store.search({ text: 'wheat' }), []);
      assert.deepEqual(await store.nearDuplicateCandidates(bad.bands), []);
      const fixed = { ...bad, events: bad.events.slice(0, 2) };
      assert.equal((await store.addArticle(fixed)).status, 'added');
      assert.equal((await store.stats()).events.total, 3);
    }));

    it('filters events by dyad (either way or directed), actor, type, domain, modality and dates', () => withStore(async (store) => {
      await store.addArticle(makeArticle({ text: 'One. Two. Three. Four.', date: '2026-06-10', events: [
        { source: 'SYR', target: 'RUS', type: 'CONSULT', sentence: 0 },
        { source: 'RUS', target: 'SYR', type: 'AID', sentence: 1, domains: ['humanitarian', 'energy'] },
        { source: 'ISR', target: 'SYR', type: 'ASSAULT', sentence: 2, domains: ['military'], eventDate: '2026-06-08' },
        { source: 'RUS', target: 'SYR', type: 'AGREE', sentence: 3, modality: 'future', eventDate: '2026-09-01' },
      ] }));
      const types = async (f: Parameters<Store['events']>[0]): Promise<string[]> => (await store.events(f)).map((e) => e.type).sort();
      assert.deepEqual(await types({ dyad: ['SYR', 'RUS'] }), ['AGREE', 'AID', 'CONSULT']);
      assert.deepEqual(await types({ dyad: ['RUS', 'SYR'], directed: true }), ['AGREE', 'AID']);
      assert.deepEqual(await types({ actor: 'ISR' }), ['ASSAULT']);
      assert.deepEqual(await types({ actor: 'SYR', type: 'ASSAULT' }), ['ASSAULT']);
      assert.deepEqual(await types({ domain: 'energy' }), ['AID']);
      assert.deepEqual(await types({ domain: 'economic' }), []);
      assert.deepEqual(await types({ modality: 'future' }), ['AGREE']);
      assert.deepEqual(await types({ since: '2026-06-09', until: '2026-06-30' }), ['AID', 'CONSULT']);
      const recent = await store.events({ limit: 2 });
      assert.deepEqual(recent.map((e) => e.eventDate), ['2026-09-01', '2026-06-10']);
      const paged = await store.events({ afterId: recent[1]?.id ?? 0, limit: 10 });
      assert.ok(paged.every((e, i, all) => i === 0 || e.id > (all[i - 1]?.id ?? 0)));
    }));

    it('clusters reports of one event across articles, counting articles and distinct sources', () => withStore(async (store) => {
      const report = (outlet: string, date: string, source = 'SYR', target = 'RUS', type: 'CONSULT' | 'ACCUSE' = 'CONSULT') =>
        makeArticle({ text: `${outlet} reports on ${date} ${source} ${type}.`, outlet, date, events: [{ source, target, type }] });
      const a = await store.addArticle(report('Wire A', '2026-07-13'));
      const b = await store.addArticle(report('Wire B', '2026-07-14', 'RUS', 'SYR'));
      const c = await store.addArticle(report('Wire A', '2026-07-15'));
      await store.addArticle(report('Wire C', '2026-07-20'));
      await store.addArticle(report('Wire C', '2026-07-14', 'RUS', 'SYR', 'ACCUSE'));
      await store.addArticle(report('Wire D', '2026-07-14', 'SYR', 'RUS', 'ACCUSE'));
      assert.equal(a.clustersCreated, 1);
      assert.deepEqual([b.clustersCreated, b.clustersJoined], [0, 1]);
      assert.deepEqual([c.clustersCreated, c.clustersJoined], [0, 1]);
      const consult = (await store.events({ type: 'CONSULT' })).find((e) => e.eventDate === '2026-07-13');
      assert.deepEqual(consult?.cluster && { n: consult.cluster.numArticles, s: consult.cluster.numSources, m: consult.cluster.numMentions },
        { n: 3, s: 2, m: 3 });
      assert.deepEqual([consult?.cluster?.firstDate, consult?.cluster?.lastDate], ['2026-07-13', '2026-07-15']);
      const distinct = await store.events({ distinct: true });
      assert.equal(distinct.filter((e) => e.type === 'CONSULT').length, 2, 'a report 7 days later is another event');
      assert.equal(distinct.filter((e) => e.type === 'ACCUSE').length, 2, 'ACCUSE is directed: RUS→SYR and SYR→RUS differ');
      assert.deepEqual((await store.stats()).clusters, { total: 4, multiArticle: 1 });
    }));

    it('searches normalized, clitic-split text: "موسكو" finds "وبموسكو", е finds ё, and highlights the words', () => withStore(async (store) => {
      await store.addArticle(makeArticle({ text: WITH_CLITICS, lang: 'ar', title: 'محادثات في العاصمة الروسية', date: '2026-07-14' }));
      await store.addArticle(makeArticle({ text: 'Стороны достигли договорённостей в среду.', lang: 'ru', date: '2026-07-08' }));
      await store.addArticle(makeArticle({ text: 'Talks in Moscow ended on Tuesday.', lang: 'en', title: 'Moscow talks', date: '2026-07-15' }));
      const [hit] = await store.search({ text: 'موسكو' });
      assert.equal(hit?.sentences.length, 1);
      const s = hit?.sentences[0];
      assert.deepEqual(s?.highlights.map((h) => s.text.slice(h.start, h.end)), ['وبموسكو']);
      const ru = await store.search({ text: 'договоренностей' });
      assert.equal(ru.length, 1);
      assert.deepEqual(ru[0]?.sentences[0]?.highlights.map((h) => ru[0]?.sentences[0]?.text.slice(h.start, h.end)), ['договорённостей']);
      assert.equal((await store.search({ text: 'договор*' })).length, 1, 'a prefix query');
      assert.equal((await store.search({ text: 'الروسيه' })).length, 1, 'title words are searched too (ة folded to ه)');
      const en = await store.search({ text: 'moscow' });
      assert.deepEqual(en[0]?.titleHighlights, [{ start: 0, end: 6 }]);
      assert.equal((await store.search({ text: 'moscow', lang: 'ar' })).length, 0);
      assert.equal((await store.search({ text: 'talks', since: '2026-07-16' })).length, 0);
      assert.equal((await store.search({ text: '"talks moscow"' })).length, 1, 'quoted words must stand near one another');
      assert.equal((await store.search({ text: 'moscow wheat' })).length, 0, 'every word is required');
    }));

    it('returns articles sharing an LSH band as near-duplicate candidates', () => withStore(async (store) => {
      const a = makeArticle({ text: 'A wire story.', bands: [11, 12, 13] });
      const r = await store.addArticle(a);
      assert.deepEqual(await store.nearDuplicateCandidates([99, 12]), [{ id: r.articleId, text: 'A wire story.' }]);
      assert.deepEqual(await store.nearDuplicateCandidates([98, 99]), []);
      const near = makeArticle({ text: 'A wire story, reprinted.', bands: [12, 40] });
      const r2 = await store.addArticle({ ...near, nearDuplicateOf: { id: r.articleId, similarity: 0.8 } });
      assert.equal((await store.stats()).articles.nearDuplicates, 1);
      assert.equal((await store.search({ text: 'reprinted' }))[0]?.article.nearDuplicateOf, r.articleId);
      assert.equal(r2.status, 'added');
    }));

  });
}
