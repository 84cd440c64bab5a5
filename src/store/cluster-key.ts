/**
 * Which event mentions report the same real-world event. Two mentions cluster when they share a dyad,
 * a type and a modality, and their dates lie within a window of days (GDELT groups by day; a window
 * absorbs the next-day report and relative dates that fall back to the article date).
 */
import { daysBetween } from '../core/calendar.js';
import type { EventType, Modality } from '../core/types.js';

/**
 * Joint acts, coded with the first-mentioned side as source: "Moscow and Damascus signed" and
 * "Syria and Russia signed" are one event, so their dyad is taken unordered. Every other type is
 * directed (an accusation by Syria of Israel is not one by Israel of Syria).
 */
export const UNDIRECTED_TYPES: ReadonlySet<EventType> = new Set<EventType>(['AGREE', 'CONSULT', 'COOPERATE']);

/** Default window: mentions dated at most this many days apart (from the cluster's span) join it. */
export const CLUSTER_WINDOW_DAYS = 3;

/** The cluster key of a mention: type, modality and dyad (sorted for undirected types). */
export function clusterKey(e: { source: string; target: string; type: EventType; modality: Modality }): string {
  const [a, b] = UNDIRECTED_TYPES.has(e.type) && e.target < e.source ? [e.target, e.source] : [e.source, e.target];
  return `${e.type}|${e.modality}|${a}|${b}`;
}

/** Distance in days from a date to a cluster's [first, last] span (0 inside it). */
export function distanceToSpan(date: string, first: string, last: string): number {
  if (date < first) return daysBetween(date, first);
  if (date > last) return daysBetween(last, date);
  return 0;
}
