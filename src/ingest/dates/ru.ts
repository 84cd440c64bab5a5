/** Russian date expressions: "12 сентября 2026 года", "в сентябре 2015 года", "в 2015 году", "вчера", "в среду", "на прошлой неделе". */
import { alt, B, E, key, numberOf, numericDates, readAgo, rx, YEAR, type Matcher } from './grammar.js';
import { dateLexicon, table } from './lexicon.js';
import type { Temporal, Unit } from './temporal.js';

/** The Russian matchers (over normalized text: ё folded to е). */
export function russianGrammar(): Matcher[] {
  const lex = dateLexicon('ru');
  const genitive = table<number>(lex, 'months');
  const prepositional = table<number>(lex, 'monthsPrepositional');
  const nominative = table<number>(lex, 'monthsNominative');
  const weekdays = table<number>(lex, 'weekdays');
  const days = table<number>(lex, 'days');
  const periods = table<[Unit, number]>(lex, 'periods');
  const mods = table<number>(lex, 'weekdayModifiers');
  const ago = table<[Unit, number]>(lex, 'ago');
  const agoUnits = table<Unit>(lex, 'agoUnits');
  const numbers = table<number>(lex, 'numbers');
  const Y = `${YEAR}(?:\\s*(?:года|году|год|г\\.?))?`;
  const year = (m: RegExpExecArray): number | undefined => (m.groups?.year ? Number(m.groups.year) : undefined);
  const inMonth = (t: Record<string, number>) => (m: RegExpExecArray): Temporal => {
    const y = year(m);
    return { kind: 'date', month: t[key(m.groups?.month)] as number, ...(y ? { year: y } : {}) };
  };
  return [
    ...numericDates(true),
    {
      needs: [],
      re: rx(B, '(?<day>[0-3]?\\d)\\s+', `(?<month>${alt(Object.keys(genitive))})`, `(?:\\s+${Y})?`, E),
      read: (m) => {
        const y = year(m);
        return { kind: 'date', month: genitive[key(m.groups?.month)] as number, day: Number(m.groups?.day), ...(y ? { year: y } : {}) };
      },
    },
    { needs: [], re: rx(B, `(?<month>${alt(Object.keys(genitive))})\\s+`, Y, E), read: inMonth(genitive) },
    { needs: Object.keys(prepositional), re: rx(B, `(?:(?:в|во)\\s+)?(?<month>${alt(Object.keys(prepositional))})(?:\\s+${Y})?`, E), read: inMonth(prepositional) },
    { needs: [], re: rx(B, `(?<month>${alt(Object.keys(nominative))})\\s+`, Y, E), read: inMonth(nominative) },
    { needs: [], re: rx(B, YEAR, '\\s*(?:года|году|год|г\\.)', E), read: (m) => ({ kind: 'year', year: year(m) as number }) },
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
      re: rx(B, '(?:в|во)\\s+(?:ночь\\s+на\\s+)?', `(?:(?<mod>${alt(Object.keys(mods))})\\s+)?(?<wd>${alt(Object.keys(weekdays))})`, E),
      read: (m) => ({ kind: 'weekday', weekday: weekdays[m.groups?.wd as string] as number, dir: (mods[key(m.groups?.mod)] ?? 0) as -1 | 0 | 1 }),
    },
    {
      needs: ['назад'],
      re: rx(B, `(?:(?<word>${alt(Object.keys(ago))})|(?<n>\\d+|${alt(Object.keys(numbers))})\\s+(?<unit>${alt(Object.keys(agoUnits))}))\\s+назад`, E),
      read: (m) => readAgo(m, ago, agoUnits, numbers),
    },
  ];
}
