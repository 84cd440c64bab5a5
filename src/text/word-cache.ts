/** A bounded cache of what is computed from a word, by the word's kind: the same word gets the same value back. */
export class WordCache<V> {
  private readonly byKind = new Map<string, Map<string, V>>();

  /** @param limit words kept per kind before that kind's cache starts afresh */
  constructor(private readonly limit = 200_000) {}

  /** The value for `word` of `kind`, computed on first use as `compute(arg)` (a plain function: no closure per call). */
  get<A>(kind: string, word: string, compute: (arg: A) => V, arg: A): V {
    let byWord = this.byKind.get(kind);
    if (!byWord) this.byKind.set(kind, (byWord = new Map()));
    let value = byWord.get(word);
    if (value === undefined) {
      value = compute(arg);
      if (byWord.size >= this.limit) byWord.clear();
      byWord.set(word, value);
    }
    return value;
  }
}
