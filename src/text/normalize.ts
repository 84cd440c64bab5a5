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

/** Arabic-block letters folded to their matching form (0 where a letter stays as it is). */
const ARABIC_FOLD = (() => {
  const table = new Uint16Array(0x100);
  for (const [from, to] of Object.entries(FOLD)) {
    const c = from.charCodeAt(0);
    if (from.length === 1 && to.length === 1 && c >= 0x0600 && c <= 0x06ff) table[c - 0x0600] = to.charCodeAt(0);
  }
  return table;
})();

/**
 * Normalize text for matching: NFKC, Arabic diacritics and tatweel removed, letter variants folded,
 * Arabic-Indic digits to ASCII, Russian ё to е, lower case. Every output unit maps to an input offset.
 * ASCII, the Arabic block and basic Cyrillic take a direct path (none of them changes under NFKC);
 * everything else goes through NFKC and {@link foldChar}.
 */
export function normalize(input: string, options: NormalizeOptions = {}): NormalizedText {
  const lowercase = options.lowercase ?? true;
  const foldArabic = options.foldArabic ?? true;
  const len = input.length;
  let out = new Uint16Array(len + 8);
  let map = new Int32Array(len + 9);
  let o = 0;
  const grow = (extra: number): void => {
    if (o + extra <= out.length) return;
    const size = Math.max(out.length * 2, o + extra + 8);
    const bigger = new Uint16Array(size);
    bigger.set(out);
    out = bigger;
    const biggerMap = new Int32Array(size + 1);
    biggerMap.set(map);
    map = biggerMap;
  };
  let i = 0;
  while (i < len) {
    if (o >= out.length) grow(1);
    const c = input.charCodeAt(i);
    if (c < 0x80) {
      out[o] = lowercase && c >= 0x41 && c <= 0x5a ? c + 32 : c;
      map[o++] = i++;
      continue;
    }
    if (c >= 0x0600 && c <= 0x06ff) {
      if (!isArabicMark(c)) {
        if (c >= 0x0660 && c <= 0x0669) out[o] = 0x30 + c - 0x0660;
        else if (c >= 0x06f0 && c <= 0x06f9) out[o] = 0x30 + c - 0x06f0;
        else out[o] = (foldArabic ? ARABIC_FOLD[c - 0x0600] : 0) || c;
        map[o++] = i;
      }
      i++;
      continue;
    }
    if (c >= 0x0400 && c <= 0x045f) {
      if (c === 0x0401 || c === 0x0451) out[o] = 0x0435;
      else if (lowercase && c >= 0x0410 && c <= 0x042f) out[o] = c + 32;
      else if (lowercase && c <= 0x040f) out[o] = c + 80;
      else out[o] = c;
      map[o++] = i++;
      continue;
    }
    const cp = input.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const ch = input.slice(i, i + width);
    const nf = (cp >= 0x0400 && cp <= 0x04ff) ? ch : ch.normalize('NFKC');
    for (const part of nf) {
      const f = foldChar(part, lowercase, foldArabic);
      grow(f.length);
      for (let k = 0; k < f.length; k++) {
        out[o] = f.charCodeAt(k);
        map[o++] = i;
      }
    }
    i += width;
  }
  map[o] = len;
  let text = '';
  for (let k = 0; k < o; k += 4096) text += String.fromCharCode.apply(null, out.subarray(k, Math.min(o, k + 4096)) as unknown as number[]);
  return { text, map: map.slice(0, o + 1), source: input };
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
