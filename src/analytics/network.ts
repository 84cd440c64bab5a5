/**
 * The alignment network: a signed, weighted graph of actors from their asserted events in a window, with
 * structural balance, blocs, each actor's closest partners and main adversaries, and (for a dyad) how every
 * other actor relates to both sides.
 *
 * Weighting: an edge joins two actors linked by at least `minEvents` asserted events (distinct real-world
 * events, either direction). Its weight is events × the mean intensity of their reports — the sum of the
 * events' intensities when each event's reports agree, which they do unless a trigger set its own value —
 * so that one event reported by ten outlets weighs as one event. Positive weight is cooperation, negative
 * conflict; `mean` (−10..+10) is the tone regardless of volume. Denied, announced, possible and called-for
 * events take no part.
 */
import { MizanError } from '../core/errors.js';
import type { Store } from '../store/store.js';
import { actorRef, assertKnownActors } from './actors.js';
import { structuralBalance, type BalanceSummary, type SignedEdge } from './balance.js';
import { signedBlocs } from './blocs.js';
import { thirdPartyView, type ThirdPartyView } from './third-party.js';
import { checkPair, checkWindow } from './window.js';

/** Options of {@link alignmentNetwork}; all optional. */
export interface NetworkOptions {
  /** Event dates on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Event dates on or before this day (YYYY-MM-DD). */
  until?: string;
  /** Fewest asserted events for a link between two actors (default 1). */
  minEvents?: number;
  /** Also compute the third-party view of this dyad. */
  dyad?: [string, string];
  /** Seed of the community detection (default 1). */
  seed?: number;
  /** Partners and adversaries listed per actor (default 5). */
  ties?: number;
}

/** One link of the network (a < b). */
export interface NetworkEdge extends SignedEdge {
  /** Distinct asserted events between the two, and their reports. */
  events: number;
  mentions: number;
  /** Mean intensity of the reports, −10..+10. */
  mean: number;
  /** Reports with positive and with negative intensity. */
  cooperativeReports: number;
  conflictualReports: number;
}

/** An actor's tie to another. */
export interface Tie {
  code: string;
  weight: number;
  events: number;
  mean: number;
}

/** One actor of the network. */
export interface NetworkNode {
  code: string;
  name: { ar: string; en: string };
  /** Asserted events on its links. */
  events: number;
  /** Sums of its positive and of its negative link weights (the latter ≤ 0). */
  positive: number;
  negative: number;
  /** Index into Network.blocs. */
  bloc: number;
  /** Its strongest positive links, strongest first. */
  partners: Tie[];
  /** Its strongest negative links, most negative first. */
  adversaries: Tie[];
}

/** A bloc: members, and the weight of the links inside it. */
export interface Bloc {
  id: number;
  members: string[];
  /** Sum of positive and of negative link weights among members. */
  internalPositive: number;
  internalNegative: number;
}

/** The alignment network. */
export interface Network {
  window: { since: string | null; until: string | null };
  minEvents: number;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  balance: BalanceSummary;
  blocs: Bloc[];
  /** Signed modularity of the blocs (Gómez, Jensen & Arenas 2009). */
  modularity: number;
  /** The third-party view of `opts.dyad`, when asked. */
  dyad?: ThirdPartyView;
}

function tie(e: NetworkEdge, other: string): Tie {
  return { code: other, weight: e.weight, events: e.events, mean: e.mean };
}

/**
 * Build the alignment network of a window from asserted events: signed weighted links, structural balance,
 * blocs by signed community detection, partners and adversaries, and optionally a dyad's third-party view.
 * @throws MizanError MIZAN_E_USAGE for bad dates or minEvents; MIZAN_E_NOT_FOUND for an unknown code in `dyad`.
 */
export async function alignmentNetwork(store: Store, opts: NetworkOptions = {}): Promise<Network> {
  const window = checkWindow(opts);
  const minEvents = opts.minEvents ?? 1;
  if (!Number.isInteger(minEvents) || minEvents < 1) throw new MizanError('MIZAN_E_USAGE', `minEvents must be a whole number of at least 1, not ${minEvents}`);
  if (opts.dyad) {
    checkPair(...opts.dyad);
    await assertKnownActors(store, opts.dyad);
  }
  const links = await store.actorLinks(window);
  const edges: NetworkEdge[] = links.filter((l) => l.events >= minEvents).map((l) => ({
    a: l.a, b: l.b, events: l.events, mentions: l.mentions, cooperativeReports: l.cooperativeReports, conflictualReports: l.conflictualReports,
    weight: l.mentions > 0 ? (l.intensity * l.events) / l.mentions : 0,
    mean: l.mentions > 0 ? l.intensity / l.mentions : 0,
  }));
  const codes = [...new Set(edges.flatMap((e) => [e.a, e.b]))].sort();
  const partition = signedBlocs(codes, edges, { seed: opts.seed ?? 1 });
  const ties = opts.ties ?? 5;
  const nodes: NetworkNode[] = codes.map((code) => {
    const own = edges.filter((e) => e.a === code || e.b === code);
    const other = (e: NetworkEdge): string => (e.a === code ? e.b : e.a);
    return {
      code, name: actorRef(code).name,
      events: own.reduce((t, e) => t + e.events, 0),
      positive: own.reduce((t, e) => t + Math.max(0, e.weight), 0),
      negative: own.reduce((t, e) => t + Math.min(0, e.weight), 0),
      bloc: partition.blocOf.get(code) ?? -1,
      partners: own.filter((e) => e.weight > 0).sort((x, y) => y.weight - x.weight || other(x).localeCompare(other(y))).slice(0, ties).map((e) => tie(e, other(e))),
      adversaries: own.filter((e) => e.weight < 0).sort((x, y) => x.weight - y.weight || other(x).localeCompare(other(y))).slice(0, ties).map((e) => tie(e, other(e))),
    };
  });
  const blocs: Bloc[] = partition.blocs.map((members, id) => {
    const inside = new Set(members);
    const internal = edges.filter((e) => inside.has(e.a) && inside.has(e.b));
    return {
      id, members,
      internalPositive: internal.reduce((t, e) => t + Math.max(0, e.weight), 0),
      internalNegative: internal.reduce((t, e) => t + Math.min(0, e.weight), 0),
    };
  });
  const network: Network = {
    window: { since: window.since ?? null, until: window.until ?? null }, minEvents,
    nodes, edges, balance: structuralBalance(edges), blocs, modularity: partition.modularity,
  };
  if (opts.dyad) network.dyad = thirdPartyView(network, opts.dyad[0], opts.dyad[1]);
  return network;
}
