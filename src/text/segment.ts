/** Sentence segmentation over the original text, aware of Arabic punctuation and abbreviations. */
import type { Span } from '../core/types.js';

/** Abbreviations (lower case, without the final dot) that do not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'sen', 'rep', 'gov',
  'st', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.n', 'u.k', 'e.u', 'a.m', 'p.m', 'i.e', 'e.g', 'approx',
  'т', 'е', 'г', 'гг', 'им', 'ул', 'тыс', 'млн', 'млрд', 'руб', 'долл', 'т.е', 'т.д', 'т.п', 'др', 'пр', 'см',
  'ген', 'проф', 'св', 'н.э', 'с.г',
]);

/** The longest abbreviation above, in characters, with a margin. */
const MAX_ABBREVIATION = 12;

/** Classes of code units, read from a table so that the scan makes no string and no lookup per character. */
const TERMINAL = 1;
const CLOSER = 2;
const LINE_END = 4;
const unitClass = new Uint8Array(0x10000);
for (const [chars, cls] of [['.!?؟…۔', TERMINAL], ['"\'»”’)]›', CLOSER], ['\n\r\u2029', LINE_END]] as const) {
  for (const c of chars) unitClass[c.charCodeAt(0)] = cls;
}
const DOT = 0x2e;

/** True when the dot at `i` closes an abbreviation, an initial or a decimal number. */
function isNonFinalDot(text: string, i: number): boolean {
  const next = text[i + 1] ?? '';
  if (/\d/u.test(text[i - 1] ?? '') && /\d/u.test(next)) return true;
  // Look back a bounded way: no abbreviation is longer, and a long run of letters and dots stays linear.
  let j = i - 1;
  while (j >= 0 && i - j <= MAX_ABBREVIATION && /[\p{L}.]/u.test(text[j] as string)) j--;
  const whole = j < 0 || !/[\p{L}.]/u.test(text[j] as string);
  const word = text.slice(j + 1, i).toLowerCase();
  if (word.length === 0) return false;
  if (whole && ABBREVIATIONS.has(word)) return true;
  // A single capital initial ("J. Smith"), unless the next word starts a sentence after a line end.
  if (whole && /^\p{Lu}$/u.test(text.slice(j + 1, i))) return true;
  // The next non-space character is lower case: the sentence goes on.
  const rest = /^\s*(\S)/u.exec(text.slice(i + 1, i + 40));
  return rest !== null && /\p{Ll}/u.test(rest[1] as string);
}

/**
 * Split text into sentence spans over the original offsets. Boundaries: . ! ? ؟ … (with closing quotes
 * and brackets kept in the sentence), blank lines and single line breaks. Leading and trailing white
 * space is excluded from each span; empty sentences are dropped.
 *
 * The spans are frozen. Besides saying that a sentence's bounds are not to be changed, this keeps the pipeline's
 * `{ ...span, tokens, … }` cheap: in Node 20 (V8 11.3) the copy of an ordinary object, given properties its
 * source lacks, gets a hidden class of its own every time (a new map and descriptor array per sentence, ~15 µs,
 * and every property read of those sentences megamorphic); the copy of a frozen object takes V8's other path,
 * whose hidden classes are shared.
 */
export function splitSentences(text: string, base = 0, end = text.length): Array<Readonly<Span>> {
  const spans: Array<Readonly<Span>> = [];
  let start = base;
  const push = (s: number, e: number): void => {
    while (s < e && /\s/u.test(text[s] as string)) s++;
    while (e > s && /\s/u.test(text[e - 1] as string)) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) spans.push(Object.freeze({ start: s, end: e }));
    else if (e > s && spans.length > 0) {
      const last = spans[spans.length - 1] as Readonly<Span>;
      if (s - last.end <= 2) spans[spans.length - 1] = Object.freeze({ start: last.start, end: e });
    }
  };
  for (let i = base; i < end; i++) {
    const ch = text.charCodeAt(i);
    const cls = unitClass[ch];
    if (cls === LINE_END) {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (cls !== TERMINAL) continue;
    if (ch === DOT && isNonFinalDot(text, i)) continue;
    let k = i + 1;
    while (k < end && ((unitClass[text.charCodeAt(k)] as number) & (TERMINAL | CLOSER)) !== 0) k++;
    if (k < end && !/\s/u.test(text[k] as string)) {
      // No boundary anywhere in this run of marks: every later mark of it would reach the same k.
      i = k - 1;
      continue;
    }
    push(start, k);
    start = k;
    i = k - 1;
  }
  push(start, end);
  return spans;
}
