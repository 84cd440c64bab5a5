/** Find the date expressions of a text: every language's grammar over normalized text, longest match first. */
import { MizanError } from '../../core/errors.js';
import type { Lang, Span } from '../../core/types.js';
import { normalizedIndex } from '../../store/search-terms.js';
import { mapSpan, normalize, type NormalizedText } from '../../text/normalize.js';
import type { Token } from '../../text/tokenize.js';
import { arabicGrammar } from './ar.js';
import { englishGrammar } from './en.js';
import type { Matcher } from './grammar.js';
import { dateLexicon, list, type DateLang } from './lexicon.js';
import { russianGrammar } from './ru.js';
import type { DateMention, Temporal } from './temporal.js';

const grammars = new Map<DateLang, Matcher[]>();
const BUILDERS: Record<DateLang, () => Matcher[]> = { ar: arabicGrammar, en: englishGrammar, ru: russianGrammar };
/** How many words before an expression a "since" word may stand: "منذ التدخل الروسي في أيلول 2015", but Russian "с" must touch it. */
const SINCE_REACH: Record<DateLang, number> = { ar: 5, en: 5, ru: 1 };

function grammar(lang: DateLang): Matcher[] {
  let g = grammars.get(lang);
  if (!g) grammars.set(lang, (g = BUILDERS[lang]()));
  return g;
}

/**
 * What lets each pattern of a language's grammar run: a digit, for a pattern whose matches always hold one (its
 * `needs` empty), or else one word of each phrase it needs (the longest, which a match holds whole), by word.
 */
interface Gates {
  /** Patterns a digit lets run, by index in the grammar. */
  digit: number[];
  /** Patterns each word lets run. */
  byWord: Map<string, number[]>;
}

const gateSets = new Map<DateLang, Gates>();

function gates(lang: DateLang): Gates {
  let g = gateSets.get(lang);
  if (!g) {
    g = { digit: [], byWord: new Map() };
    for (const [i, { needs }] of grammar(lang).entries()) {
      if (needs.length === 0) g.digit.push(i);
      for (const phrase of needs) {
        const longest = (phrase.match(LETTERS) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
        if (!longest) throw new MizanError('MIZAN_E_DATA', `a ${lang} date phrase has no word: "${phrase}"`);
        const at = g.byWord.get(longest);
        if (!at) g.byWord.set(longest, [i]);
        else if (!at.includes(i)) at.push(i);
      }
    }
    gateSets.set(lang, g);
  }
  return g;
}

const LETTERS = /\p{L}+/gu;
const DIGIT = /\p{N}/u;

/** The conjunctions و and ف, which attach to the word after them. */
const WAW = 0x648;
const FA = 0x641;

/**
 * Which patterns of the language's grammar could match a text, by index (undefined: none). A pattern whose matches
 * hold a digit runs on a text with one; another, on a text holding one of its words, bare or after the conjunction
 * و or ف. Most sentences let none run, and this one pass over their words spares them the grammar's dozen or so
 * patterns. The text is given normalized, or as its tokens (as the coder made them), whose normalized forms are
 * the words.
 */
export function patternsFor(text: string | readonly Token[], lang: DateLang): boolean[] | undefined {
  const g = gates(lang);
  let run: boolean[] | undefined;
  const open = (at: readonly number[] | undefined): void => {
    if (!at) return;
    run ??= [];
    for (const i of at) run[i] = true;
  };
  const word = (w: string): void => {
    open(g.byWord.get(w));
    const c = w.charCodeAt(0);
    if (c === WAW || c === FA) open(g.byWord.get(w.slice(1)));
  };
  if (typeof text !== 'string') {
    for (const t of text) {
      const w = t.norm;
      const c = w.charCodeAt(0);
      // A digit starts a token, or follows an attached و or ف ("و20 أيلول").
      if (t.kind === 'num' || ((c === WAW || c === FA) && DIGIT.test(w[1] ?? ''))) open(g.digit);
      else word(w);
    }
  } else {
    if (DIGIT.test(text)) open(g.digit);
    for (const w of text.match(LETTERS) ?? []) word(w);
  }
  return run;
}

const sinceWords = new Map<DateLang, Set<string>>();

/** The "since" words of a language, as a set made once (dates are looked for in every sentence with an event). */
function sinceSet(lang: DateLang): Set<string> {
  let s = sinceWords.get(lang);
  if (!s) sinceWords.set(lang, (s = new Set(list(dateLexicon(lang), 'since'))));
  return s;
}

interface Found {
  start: number;
  end: number;
  temporal: Temporal;
}

/**
 * The date expressions of a text in a language ('und' finds none), in text order, without overlaps.
 * `normalized` is the text's normalization, when the caller has it already; `span` limits the search
 * to original offsets [start, end) (one sentence), and its tokens, when given, are the words
 * {@link patternsFor} looks at. Only the patterns that could match are run: the same as {@link scanDates} with all.
 */
export function findDates(text: string, lang: Lang, normalized?: NormalizedText, span?: Span & { tokens?: readonly Token[] }): DateMention[] {
  if (lang === 'und') return [];
  const n = normalized ?? normalize(text);
  const from = span ? normalizedIndex(n, span.start) : 0;
  const part = span ? n.text.slice(from, normalizedIndex(n, span.end)) : n.text;
  const run = patternsFor(span?.tokens ?? part, lang);
  return run ? scanDates(text, lang, n, from, part, run) : [];
}

/**
 * {@link findDates} in `part` of the normalized text, which starts at `from`, by the patterns of the grammar that
 * `run` marks (by index; default: every pattern).
 */
export function scanDates(text: string, lang: DateLang, n: NormalizedText, from: number, part: string, run?: readonly boolean[]): DateMention[] {
  const found: Found[] = [];
  for (const [i, { re, read }] of grammar(lang).entries()) {
    if (run && !run[i]) continue;
    re.lastIndex = 0;
    for (let m = re.exec(part); m !== null; m = re.exec(part)) {
      const temporal = read(m);
      if (temporal) found.push({ start: from + m.index, end: from + m.index + m[0].length, temporal });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Found[] = [];
  for (const f of found) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  kept.sort((a, b) => a.start - b.start);
  const since = sinceSet(lang);
  return kept.map((f) => {
    const span = mapSpan(n, f.start, f.end);
    return { ...span, text: text.slice(span.start, span.end), temporal: f.temporal, role: startsSpan(n.text, f.start, since, SINCE_REACH[lang]) ? 'since' : 'point' };
  });
}

/** True when one of the `reach` words before `at` (within the clause) is a "since" word. */
function startsSpan(normalized: string, at: number, since: Set<string>, reach: number): boolean {
  const before = normalized.slice(Math.max(0, at - 120), at);
  const clause = before.split(/[,.;:!?،؛؟()«»"]/u).pop() ?? '';
  const words = clause.match(/[\p{L}\p{N}]+/gu) ?? [];
  const last = words.slice(-reach);
  return last.some((w, i) => since.has(w) || (i > 0 && since.has(`${last[i - 1]} ${w}`)));
}
