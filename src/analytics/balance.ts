/**
 * Structural balance of a signed graph (Heider; Cartwright & Harary): a triad of three mutually linked actors
 * is balanced when the product of its three signs is positive ("the friend of my friend", "the enemy of my
 * enemy"), unbalanced otherwise.
 */

/** A signed, weighted, undirected edge (a < b). */
export interface SignedEdge {
  a: string;
  b: string;
  /** Signed weight; edges of weight 0 take part in no triad. */
  weight: number;
}

/** Three mutually linked actors, their edge signs and whether they balance. */
export interface Triad {
  /** The actors in alphabetical order. */
  actors: [string, string, string];
  /** Signs of the edges 0–1, 0–2 and 1–2. */
  signs: [1 | -1, 1 | -1, 1 | -1];
  balanced: boolean;
  /** The smallest |weight| of its three edges: how firmly the evidence holds the triad. */
  strength: number;
}

/** Balance over every triad. */
export interface BalanceSummary {
  triads: number;
  balanced: number;
  /** Share of balanced triads in [0, 1]; null without triads. */
  share: number | null;
  /** The most unbalanced triads: unbalanced ones with the strongest weakest edge first (at most `top`). */
  unbalanced: Triad[];
}

/** Every triad of a signed graph (edges of weight 0 left out), each once, in alphabetical order. */
export function triads(edges: readonly SignedEdge[]): Triad[] {
  const adj = new Map<string, Map<string, number>>();
  const link = (x: string, y: string, w: number): void => {
    const m = adj.get(x) ?? new Map<string, number>();
    adj.set(x, m);
    m.set(y, w);
  };
  for (const e of edges) {
    if (e.weight === 0 || e.a === e.b) continue;
    link(e.a, e.b, e.weight);
    link(e.b, e.a, e.weight);
  }
  const out: Triad[] = [];
  const nodes = [...adj.keys()].sort();
  for (const u of nodes) {
    const nu = adj.get(u) as Map<string, number>;
    const higher = [...nu.keys()].filter((v) => v > u).sort();
    for (const v of higher) {
      const nv = adj.get(v) as Map<string, number>;
      for (const w of higher) {
        if (w <= v) continue;
        const vw = nv.get(w);
        if (vw === undefined) continue;
        const [uv, uw] = [nu.get(v) as number, nu.get(w) as number];
        const signs: Triad['signs'] = [Math.sign(uv) as 1 | -1, Math.sign(uw) as 1 | -1, Math.sign(vw) as 1 | -1];
        out.push({ actors: [u, v, w], signs, balanced: signs[0] * signs[1] * signs[2] > 0, strength: Math.min(Math.abs(uv), Math.abs(uw), Math.abs(vw)) });
      }
    }
  }
  return out;
}

/** Share of balanced triads and the `top` most unbalanced triads. */
export function structuralBalance(edges: readonly SignedEdge[], top = 10): BalanceSummary {
  const all = triads(edges);
  const balanced = all.filter((t) => t.balanced).length;
  const unbalanced = all.filter((t) => !t.balanced)
    .sort((x, y) => y.strength - x.strength || x.actors.join().localeCompare(y.actors.join()))
    .slice(0, top);
  return { triads: all.length, balanced, share: all.length > 0 ? balanced / all.length : null, unbalanced };
}
