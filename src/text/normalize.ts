/** Normalization for matching, with an offset map back to the original text. */

/** Normalized text with, for every UTF-16 unit of it, the offset of the original unit it came from. */
export interface NormalizedText {
  /** The normalized text. */
  text: string;
  /** `map[i]` is the original offset of normalized unit `i`; `map[text.length]` is the original length. */
  map: Int32Array;
  /** The original text. */
  source?: string;
}

/** Options of {@link normalize}; all optional. */
export interface NormalizeOptions {
  /** Lower-case letters (default true). */
  lowercase?: boolean;
  /** Fold Arabic letter variants: alef forms, alef maqsura, ta marbuta, hamza seats (default true). */
  foldArabic?: boolean;
}

/** Arabic harakat, Quranic marks and tatweel: dropped. */
function isArabicMark(c: number): boolean {
  return (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06dc)
    || (c >= 0x06df && c <= 0x06e8) || (c >= 0x06ea && c <= 0x06ed) || c === 0x0640;
}

/** Bidi controls, zero-width characters and the soft hyphen: dropped. */
function isInvisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff || c === 0x00ad;
}

/** Single code point replacements, applied after NFKC. */
const FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي',
  'ک': 'ك', 'ی': 'ي', 'ے': 'ي', 'ە': 'ه', 'ھ': 'ه', 'ۀ': 'ه', 'ڤ': 'ف', 'گ': 'ك', 'ﻻ': 'لا',
  'ё': 'е', 'Ё': 'е',
  '\u2019': "'", '\u2018': "'", '\u02BC': "'",
};

const foldCache = new Map<string, string>();

/** Fold one code point (already NFKC) to its matching form; '' drops it. */
function foldChar(ch: string, lowercase: boolean, foldArabic: boolean): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return lowercase && code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
  if (isArabicMark(code) || isInvisible(code)) return '';
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  if (foldArabic || ch === 'ё' || ch === 'Ё') {
    const f = FOLD[ch];
    if (f !== undefined) return f;
  }
  if (!lowercase) return ch;
  let low = foldCache.get(ch);
  if (low === undefined) {
    low = ch.toLowerCase();
    if (foldCache.size < 10_000) foldCache.set(ch, low);
  }
  return low;
}

/**
 * Normalize text for matching: NFKC, Arabic diacritics and tatweel removed, letter variants folded,
 * Arabic-Indic digits to ASCII, Russian ё to е, lower case. Every output unit maps to an input offset.
 */
export function normalize(input: string, options: NormalizeOptions = {}): NormalizedText {
  const lowercase = options.lowercase ?? true;
  const foldArabic = options.foldArabic ?? true;
  const out: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < input.length) {
    const cp = input.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const ch = input.slice(i, i + width);
    const nf = cp < 0x80 || (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0400 && cp <= 0x04ff) ? ch : ch.normalize('NFKC');
    for (const part of nf) {
      const f = foldChar(part, lowercase, foldArabic);
      for (let k = 0; k < f.length; k++) {
        out.push(f[k] as string);
        map.push(i);
      }
    }
    i += width;
  }
  map.push(input.length);
  return { text: out.join(''), map: Int32Array.from(map), source: input };
}

/** Normalize a single word or phrase for dictionary keys (no offsets kept). */
export function normalizeKey(s: string): string {
  return normalize(s.trim()).text.replace(/\s+/gu, ' ');
}

/** Map a span of normalized text back to the original: [start, end) in original offsets. */
export function mapSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = n.map[start] ?? n.map[n.map.length - 1] ?? 0;
  // The end of the span is the original offset just after the last normalized unit's source unit.
  if (end <= start) return { start: s, end: s };
  const lastSrc = n.map[end - 1] ?? s;
  let k = end;
  while (k < n.map.length - 1 && (n.map[k] ?? 0) <= lastSrc) k++;
  const next = Math.max(n.map[k] ?? lastSrc + 1, lastSrc + 1);
  const src = n.source;
  if (src === undefined) return { start: s, end: next };
  // The span takes its last character whole (a surrogate pair) and the Arabic marks written on it
  // ("كتبَ"), but not the invisible characters dropped after it, which may lie past its sentence.
  let e = lastSrc + ((src.codePointAt(lastSrc) ?? 0) > 0xffff ? 2 : 1);
  while (e < next && isArabicMark(src.charCodeAt(e))) e++;
  return { start: s, end: Math.min(e, next) };
}

/** The first index i with map[i] >= offset (binary search over an offset map). */
export function lowerBound(map: Int32Array, offset: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((map[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
