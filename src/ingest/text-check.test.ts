import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SENTENCE_CHARS, MAX_WORD_CHARS } from './limits.js';
import { textFault } from './text-check.js';

/** The longest run of letters and dots by the plain definition: each UTF-16 unit tested alone. */
function plainLongestRun(text: string): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inRun = i < text.length && (text[i] === '.' || /\p{L}/u.test(text[i] as string));
    if (inRun && start < 0) start = i;
    else if (!inRun && start >= 0) {
      if (i - start > best.length) best = { start, length: i - start };
      start = -1;
    }
  }
  return best;
}

describe('text checks', () => {
  it('find the longest run of letters and dots as the plain definition does, astral letters and marks included', () => {
    const pieces = ['a', '.', ' ', 'ж', 'ب', 'ّ', '1', '𝐀', '中', '\u00e9', 'e\u0301', '-', 'ǅ', 'ª'];
    let seed = 7;
    const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let k = 0; k < 200; k++) {
      let text = 'x ';
      const n = 1 + Math.floor(random() * 60);
      for (let i = 0; i < n; i++) text += (pieces[Math.floor(random() * pieces.length)] as string).repeat(1 + Math.floor(random() * 40));
      const run = plainLongestRun(text);
      const fault = textFault(text);
      if (run.length > MAX_WORD_CHARS) assert.match(fault ?? '', new RegExp(`^a run of ${run.length.toLocaleString('en-US')} letters and dots without a space \\(at character ${run.start.toLocaleString('en-US')}\\)`, 'u'));
      else assert.doesNotMatch(fault ?? '', /letters and dots/u);
    }
  });

  it('find a sentence past the limit, and none in a text within it', () => {
    const within = `Ab${' b'.repeat((MAX_SENTENCE_CHARS - 2) / 2)}`;
    assert.equal(within.length, MAX_SENTENCE_CHARS);
    assert.equal(textFault(within), undefined);
    const over = `Short one. ${within}x.`;
    assert.match(textFault(over) ?? '', /^the sentence at character 11 is 5,002 characters long/u);
  });
});
