import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld } from '../../test/fixtures/analytics/world.js';
import { ingestCorpus, type CorpusStore } from '../../test/helpers/corpus.js';
import { STORE_BACKENDS } from '../../test/helpers/stores.js';
import { MizanError } from '../core/errors.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { buildBrief, toHtml, toMarkdown, type Brief, type Claim } from './brief.js';

/** Every claim of a brief. */
const claims = (b: Brief): Claim[] => [b.overview, ...b.domains, b.alignment].flatMap((s) => s.claims);
/** Claims that may stand without a citation: those that say nothing was found. */
const NOTHING = /were found in the stored reporting|No asserted events link|لم يُعثر في التغطية المخزّنة|لا تربط أي وقائع/u;

for (const backend of STORE_BACKENDS) {
  describe(`brief on a hand-built world (${backend.name})`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await backend.open());
      await buildWorld(store);
    });
    after(() => cleanup());

    it('says so when a domain holds no events, and cites nothing for it', async () => {
      const b = await buildBrief(store, 'SYR', 'RUS', { lang: 'en' });
      const military = b.domains.find((d) => d.domain === 'military');
      assert.deepEqual(military?.claims, [{ text: 'No military events between Syria and Russia were found in the stored reporting for this period.', cites: [] }]);
      const ar = await buildBrief(store, 'SYR', 'RUS', { lang: 'ar' });
      assert.equal(ar.domains.find((d) => d.domain === 'military')?.claims[0]?.text,
        'لم يُعثر في التغطية المخزّنة على أي حدث بين سوريا وروسيا في المجال العسكري خلال هذه الفترة.');
      const empty = await buildBrief(store, 'SYR', 'RUS', { lang: 'en', since: '2027-01-01' });
      assert.equal(empty.overview.claims[0]?.text, 'No events between Syria and Russia were found in the stored reporting for this period.');
      assert.equal(empty.citations.length, 0);
    });

    it('states the figures of the profile and cites every other claim', async () => {
      const b = await buildBrief(store, 'SYR', 'RUS', { lang: 'en' });
      assert.match(b.overview.claims[0]?.text ?? '', /^The store holds 5 events between Syria and Russia, told in 6 reports across 3 articles from 2 outlets/u);
      assert.match(b.overview.claims[1]?.text ?? '', /^3 of 5 events \(60%\) are reported as acts that took place; 1 \(20%\) is talk: 1 announced or planned; 1 \(20%\) is denied/u);
      for (const c of claims(b)) assert.ok(c.cites.length > 0 || NOTHING.test(c.text), c.text);
      assert.deepEqual(b.citations.map((c) => c.n), b.citations.map((_, i) => i + 1));
      const turkey = b.alignment.claims.find((c) => c.text.startsWith('Türkiye'));
      assert.equal(turkey?.text, 'Türkiye, on the side of Syria: cooperative with Syria (+3.0 over 1 act), conflictual with Russia (−2.0 over 1 act); the triad does not balance.');
      assert.deepEqual(turkey?.cites.map((n) => b.citations[n - 1]?.event.type), ['SUPPORT', 'ACCUSE']);
    });

    it('escapes untrusted article text in Markdown and HTML', async () => {
      const b = await buildBrief(store, 'TUR', 'RUS', { lang: 'en' });
      assert.ok(b.citations.some((c) => c.text.includes('<script>')));
      const html = toHtml(b);
      assert.doesNotMatch(html, /<script/iu);
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/u);
      const md = toMarkdown(b);
      assert.doesNotMatch(md, /<script/iu);
      assert.doesNotMatch(md, /[^\\]\]\(javascript:/u);
    });

    it('refuses unknown actors', async () => {
      await assert.rejects(buildBrief(store, 'SYR', 'ZZZ', { lang: 'ar' }), (e: unknown) => e instanceof MizanError && e.code === 'MIZAN_E_NOT_FOUND' && /ZZZ/u.test(e.message));
    });
  });
}

