import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LastMemo } from './last-memo.js';

test('a last-key memo gives back the value of the last key only', () => {
  const memo = new LastMemo<object, number>();
  const a = {};
  const b = {};
  assert.equal(memo.get(a), undefined);
  memo.set(a, 1);
  assert.equal(memo.get(a), 1);
  assert.equal(memo.get(b), undefined);
  memo.set(b, 2);
  assert.equal(memo.get(b), 2);
  assert.equal(memo.get(a), undefined, 'a is forgotten once b is set');
});
