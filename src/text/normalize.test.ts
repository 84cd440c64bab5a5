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

/**
 * The plain definition of normalization, one code point at a time (NFKC outside ASCII, the Arabic block and
 * Cyrillic, then the folds), against which the fast paths of `normalize` are checked.
 */
function referenceNormalize(input: string, lowercase: boolean, foldArabic: boolean): { text: string; map: number[] } {
  const FOLDS: Record<string, string> = {
    'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي', 'ک': 'ك', 'ی': 'ي', 'ے': 'ي', 'ە': 'ه',
    'ھ': 'ه', 'ۀ': 'ه', 'ڤ': 'ف', 'گ': 'ك', 'ﻻ': 'لا', 'ё': 'е', 'Ё': 'е', '\u2019': "'", '\u2018': "'", '\u02BC': "'",
  };
  const dropped = (c: number): boolean => (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670
    || (c >= 0x06d6 && c <= 0x06dc) || (c >= 0x06df && c <= 0x06e8) || (c >= 0x06ea && c <= 0x06ed) || c === 0x0640
    || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff || c === 0x00ad;
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < input.length;) {
    const cp = input.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp).length === 2 ? input.slice(i, i + 2) : input.slice(i, i + 1);
    const plain = cp < 0x80 || (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0400 && cp <= 0x04ff);
    for (const part of plain ? ch : ch.normalize('NFKC')) {
      const c = part.codePointAt(0) as number;
      let f: string;
      if (dropped(c)) f = '';
      else if (c >= 0x0660 && c <= 0x0669) f = String(c - 0x0660);
      else if (c >= 0x06f0 && c <= 0x06f9) f = String(c - 0x06f0);
      else if ((foldArabic || part === 'ё' || part === 'Ё') && FOLDS[part] !== undefined) f = FOLDS[part] as string;
      else f = lowercase ? part.toLowerCase() : part;
      for (const unit of f.split('')) {
        text += unit;
        map.push(i);
      }
    }
    i += ch.length;
  }
  map.push(input.length);
  return { text, map };
}

test('normalize agrees with the plain per-code-point definition, offsets included', () => {
  const unit = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 1 }),
    fc.constantFrom(...'أإآٱىةؤئکیےەھۀڤگﻻёЁАЯЀЏѠѡӀ٣۵ًٌَُِّْـ\u200b\ufeffﷺﬁ①ÅÄ\u2019'),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  );
  const text = fc.array(unit, { maxLength: 50 }).map((xs) => xs.join(''));
  for (const [lowercase, foldArabic] of [[true, true], [false, true], [true, false], [false, false]] as const) {
    fc.assert(fc.property(text, (t) => {
      const got = normalize(t, { lowercase, foldArabic });
      const want = referenceNormalize(t, lowercase, foldArabic);
      assert.equal(got.text, want.text);
      assert.deepEqual([...got.map], want.map);
    }), { numRuns: 2000 });
  }
  // Expansions beyond the input's length (one ligature becomes 18 letters) grow the buffers.
  const long = `${'ﷺ'.repeat(500)}abc`;
  assert.equal(normalize(long).text, referenceNormalize(long, true, true).text);
});
