/** Place a date expression on the calendar, against the date of the article that holds it. */
import { addDays, addMonths, daysBetween, weekday, weekStart, ymd } from '../../core/calendar.js';
import type { ResolvedDate, Temporal } from './temporal.js';

/** Options of {@link resolveTemporal}; all optional. */
export interface ResolveOptions {
  /** The act is future (announced, planned): a bare weekday is the next one, not the last one. */
  future?: boolean;
}

/**
 * The calendar date of an expression, given the article's date (`anchor`, YYYY-MM-DD). Absolute dates
 * keep their year; a day or month without a year takes the year that puts it nearest the anchor.
 * Relative expressions need the anchor and give undefined without it.
 */
export function resolveTemporal(t: Temporal, anchor: string | undefined, options: ResolveOptions = {}): ResolvedDate | undefined {
  switch (t.kind) {
    case 'year':
      return at(ymd(t.year, 1, 1), 'year');
    case 'date': {
      const day = t.day ?? 1;
      const precision = t.day === undefined ? 'month' : 'day';
      if (t.year !== undefined) return at(ymd(t.year, t.month, day), precision);
      if (!anchor) return undefined;
      const y = Number(anchor.slice(0, 4));
      const options = [y - 1, y, y + 1].map((year) => ymd(year, t.month, day)).filter((d): d is string => d !== undefined);
      options.sort((a, b) => Math.abs(daysBetween(anchor, a)) - Math.abs(daysBetween(anchor, b)));
      return at(options[0], precision);
    }
    case 'offset':
      if (!anchor) return undefined;
      switch (t.unit) {
        case 'day': return at(addDays(anchor, t.n), 'day');
        case 'week': return at(addDays(anchor, 7 * t.n), 'week');
        case 'month': return at(addMonths(anchor, t.n), 'month');
        case 'year': return at(ymd(Number(anchor.slice(0, 4)) + t.n, 1, 1), 'year');
      }
      return undefined;
    case 'period':
      if (!anchor) return undefined;
      if (t.unit === 'week') return at(addDays(weekStart(anchor), 7 * t.n), 'week');
      if (t.unit === 'month') return at(addMonths(anchor, t.n), 'month');
      return at(ymd(Number(anchor.slice(0, 4)) + t.n, 1, 1), 'year');
    case 'weekday': {
      if (!anchor) return undefined;
      const back = (weekday(anchor) - t.weekday + 7) % 7;
      const ahead = (t.weekday - weekday(anchor) + 7) % 7;
      if (t.dir === -1) return at(addDays(anchor, -(back === 0 ? 7 : back)), 'day');
      if (t.dir === 1) return at(addDays(anchor, ahead === 0 ? 7 : ahead), 'day');
      return at(addDays(anchor, options.future ? ahead : -back), 'day');
    }
  }
}

function at(date: string | undefined, precision: ResolvedDate['precision']): ResolvedDate | undefined {
  return date === undefined ? undefined : { date, precision };
}
