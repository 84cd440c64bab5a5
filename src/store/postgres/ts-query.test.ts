import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toTsQuery } from './ts-query.js';

describe('tsquery of a search', () => {
  it('requires every word, normalized as the index is', () => {
    assert.equal(toTsQuery('Moscow  talks'), "'moscow' & 'talks'");
    assert.equal(toTsQuery('договорённостей'), "'договоренностей'");
    assert.equal(toTsQuery('الروسية'), "'الروسيه'");
  });

  it('reads a trailing * as a prefix', () => {
    assert.equal(toTsQuery('договор*'), "'договор':*");
  });

  it('asks quoted neighbours to stand within 2n positions of each other, either way', () => {
    const q = toTsQuery('"talks moscow"') as string;
    assert.ok(q.startsWith("'talks' & 'moscow' & ("), q);
    assert.ok(q.includes("'talks' <1> 'moscow' | 'moscow' <1> 'talks'") && q.includes("'moscow' <4> 'talks'") && !q.includes('<5>'), q);
  });

  it('has no query without a word', () => {
    assert.equal(toTsQuery(''), undefined);
    assert.equal(toTsQuery('" ! ?'), undefined);
  });
});
