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

/*
 * A token is a run of letters, digits and marks, with an apostrophe and the letters after it ("Russia's"), or
 * any one other character but white space: /[\p{L}\p{N}\p{M}]+(?:'[\p{L}]+)?|[^\s\p{L}\p{N}\p{M}]/gu, read
 * here code point by code point, with no match object or string per token but its normalized form (a property
 * test checks the scanner against that expression).
 */

/** Classes of a code point for the scanner: a letter, a digit or a mark, white space, anything else. */
const LETTER = 1;
const DIGIT_OR_MARK = 2;
const SPACE = 3;
const OTHER = 4;

/** Class by BMP code unit, filled in as units are first met (0: not yet known). */
const unitClass = new Uint8Array(0x10000);

/** The class of a code point (a lone surrogate is one of its own, as the expression's `u` flag reads it). */
function classOf(cp: number): number {
  if (cp < 0x10000) {
    const known = unitClass[cp] as number;
    if (known !== 0) return known;
    const c = classify(String.fromCharCode(cp));
    unitClass[cp] = c;
    return c;
  }
  return classify(String.fromCodePoint(cp));
}

function classify(ch: string): number {
  if (/\p{L}/u.test(ch)) return LETTER;
  if (/[\p{N}\p{M}]/u.test(ch)) return DIGIT_OR_MARK;
  if (/\s/u.test(ch)) return SPACE;
  return OTHER;
}

/** The code point at i of text read up to `to` (a surrogate pair split at `to` is a lone surrogate). */
function codePointBefore(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** Where the token starting at i (not white space) ends, reading up to `to`. */
function tokenEnd(text: string, i: number, to: number): number {
  let cp = codePointBefore(text, i, to);
  if (classOf(cp) === OTHER) return i + (cp > 0xffff ? 2 : 1);
  let k = i;
  while (k < to) {
    cp = codePointBefore(text, k, to);
    const c = classOf(cp);
    if (c !== LETTER && c !== DIGIT_OR_MARK) break;
    k += cp > 0xffff ? 2 : 1;
  }
  // An apostrophe joins the letters after it ("Russia's"), if any.
  if (k + 1 < to && text.charCodeAt(k) === 0x27) {
    let j = k + 1;
    while (j < to) {
      cp = codePointBefore(text, j, to);
      if (classOf(cp) !== LETTER) break;
      j += cp > 0xffff ? 2 : 1;
    }
    if (j > k + 1) k = j;
  }
  return k;
}

/** Every token kind. */
export const TOKEN_KINDS: readonly TokenKind[] = ['ar', 'cyr', 'lat', 'num', 'punct', 'other'];
/** Token kinds (1 + index in TOKEN_KINDS) by the first code unit of a token outside the Arabic and Cyrillic blocks, filled in as met. */
const unitKind = new Uint8Array(0x10000);

function kindOf(w: string): TokenKind {
  const c = w.codePointAt(0) ?? 0;
  if (c >= 0x0600 && c <= 0x06ff) return 'ar';
  if (c >= 0x0750 && c <= 0x08ff) return 'ar';
  if (c >= 0x0400 && c <= 0x04ff) return 'cyr';
  const unit = w.charCodeAt(0);
  let kind = unitKind[unit] as number;
  if (kind === 0) unitKind[unit] = kind = 1 + TOKEN_KINDS.indexOf(kindOfUnit(w[0] as string));
  return TOKEN_KINDS[kind - 1] as TokenKind;
}

function kindOfUnit(first: string): TokenKind {
  if (/\p{N}/u.test(first)) return 'num';
  if (/\p{Script=Latin}/u.test(first)) return 'lat';
  if (/[\p{L}\p{M}]/u.test(first)) return 'other';
  return 'punct';
}

/** The original word ends in ta marbuta (ة), perhaps under harakat. */
function endsInTaMarbuta(source: string, start: number, end: number): boolean {
  let k = end - 1;
  while (k >= start && source.charCodeAt(k) >= 0x064b && source.charCodeAt(k) <= 0x0652) k--;
  return k >= start && source.charCodeAt(k) === 0x0629;
}

/** The original Latin word is written in capitals, at least two of them, a possessive 's aside (US, UN's). */
function inCapitals(source: string, start: number, end: number): boolean {
  let e = end;
  if (e - start >= 2 && source.charCodeAt(e - 1) === 0x73 && (source.charCodeAt(e - 2) === 0x27 || source.charCodeAt(e - 2) === 0x2019)) e -= 2;
  if (e - start < 2) return false;
  for (let k = start; k < e; k++) {
    const c = source.charCodeAt(k);
    if (c < 0x41 || c > 0x5a) return false;
  }
  return true;
}

/**
 * A token, made as an empty object given its fields rather than as an object literal. V8 (Node 20) tracks an
 * allocation site for each literal and, when the objects of one survive young-generation collections, allocates
 * them in the old generation from then on: tokens met the collections of the first document, which loads the
 * dictionaries, and every later token was made old. Old tokens hold young strings (their normalized forms, slices
 * of the document's text) alive through each young collection, and leave only with a full one: the coding bench
 * promoted ~400 KB a collection for that. An empty literal has no allocation site; the fields keep their order.
 */
function newToken(start: number, end: number, norm: string, kind: TokenKind): Token {
  const tok = {} as Token;
  tok.start = start;
  tok.end = end;
  tok.norm = norm;
  tok.kind = kind;
  return tok;
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
  const text = n.text;
  for (let i = from; i < to; ) {
    const cp = codePointBefore(text, i, to);
    if (classOf(cp) === SPACE) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const stop = tokenEnd(text, i, to);
    let norm = text.slice(i, stop);
    const kind = kindOf(norm);
    const { start, end } = mapSpan(n, i, stop);
    i = stop;
    const tok = newToken(start, end, norm, kind);
    if (kind === 'ar' && n.source !== undefined && endsInTaMarbuta(n.source, start, end)) tok.taMarbuta = true;
    if (kind === 'lat' && n.source !== undefined && inCapitals(n.source, start, end)) tok.upper = true;
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
