/**
 * Which event mentions report the same real-world event. A mention joins a cluster when it shares its
 * dyad, type and modality and its date lies within a window of days of the cluster's first date (GDELT
 * groups by day; a window absorbs next-day reports and relative dates that fall back to the article
 * date). Measuring from the first date, not chaining from the last, keeps a daily series of strikes
 * from merging into one event.
 */
import type { EventType, Modality } from '../core/types.js';

/**
 * Joint acts, coded with the first-mentioned side as source: "Moscow and Damascus signed" and
 * "Syria and Russia signed" are one event, so their dyad is taken unordered. Every other type is
 * directed (an accusation by Syria of Israel is not one by Israel of Syria).
 */
export const UNDIRECTED_TYPES: ReadonlySet<EventType> = new Set<EventType>(['AGREE', 'CONSULT', 'COOPERATE']);

/** Default window: a mention joins a cluster whose first date is at most this many days from its own. */
export const CLUSTER_WINDOW_DAYS = 3;

/** The cluster key of a mention: type, modality and dyad (sorted for undirected types). */
export function clusterKey(e: { source: string; target: string; type: EventType; modality: Modality }): string {
  const [a, b] = UNDIRECTED_TYPES.has(e.type) && e.target < e.source ? [e.target, e.source] : [e.source, e.target];
  return `${e.type}|${e.modality}|${a}|${b}`;
}
