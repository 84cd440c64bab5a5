/**
 * Search terms: what the full-text index holds for a text, how a user's query becomes an index query,
 * and which words of a text a query highlights. Text is normalized first (Arabic letter variants and
 * diacritics folded, Russian ё → е, lower case), and every Arabic word is indexed under each of its
 * clitic-free readings, so that "موسكو" finds "وبموسكو" and "الدفاع" finds "والدفاع".
 */
import type { Span } from '../core/types.js';
import { lowerBound, mapSpan, normalize, type NormalizedText } from '../text/normalize.js';
import { arabicReadings } from '../text/tokenize.js';

const WORD = /[\p{L}\p{N}]+/gu;
const ARABIC = /[\u0600-\u06ff\u0750-\u08ff]/u;

/** The readings a normalized word is indexed under: itself, and for Arabic its clitic-free stems. */
export function readings(word: string): string[] {
  return ARABIC.test(word) ? arabicReadings(word).map((r) => r.stem) : [word];
}

/** Index terms of a whole text. */
export function indexTerms(text: string): string {
  return termsOf(normalize(text).text);
}

/** Index terms of the part of a normalized text that comes from original offsets [span.start, span.end). */
export function spanTerms(n: NormalizedText, span: Span): string {
  return termsOf(n.text.slice(lowerBound(n.map, span.start), lowerBound(n.map, span.end)));
}

function termsOf(normalized: string): string {
  const words = normalized.match(WORD);
  if (words === null) return '';
  const out: string[] = [];
  for (const w of words) out.push(wordTerms(w));
  return out.join(' ');
}

/** Words whose index terms are kept before the cache starts afresh. */
const TERMS_CACHE_WORDS = 100_000;
const termsCache = new Map<string, string>();

/** The index terms of one normalized word: its readings joined by spaces (never empty: a word is its own first reading). */
function wordTerms(word: string): string {
  let terms = termsCache.get(word);
  if (terms === undefined) {
    terms = readings(word).join(' ');
    if (termsCache.size >= TERMS_CACHE_WORDS) termsCache.clear();
    termsCache.set(word, terms);
  }
  return terms;
}

/** One word of a query: matched exactly, or as a prefix. */
export interface QueryTerm {
  term: string;
  prefix: boolean;
}

/** A parsed query: the FTS5 expression and the terms to highlight. */
export interface ParsedQuery {
  fts: string;
  terms: QueryTerm[];
}

/**
 * Parse a user's query: every word is required; "quoted words" must stand within a few words of one
 * another (the index interleaves readings, so strict adjacency cannot be asked); a word ending in `*`
 * matches as a prefix. Returns undefined when the query has no word.
 */
export function parseQuery(query: string): ParsedQuery | undefined {
  const parts: string[] = [];
  const terms: QueryTerm[] = [];
  const re = /"([^"]*)"?|(\S+)/gu;
  for (const m of query.matchAll(re)) {
    const group = queryWords(m[1] ?? m[2] ?? '');
    if (group.length === 0) continue;
    terms.push(...group);
    const quoted = group.map((t) => (t.prefix ? `"${t.term}" *` : `"${t.term}"`));
    parts.push(m[1] !== undefined && group.length > 1 ? `NEAR(${quoted.join(' ')}, ${2 * group.length})` : quoted.join(' AND '));
  }
  return parts.length === 0 ? undefined : { fts: parts.join(' AND '), terms };
}

function queryWords(s: string): QueryTerm[] {
  const out: QueryTerm[] = [];
  const n = normalize(s).text;
  for (const m of n.matchAll(/([\p{L}\p{N}]+)(\*?)/gu)) out.push({ term: m[1] as string, prefix: m[2] === '*' });
  return out;
}

/** Spans (original offsets into `text`) of the words whose readings match a query term. */
export function highlights(text: string, terms: readonly QueryTerm[]): Span[] {
  if (terms.length === 0) return [];
  const n = normalize(text);
  const out: Span[] = [];
  for (const m of n.text.matchAll(WORD)) {
    const hit = readings(m[0]).some((r) => terms.some((t) => (t.prefix ? r.startsWith(t.term) : r === t.term)));
    if (hit) out.push(mapSpan(n, m.index, m.index + m[0].length));
  }
  return out;
}

/** The index in a normalized text of the first unit that comes from original offset `offset` or later. */
export function normalizedIndex(n: NormalizedText, offset: number): number {
  return lowerBound(n.map, offset);
}

