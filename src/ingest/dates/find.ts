/** Find the date expressions of a text: every language's grammar over normalized text, longest match first. */
import type { Lang, Span } from '../../core/types.js';
import { normalizedIndex } from '../../store/search-terms.js';
import { mapSpan, normalize, type NormalizedText } from '../../text/normalize.js';
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
 * to original offsets [start, end) (one sentence).
 */
export function findDates(text: string, lang: Lang, normalized?: NormalizedText, span?: Span): DateMention[] {
  if (lang === 'und') return [];
  const n = normalized ?? normalize(text);
  const from = span ? normalizedIndex(n, span.start) : 0;
  const part = span ? n.text.slice(from, normalizedIndex(n, span.end)) : n.text;
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
