import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WordCache } from './word-cache.js';

test('a word cache gives the same value back per sort, kind and word, computes once, and starts afresh at its limit', () => {
  const cache = new WordCache(3);
  const values = cache.sort<string[]>(['lat', 'cyr']);
  const other = cache.sort<string[]>(['lat']);
  let computed = 0;
  const keys = (w: string): string[] => {
    computed++;
    return [w, w.toUpperCase()];
  };
  const first = values.get('lat', 'talks', keys, 'talks');
  assert.equal(values.get('lat', 'talks', keys, 'talks'), first);
  assert.notEqual(values.get('cyr', 'talks', keys, 'talks'), first, 'kinds are apart');
  assert.notEqual(other.get('lat', 'talks', keys, 'talks'), first, 'sorts are apart');
  assert.equal(computed, 3);
  assert.throws(() => values.get('ar', 'talks', keys, 'talks'), RangeError);
  for (const w of ['a', 'b']) values.get('lat', w, keys, w);
  // The fourth word found the cache full: it was emptied, so "talks" is computed anew.
  values.get('lat', 'c', keys, 'c');
  assert.notEqual(values.get('lat', 'talks', keys, 'talks'), first);
  assert.equal(computed, 7);
});
