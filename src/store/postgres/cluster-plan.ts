/**
 * Cluster assignment for a whole article at once, in memory: the same rule as the SQLite store's
 * cluster.repository.ts (a mention joins the cluster of its key whose first date is nearest its own within the
 * window, else opens one; an undated mention joins only an undated cluster its article opened), applied to the
 * candidate clusters read in one query, so that an article's clusters are written in a handful of statements.
 */
import { addDays } from '../../core/calendar.js';
import type { EventType, Modality } from '../../core/types.js';
import { clusterKey } from '../cluster-key.js';

/** One event mention of the article, in order. */
export interface PlanMention {
  source: string;
  target: string;
  type: EventType;
  modality: Modality;
  eventDate?: string | undefined;
}

/** A stored cluster that a mention may join. */
export interface ClusterCandidate {
  id: number;
  key: string;
  firstDate: string;
  lastDate: string;
}

/** A cluster the article opens. */
export interface NewCluster {
  key: string;
  source: string;
  target: string;
  type: EventType;
  modality: Modality;
  firstDate: string | null;
  lastDate: string | null;
  mentions: number;
  /** Index of the mention that opened it (its root). */
  root: number;
}

/** What the article does to a stored cluster it joins. */
export interface JoinedCluster {
  id: number;
  key: string;
  /** Mentions added, and the cluster's dates after them. */
  mentions: number;
  firstDate: string;
  lastDate: string;
}

/** Where each mention goes: a stored cluster by id, or a new cluster by its index in `created`. */
export type Placement = { stored: number } | { created: number };

/** The clusters of an article's mentions. */
export interface ClusterPlan {
  placements: Placement[];
  created: NewCluster[];
  joined: JoinedCluster[];
}

/** The date windows to read candidates for: each dated mention's key with [date - w, date + w]. */
export function candidateWindows(mentions: readonly PlanMention[], windowDays: number): Array<{ key: string; from: string; to: string }> {
  return mentions.filter((m) => m.eventDate).map((m) => ({
    key: clusterKey(m), from: addDays(m.eventDate as string, -windowDays), to: addDays(m.eventDate as string, windowDays),
  }));
}

/** Assign every mention to a cluster, given the stored candidates of {@link candidateWindows}. */
export function planClusters(mentions: readonly PlanMention[], stored: readonly ClusterCandidate[], windowDays: number): ClusterPlan {
  // Candidates in id order, as the SQLite store reads them; clusters opened here come after every stored one.
  const live = [...new Map(stored.map((c) => [c.id, { ...c }])).values()].sort((a, b) => a.id - b.id);
  const joined = new Map<number, JoinedCluster>();
  const created: NewCluster[] = [];
  const placements: Placement[] = [];
  mentions.forEach((m, i) => {
    const key = clusterKey(m);
    const date = m.eventDate;
    if (!date) {
      const own = created.findIndex((c) => c.key === key && c.firstDate === null);
      if (own >= 0) {
        (created[own] as NewCluster).mentions++;
        placements.push({ created: own });
      } else {
        created.push({ key, source: m.source, target: m.target, type: m.type, modality: m.modality, firstDate: null, lastDate: null, mentions: 1, root: i });
        placements.push({ created: created.length - 1 });
      }
      return;
    }
    const from = addDays(date, -windowDays);
    const to = addDays(date, windowDays);
    const at = Date.parse(date);
    let best = Infinity;
    let pick: Placement | undefined;
    for (const c of live) {
      if (c.key !== key || c.firstDate < from || c.firstDate > to) continue;
      const d = Math.abs(Date.parse(c.firstDate) - at);
      if (d < best) [best, pick] = [d, { stored: c.id }];
    }
    created.forEach((c, n) => {
      if (c.key !== key || c.firstDate === null || c.firstDate < from || c.firstDate > to) return;
      const d = Math.abs(Date.parse(c.firstDate) - at);
      if (d < best) [best, pick] = [d, { created: n }];
    });
    if (pick === undefined) {
      created.push({ key, source: m.source, target: m.target, type: m.type, modality: m.modality, firstDate: date, lastDate: date, mentions: 1, root: i });
      placements.push({ created: created.length - 1 });
    } else if ('created' in pick) {
      const c = created[pick.created] as NewCluster;
      c.mentions++;
      c.firstDate = (c.firstDate as string) < date ? c.firstDate : date;
      c.lastDate = (c.lastDate as string) > date ? c.lastDate : date;
      placements.push(pick);
    } else {
      const c = live.find((x) => x.id === (pick as { stored: number }).stored) as ClusterCandidate;
      c.firstDate = c.firstDate < date ? c.firstDate : date;
      c.lastDate = c.lastDate > date ? c.lastDate : date;
      const j = joined.get(c.id) ?? { id: c.id, key, mentions: 0, firstDate: c.firstDate, lastDate: c.lastDate };
      j.mentions++;
      [j.firstDate, j.lastDate] = [c.firstDate, c.lastDate];
      joined.set(c.id, j);
      placements.push(pick);
    }
  });
  return { placements, created, joined: [...joined.values()] };
}
