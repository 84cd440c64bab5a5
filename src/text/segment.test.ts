import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitSentences } from './segment.js';

const texts = (s: string): string[] => splitSentences(s).map((x) => s.slice(x.start, x.end));

test('Arabic punctuation ends sentences; the Arabic comma does not', () => {
  assert.deepEqual(texts('زار الوزير موسكو، والتقى نظيره. هل ستتغير المعادلة؟ نعم!'), [
    'زار الوزير موسكو، والتقى نظيره.', 'هل ستتغير المعادلة؟', 'نعم!',
  ]);
});

test('abbreviations, initials and decimals do not end sentences', () => {
  assert.deepEqual(texts('The U.S. envoy met Gen. Smith on Monday. Trade grew 3.5 percent.'), [
    'The U.S. envoy met Gen. Smith on Monday.', 'Trade grew 3.5 percent.',
  ]);
  assert.deepEqual(texts('В 2015 г. Россия начала операцию. Т.е. всё изменилось.'), ['В 2015 г. Россия начала операцию.', 'Т.е. всё изменилось.']);
});

test('closing quotes stay with their sentence and newlines split', () => {
  assert.deepEqual(texts('قال: «انتهى الأمر.» ثم غادر\nعنوان جديد'), ['قال: «انتهى الأمر.»', 'ثم غادر', 'عنوان جديد']);
});

test('property: spans are ordered, inside the text and trimmed', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
      let prev = 0;
      for (const sp of splitSentences(s)) {
        assert.ok(sp.start >= prev && sp.start < sp.end && sp.end <= s.length);
        assert.equal(s.slice(sp.start, sp.end), s.slice(sp.start, sp.end).trim());
        prev = sp.end;
      }
    }),
    { numRuns: 300 },
  );
});

test('spans are frozen, the one a trailing fragment extends included', () => {
  const spans = splitSentences('Talks ended. Then they left.\n..');
  assert.deepEqual(spans, [{ start: 0, end: 12 }, { start: 13, end: 31 }]);
  for (const span of spans) assert.ok(Object.isFrozen(span));
});
