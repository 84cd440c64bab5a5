import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WordCache } from './word-cache.js';

test('a word cache gives the same value back per kind and word, computes once, and starts afresh at its limit', () => {
  const cache = new WordCache<string[]>(3);
  let computed = 0;
  const keys = (w: string): string[] => {
    computed++;
    return [w, w.toUpperCase()];
  };
  const first = cache.get('lat', 'talks', keys, 'talks');
  assert.equal(cache.get('lat', 'talks', keys, 'talks'), first);
  assert.notEqual(cache.get('cyr', 'talks', keys, 'talks'), first, 'kinds are apart');
  assert.equal(computed, 2);
  for (const w of ['a', 'b', 'c']) cache.get('lat', w, keys, w);
  // The fourth word of a kind found the cache full: it was emptied, so "talks" is computed anew.
  assert.notEqual(cache.get('lat', 'talks', keys, 'talks'), first);
  assert.equal(computed, 6);
});
