import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SeqIndex } from './seq-index.js';
import { SentenceMatches, TaggedIndex, type Dictionary } from './tagged-index.js';

const keysOfTokens = (tokens: string[][]) => (k: number): readonly string[] => tokens[k] ?? [];

test('each dictionary finds its own longest entries, in the order they were added', () => {
  const index = new TaggedIndex();
  const cues = index.dictionary<string>();
  const triggers = index.dictionary<string>();
  cues.add(['not'], 'negation');
  triggers.add(['s:attack'], 'attack');
  triggers.add(['s:attack', 'on'], 'attack on');
  cues.add(['s:attack'], 'cue attack');
  triggers.add(['s:attack', 'on'], 'attack on (2)');
  const tokens = [['not'], ['attacks', 's:attack'], ['on'], ['it']];
  const keysOf = keysOfTokens(tokens);
  assert.deepEqual(cues.matchAt(0, 4, keysOf).map((m) => m.value), ['negation']);
  assert.deepEqual(triggers.matchAt(0, 4, keysOf), []);
  const at1 = index.matchAll(1, 4, keysOf);
  assert.deepEqual(at1[0]?.map((m) => [m.value, m.end]), [['cue attack', 2]]);
  assert.deepEqual(at1[1]?.map((m) => [m.value, m.end]), [['attack on', 3], ['attack on (2)', 3]]);
  // Resuming after a subject: only entries of two words or more, their second word found at token 2.
  assert.deepEqual(triggers.matchAt(0, 4, keysOfTokens([['s:attack'], ['x'], ['on']]), 2).map((m) => [m.value, m.end]), [['attack on', 3], ['attack on (2)', 3]]);
});

test('entries added after matching are found (remembered first nodes start afresh)', () => {
  const index = new TaggedIndex();
  const d = index.dictionary<number>();
  const keys = ['b'];
  d.add(['a'], 1);
  assert.deepEqual(d.matchAt(0, 1, () => keys), []);
  d.add(['b'], 2);
  assert.deepEqual(d.matchAt(0, 1, () => keys).map((m) => m.value), [2]);
  // A word that ended every entry it started goes on after this one.
  const tokens = [['b'], ['c']];
  assert.deepEqual(d.matchAt(0, 2, keysOfTokens(tokens)).map((m) => m.value), [2]);
  d.add(['b', 'c'], 3);
  assert.deepEqual(d.matchAt(0, 2, keysOfTokens(tokens)).map((m) => [m.value, m.end]), [[3, 2]]);
});

test('a sentence\'s matches walk each position once and refuse a dictionary of another index', () => {
  const index = new TaggedIndex();
  const a = index.dictionary<string>();
  const b = index.dictionary<string>();
  a.add(['x', 'y'], 'xy');
  b.add(['x'], 'x');
  let asked = 0;
  const tokens = [['x'], ['y']];
  const matches = new SentenceMatches(index, 2, (k) => {
    asked++;
    return tokens[k] ?? [];
  });
  assert.deepEqual(matches.at(a, 0).map((m) => m.value), ['xy']);
  const afterFirst = asked;
  assert.deepEqual(matches.at(b, 0).map((m) => m.value), ['x']);
  assert.equal(asked, afterFirst, 'the second dictionary reuses the walk');
  assert.throws(() => matches.at(new TaggedIndex().dictionary<string>(), 0));
});

const KEY = fc.constantFrom('a', 'b', 'c', 'd', 'e');

const dictionaries = fc.record({
  tags: fc.integer({ min: 1, max: 4 }),
  entries: fc.array(fc.record({ tag: fc.nat(3), keys: fc.array(KEY, { minLength: 1, maxLength: 4 }) }), { maxLength: 40 }),
  // Tokens offer several keys, sometimes none, sometimes the same key twice.
  tokens: fc.array(fc.array(KEY, { maxLength: 4 }), { maxLength: 9 }),
});

test('property: every dictionary of a tagged index matches as a plain index of its own entries', () => {
  fc.assert(
    fc.property(dictionaries, ({ tags, entries, tokens }) => {
      const index = new TaggedIndex();
      const dicts = Array.from({ length: tags }, () => index.dictionary<number>());
      const plain = Array.from({ length: tags }, () => new SeqIndex<number>());
      entries.forEach((e, id) => {
        const t = e.tag % tags;
        dicts[t]?.add(e.keys, id);
        plain[t]?.add(e.keys, id);
      });
      const n = tokens.length;
      const keysOf = keysOfTokens(tokens);
      const sentence = new SentenceMatches(index, n, keysOf);
      for (let i = 0; i < n; i++) {
        for (let t = 0; t < tags; t++) {
          const dict = dicts[t] as Dictionary<number>;
          const reference = plain[t] as SeqIndex<number>;
          const expected = reference.matchAt(i, n, keysOf);
          assert.deepEqual(sentence.at(dict, i), expected);
          assert.deepEqual(index.matchAll(i, n, keysOf)[t], expected);
          for (let resume = i + 1; resume <= n; resume++) assert.deepEqual(dict.matchAt(i, n, keysOf, resume), reference.matchAt(i, n, keysOf, resume));
        }
      }
    }),
    { numRuns: 500 },
  );
});
