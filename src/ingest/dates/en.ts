/** English date expressions: "12 September 2026", "September 12", "in 2015", "yesterday", "on Tuesday", "last week". */
import { alt, B, E, key, numberOf, numericDates, rx, YEAR, type Matcher } from './grammar.js';
import { dateLexicon, list, table } from './lexicon.js';
import type { Temporal, Unit } from './temporal.js';

/** The English matchers. */
export function englishGrammar(): Matcher[] {
  const lex = dateLexicon('en');
  const months = table<number>(lex, 'months');
  const weekdays = table<number>(lex, 'weekdays');
  const days = table<number>(lex, 'days');
  const periods = table<[Unit, number]>(lex, 'periods');
  const mods = table<number>(lex, 'weekdayModifiers');
  const numbers = table<number>(lex, 'numbers');
  const units = table<Unit>(lex, 'units');
  const M = `(?<month>${alt(Object.keys(months))})\\.?`;
  const fullMonths = Object.keys(months).filter((m) => m.length > 3 && m !== 'sept');
  const D = '(?<day>[0-3]?\\d)(?:st|nd|rd|th)?';
  const month = (m: RegExpExecArray): number => months[key(m.groups?.month)] as number;
  const year = (m: RegExpExecArray): number | undefined => (m.groups?.year ? Number(m.groups.year) : undefined);
  const date = (m: RegExpExecArray): Temporal => {
    const y = year(m);
    return { kind: 'date', month: month(m), day: Number(m.groups?.day), ...(y ? { year: y } : {}) };
  };
  return [
    ...numericDates(false),
    { needs: [], re: rx(B, D, '\\s+(?:of\\s+)?', M, `(?:,?\\s+${YEAR})?`, E), read: date },
    { needs: [], re: rx(B, M, '\\s+', D, `(?:,?\\s+${YEAR})?`, E), read: date },
    { needs: [], re: rx(B, M, ',?\\s+(?:of\\s+)?', YEAR, E), read: (m) => ({ kind: 'date', month: month(m), year: year(m) as number }) },
    {
      needs: fullMonths,
      re: rx(`(?<=${B}(?:in|since|until|by|during|from|early|late|mid|last)[\\s-]+)`, `(?<month>${alt(fullMonths)})`, E),
      read: (m) => (m.groups?.month === 'may' ? undefined : { kind: 'date', month: month(m) }),
    },
    { needs: [], re: rx(`(?<=${B}(?:${alt(list(lex, 'yearPrepositions'))})[\\s-]+)`, YEAR, E), read: (m) => ({ kind: 'year', year: year(m) as number }) },
    { needs: Object.keys(days), re: rx(B, `(?<rel>${alt(Object.keys(days))})`, E), read: (m) => ({ kind: 'offset', unit: 'day', n: days[key(m.groups?.rel)] as number }) },
    {
      needs: Object.keys(periods),
      re: rx(B, `(?<per>${alt(Object.keys(periods))})`, E),
      read: (m) => {
        const [unit, n] = periods[key(m.groups?.per)] as [Unit, number];
        return unit === 'day' ? { kind: 'offset', unit, n } : { kind: 'period', unit, n };
      },
    },
    {
      needs: Object.keys(weekdays),
      re: rx(B, `(?:(?<mod>${alt(Object.keys(mods))})\\s+)?(?<wd>${alt(Object.keys(weekdays))})`, E),
      read: (m) => ({ kind: 'weekday', weekday: weekdays[m.groups?.wd as string] as number, dir: (mods[key(m.groups?.mod)] ?? 0) as -1 | 0 | 1 }),
    },
    {
      needs: ['ago'],
      re: rx(B, `(?<n>\\d+|${alt(Object.keys(numbers))})\\s+(?<unit>${alt(Object.keys(units))})\\s+ago`, E),
      read: (m) => {
        const n = numberOf(m.groups?.n, numbers);
        return n === undefined ? undefined : { kind: 'offset', unit: units[m.groups?.unit as string] as Unit, n: -n };
      },
    },
  ];
}
