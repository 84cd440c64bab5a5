import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalize } from './normalize.js';
import { arabicReadings, tokenize } from './tokenize.js';

test('tokens carry original offsets and normalized forms', () => {
  const src = "Russia's envoy, وبموسكو ١٢";
  const toks = tokenize(normalize(src));
  assert.deepEqual(toks.map((t) => t.norm), ['russia', 'envoy', ',', 'وبموسكو', '12']);
  assert.equal(toks[0]?.possessive, true);
  for (const t of toks) assert.ok(src.slice(t.start, t.end).length > 0);
  assert.equal(src.slice(toks[3]!.start, toks[3]!.end), 'وبموسكو');
});

test('Arabic proclitic chains are split off for matching, the unsplit reading first', () => {
  const stems = (w: string) => arabicReadings(normalize(w).text).map((r) => r.stem);
  assert.ok(stems('وبموسكو').includes('موسكو'));
  assert.ok(stems('للأمم').includes('امم'));
  assert.ok(stems('والروسية').includes('روسيه'));
  assert.ok(stems('فبالعراق').includes('عراق'));
  assert.ok(stems('لسوريا').includes('سوريا'));
  assert.equal(stems('روسيا')[0], 'روسيا');
});

test('property: tokens lie inside the input, in order', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      let prev = 0;
      for (const t of tokenize(normalize(s))) {
        assert.ok(t.start >= prev && t.start < t.end && t.end <= s.length);
        prev = t.start;
      }
    }),
    { numRuns: 300 },
  );
});
