/**
 * Content fingerprints for deduplication: an exact hash of the normalized text and a 64-bit SimHash
 * over word shingles for near-duplicates (Charikar 2002; Manku, Jain & Das Sarma 2007).
 */
import { createHash } from 'node:crypto';
import { normalize } from '../text/normalize.js';

/** Words of normalized text: letters and digits only, punctuation and spacing dropped. */
const WORD = /[\p{L}\p{N}]+/gu;

/** Shingle width, in words, of the SimHash features. */
export const SHINGLE_WORDS = 2;

/**
 * Largest Hamming distance between two SimHashes (of 64 bits) at which two texts are near-duplicates.
 * Calibrated on the example corpus and on edited copies (test/fixtures/ingest/near-duplicate): a reprint
 * with a changed headline time, a replaced word or two and a dropped closing sentence lands at 0–6 bits;
 * distinct stories on the same dyad in the same language stay above 16 bits.
 */
export const NEAR_DUPLICATE_BITS = 6;

/** The fingerprints of one text. */
export interface Fingerprint {
  /** SHA-256 (hex) of the normalized text with white space collapsed. */
  contentHash: string;
  /** The 64-bit SimHash as 16 hex digits. */
  simhash: string;
}

/** The normalized words of a text, as SimHash and the content hash see them. */
export function contentWords(text: string): string[] {
  return normalize(text).text.match(WORD) ?? [];
}

/** Fingerprint a text: exact hash and SimHash of its normalized words. */
export function fingerprint(text: string): Fingerprint {
  const words = contentWords(text);
  return { contentHash: sha256(normalize(text).text.replace(/\s+/gu, ' ').trim()), simhash: simhash(words) };
}

/** SHA-256 of a string, in hex. */
export function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** 64-bit SimHash (16 hex digits) of a word sequence over its shingles of {@link SHINGLE_WORDS} words. */
export function simhash(words: readonly string[], width = SHINGLE_WORDS): string {
  const weights = new Int32Array(64);
  const n = words.length < width ? Math.min(words.length, 1) : words.length - width + 1;
  for (let i = 0; i < n; i++) {
    const shingle = words.length < width ? words.join(' ') : words.slice(i, i + width).join(' ');
    const hi = hash32(shingle, 0x9747b28c);
    const lo = hash32(shingle, 0x5bd1e995);
    for (let b = 0; b < 32; b++) {
      weights[b] = (weights[b] as number) + ((hi >>> (31 - b)) & 1 ? 1 : -1);
      weights[32 + b] = (weights[32 + b] as number) + ((lo >>> (31 - b)) & 1 ? 1 : -1);
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    hi = (hi << 1) | ((weights[b] as number) > 0 ? 1 : 0);
    lo = (lo << 1) | ((weights[32 + b] as number) > 0 ? 1 : 0);
  }
  return hex32(hi) + hex32(lo);
}

/** Number of differing bits between two 16-hex-digit SimHashes. */
export function hamming(a: string, b: string): number {
  return popcount(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16))
    + popcount(parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16));
}

/** The four 16-bit bands of a SimHash: two hashes within 3 bits share at least one band. */
export function simhashBands(h: string): [number, number, number, number] {
  return [parseInt(h.slice(0, 4), 16), parseInt(h.slice(4, 8), 16), parseInt(h.slice(8, 12), 16), parseInt(h.slice(12), 16)];
}

/** A seeded 32-bit string hash (FNV-1a over UTF-16 units, murmur3 finalizer). */
function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

function popcount(n: number): number {
  let v = n >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
