/** Matching keys for event dictionaries: how a dictionary word and a text token meet, per language. */
import type { Lang } from '../core/types.js';
import { normalizeKey } from '../text/normalize.js';
import { stemEnglish } from '../text/stem.js';
import { arabicReadings, TOKEN_KINDS, type Token } from '../text/tokenize.js';
import { wordCache } from '../text/word-cache.js';
import { nounForms, pastForms, presentForms } from '../text/arabic.js';

const tokenKeyCache = wordCache.sort<string[]>(TOKEN_KINDS);

/**
 * The keys of a token: Arabic clitic readings; English word and stem; Russian word and its prefixes.
 * The same word gets the same array back (shared: never change it), which lets indexes remember it.
 */
export function eventTokenKeys(token: Token): readonly string[] {
  return tokenKeyCache.get(token.kind, token.norm, computeEventTokenKeys, token);
}

function computeEventTokenKeys(token: Token): string[] {
  switch (token.kind) {
    case 'ar':
      return arabicReadings(token.norm).map((r) => r.stem);
    case 'cyr': {
      const out = [`=${token.norm}`];
      for (let k = 3; k <= token.norm.length; k++) out.push(`^${token.norm.slice(0, k)}`);
      return out;
    }
    case 'lat':
      return [token.norm, `s:${stemEnglish(token.norm)}`];
    default:
      return [token.norm, `=${token.norm}`];
  }
}

/** How an Arabic dictionary word is expanded. */
export type ArabicWordClass = 'verb' | 'noun' | 'plain';

/**
 * The key sequences of one dictionary entry. English words are stemmed; Russian words are exact
 * unless they end in `*` (a prefix); Arabic verbs are written "past|present" and expanded to their
 * paradigm, Arabic nouns to their plural, dual and possessive forms; several words make a phrase,
 * and only its first word is expanded.
 */
export function entryKeySequences(lang: Exclude<Lang, 'und'>, entry: string, cls: ArabicWordClass = 'plain', exact = false): string[][] {
  // Hyphens stand as tokens of their own, as the tokenizer writes them ("sit-in", "S-400").
  const words = entry.trim().split(/\s+/u).filter(Boolean).flatMap((w) => (lang === 'ar' ? [w] : w.split(/(-)/u).filter(Boolean)));
  if (words.length === 0) return [];
  if (lang === 'en') return [words.map((w) => (w === '-' ? '-' : exact ? normalizeKey(w) : `s:${stemEnglish(normalizeKey(w))}`))];
  if (lang === 'ru') return [words.map((w) => (w === '-' ? '=-' : w.endsWith('*') ? `^${normalizeKey(w.slice(0, -1))}` : `=${normalizeKey(w)}`))];
  const rest = words.slice(1).map((w) => normalizeKey(w));
  const firstForms = expandArabic(words[0] as string, cls);
  return firstForms.map((f) => [f, ...rest]);
}

function expandArabic(word: string, cls: ArabicWordClass): string[] {
  if (cls === 'verb') {
    const [past, present] = word.split('|').map((w) => normalizeKey(w));
    const forms = new Set<string>();
    if (past) for (const f of pastForms(past)) forms.add(f);
    if (present) for (const f of presentForms(present)) forms.add(f);
    return [...forms];
  }
  const w = normalizeKey(word.replace('|', ''));
  if (cls === 'noun') return [...new Set(nounForms(w))];
  return [w];
}
