/**
 * Blocs: signed community detection. Louvain (graphology-communities-louvain, seeded) on the positive edges
 * gives a first partition; it is then refined by moving single actors and merging whole blocs while the
 * signed modularity of Gómez, Jensen & Arenas (2009) grows:
 *
 *   Q = 1/(2w⁺ + 2w⁻) · Σᵢⱼ [ wᵢⱼ − (wᵢ⁺ wⱼ⁺ / 2w⁺ − wᵢ⁻ wⱼ⁻ / 2w⁻) ] δ(cᵢ, cⱼ)
 *
 * where wᵢⱼ is the signed weight of the edge i–j, wᵢ⁺ and wᵢ⁻ the positive and negative strength of i, and
 * 2w⁺, 2w⁻ their totals. Cooperation inside a bloc raises Q; conflict inside a bloc lowers it, so rivals
 * end up apart even when they share partners. Actors are visited in code order and Louvain takes a seeded
 * generator: the same graph gives the same blocs on every run.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { SignedEdge } from './balance.js';
import { seededRandom } from './random.js';

// graphology-communities-louvain is CommonJS: its default import is the function itself at run time.
const louvain = ((louvainModule as unknown as { default?: unknown }).default ?? louvainModule) as unknown as
  (graph: UndirectedGraph, options: { getEdgeWeight: string; rng: () => number; resolution?: number }) => Record<string, number>;

/** Options of {@link signedBlocs}; all optional. */
export interface BlocOptions {
  /** Seed of Louvain's generator (default 1). */
  seed?: number;
}

/** The partition found: each node's bloc index, and the signed modularity reached. */
export interface Partition {
  /** Node → bloc index (0, 1, ...: largest bloc first, ties by first member code). */
  blocOf: Map<string, number>;
  /** The blocs' members, in code order. */
  blocs: string[][];
  /** Signed modularity of the partition. */
  modularity: number;
}

interface Strengths {
  nodes: string[];
  adj: Map<string, Map<string, number>>;
  pos: Map<string, number>;
  neg: Map<string, number>;
  pos2: number;
  neg2: number;
}

function strengths(nodes: readonly string[], edges: readonly SignedEdge[]): Strengths {
  const sorted = [...new Set(nodes)].sort();
  const adj = new Map(sorted.map((n) => [n, new Map<string, number>()]));
  const pos = new Map(sorted.map((n) => [n, 0]));
  const neg = new Map(sorted.map((n) => [n, 0]));
  let [pos2, neg2] = [0, 0];
  for (const e of edges) {
    if (e.a === e.b || e.weight === 0 || !adj.has(e.a) || !adj.has(e.b)) continue;
    adj.get(e.a)?.set(e.b, e.weight);
    adj.get(e.b)?.set(e.a, e.weight);
    const [p, n] = e.weight > 0 ? [e.weight, 0] : [0, -e.weight];
    for (const x of [e.a, e.b]) {
      pos.set(x, (pos.get(x) ?? 0) + p);
      neg.set(x, (neg.get(x) ?? 0) + n);
    }
    pos2 += 2 * p;
    neg2 += 2 * n;
  }
  return { nodes: sorted, adj, pos, neg, pos2, neg2 };
}

/** The null-model term wᵢ⁺wⱼ⁺/2w⁺ − wᵢ⁻wⱼ⁻/2w⁻ for strength sums x and y. */
function expected(s: Strengths, xPos: number, xNeg: number, yPos: number, yNeg: number): number {
  return (s.pos2 > 0 ? (xPos * yPos) / s.pos2 : 0) - (s.neg2 > 0 ? (xNeg * yNeg) / s.neg2 : 0);
}

/** Signed modularity of a partition. */
export function signedModularity(nodes: readonly string[], edges: readonly SignedEdge[], blocOf: ReadonlyMap<string, number>): number {
  const s = strengths(nodes, edges);
  const total = s.pos2 + s.neg2;
  if (total === 0) return 0;
  let q = 0;
  for (const i of s.nodes) {
    for (const j of s.nodes) {
      if (blocOf.get(i) !== blocOf.get(j)) continue;
      q += (s.adj.get(i)?.get(j) ?? 0) - expected(s, s.pos.get(i) ?? 0, s.neg.get(i) ?? 0, s.pos.get(j) ?? 0, s.neg.get(j) ?? 0);
    }
  }
  return q / total;
}

