/** Snowball stemming (English, Russian), cached per word. */
import { createRequire } from 'node:module';

interface Stemmer {
  stem(word: string): string;
}
const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(lang: string): Stemmer };
const english = snowball.newStemmer('english');
const cache = new Map<string, string>();

/** The English Snowball stem of a lower-case word. */
export function stemEnglish(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = english.stem(word);
    if (cache.size > 100_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}
