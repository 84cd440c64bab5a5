/** Matching keys: how a dictionary word and a text token meet, per language. */
import type { Lang } from '../core/types.js';
import { normalize, normalizeKey } from '../text/normalize.js';
import { russianBase, russianCandidateBases } from '../text/russian.js';
import { arabicReadings, TOKEN_KINDS, type Token, type TokenKind } from '../text/tokenize.js';
import { wordCache } from '../text/word-cache.js';

/** Normalize a dictionary phrase and split it into its words, as the tokenizer would. */
export function phraseWords(phrase: string): string[] {
  if (phrase.startsWith('^')) return [`^${normalizeKey(phrase.slice(1))}`];
  const norm = normalizeKey(phrase);
  return norm.match(WORDS) ?? [];
}

const WORDS = /[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

/** The keys of a dictionary phrase: Arabic ال is dropped only where the phrase writes the article (not ألمانيا). */
export function phraseKeys(phrase: string): string[] {
  const words = phraseWords(phrase);
  if (phrase.startsWith('^')) return words;
  const raw = normalize(phrase.trim(), { foldArabic: false }).text.match(WORDS) ?? [];
  return words.map((w, i) => (scriptOf(w) === 'ar' && !(raw[i] ?? '').startsWith('ال') ? w : wordKey(w)));
}

/** The script a normalized word is written in, as a dictionary language. */
export function scriptOf(word: string): 'ar' | 'ru' | 'en' {
  const c = word.codePointAt(0) ?? 0;
  if (c >= 0x0600 && c <= 0x08ff) return 'ar';
  if (c >= 0x0400 && c <= 0x04ff) return 'ru';
  return 'en';
}

/** The key of a normalized dictionary word: Arabic without ال, Russian without its ending. */
export function wordKey(word: string): string {
  switch (scriptOf(word)) {
    case 'ar':
      return word.startsWith('ال') && word.length >= 4 ? word.slice(2) : word;
    case 'ru': {
      const base = russianBase(word);
      return base.length >= 4 ? `~${base}` : word;
    }
    default:
      return word;
  }
}

/**
 * Every key a text token may match: Arabic clitic readings, Russian bases, the English word. The same
 * word gets the same array back (shared: never change it), which lets indexes remember it.
 */
export function tokenKeys(token: Token): string[] {
  return tokenKeyCache.get(token.upper ? UPPER_KIND[token.kind] : token.kind, token.norm, computeTokenKeys, token);
}

/** The cache kind of a token written in capitals: its keys differ ("US" also matches "^us"). */
const UPPER_KIND: Record<TokenKind, string> = { ar: 'ar^', cyr: 'cyr^', lat: 'lat^', num: 'num^', punct: 'punct^', other: 'other^' };

const tokenKeyCache = wordCache.sort<string[]>([...TOKEN_KINDS, ...TOKEN_KINDS.map((kind) => UPPER_KIND[kind])]);

function computeTokenKeys(token: Token): string[] {
  if (token.kind === 'ar') return arabicReadings(token.norm).map((r) => r.stem);
  if (token.kind === 'cyr') {
    const out = [token.norm];
    for (const b of russianCandidateBases(token.norm)) if (b.length >= 4) out.push(`~${b}`);
    return out;
  }
  return token.upper ? [token.norm, `^${token.norm}`] : [token.norm];
}

/** The dictionary languages whose words a token of a given document language may match. */
export function langsFor(lang: Lang): Array<'ar' | 'en' | 'ru'> {
  return lang === 'und' ? ['ar', 'en', 'ru'] : [lang, ...(['ar', 'en', 'ru'] as const).filter((l) => l !== lang)];
}
