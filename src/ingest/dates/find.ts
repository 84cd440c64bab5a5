/** Find the date expressions of a text: every language's grammar over normalized text, longest match first. */
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
const anchorSets = new Map<DateLang, Set<string>>();
const BUILDERS: Record<DateLang, () => Matcher[]> = { ar: arabicGrammar, en: englishGrammar, ru: russianGrammar };
/** How many words before an expression a "since" word may stand: "منذ التدخل الروسي في أيلول 2015", but Russian "с" must touch it. */
const SINCE_REACH: Record<DateLang, number> = { ar: 5, en: 5, ru: 1 };

function grammar(lang: DateLang): Matcher[] {
  let g = grammars.get(lang);
  if (!g) grammars.set(lang, (g = BUILDERS[lang]()));
  return g;
}

/**
 * One word of each phrase some match of the language's grammar must hold when it holds no digit (its matchers'
 * `needs`): the longest word of the phrase, each matched whole, so a text holding none of them holds no
 * date expression but in digits.
 */
function anchors(lang: DateLang): Set<string> {
  let set = anchorSets.get(lang);
  if (!set) {
    set = new Set<string>();
    for (const { needs } of grammar(lang)) {
      for (const phrase of needs) {
        const words = phrase.match(LETTERS) ?? [];
        const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
        if (longest) set.add(longest);
      }
    }
    anchorSets.set(lang, set);
  }
  return set;
}

const LETTERS = /\p{L}+/gu;
const DIGIT = /\p{N}/u;

/** The conjunctions و and ف, which attach to the word after them. */
const WAW = 0x648;
const FA = 0x641;

/** True when a word is an anchor, bare or after و or ف. */
function isAnchor(w: string, set: ReadonlySet<string>): boolean {
  if (set.has(w)) return true;
  const c = w.charCodeAt(0);
  return (c === WAW || c === FA) && set.has(w.slice(1));
}

/**
 * False when a normalized text surely holds no date expression of the language: no digit, and no word that is one
 * of the language's {@link anchors}, bare or after the conjunction و or ف. Most sentences hold none, and this one
 * pass over their words spares the grammar's dozen or so patterns. With the text's tokens (as the coder made them),
 * their normalized forms are the words.
 */
export function mayHoldDate(normalized: string, lang: DateLang, tokens?: readonly Token[]): boolean {
  const set = anchors(lang);
  if (tokens) {
    for (const t of tokens) {
      if (t.kind === 'num') return true;
      const w = t.norm;
      // A digit starts a token, or follows an attached و or ف ("و20 أيلول").
      const c = w.charCodeAt(0);
      if ((c === WAW || c === FA) && DIGIT.test(w[1] ?? '')) return true;
      if (isAnchor(w, set)) return true;
    }
    return false;
  }
  if (DIGIT.test(normalized)) return true;
  for (const w of normalized.match(LETTERS) ?? []) if (isAnchor(w, set)) return true;
  return false;
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
 * {@link mayHoldDate} looks at. A text that surely holds none is not searched: the same as {@link scanDates}.
 */
export function findDates(text: string, lang: Lang, normalized?: NormalizedText, span?: Span & { tokens?: readonly Token[] }): DateMention[] {
  if (lang === 'und') return [];
  const n = normalized ?? normalize(text);
  if (span?.tokens && !mayHoldDate('', lang, span.tokens)) return [];
  const from = span ? normalizedIndex(n, span.start) : 0;
  const part = span ? n.text.slice(from, normalizedIndex(n, span.end)) : n.text;
  if (!span?.tokens && !mayHoldDate(part, lang)) return [];
  return scanDates(text, lang, n, from, part);
}

/** {@link findDates} by every pattern of the grammar, in `part` of the normalized text, which starts at `from`. */
export function scanDates(text: string, lang: DateLang, n: NormalizedText, from: number, part: string): DateMention[] {
  const found: Found[] = [];
  for (const { re, read } of grammar(lang)) {
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
