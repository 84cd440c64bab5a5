/**
 * Several dictionaries in one trie: each entry is tagged with its dictionary, so one walk from a token
 * finds every dictionary's longest entries there. Each dictionary matches exactly as a `SeqIndex` of its
 * own would; a sentence's dictionaries then cost one lookup per token instead of one per dictionary.
 */
import type { SeqMatch } from './seq-index.js';

/** An entry stored at the trie node its last key reaches; `seq` keeps insertion order within its dictionary. */
interface Stored {
  keys: string[];
  value: unknown;
  seq: number;
}

/** A trie node: entries ending here by dictionary tag, and the next keys. */
interface Node {
  here: Array<Stored[] | undefined> | undefined;
  next: Map<string, Node> | undefined;
}

/** Every dictionary's longest entries at one token, by dictionary tag. */
export type TaggedMatches = ReadonlyArray<ReadonlyArray<SeqMatch<unknown>>>;

const NO_MATCH: never[] = [];

/** The deepest entries of each dictionary found so far while walking from one first node. */
class Walk {
  readonly len: number[] = [];
  readonly heres: Stored[][][] = [];
  /** True when some dictionary has entries in this walk. */
  found = false;

  /** Make room for one more dictionary. */
  grow(): void {
    this.len.push(0);
    this.heres.push([]);
  }

  /** Forget the entries found; a dictionary holds some only when its length is above 0, and only when `found`. */
  reset(): void {
    if (!this.found) return;
    this.found = false;
    for (let t = 0; t < this.len.length; t++) {
      if (this.len[t] === 0) continue;
      this.len[t] = 0;
      (this.heres[t] as Stored[][]).length = 0;
    }
  }
}

/** A trie of tagged entries over word keys; see {@link Dictionary} for one dictionary's view of it. */
export class TaggedIndex {
  private readonly root = new Map<string, Node>();
  /** Entries per dictionary, by tag. */
  private readonly counts: number[] = [];
  /** Where a token's key array starts in the trie: key arrays are shared per word, so remember. */
  private starts = new WeakMap<readonly string[], Start>();
  /** True when `starts` holds something (adding entries then starts it afresh). */
  private remembered = false;
  /** No dictionary matches: shared, never changed. */
  private none: TaggedMatches = [];
  /** The walk's state, reused: matching is not re-entrant (`keysOf` does not match). */
  private readonly walk = new Walk();

  /** A new, empty dictionary in this index. */
  dictionary<T>(): Dictionary<T> {
    this.counts.push(0);
    this.none = new Array(this.counts.length).fill(NO_MATCH);
    this.walk.grow();
    return new Dictionary<T>(this, this.counts.length - 1);
  }

  /** The number of dictionaries. */
  get tags(): number {
    return this.counts.length;
  }

  /** Add an entry to the dictionary `tag` as its sequence of keys. */
  add(tag: number, keys: string[], value: unknown): void {
    if (tag < 0 || tag >= this.counts.length) throw new RangeError(`no dictionary ${tag} in this index`);
    if (keys.length === 0) return;
    if (this.remembered) {
      this.starts = new WeakMap();
      this.remembered = false;
    }
    let level = this.root;
    let node: Node | undefined;
    for (const key of keys) {
      node = level.get(key);
      if (!node) {
        node = { here: undefined, next: undefined };
        level.set(key, node);
      }
      level = node.next ??= new Map();
    }
    const last = node as Node;
    if (last.next?.size === 0) last.next = undefined;
    const here = (last.here ??= []);
    const seq = this.counts[tag] as number;
    this.counts[tag] = seq + 1;
    (here[tag] ??= []).push({ keys, value, seq });
  }

  /** The number of entries of the dictionary `tag`. */
  sizeOf(tag: number): number {
    return this.counts[tag] ?? 0;
  }

  /** True when some entry of any dictionary starts with this key. */
  has(key: string): boolean {
    return this.root.has(key);
  }

  /** Where a token's keys start: their first nodes, in key order, each once, and the entries of single words. */
  private startOf(keys: readonly string[]): Start {
    let start = this.starts.get(keys);
    if (start) return start;
    let nodes: Node[] | undefined;
    for (const key of keys) {
      const node = this.root.get(key);
      if (node && !nodes?.includes(node)) (nodes ??= []).push(node);
    }
    start = nodes ? { nodes, words: nodes.every((node) => node.next === undefined) ? wordEntries(nodes, this.counts.length) : undefined } : NO_START;
    this.starts.set(keys, start);
    this.remembered = true;
    return start;
  }

