/**
 * Content fingerprints for deduplication: an exact hash of the normalized text, and MinHash with
 * locality-sensitive hashing (Broder 1997; Leskovec, Rajaraman & Ullman, ch. 3) over word 3-shingles
 * for near-duplicates, confirmed by the exact Jaccard similarity of the shingle sets.
 *
 * Why not SimHash: on news-length texts (150–500 words) one replaced word already moves a 64-bit SimHash
 * by up to 8 bits, past the 3-bit radius its band index can serve, while distinct stories on the same dyad
 * sit only 22 bits apart. Shingle Jaccard separates them by an order of magnitude (distinct stories in
 * the example corpus ≤ 0.03, a reprint with a few words changed ≥ 0.9).
 */
import { createHash } from 'node:crypto';
import { normalize } from '../text/normalize.js';

/** Words of normalized text: letters and digits only, punctuation and spacing dropped. */
const WORD = /[\p{L}\p{N}]+/gu;

/** Shingle width, in words. */
export const SHINGLE_WORDS = 3;

/** Two texts are near-duplicates when the Jaccard similarity of their shingle sets is at least this. */
export const NEAR_DUPLICATE_JACCARD = 0.7;

/** MinHash signature length: LSH_BANDS bands of LSH_ROWS values each. */
const LSH_BANDS = 8;
const LSH_ROWS = 4;

/**
 * Probability that two texts of Jaccard similarity `j` share at least one LSH band and so are compared:
 * 1 − (1 − j⁴)⁸, i.e. 0.89 at 0.7, 0.99 at 0.8, 1.00 at 0.9, and 0.0006 at 0.1.
 */
export function candidateProbability(j: number): number {
  return 1 - (1 - j ** LSH_ROWS) ** LSH_BANDS;
}

/** The fingerprints of one text. */
export interface Fingerprint {
  /** SHA-256 (hex) of the normalized text with white space collapsed. */
  contentHash: string;
  /** The LSH band keys (unsigned 32-bit, band number mixed in): texts sharing one are compared. */
  bands: number[];
}

/** The normalized words of a text. */
export function contentWords(text: string): string[] {
  return normalize(text).text.match(WORD) ?? [];
}

/** Fingerprint a text (given its normalized form when the caller has it): exact hash and LSH bands of its MinHash. */
export function fingerprint(text: string, normalized = normalize(text).text): Fingerprint {
  const words = normalized.match(WORD) ?? [];
  return { contentHash: sha256(normalized.replace(/\s+/gu, ' ').trim()), bands: lshBands(wordsMinhash(words)) };
}

/** SHA-256 of a string, in hex. */
export function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** The distinct 32-bit hashes of a word sequence's shingles (the whole sequence when shorter). */
export function shingleHashes(words: readonly string[], width = SHINGLE_WORDS): Set<number> {
  const out = new Set<number>();
  const n = shingleCount(words.length, width);
  for (let i = 0; i < n; i++) out.add(shingleHash(words, i, width));
  return out;
}

/** How many shingles of `width` words a sequence of `words` words has (one when it is shorter, none when empty). */
function shingleCount(words: number, width: number): number {
  return words === 0 ? 0 : Math.max(1, words - width + 1);
}

/** The seed of shingle hashes ({@link hash32}). */
export const SHINGLE_SEED = 0x9747b28c;

/** {@link hash32} of words[i .. i + width) joined by spaces, without building the joined string. */
function shingleHash(words: readonly string[], i: number, width: number): number {
  let h = (0x811c9dc5 ^ SHINGLE_SEED) >>> 0;
  const end = Math.min(i + width, words.length);
  for (let w = i; w < end; w++) {
    if (w > i) {
      h ^= 0x20;
      h = Math.imul(h, 0x01000193);
    }
    const word = words[w] as string;
    for (let k = 0; k < word.length; k++) {
      h ^= word.charCodeAt(k);
      h = Math.imul(h, 0x01000193);
    }
  }
  return mix32(h);
}

/** Jaccard similarity of two shingle sets. */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Jaccard similarity of the shingle sets of two texts. */
export function textSimilarity(a: string, b: string): number {
  return jaccard(shingleHashes(contentWords(a)), shingleHashes(contentWords(b)));
}

const SEEDS = Uint32Array.from({ length: LSH_BANDS * LSH_ROWS }, (_, i) => mix32(0x2545f491 + i * 0x9e3779b9));

/** The MinHash signature (LSH_BANDS × LSH_ROWS values) of a shingle set. */
export function minhash(shingles: ReadonlySet<number>): Uint32Array {
  const sig = new Uint32Array(SEEDS.length).fill(0xffffffff);
  for (const x of shingles) addToSignature(sig, x);
  return sig;
}

/**
 * The MinHash signature of a word sequence's shingles: {@link minhash} of {@link shingleHashes}, without the set.
 * A shingle seen twice lowers no value twice, so the signature is the same.
 */
export function wordsMinhash(words: readonly string[], width = SHINGLE_WORDS): Uint32Array {
  const sig = new Uint32Array(SEEDS.length).fill(0xffffffff);
  const n = shingleCount(words.length, width);
  for (let i = 0; i < n; i++) addToSignature(sig, shingleHash(words, i, width));
  return sig;
}

/** Lower each value of a signature to the shingle's hash under that value's seed, where smaller. */
function addToSignature(sig: Uint32Array, x: number): void {
  for (let i = 0; i < SEEDS.length; i++) {
    const h = mix32(x ^ (SEEDS[i] as number));
    if (h < (sig[i] as number)) sig[i] = h;
  }
}

/** The band keys of a signature: each band's rows and its number hashed to one unsigned 32-bit key. */
export function lshBands(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = mix32(0x68e31da4 ^ b);
    for (let r = 0; r < LSH_ROWS; r++) h = mix32(h ^ (sig[b * LSH_ROWS + r] as number)) ^ Math.imul(r + 1, 0x27d4eb2d);
    out.push(mix32(h) >>> 0);
  }
  return out;
}

/** A seeded 32-bit string hash (FNV-1a over UTF-16 units, then the murmur3 finalizer); a shingle's is that of its words joined by spaces. */
export function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** The murmur3 32-bit finalizer: a bijective mix of an unsigned 32-bit integer. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
