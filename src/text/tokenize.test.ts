import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lowerBound, mapSpan, normalize } from './normalize.js';
import { arabicReadings, tokenize, type Token } from './tokenize.js';

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

/** The tokenizer as a regular expression (how it was written before it scanned code units): the reference. */
function tokenizeByExpression(n: ReturnType<typeof normalize>, span?: { start: number; end: number }): Token[] {
  const WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}]+)?|[^\s\p{L}\p{N}\p{M}]/gu;
  const kindOf = (w: string): Token['kind'] => {
    const c = w.codePointAt(0) ?? 0;
    if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x08ff)) return 'ar';
    if (c >= 0x0400 && c <= 0x04ff) return 'cyr';
    if (/\p{N}/u.test(w[0] as string)) return 'num';
    if (/\p{Script=Latin}/u.test(w[0] as string)) return 'lat';
    if (/[\p{L}\p{M}]/u.test(w[0] as string)) return 'other';
    return 'punct';
  };
  const tokens: Token[] = [];
  const from = span ? lowerBound(n.map, span.start) : 0;
  const to = span ? lowerBound(n.map, span.end) : n.text.length;
  const slice = n.text.slice(from, to);
  for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
    let norm = m[0];
    const kind = kindOf(norm);
    const s = from + m.index;
    const { start, end } = mapSpan(n, s, s + norm.length);
    const tok: Token = { start, end, norm, kind };
    if (kind === 'ar' && n.source !== undefined && /ة[\u064B-\u0652]*$/u.test(n.source.slice(start, end))) tok.taMarbuta = true;
    if (kind === 'lat' && n.source !== undefined) {
      const orig = n.source.slice(start, end).replace(/['’]s$/u, '');
      if (orig.length >= 2 && /^[A-Z]+$/u.test(orig)) tok.upper = true;
    }
    const apos = norm.indexOf("'");
    if (apos > 0 && kind === 'lat') {
      const tail = norm.slice(apos + 1);
      if (tail === 's' || tail === '') {
        norm = norm.slice(0, apos);
        tok.norm = norm;
        tok.possessive = true;
      }
    }
    tokens.push(tok);
  }
  return tokens;
}

test('property: the scanner tokenizes as the regular expression does, flags and offsets included', () => {
  const pieces = ['US', "UN's", 'Russia’s', "it's", "a'", "'s", "ab'c1", 'x\u0301', 'مدينةٌ', 'الحكومة', 'ةَ', 'Москва', 'Ё', '٣', ' ', '\u00a0', '\n', ',', '.',
    '\ud835\udc00', '\ud800', '\udc00', '\ud840\udc00', 'Ⅻ', 'ǅ', '𝟙', '\u0640', '\ufeff', '\u200b', '-', '«', '’', "'"];
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((xs) => xs.join('')),
  );
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
      const n = normalize(s);
      assert.deepEqual(tokenize(n), tokenizeByExpression(n));
      const span = { start: Math.min(a, b) % (s.length + 1), end: Math.max(a, b) % (s.length + 1) };
      if (span.start <= span.end) assert.deepEqual(tokenize(n, span), tokenizeByExpression(n, span));
    }),
    { numRuns: 3000 },
  );
});
