import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mapSpan, normalize, normalizeKey } from './normalize.js';

test('Arabic diacritics and tatweel are removed, letter variants folded', () => {
  assert.equal(normalize('سُوريَّةُ').text, 'سوريه');
  assert.equal(normalize('إسرائيل').text, 'اسراييل');
  assert.equal(normalize('مـــوسكو').text, 'موسكو');
  assert.equal(normalize('آمنة مصطفى').text, 'امنه مصطفي');
  assert.equal(normalize('ﻻ').text, 'لا');
});

test('Arabic-Indic and Persian digits become ASCII, Persian letters fold', () => {
  assert.equal(normalize('٢٠١٥ و۱۴').text, '2015 و14');
  assert.equal(normalize('کی').text, 'كي');
});

test('Russian ё folds to е and case is lowered', () => {
  assert.equal(normalize('Ещё Объединённые').text, 'еще объединенные');
});

test('every normalized unit maps back into the original text', () => {
  const src = 'وَقَّعَتْ روسيا، والـــسوريّة ٢٠٢٦';
  const n = normalize(src);
  assert.equal(n.map.length, n.text.length + 1);
  const i = n.text.indexOf('روسيا');
  const span = mapSpan(n, i, i + 5);
  assert.equal(src.slice(span.start, span.end), 'روسيا');
  const j = n.text.indexOf('والسوريه');
  const s2 = mapSpan(n, j, j + 'والسوريه'.length);
  assert.equal(src.slice(s2.start, s2.end), 'والـــسوريّة');
});

test('normalizeKey collapses white space', () => {
  assert.equal(normalizeKey('  الأمم   المتحدة '), 'الامم المتحده');
});

test('property: never throws, map is monotone and inside the input', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      const n = normalize(s);
      assert.equal(n.map.length, n.text.length + 1);
      let prev = 0;
      for (const m of n.map) {
        assert.ok(m >= prev && m <= s.length);
        prev = m;
      }
      for (let a = 0; a < n.text.length; a += 3) {
        const sp = mapSpan(n, a, Math.min(n.text.length, a + 4));
        assert.ok(sp.start >= 0 && sp.start <= sp.end && sp.end <= s.length);
      }
    }),
    { numRuns: 300 },
  );
});
