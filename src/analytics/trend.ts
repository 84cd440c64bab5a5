/** Trends: periods between two dates, bucketing of dates, and the earlier-versus-later summary of a series. */
import { addDays, addMonths, weekStart } from '../core/calendar.js';
import type { Period } from './window.js';

/** Reported acts, talk and denials of one period. */
export interface PeriodPoint {
  /** The period: a month (YYYY-MM) or the Monday of a week (YYYY-MM-DD). */
  period: string;
  /** Asserted events. */
  acts: number;
  /** Sum of the acts' intensities. */
  intensity: number;
  /** Mean intensity of the acts (null without acts). */
  mean: number | null;
  /** Future, speculative and normative events. */
  talk: number;
  /** Negated events. */
  negated: number;
}

/** Acts of one half of the observed periods. */
export interface HalfFigures {
  periods: number;
  acts: number;
  mean: number | null;
}

/** How the acts moved from the earlier half of the observed periods to the later half. */
export interface TrendSummary {
  /** First day of the later half (null with fewer than two periods). */
  split: string | null;
  earlier: HalfFigures;
  later: HalfFigures;
  /**
   * Change of the acts' mean intensity: 'more-cooperative' when the later mean is at least 1 point higher,
   * 'more-conflictual' when at least 1 point lower, else 'steady'; 'insufficient' with fewer than 2 acts in a half.
   */
  tone: 'more-cooperative' | 'more-conflictual' | 'steady' | 'insufficient';
  /**
   * Change of acts per period: 'rising' when the later rate is at least 1.5 times the earlier, 'falling' when
   * at most 1/1.5 of it, else 'steady'; 'insufficient' with fewer than 4 acts in all.
   */
  activity: 'rising' | 'falling' | 'steady' | 'insufficient';
}

/** The period holding a date (YYYY-MM-DD). */
export function periodOf(date: string, by: Period): string {
  return by === 'month' ? date.slice(0, 7) : weekStart(date);
}

/** The first day of a period. */
export function periodStart(period: string): string {
  return period.length === 7 ? `${period}-01` : period;
}

/** Every period from the one holding `first` to the one holding `last`, in order. */
export function periodsBetween(first: string, last: string, by: Period): string[] {
  const out: string[] = [];
  const end = periodOf(last, by);
  for (let p = periodOf(first, by); p <= end;) {
    out.push(p);
    p = by === 'month' ? addMonths(periodStart(p), 1).slice(0, 7) : addDays(p, 7);
  }
  return out;
}

/** A point with nothing in it. */
export function emptyPoint(period: string): PeriodPoint {
  return { period, acts: 0, intensity: 0, mean: null, talk: 0, negated: 0 };
}

function half(points: readonly PeriodPoint[]): HalfFigures {
  const acts = points.reduce((t, p) => t + p.acts, 0);
  const sum = points.reduce((t, p) => t + p.intensity, 0);
  return { periods: points.length, acts, mean: acts > 0 ? sum / acts : null };
}

/** The first day of the later half of some periods (the half after the first ⌊n/2⌋), or null with fewer than two. */
export function splitOf(periods: readonly string[]): string | null {
  const cut = Math.floor(periods.length / 2);
  const p = cut > 0 ? periods[cut] : undefined;
  return p === undefined ? null : periodStart(p);
}

/** Compare the earlier half of the periods (the first ⌊n/2⌋) with the later half (the rest). */
export function summarize(points: readonly PeriodPoint[]): TrendSummary {
  const cut = Math.floor(points.length / 2);
  const earlier = half(points.slice(0, cut));
  const later = half(points.slice(cut));
  const split = splitOf(points.map((p) => p.period));
  let tone: TrendSummary['tone'] = 'insufficient';
  if (earlier.acts >= 2 && later.acts >= 2 && earlier.mean !== null && later.mean !== null) {
    const diff = later.mean - earlier.mean;
    tone = diff >= 1 ? 'more-cooperative' : diff <= -1 ? 'more-conflictual' : 'steady';
  }
  let activity: TrendSummary['activity'] = 'insufficient';
  if (split !== null && earlier.acts + later.acts >= 4) {
    const [e, l] = [earlier.acts / earlier.periods, later.acts / later.periods];
    activity = l >= 1.5 * e ? 'rising' : l * 1.5 <= e ? 'falling' : 'steady';
  }
  return { split, earlier, later, tone, activity };
}
