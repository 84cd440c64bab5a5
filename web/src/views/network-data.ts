/** The network as the graph view draws it, read from the API's alignment network (src/analytics/network.ts). */
import type { GraphEdge, GraphNode } from '../charts/network-graph.js';

/** An actor's tie to another. */
export interface Tie {
  code: string;
  weight: number;
  events: number;
  mean: number;
}

/** The API's network, as far as the view reads it. */
export interface ApiNetwork {
  window: { since: string | null; until: string | null };
  nodes: Array<{ code: string; name: { ar: string; en: string }; events: number; bloc: number; partners: Tie[]; adversaries: Tie[] }>;
  edges: Array<{ a: string; b: string; weight: number; events: number; mean: number }>;
  blocs: Array<{ id: number; members: string[] }>;
  balance: { triads: number; balanced: number; share: number | null };
  modularity: number;
}

/** Nodes, signed edges, blocs (lists of actor codes), and each actor's partners and adversaries. */
export interface NetworkGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  blocs: string[][];
  ties: Map<string, { partners: Tie[]; adversaries: Tie[]; name: { ar: string; en: string } }>;
  balance: ApiNetwork['balance'];
}

/** Read the API's network. */
export function toGraph(d: ApiNetwork): NetworkGraph {
  return {
    nodes: d.nodes.map((n) => ({ code: n.code, label: `${n.code} ${n.name.en}`, events: n.events, bloc: n.bloc })),
    edges: d.edges.map((e) => ({ a: e.a, b: e.b, events: e.events, sign: e.mean })),
    blocs: d.blocs.map((b) => b.members),
    ties: new Map(d.nodes.map((n) => [n.code, { partners: n.partners, adversaries: n.adversaries, name: n.name }])),
    balance: d.balance,
  };
}
