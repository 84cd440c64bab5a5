/** A dyad's events as the profile counts them: the store's rows (one per event, direction and set of domains) merged per event. */
import { DOMAINS, type EventType, type Modality } from '../core/types.js';
import type { DyadEventRow } from '../store/analytics.types.js';

/** One real-world event of a dyad. */
export interface DyadEvent {
  cluster: number;
  type: EventType;
  modality: Modality;
  /** Mean intensity of its reports. */
  intensity: number;
  /** Its reports (mentions) in the window. */
  mentions: number;
  /** Its earliest event date. */
  day: string | null;
  /** True when its first report has the dyad's first actor as source. */
  fromA: boolean;
  /** Every domain one of its reports was coded with, as indexes into DOMAINS. */
  domains: readonly number[];
  /** Its first report (lowest mention id): the mention quoted as evidence. */
  first: number;
  /** When its reports were coded with different domains: the first report coded with each (by index into DOMAINS). */
  firstIn?: Map<number, number>;
}

/** The first report of an event coded with domain `d` (an index into DOMAINS; -1 for any domain). */
export function firstReportIn(e: DyadEvent, d: number): number | undefined {
  if (d < 0) return e.first;
  if (e.firstIn) return e.firstIn.get(d);
  return e.domains.includes(d) ? e.first : undefined;
}

const INDEX = new Map<string, number>(DOMAINS.map((d, i) => [d, i]));
const parsed = new Map<string, readonly number[]>();

/** The domain indexes of a stored domains string (cached: the strings repeat). */
function domainIndexes(domains: string): readonly number[] {
  let out = parsed.get(domains);
  if (!out) {
    out = [...new Set(domains.split(';').map((d) => INDEX.get(d)).filter((i): i is number => i !== undefined))].sort((x, y) => x - y);
    parsed.set(domains, out);
  }
  return out;
}

/**
 * Merge the store's rows into events: reports summed, domains united, the first report kept overall and per
 * domain. Events come in cluster order (whatever order the store's rows came in), so that sums over them add
 * up in the same order on every backend.
 */
export function mergeEvents(rows: readonly DyadEventRow[]): DyadEvent[] {
  // Sorted by cluster, the rows of one event lie together (the store's rows come in two runs, one per
  // direction, each in cluster order: the sort merges them in one pass).
  const sorted = [...rows].sort((x, y) => x.cluster - y.cluster);
  const out: DyadEvent[] = [];
  let e: DyadEvent | undefined;
  for (const r of sorted) {
    const domains = domainIndexes(r.domains);
    if (e?.cluster !== r.cluster) {
      // `intensity` holds the sum of the reports' intensities until the end.
      e = {
        cluster: r.cluster, type: r.type as EventType, modality: r.modality as Modality, intensity: r.intensity, mentions: r.mentions,
        day: r.day, fromA: r.fromA, domains, first: r.first,
      };
      out.push(e);
      continue;
    }
    // A second row of the same event (another set of domains, or the other direction): keep the first report per domain.
    const firstIn = e.firstIn ?? new Map(e.domains.map((d) => [d, (e as DyadEvent).first]));
    for (const d of domains) {
      const seen = firstIn.get(d);
      if (seen === undefined || r.first < seen) firstIn.set(d, r.first);
    }
    e.firstIn = firstIn;
    e.domains = [...firstIn.keys()].sort((x, y) => x - y);
    e.intensity += r.intensity;
    e.mentions += r.mentions;
    if (r.day !== null && (e.day === null || r.day < e.day)) e.day = r.day;
    if (r.first < e.first) [e.first, e.fromA] = [r.first, r.fromA];
  }
  for (const x of out) x.intensity = x.mentions > 0 ? x.intensity / x.mentions : 0;
  return out;
}
