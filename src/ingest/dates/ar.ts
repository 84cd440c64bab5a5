/** Arabic date expressions: "في 20 تشرين الأول/أكتوبر 2026", "الثامن من أيلول", "عام 2015", "أمس الاثنين", "يوم الأربعاء الماضي", "الأسبوع الماضي". */
import { alt, B, E, key, numberOf, numericDates, readAgo, rx, YEAR, type Matcher } from './grammar.js';
import { dateLexicon, list, table } from './lexicon.js';
import type { Temporal, Unit } from './temporal.js';

/** The Arabic matchers (over normalized text: alef, ya and ta marbuta folded, digits ASCII). */
export function arabicGrammar(): Matcher[] {
  const lex = dateLexicon('ar');
  const months = table<number>(lex, 'months');
  const weekdays = table<number>(lex, 'weekdays');
  const days = table<number>(lex, 'days');
  const periods = table<[Unit, number]>(lex, 'periods');
  const mods = table<number>(lex, 'weekdayModifiers');
  const ordinals = table<number>(lex, 'ordinals');
  const ago = table<[Unit, number]>(lex, 'ago');
  const agoUnits = table<Unit>(lex, 'agoUnits');
  const numbers = table<number>(lex, 'numbers');
  const notToday = new Set(list(lex, 'notToday'));
  const monthWords = alt(Object.keys(months));
  // A month, optionally doubled in the other naming: "تشرين الأول/أكتوبر", "أيلول (سبتمبر)".
  const M = `(?<month>${monthWords})(?:\\s*[/(]\\s*(?:${monthWords})\\s*\\)?)?`;
  const Y = `(?:(?:عام|العام|سنه)\\s+)?${YEAR}(?:\\s*م${E})?`;
  const D = `(?<day>[0-3]?\\d|${alt(Object.keys(ordinals))})`;
  const month = (m: RegExpExecArray): number => months[key(m.groups?.month)] as number;
  const year = (m: RegExpExecArray): number | undefined => (m.groups?.year ? Number(m.groups.year) : undefined);
  const monthOnly = Object.keys(months).filter((w) => w !== 'اب' && w !== 'مارس');
  // Conjunctions و and ف attach to the word they precede: "وأمس", "وفي 20 أيلول".
  const AB = `${B}(?:[وف](?=[\\p{L}\\p{N}]))?`;
  return [
    ...numericDates(true),
    {
      needs: Object.keys(months),
      re: rx(AB, D, '(?:\\s+من)?\\s+', M, `(?:\\s+${Y})?`, E),
      read: (m): Temporal | undefined => {
        const day = numberOf(m.groups?.day, ordinals);
        const y = year(m);
        return day === undefined ? undefined : { kind: 'date', month: month(m), day, ...(y ? { year: y } : {}) };
      },
    },
    { needs: [], re: rx(AB, M, '\\s+(?:من\\s+)?', Y, E), read: (m) => ({ kind: 'date', month: month(m), year: year(m) as number }) },
    {
      needs: monthOnly,
      re: rx(`(?<=${B}[وف]?(?:${alt(list(lex, 'monthOnlyPrepositions'))})\\s+)`, `(?<month>${alt(monthOnly)})`, E),
      read: (m) => ({ kind: 'date', month: month(m) }),
    },
    { needs: [], re: rx(AB, `(?:${alt(list(lex, 'yearWords'))})\\s+`, YEAR, E), read: (m) => ({ kind: 'year', year: year(m) as number }) },
    {
      needs: Object.keys(days),
      re: rx(AB, `(?<rel>${alt(Object.keys(days))})(?:\\s+(?<wd>${alt(Object.keys(weekdays))}))?`, E),
      read: (m) => {
        const rel = key(m.groups?.rel);
        if (rel === 'اليوم' && !m.groups?.wd) {
          const next = /^\s+([\p{L}]+)/u.exec(m.input.slice(m.index + m[0].length))?.[1];
          if (next !== undefined && notToday.has(next)) return undefined;
        }
        return { kind: 'offset', unit: 'day', n: days[rel] as number };
      },
    },
    {
      needs: Object.keys(periods),
      re: rx(AB, `(?<per>${alt(Object.keys(periods))})`, E),
      read: (m) => {
        const [unit, n] = periods[key(m.groups?.per)] as [Unit, number];
        return unit === 'day' ? { kind: 'offset', unit, n } : { kind: 'period', unit, n };
      },
    },
    {
      needs: Object.keys(weekdays),
      re: rx(AB, `(?<yawm>يوم\\s+)?(?<wd>${alt(Object.keys(weekdays))})(?:\\s+(?<mod>${alt(Object.keys(mods))}))?`, E),
      read: (m) => {
        const wd = m.groups?.wd as string;
        // "الأحد" is also "the one": take it as Sunday only with يوم or a modifier.
        if (wd === 'الاحد' && !m.groups?.yawm && !m.groups?.mod) return undefined;
        return { kind: 'weekday', weekday: weekdays[wd] as number, dir: (mods[key(m.groups?.mod)] ?? 0) as -1 | 0 | 1 };
      },
    },
    {
      needs: [...Object.keys(ago), ...Object.keys(agoUnits)],
      re: rx(AB, `(?:${alt(list(lex, 'agoMarkers'))})\\s+(?:(?<word>${alt(Object.keys(ago))})|(?<n>\\d+|${alt(Object.keys(numbers))})\\s+(?<unit>${alt(Object.keys(agoUnits))}))`, E),
      read: (m) => readAgo(m, ago, agoUnits, numbers),
    },
  ];
}
