/**
 * What an article's text must be before it is coded: control characters and unpaired surrogates taken out,
 * some letters, and no more text, no longer a run of letters, and no longer a sentence than the limits.
 */
import { splitSentences } from '../text/segment.js';
import { MAX_SENTENCE_CHARS, MAX_TEXT_CHARS, MAX_WORD_CHARS } from './limits.js';

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** Text without control characters (counted) and with unpaired surrogates replaced by U+FFFD. */
export function cleanText(s: string): { text: string; removed: number } {
  let removed = 0;
  const text = s.replace(CONTROLS, () => {
    removed++;
    return '';
  }).replace(LONE_SURROGATE, '\uFFFD');
  return { text, removed };
}

const n = (x: number): string => x.toLocaleString('en-US');

/** What a text without letters holds, for the message. */
function noLetters(text: string): string {
  const kinds: string[] = [];
  // Variation selectors and the keycap mark belong to emoji, not to letters.
  if (/(?![\uFE00-\uFE0F\u20E3])\p{M}/u.test(text)) kinds.push('diacritics and other combining marks');
  if (/[\p{Extended_Pictographic}\p{So}\p{Sk}]/u.test(text)) kinds.push('emoji and symbols');
  if (/\p{Cf}/u.test(text)) kinds.push('invisible format characters');
  if (/\p{N}/u.test(text)) kinds.push('digits');
  if (/[\p{P}\p{Sm}\p{Sc}]/u.test(text)) kinds.push('punctuation');
  return `no words: the text has no letters${kinds.length > 0 ? `, only ${kinds.join(', ')}` : ''}`;
}

let bmpLetters: Uint8Array | undefined;

/** True for a UTF-16 unit that is a letter by itself (a surrogate half never is), from a table made on first use. */
function isLetterUnit(unit: number): boolean {
  if (bmpLetters === undefined) {
    bmpLetters = new Uint8Array(0x10000);
    for (let u = 0; u < 0x10000; u++) if (/\p{L}/u.test(String.fromCharCode(u))) bmpLetters[u] = 1;
  }
  return bmpLetters[unit] === 1;
}

/** The longest run of letters and dots (what the sentence splitter scans back over at every dot), in UTF-16 units. */
function longestRun(text: string): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const unit = i < text.length ? text.charCodeAt(i) : -1;
    const inRun = unit === 0x2e || (unit >= 0 && isLetterUnit(unit));
    if (inRun && start < 0) start = i;
    else if (!inRun && start >= 0) {
      if (i - start > best.length) best = { start, length: i - start };
      start = -1;
    }
  }
  return best;
}

/**
 * Why a (cleaned, tidied, non-empty) text cannot be coded: no letters, or past one of the limits that keep
 * the coder's time bounded. Undefined when it can.
 */
export function textFault(text: string): string | undefined {
  if (!/\p{L}/u.test(text)) return noLetters(text);
  if (text.length > MAX_TEXT_CHARS) return `the text is ${n(text.length)} characters, over the ${n(MAX_TEXT_CHARS)} limit for one article`;
  const run = longestRun(text);
  if (run.length > MAX_WORD_CHARS) {
    return `a run of ${n(run.length)} letters and dots without a space (at character ${n(run.start)}) is over the ${n(MAX_WORD_CHARS)} limit: not prose`;
  }
  // A sentence is a part of the text: none can be past the limit when the whole text is not.
  if (text.length <= MAX_SENTENCE_CHARS) return undefined;
  for (const s of splitSentences(text)) {
    if (s.end - s.start > MAX_SENTENCE_CHARS) {
      return `the sentence at character ${n(s.start)} is ${n(s.end - s.start)} characters long, over the ${n(MAX_SENTENCE_CHARS)} limit for one sentence`;
    }
  }
  return undefined;
}
