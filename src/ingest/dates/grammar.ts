/** Building blocks of the date grammars: word alternations, word boundaries and the matcher shape. */
import type { Temporal, Unit } from './temporal.js';

/** A pattern over normalized text and how to read a match of it. */
export interface Matcher {
  re: RegExp;
  read(m: RegExpExecArray): Temporal | undefined;
  /**
   * Phrases of which every match holds one; [] for a pattern whose matches always hold a digit instead. A text
   * that holds none of them (or, for [], no digit) is not searched with the pattern (see `patternsFor` in find.ts).
   */
  needs: readonly string[];
}

/** Start of a word: no letter or digit just before. */
export const B = '(?<![\\p{L}\\p{N}])';
/** End of a word: no letter or digit just after. */
export const E = '(?![\\p{L}\\p{N}])';
/** A year of the 19th to 21st century. */
export const YEAR = '(?<year>1[89]\\d\\d|20\\d\\d)';

/** A regex alternation of phrases, longest first, with any run of spaces inside a phrase allowed. */
export function alt(phrases: Iterable<string>): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\/-]/gu, '\\$&').replace(/\s+/gu, '\\s+'))
    .join('|');
}

/** A global, Unicode regex from parts. */
export function rx(...parts: string[]): RegExp {
  return new RegExp(parts.join(''), 'gu');
}

/** The phrase a group matched, with its inner spaces collapsed (the form lexicon keys have). */
export function key(s: string | undefined): string {
  return (s ?? '').replace(/\s+/gu, ' ');
}

/** A number written in digits or found in a table of number words. */
export function numberOf(s: string | undefined, words: Record<string, number>): number | undefined {
  if (s === undefined) return undefined;
  return /^\d+$/u.test(s) ? Number(s) : words[key(s)];
}

/** A day-month-year written with digits (d/m/yyyy, d.m.yyyy or d-m-yyyy), and ISO dates. */
export function numericDates(dayFirst: boolean): Matcher[] {
  const iso: Matcher = {
    needs: [],
    re: rx(B, '(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})', E),
    read: (m) => ({ kind: 'date', year: Number(m.groups?.y), month: Number(m.groups?.m), day: Number(m.groups?.d) }),
  };
  if (!dayFirst) return [iso];
  return [iso, {
    needs: [],
    re: rx(B, '(?<d>[0-3]?\\d)[/.](?<m>[01]?\\d)[/.](?<y>\\d{4})', E),
    read: (m) => ({ kind: 'date', year: Number(m.groups?.y), month: Number(m.groups?.m), day: Number(m.groups?.d) }),
  }];
}

/**
 * Read a past offset ("منذ يومين", "три дня назад"): a word that names one itself (`word`: its unit and
 * count), or a count (`n`, digits or a number word) and a unit (`unit`).
 */
export function readAgo(m: RegExpExecArray, ago: Record<string, [Unit, number]>, units: Record<string, Unit>, numbers: Record<string, number>): Temporal | undefined {
  if (m.groups?.word) {
    const [unit, n] = ago[key(m.groups.word)] as [Unit, number];
    return { kind: 'offset', unit, n: -n };
  }
  const n = numberOf(m.groups?.n, numbers);
  return n === undefined ? undefined : { kind: 'offset', unit: units[m.groups?.unit as string] as Unit, n: -n };
}
