/** Tokens with offsets into the original text, and Arabic clitic analysis for matching. */
import type { Span } from '../core/types.js';
import { lowerBound, mapSpan, type NormalizedText } from './normalize.js';

/** The script class of a token. */
export type TokenKind = 'ar' | 'cyr' | 'lat' | 'num' | 'punct' | 'other';

/** A token: its original span, its normalized form and its script. */
export interface Token {
  /** Original offsets. */
  start: number;
  end: number;
  /** Normalized form (lower case, Arabic letters folded, English possessive 's removed). */
  norm: string;
  kind: TokenKind;
  /** True for an English possessive ("Russia's"). */
  possessive?: boolean;
  /** True when the original Latin word is written in capitals (US, UN): acronyms match only then. */
  upper?: boolean;
  /** True when the original Arabic word ends in ta marbuta (ة): a noun or adjective, never a verb. */
  taMarbuta?: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}]+)?|[^\s\p{L}\p{N}\p{M}]/gu;

function kindOf(w: string): TokenKind {
  const c = w.codePointAt(0) ?? 0;
  if (c >= 0x0600 && c <= 0x06ff) return 'ar';
  if (c >= 0x0750 && c <= 0x08ff) return 'ar';
  if (c >= 0x0400 && c <= 0x04ff) return 'cyr';
  if (/\p{N}/u.test(w[0] as string)) return 'num';
  if (/\p{Script=Latin}/u.test(w[0] as string)) return 'lat';
  if (/[\p{L}\p{M}]/u.test(w[0] as string)) return 'other';
  return 'punct';
}

/** Tokenize the normalized text between original offsets [span.start, span.end). */
export function tokenize(n: NormalizedText, span?: Span): Token[] {
  const tokens: Token[] = [];
  let from = 0;
  let to = n.text.length;
  if (span) {
    from = lowerBound(n.map, span.start);
    to = lowerBound(n.map, span.end);
  }
  const slice = n.text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
    let norm = m[0];
    const kind = kindOf(norm);
    const s = from + m.index;
    const { start, end } = mapSpan(n, s, s + norm.length);
    const tok: Token = { start, end, norm, kind };
    if (kind === 'ar' && n.source !== undefined) {
      const orig = n.source.slice(start, end);
      if (/ة[\u064B-\u0652]*$/u.test(orig)) tok.taMarbuta = true;
    }
    if (kind === 'lat' && n.source !== undefined) {
      const orig = n.source.slice(start, end).replace(/['’]s$/u, '');
      if (orig.length >= 2 && /^[A-Z]+$/u.test(orig)) tok.upper = true;
    }
    const apos = norm.indexOf("'");
    if (apos > 0 && kind === 'lat') {
      const tail = norm.slice(apos + 1);
      if (tail === 's' || tail === '') {
        norm = norm.slice(0, apos);
        tok.norm = norm;
        tok.possessive = true;
      }
    }
    tokens.push(tok);
  }
  return tokens;
}

/** One reading of an Arabic token: proclitics peeled off, and the remaining stem. */
export interface CliticReading {
  prefix: string;
  stem: string;
}

const CONJ = ['و', 'ف'];
const PREP = ['ب', 'ل', 'ك'];
const cliticCache = new Map<string, CliticReading[]>();

/**
 * Readings of a normalized Arabic token with its proclitics split off: conjunction و/ف, preposition
 * ب/ل/ك (or future سـ), article ال (and ل+ال written لل). The unsplit reading comes first. Stems keep
 * at least two letters.
 */
export function arabicReadings(word: string): CliticReading[] {
  const cached = cliticCache.get(word);
  if (cached) return cached;
  const out: CliticReading[] = [{ prefix: '', stem: word }];
  const seen = new Set([word]);
  const add = (prefix: string, stem: string): void => {
    if (stem.length >= 2 && !seen.has(stem)) {
      seen.add(stem);
      out.push({ prefix, stem });
    }
  };
  const conjs = [''].concat(CONJ.filter((c) => word.startsWith(c)));
  for (const c of conjs) {
    const w1 = word.slice(c.length);
    add(c, w1);
    const preps = [''].concat(PREP.filter((p) => w1.startsWith(p)), w1.startsWith('س') ? ['س'] : []);
    for (const p of preps) {
      const w2 = w1.slice(p.length);
      add(c + p, w2);
      if (w2.startsWith('ال')) add(c + p + 'ال', w2.slice(2));
      if (p === 'ل' && w2.startsWith('ل')) add(c + 'لل', w2.slice(1));
    }
  }
  if (cliticCache.size > 200_000) cliticCache.clear();
  cliticCache.set(word, out);
  return out;
}
