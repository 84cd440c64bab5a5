/** The date vocabulary of each language (data/dates/<lang>.json), normalized the way texts are matched. */
import { readFileSync } from 'node:fs';
import { MizanError } from '../../core/errors.js';
import { dataPath } from '../../core/paths.js';
import { normalizeKey } from '../../text/normalize.js';

/** A languages whose dates Mizan reads. */
export type DateLang = 'ar' | 'en' | 'ru';

/** The vocabulary of one language: phrase tables (keys normalized) and word lists. */
export type DateLexicon = Record<string, Record<string, unknown> | string[]>;

const cache = new Map<DateLang, DateLexicon>();

/** The normalized date vocabulary of a language, loaded once. */
export function dateLexicon(lang: DateLang): DateLexicon {
  let lex = cache.get(lang);
  if (lex) return lex;
  const path = dataPath('dates', `${lang}.json`);
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new MizanError('MIZAN_E_DATA', `cannot load date vocabulary: ${(err as Error).message}`, path);
  }
  lex = {};
  for (const [name, value] of Object.entries(raw)) {
    lex[name] = Array.isArray(value)
      ? value.map((w: string) => normalizeKey(w))
      : Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [normalizeKey(k), v]));
  }
  cache.set(lang, lex);
  return lex;
}

/** A phrase table of a lexicon. */
export function table<T>(lex: DateLexicon, name: string): Record<string, T> {
  const t = lex[name];
  if (!t || Array.isArray(t)) throw new MizanError('MIZAN_E_DATA', `date vocabulary lacks the table "${name}"`);
  return t as Record<string, T>;
}

/** A word list of a lexicon. */
export function list(lex: DateLexicon, name: string): string[] {
  const t = lex[name];
  if (!Array.isArray(t)) throw new MizanError('MIZAN_E_DATA', `date vocabulary lacks the list "${name}"`);
  return t;
}
