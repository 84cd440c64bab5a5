/** Property tests: normalization, sentence splitting and tokenization over random Unicode never throw, and every offset they give slices the input. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertSpan, newsText, RUNS, wellFormed } from '../../test/hardening/arbitraries.js';
import { scriptLanguage } from './langid.js';
import { mapSpan, normalize, normalizeKey } from './normalize.js';
import { splitSentences } from './segment.js';
import { arabicReadings, tokenize } from './tokenize.js';

const anyText = fc.oneof(newsText(300), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }));

describe('normalize', () => {
  it('maps every unit of its output to an offset of the input, in order, ending at the input length', () => {
    fc.assert(fc.property(anyText, (input) => {
      const n = normalize(input);
      assert.equal(n.map.length, n.text.length + 1);
      assert.equal(n.map[n.text.length], input.length);
      for (let i = 0; i < n.text.length; i++) {
        const at = n.map[i] as number;
        assert.ok(at >= 0 && at < input.length, `map[${i}] = ${at}`);
        assert.ok(at <= (n.map[i + 1] as number), `map decreases at ${i}`);
      }
      assert.equal(normalize(n.text).text, n.text, 'normalizing twice changes nothing');
      assert.equal(typeof normalizeKey(input), 'string');
    }), { numRuns: RUNS });
  });

  it('maps any span of its output back to a span of the input', () => {
    fc.assert(fc.property(anyText, fc.nat(), fc.nat(), (input, a, b) => {
      const n = normalize(input);
      const [s, e] = [a % (n.text.length + 1), b % (n.text.length + 1)].sort((x, y) => x - y) as [number, number];
      assertSpan(input, mapSpan(n, s, e), `mapSpan(${s}, ${e})`);
    }), { numRuns: RUNS });
  });
});

describe('splitSentences', () => {
  it('gives ordered, disjoint, non-empty spans without outer white space, each holding a letter or digit', () => {
    fc.assert(fc.property(anyText, (text) => {
      let last = 0;
      for (const s of splitSentences(text)) {
        assertSpan(text, s, 'sentence', true);
        assert.ok(s.start >= last, 'sentences overlap or go back');
        last = s.end;
        const slice = text.slice(s.start, s.end);
        assert.equal(slice, slice.replace(/^\s+|\s+$/gu, ''), 'white space at an edge');
        assert.match(slice, /[\p{L}\p{N}]/u);
        if (wellFormed(text)) assert.ok(wellFormed(slice), 'a sentence cuts a surrogate pair');
      }
    }), { numRuns: RUNS });
  });
});

describe('tokenize', () => {
  it('gives ordered tokens, starting inside their sentence, whose offsets slice the input', () => {
    fc.assert(fc.property(anyText, (text) => {
      const n = normalize(text);
      for (const s of splitSentences(text)) {
        let last = s.start;
        for (const t of tokenize(n, s)) {
          assertSpan(text, t, `token "${t.norm}"`, true);
          assert.ok(t.start >= last && t.start < s.end, `token [${t.start}, ${t.end}) starts outside sentence [${s.start}, ${s.end}) or out of order`);
          last = t.start;
          if (t.kind === 'ar') for (const r of arabicReadings(t.norm)) assert.equal(typeof r, 'object');
        }
      }
      assert.ok(['ar', 'en', 'ru', 'und'].includes(scriptLanguage(text)));
    }), { numRuns: RUNS });
  });

  // Found by the property above: a token followed by characters normalization drops (U+FEFF, U+200B…)
  // once reached over them, past its sentence's end. Arabic marks written on its last letter stay in it.
  it('ends every token inside its sentence, with the marks on its last letter', () => {
    const text = 'ا\uFEFF';
    const [s] = splitSentences(text);
    const [t] = tokenize(normalize(text), s);
    assert.ok(s && t);
    assert.ok(t.end <= s.end, `token [${t.start}, ${t.end}) ends past sentence [${s.start}, ${s.end})`);
    const marked = 'زارَ\u200B الوزير';
    const [w] = tokenize(normalize(marked), { start: 0, end: marked.length });
    assert.equal(marked.slice(w?.start, w?.end), 'زارَ');
  });
});

describe('segmentation of runs of letters and dots', () => {
  // A run of "a." once took quadratic time (each dot looked back over the whole run); the time is measured in
  // `npm run bench`. Here: the run is still split the same way, whatever its length.
  it('splits "Talks. Talks." at every dot followed by a space and keeps "a.a.a" whole', () => {
    assert.equal(splitSentences('Talks. '.repeat(50)).length, 50);
    assert.equal(splitSentences('a.'.repeat(5_000)).length, 1);
    assert.deepEqual(splitSentences('Talks ended..... Then the U.S. envoy left.'), [{ start: 0, end: 16 }, { start: 17, end: 42 }]);
  });
});