  /**
   * Every dictionary's longest entries starting at token i, by tag (`SeqIndex.matchAt` for each
   * dictionary alone, `resume` included). `keysOf(k)` gives token k's keys (or [] past the end).
   */
  matchAll(i: number, n: number, keysOf: (k: number) => readonly string[], resume?: number): TaggedMatches {
    const start = this.startOf(keysOf(i));
    if (start.nodes.length === 0) return this.none;
    if (start.words) return resume === undefined ? wordMatches(start.words, i) : this.none;
    const tags = this.counts.length;
    const from = resume === undefined ? i + 1 : resume;
    const minLen = resume === undefined ? 1 : 2;
    const walk = this.walk;
    let best: Array<ReadonlyArray<SeqMatch<unknown>>> | undefined;
    for (const node of start.nodes) {
      walk.reset();
      walkFrom(node, 1, from, n, minLen, keysOf, walk);
      if (!walk.found) continue;
      best ??= this.none.slice();
      for (let t = 0; t < tags; t++) {
        const len = walk.len[t] as number;
        if (len === 0) continue;
        const out = best[t] as ReadonlyArray<SeqMatch<unknown>>;
        const bestLen = out.length === 0 ? 0 : (out[0] as SeqMatch<unknown>).end - from + 1;
        if (len < bestLen) continue;
        const heres = walk.heres[t] as Stored[][];
        const found = heres.length === 1 ? (heres[0] as Stored[]) : heres.flat().sort((a, b) => a.seq - b.seq);
        const matches = matchesOf(found, i, from + len - 1);
        best[t] = len > bestLen ? matches : out.concat(matches);
      }
    }
    return best ?? this.none;
  }
}

/** Where a token's keys start in the trie. */
interface Start {
  nodes: readonly Node[];
  /** When no entry goes on past this word: each dictionary's entries here, in order. */
  words: ReadonlyArray<readonly Stored[]> | undefined;
}

const NO_START: Start = { nodes: [], words: undefined };

/** The entries of first nodes that no entry goes on from, by tag: each node's in turn, as the walk would find them. */
function wordEntries(nodes: readonly Node[], tags: number): Stored[][] {
  const out: Stored[][] = Array.from({ length: tags }, () => []);
  for (const node of nodes) node.here?.forEach((entries, t) => (out[t] as Stored[]).push(...(entries ?? [])));
  return out;
}

/** Each dictionary's matches of single-word entries at token i. */
function wordMatches(words: ReadonlyArray<readonly Stored[]>, i: number): TaggedMatches {
  const out: Array<ReadonlyArray<SeqMatch<unknown>>> = [];
  for (const entries of words) out.push(matchesOf(entries, i, i + 1));
  return out;
}

/** Matches of entries over tokens [start, end). */
function matchesOf(entries: readonly Stored[], start: number, end: number): ReadonlyArray<SeqMatch<unknown>> {
  if (entries.length === 0) return NO_MATCH;
  const out: Array<SeqMatch<unknown>> = [];
  for (const e of entries) out.push({ start, end, value: e.value, keys: e.keys });
  return out;
}

/** Walk down from a node reached after `len` words, keeping each dictionary's deepest entries in `walk`. */
function walkFrom(node: Node, len: number, from: number, n: number, minLen: number, keysOf: (k: number) => readonly string[], walk: Walk): void {
  const here = node.here;
  if (here && len >= minLen) {
    for (let t = 0; t < here.length; t++) {
      const entries = here[t];
      if (!entries || len < (walk.len[t] as number)) continue;
      const heres = walk.heres[t] as Stored[][];
      if (len > (walk.len[t] as number)) {
        walk.len[t] = len;
        heres.length = 0;
      }
      heres.push(entries);
      walk.found = true;
    }
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

/** One dictionary of a tagged index: added to and matched as if it were an index of its own. */
export class Dictionary<T> {
  constructor(readonly index: TaggedIndex, readonly tag: number) {}

  /** Add an entry as its sequence of keys. */
  add(keys: string[], value: T): void {
    this.index.add(this.tag, keys, value);
  }

  /** The number of entries. */
  get size(): number {
    return this.index.sizeOf(this.tag);
  }

  /** This dictionary's longest entries starting at token i (as `SeqIndex.matchAt`). */
  matchAt(i: number, n: number, keysOf: (k: number) => readonly string[], resume?: number): ReadonlyArray<SeqMatch<T>> {
    return this.index.matchAll(i, n, keysOf, resume)[this.tag] as ReadonlyArray<SeqMatch<T>>;
  }
}

/**
 * The matches of every dictionary of an index over one sentence's tokens, each position walked once
 * however many dictionaries ask about it. Positions are walked when first asked about.
 */
export class SentenceMatches {
  private readonly byPosition: Array<TaggedMatches | undefined>;

  constructor(readonly index: TaggedIndex, readonly n: number, readonly keysOf: (k: number) => readonly string[]) {
    this.byPosition = new Array<TaggedMatches | undefined>(n);
  }

  /** A dictionary's longest entries starting at token i (shared: never change them). */
  at<T>(dict: Dictionary<T>, i: number): ReadonlyArray<SeqMatch<T>> {
    if (dict.index !== this.index) throw new Error('the dictionary belongs to another index');
    let all = this.byPosition[i];
    if (all === undefined) {
      all = this.index.matchAll(i, this.n, this.keysOf);
      this.byPosition[i] = all;
    }
    return all[dict.tag] as ReadonlyArray<SeqMatch<T>>;
  }
}
