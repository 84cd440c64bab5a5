/** A sequence index: dictionary entries made of one or more word keys, matched over token key sets. */

/** An entry over tokens [start, end). */
export interface SeqMatch<T> {
  start: number;
  end: number;
  value: T;
  /** The entry's keys, in order. */
  keys: readonly string[];
}

/** An entry stored at the trie node its last key reaches; `seq` keeps insertion order. */
interface Stored<T> {
  keys: string[];
  value: T;
  seq: number;
}

/** A trie node: entries ending here, and the next keys. */
interface Node<T> {
  here: Array<Stored<T>> | undefined;
  next: Map<string, Node<T>> | undefined;
}

const NO_MATCH: never[] = [];


/** The deepest entries found so far while walking from one first node. */
interface Walk<T> {
  len: number;
  heres: Array<Array<Stored<T>>>;
}

/**
 * Entries in a trie over their keys; longest match wins. A token offers several keys (clitic readings,
 * stems, prefixes), so matching walks every key of each token, and only along paths that some entry
 * takes: the cost of a lookup does not grow with the number of entries sharing a first word.
 */
export class SeqIndex<T> {
  private readonly root = new Map<string, Node<T>>();
  private count = 0;
  /** The entries' first nodes a token's key array reaches: key arrays are shared per word, so remember. */
  private firstNodes = new WeakMap<readonly string[], ReadonlyArray<Node<T>>>();

  /** Add an entry as its sequence of keys. */
  add(keys: string[], value: T): void {
    if (keys.length === 0) return;
    if (this.count > 0 && this.root.get(keys[0] as string) === undefined) this.firstNodes = new WeakMap();
    let level = this.root;
    let node: Node<T> | undefined;
    for (const key of keys) {
      node = level.get(key);
      if (!node) {
        node = { here: undefined, next: undefined };
        level.set(key, node);
      }
      level = node.next ??= new Map();
    }
    const last = node as Node<T>;
    if (last.next?.size === 0) last.next = undefined;
    (last.here ??= []).push({ keys, value, seq: this.count++ });
  }

  /** The first nodes of a token's keys, in key order, each once. */
  private firstNodesOf(keys: readonly string[]): ReadonlyArray<Node<T>> {
    let nodes = this.firstNodes.get(keys);
    if (nodes) return nodes;
    let found: Array<Node<T>> | undefined;
    for (const key of keys) {
      const node = this.root.get(key);
      if (node && !found?.includes(node)) (found ??= []).push(node);
    }
    nodes = found ?? NO_MATCH;
    this.firstNodes.set(keys, nodes);
    return nodes;
  }

  /** True when some entry starts with this key. */
  has(key: string): boolean {
    return this.root.has(key);
  }

  /**
   * Longest entries starting at token i; `keysOf(k)` gives token k's keys (or [] past the end). With
   * `resume`, an entry's second and later words are looked for from token `resume` on (a phrase split
   * by its subject: "أطلقت طهران سراح"); only entries of two words or more match then, and `end` is
   * where the phrase ends. Among entries of the same length, those of the token's earlier keys come
   * first, then in the order they were added.
   */
  matchAt(i: number, n: number, keysOf: (k: number) => readonly string[], resume?: number): Array<SeqMatch<T>> {
    const firsts = this.firstNodesOf(keysOf(i));
    if (firsts.length === 0) return NO_MATCH;
    let best: Array<SeqMatch<T>> = NO_MATCH;
    let bestLen = 0;
    const from = resume === undefined ? i + 1 : resume;
    const minLen = resume === undefined ? 1 : 2;
    for (const node of firsts) {
      const walk: Walk<T> = { len: 0, heres: [] };
      walkFrom(node, 1, from, n, minLen, keysOf, walk);
      if (walk.len === 0 || walk.len < bestLen) continue;
      if (walk.len > bestLen || (best as unknown[]) === NO_MATCH) {
        best = [];
        bestLen = walk.len;
      }
      const end = from + walk.len - 1;
      const found = walk.heres.length === 1 ? (walk.heres[0] as Array<Stored<T>>) : walk.heres.flat();
      const ordered = found.length > 1 ? [...found].sort((a, b) => a.seq - b.seq) : found;
      for (const e of ordered) best.push({ start: i, end, value: e.value, keys: e.keys });
    }
    return best;
  }
}

/** Walk down from a node reached after `len` words, keeping the deepest entries in `walk`. */
function walkFrom<T>(node: Node<T>, len: number, from: number, n: number, minLen: number, keysOf: (k: number) => readonly string[], walk: Walk<T>): void {
  if (node.here && len >= minLen && len >= walk.len) {
    if (len > walk.len) {
      walk.len = len;
      walk.heres.length = 0;
    }
    walk.heres.push(node.here);
  }
  const next = node.next;
  if (!next) return;
  const k = from + len - 1;
  if (k >= n) return;
  const keys = keysOf(k);
  for (let j = 0; j < keys.length; j++) {
    const child = next.get(keys[j] as string);
    if (child && keys.indexOf(keys[j] as string) === j) walkFrom(child, len + 1, from, n, minLen, keysOf, walk);
  }
}