describe('brief on the example corpus', () => {
  let corpus: CorpusStore;
  let store: SqliteStore;
  const briefs: Brief[] = [];
  before(async () => {
    corpus = ingestCorpus();
    store = await openSqliteStore(corpus.db, { mustExist: true });
    for (const [a, b, lang] of [['SYR', 'RUS', 'en'], ['SYR', 'RUS', 'ar'], ['ISR', 'LBN', 'en'], ['JOR', 'SYR', 'ar']] as const) {
      briefs.push(await buildBrief(store, a, b, { lang }));
    }
  });
  after(async () => {
    await store.close();
    corpus.cleanup();
  });

  it('quotes only sentences that stand in the store at the cited offsets', () => {
    const article = corpus.sql.prepare<[number], { text: string; outlet: string | null; url: string | null; published_date: string | null }>(
      'SELECT text, outlet, url, published_date FROM article WHERE id = ?');
    const sentence = corpus.sql.prepare<[number], { article_id: number; span_start: number; span_end: number }>(
      'SELECT article_id, span_start, span_end FROM sentence WHERE id = ?');
    let quoted = 0;
    for (const b of briefs) {
      for (const c of b.citations) {
        const a = article.get(c.articleId);
        assert.ok(a, `article ${c.articleId}`);
        assert.equal(a.text.slice(c.start, c.end), c.text, `[${c.n}] at ${c.articleId}:${c.start}–${c.end}`);
        const s = sentence.get(c.sentenceId);
        assert.equal(s?.article_id, c.articleId);
        assert.ok(s && s.span_start <= c.start && c.end <= s.span_end, 'inside its sentence');
        assert.deepEqual([c.outlet, c.url, c.published], [a.outlet, a.url, a.published_date]);
        quoted++;
      }
    }
    assert.ok(quoted > 20, `${quoted} quotations checked`);
  });

  it('cites every claim that is not a statement that nothing was found, with citations that exist', () => {
    for (const b of briefs) {
      const numbers = new Set(b.citations.map((c) => c.n));
      for (const c of claims(b)) {
        assert.ok(c.cites.length > 0 || NOTHING.test(c.text), `${b.dyad.a.code}-${b.dyad.b.code} ${b.lang}: ${c.text}`);
        for (const n of c.cites) assert.ok(numbers.has(n));
      }
      for (const d of b.domains) assert.ok((d.events === 0) === (d.claims.length === 1 && d.claims[0]?.cites.length === 0), `${d.domain}`);
    }
  });

  it('counts the same events in the overview as the store holds', () => {
    const syrRus = briefs[0] as Brief;
    const events = corpus.sql.prepare(`SELECT COUNT(DISTINCT cluster_id) AS n FROM event
      WHERE (source = 'SYR' AND target = 'RUS') OR (source = 'RUS' AND target = 'SYR')`).get() as { n: number };
    assert.match(syrRus.overview.claims[0]?.text ?? '', new RegExp(`^The store holds ${events.n} events between Syria and Russia`, 'u'));
    assert.match(briefs[1]?.overview.claims[0]?.text ?? '', new RegExp(`^رُصد بين سوريا وروسيا ما مجموعه ${events.n} حدثاً`, 'u'));
    assert.equal(syrRus.table.reduce((t, r) => Math.max(t, r.events), 0) <= events.n, true);
  });

  it('writes Arabic right to left, in a standalone HTML file that prints, and the JSON as it is', () => {
    const ar = briefs[1] as Brief;
    const html = toHtml(ar);
    assert.match(html, /^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/u);
    assert.match(html, /@media print/u);
    assert.doesNotMatch(html, /<script|<link |src="http/u, 'no scripts, no external resources');
    assert.match(html, /<h1>العلاقة بين سوريا وروسيا: مذكرة تحليلية<\/h1>/u);
    assert.match(toHtml(briefs[0] as Brief), /<html lang="en" dir="ltr">/u);
    assert.deepEqual(JSON.parse(JSON.stringify(ar)), ar);
    const md = toMarkdown(ar);
    assert.match(md, /^# العلاقة بين سوريا وروسيا: مذكرة تحليلية$/mu);
    assert.match(md, /^## الاصطفافات الإقليمية$/mu);
  });
});
