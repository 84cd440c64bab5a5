/** The third-party view of a dyad: how every other actor of the network relates to each side ("signals to Ankara"). */
import { actorRef } from './actors.js';
import type { Network, NetworkEdge, Tie } from './network.js';

/**
 * Where a third party stands: linked to both sides positively ('close-to-both'), positively to one and
 * negatively to the other ('sides-with-a' / 'sides-with-b'), negatively to both ('opposed-to-both'), or
 * linked to one side only ('close-to-a', 'opposed-to-a', 'close-to-b', 'opposed-to-b').
 */
export type Stance = 'close-to-both' | 'sides-with-a' | 'sides-with-b' | 'opposed-to-both'
  | 'close-to-a' | 'opposed-to-a' | 'close-to-b' | 'opposed-to-b';

/** How one third party relates to both sides. */
export interface ThirdParty {
  code: string;
  name: { ar: string; en: string };
  /** Its link to the first side and to the second (null when none). */
  withA: Tie | null;
  withB: Tie | null;
  stance: Stance;
  /** Whether it is in the bloc of the first side, of the second. */
  blocOfA: boolean;
  blocOfB: boolean;
  /** With links to both sides and between them: whether the triad balances. */
  balanced: boolean | null;
}

/** A dyad's link and its third parties, the most involved first (|weight with A| + |weight with B|). */
export interface ThirdPartyView {
  a: string;
  b: string;
  /** The link between the two sides (null when the network has none). */
  link: Tie | null;
  parties: ThirdParty[];
}

function stanceOf(wa: number, wb: number): Stance | null {
  const [sa, sb] = [Math.sign(wa), Math.sign(wb)];
  if (sa > 0 && sb > 0) return 'close-to-both';
  if (sa > 0 && sb < 0) return 'sides-with-a';
  if (sa < 0 && sb > 0) return 'sides-with-b';
  if (sa < 0 && sb < 0) return 'opposed-to-both';
  if (sa !== 0) return sa > 0 ? 'close-to-a' : 'opposed-to-a';
  if (sb !== 0) return sb > 0 ? 'close-to-b' : 'opposed-to-b';
  return null;
}

/** How every other actor of a network relates to `a` and to `b`. */
export function thirdPartyView(network: Pick<Network, 'edges' | 'nodes'>, a: string, b: string): ThirdPartyView {
  const edge = new Map<string, NetworkEdge>();
  for (const e of network.edges) edge.set(`${e.a}|${e.b}`, e);
  const find = (x: string, y: string): NetworkEdge | undefined => edge.get(x < y ? `${x}|${y}` : `${y}|${x}`);
  const asTie = (e: NetworkEdge | undefined, other: string): Tie | null => (e ? { code: other, weight: e.weight, events: e.events, mean: e.mean } : null);
  const blocOf = new Map(network.nodes.map((n) => [n.code, n.bloc]));
  const link = find(a, b);
  const parties: ThirdParty[] = [];
  for (const n of network.nodes) {
    if (n.code === a || n.code === b) continue;
    const [ea, eb] = [find(n.code, a), find(n.code, b)];
    const stance = stanceOf(ea?.weight ?? 0, eb?.weight ?? 0);
    if (!stance) continue;
    parties.push({
      code: n.code, name: actorRef(n.code).name, withA: asTie(ea, a), withB: asTie(eb, b), stance,
      blocOfA: blocOf.has(a) && blocOf.get(a) === n.bloc, blocOfB: blocOf.has(b) && blocOf.get(b) === n.bloc,
      balanced: ea && eb && link && ea.weight !== 0 && eb.weight !== 0 && link.weight !== 0
        ? Math.sign(ea.weight) * Math.sign(eb.weight) * Math.sign(link.weight) > 0 : null,
    });
  }
  const involvement = (p: ThirdParty): number => Math.abs(p.withA?.weight ?? 0) + Math.abs(p.withB?.weight ?? 0);
  parties.sort((x, y) => involvement(y) - involvement(x) || x.code.localeCompare(y.code));
  return { a, b, link: asTie(link, b), parties };
}
