/** What a date expression says, before and after it is placed on the calendar. */
import type { DatePrecision } from '../../store/store.js';

/** A calendar unit of relative expressions. */
export type Unit = 'day' | 'week' | 'month' | 'year';

/** The meaning of a date expression, independent of when the article was written. */
export type Temporal =
  /** A day or a month; the year may be missing ("12 September", "in September"). */
  | { kind: 'date'; year?: number; month: number; day?: number }
  /** A year ("in 2015"). */
  | { kind: 'year'; year: number }
  /** `n` units from the article date ("yesterday": day −1; "two weeks ago": week −2). */
  | { kind: 'offset'; unit: Unit; n: number }
  /** The week, month or year `n` from the article's ("last week": week −1). */
  | { kind: 'period'; unit: Exclude<Unit, 'day'>; n: number }
  /** A day of the week (0 = Sunday): the last one (−1), the next one (1), or the nearest (0) by tense. */
  | { kind: 'weekday'; weekday: number; dir: -1 | 0 | 1 };

/** A date expression found in a text. */
export interface DateMention {
  /** Original offsets of the expression. */
  start: number;
  end: number;
  /** The expression as written. */
  text: string;
  temporal: Temporal;
  /** 'since' when the expression starts a span ("since 2015", "منذ"), which does not date the act. */
  role: 'point' | 'since';
}

/** A date placed on the calendar. */
export interface ResolvedDate {
  /** The first day it stands for (YYYY-MM-DD). */
  date: string;
  precision: DatePrecision;
}