/** Move single nodes to the bloc that raises Q most, sweep after sweep, until no move helps. */
function moveNodes(s: Strengths, bloc: Map<string, number>): boolean {
  let movedAny = false;
  const sumPos = new Map<number, number>();
  const sumNeg = new Map<number, number>();
  for (const n of s.nodes) {
    const c = bloc.get(n) as number;
    sumPos.set(c, (sumPos.get(c) ?? 0) + (s.pos.get(n) ?? 0));
    sumNeg.set(c, (sumNeg.get(c) ?? 0) + (s.neg.get(n) ?? 0));
  }
  let next = Math.max(-1, ...bloc.values()) + 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let moved = false;
    for (const n of s.nodes) {
      const own = bloc.get(n) as number;
      const [p, m] = [s.pos.get(n) ?? 0, s.neg.get(n) ?? 0];
      const links = new Map<number, number>();
      for (const [j, w] of s.adj.get(n) ?? []) {
        const c = bloc.get(j) as number;
        links.set(c, (links.get(c) ?? 0) + w);
      }
      // The gain of joining bloc c, with n taken out of its own bloc first.
      const gain = (c: number): number => {
        const [cp, cm] = c === own ? [(sumPos.get(c) ?? 0) - p, (sumNeg.get(c) ?? 0) - m] : [sumPos.get(c) ?? 0, sumNeg.get(c) ?? 0];
        return (links.get(c) ?? 0) - expected(s, p, m, cp, cm);
      };
      const stay = gain(own);
      let [best, bestGain] = [own, stay];
      const candidates = [...links.keys()].filter((c) => c !== own).sort((x, y) => x - y);
      for (const c of candidates) {
        const g = gain(c);
        if (g > bestGain + 1e-12) [best, bestGain] = [c, g];
      }
      // Standing alone gains 0: worth it when every bloc on offer, its own included, is a loss.
      if (bestGain < -1e-12 && (sumPos.get(own) ?? 0) - p + (sumNeg.get(own) ?? 0) - m > 0) [best, bestGain] = [next++, 0];
      if (best === own) continue;
      sumPos.set(own, (sumPos.get(own) ?? 0) - p);
      sumNeg.set(own, (sumNeg.get(own) ?? 0) - m);
      sumPos.set(best, (sumPos.get(best) ?? 0) + p);
      sumNeg.set(best, (sumNeg.get(best) ?? 0) + m);
      bloc.set(n, best);
      moved = movedAny = true;
    }
    if (!moved) break;
  }
  return movedAny;
}

/** Merge the pair of blocs whose union raises Q most, while one does. */
function mergeBlocs(s: Strengths, bloc: Map<string, number>): boolean {
  let mergedAny = false;
  for (;;) {
    const ids = [...new Set(bloc.values())].sort((x, y) => x - y);
    const sp = new Map<number, number>();
    const sn = new Map<number, number>();
    for (const n of s.nodes) {
      const c = bloc.get(n) as number;
      sp.set(c, (sp.get(c) ?? 0) + (s.pos.get(n) ?? 0));
      sn.set(c, (sn.get(c) ?? 0) + (s.neg.get(n) ?? 0));
    }
    const between = new Map<string, number>();
    for (const n of s.nodes) {
      for (const [j, w] of s.adj.get(n) ?? []) {
        const [x, y] = [bloc.get(n) as number, bloc.get(j) as number];
        if (x < y) between.set(`${x}|${y}`, (between.get(`${x}|${y}`) ?? 0) + w);
      }
    }
    let best: [number, number] | undefined;
    let bestGain = 1e-12;
    for (const x of ids) {
      for (const y of ids) {
        if (y <= x) continue;
        const g = (between.get(`${x}|${y}`) ?? 0) - expected(s, sp.get(x) ?? 0, sn.get(x) ?? 0, sp.get(y) ?? 0, sn.get(y) ?? 0);
        if (g > bestGain) [best, bestGain] = [[x, y], g];
      }
    }
    if (!best) return mergedAny;
    const [keep, drop] = best;
    for (const [n, c] of bloc) if (c === drop) bloc.set(n, keep);
    mergedAny = true;
  }
}

/** Signed blocs of a graph: Louvain on the positive edges, refined for signed modularity (see the module note). */
export function signedBlocs(nodes: readonly string[], edges: readonly SignedEdge[], opts: BlocOptions = {}): Partition {
  const s = strengths(nodes, edges);
  const g = new UndirectedGraph();
  for (const n of s.nodes) g.addNode(n);
  const positive = edges.filter((e) => e.weight > 0 && e.a !== e.b && g.hasNode(e.a) && g.hasNode(e.b))
    .sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  for (const e of positive) if (!g.hasEdge(e.a, e.b)) g.addEdge(e.a, e.b, { weight: e.weight });
  const first = g.size > 0 ? louvain(g, { getEdgeWeight: 'weight', rng: seededRandom(opts.seed ?? 1) }) : {};
  const bloc = new Map<string, number>(s.nodes.map((n, i) => [n, first[n] ?? s.nodes.length + i]));
  for (let round = 0; round < 10; round++) {
    const moved = moveNodes(s, bloc);
    const merged = mergeBlocs(s, bloc);
    if (!moved && !merged) break;
  }
  const members = new Map<number, string[]>();
  for (const n of s.nodes) {
    const c = bloc.get(n) as number;
    members.set(c, [...(members.get(c) ?? []), n]);
  }
  const blocs = [...members.values()].sort((x, y) => y.length - x.length || (x[0] as string).localeCompare(y[0] as string));
  const blocOf = new Map<string, number>();
  blocs.forEach((m, i) => m.forEach((n) => blocOf.set(n, i)));
  return { blocOf, blocs, modularity: signedModularity(s.nodes, edges, blocOf) };
}
