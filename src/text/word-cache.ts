/**
 * A bounded cache of what is computed from a word: the same word gets the same value back. Each word has one
 * entry, holding its values of every sort and kind, and the coder's key functions share one cache
 * ({@link wordCache}): the actor stage and then the event stage look up every token of a document, and the
 * second lookup reads the entry the first has just read, still in the processor's cache, instead of missing
 * in a table of its own. (With a table per sort, these lookups were ~7 % of the coding profile.)
 */
export class WordCache {
  private readonly byWord = new Map<string, unknown[]>();
  private slots = 0;

  /** @param limit words kept before the cache starts afresh */
  constructor(private readonly limit = 200_000) {}

  /** A sort of value, kept apart from every other sort's, with one value per word and kind of word (`kinds`). */
  sort<V>(kinds: readonly string[]): WordValues<V> {
    const slots = new Map(kinds.map((kind, k) => [kind, this.slots + k]));
    this.slots += kinds.length;
    return new WordValues<V>(this, slots);
  }

  /** The value in `slot` for `word`, computed on first use as `compute(arg)`. */
  value<V, A>(slot: number, word: string, compute: (arg: A) => V, arg: A): V {
    let values = this.byWord.get(word);
    if (values === undefined) {
      if (this.byWord.size >= this.limit) this.byWord.clear();
      values = [];
      this.byWord.set(word, values);
    }
    let value = values[slot] as V | undefined;
    if (value === undefined) {
      value = compute(arg);
      values[slot] = value;
    }
    return value;
  }
}

/** One sort of value of a {@link WordCache}. */
export class WordValues<V> {
  constructor(private readonly cache: WordCache, private readonly slots: ReadonlyMap<string, number>) {}

  /** The value for `word` of `kind`, computed on first use as `compute(arg)` (a plain function: no closure per call). */
  get<A>(kind: string, word: string, compute: (arg: A) => V, arg: A): V {
    const slot = this.slots.get(kind);
    if (slot === undefined) throw new RangeError(`no kind "${kind}" in this sort of word values`);
    return this.cache.value(slot, word, compute, arg);
  }
}

/** The cache the coder's token keys share. */
export const wordCache = new WordCache();
