import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalize } from '../text/normalize.js';
import { highlights, indexTerms, parseQuery, readings, spanTerms } from './search-terms.js';

describe('search terms', () => {
  it('index every Arabic word under its clitic-free readings, so a bare word finds its prefixed forms', () => {
    assert.deepEqual(readings('وبموسكو'), ['وبموسكو', 'بموسكو', 'موسكو']);
    assert.deepEqual(readings('moscow'), ['moscow']);
    const terms = indexTerms('وبموسكو والدفاع').split(' ');
    for (const t of ['موسكو', 'بموسكو', 'الدفاع', 'دفاع']) assert.ok(terms.includes(t), t);
  });

  it('index normalized text: diacritics, letter variants and ё folded, lower case', () => {
    assert.equal(indexTerms('وقّع'), indexTerms('وقع'));
    assert.equal(indexTerms('Договорённость'), 'договоренность');
    assert.ok(indexTerms('سورية').split(' ').includes('سوريه'));
  });

  it('index the part of a text a span covers, in original offsets', () => {
    const text = 'Первое. Второе ёмкое.';
    assert.equal(spanTerms(normalize(text), { start: 8, end: text.length }), 'второе емкое');
  });

  it('turn a query into an FTS5 expression: words required, quoted words near, prefixes', () => {
    assert.deepEqual(parseQuery('Moscow  talks'), { fts: '"moscow" AND "talks"', terms: [{ term: 'moscow', prefix: false }, { term: 'talks', prefix: false }] });
    assert.equal(parseQuery('"وزير الدفاع" موسكو')?.fts, 'NEAR("وزير" "الدفاع", 4) AND "موسكو"');
    assert.equal(parseQuery('москв*')?.fts, '"москв" *');
    assert.equal(parseQuery('a"b OR c)')?.fts, '"a" AND "b" AND "or" AND "c"', 'operators and quotes are never passed through');
    assert.equal(parseQuery('  ?! '), undefined);
  });

  it('highlight the original words whose readings match, clitics and diacritics included', () => {
    const text = 'وقّعت دمشق وموسكو اتفاقاً في موسكو.';
    const spans = highlights(text, [{ term: 'موسكو', prefix: false }]);
    assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['وموسكو', 'موسكو']);
    const ru = 'Москва и москвичи';
    assert.deepEqual(highlights(ru, [{ term: 'москв', prefix: true }]).map((s) => ru.slice(s.start, s.end)), ['Москва', 'москвичи']);
  });
});
