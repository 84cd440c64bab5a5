/** A sequence index: dictionary entries made of one or more word keys, matched over token key sets. */

/** An entry over tokens [start, end). */
export interface SeqMatch<T> {
  start: number;
  end: number;
  value: T;
  /** The entry's keys, in order. */
  keys: readonly string[];
}

const NO_MATCH: never[] = [];

/** Entries keyed by their first word; longest match wins. */
export class SeqIndex<T> {
  private readonly byFirst = new Map<string, Array<{ keys: string[]; value: T }>>();

  /** Add an entry as its sequence of keys. */
  add(keys: string[], value: T): void {
    if (keys.length === 0) return;
    const first = keys[0] as string;
    const list = this.byFirst.get(first);
    if (list) list.push({ keys, value });
    else this.byFirst.set(first, [{ keys, value }]);
  }

  /** True when some entry starts with this key. */
  has(key: string): boolean {
    return this.byFirst.has(key);
  }

  /**
   * Longest entries starting at token i; `keysOf(k)` gives token k's keys (or [] past the end). With
   * `resume`, an entry's second and later words are looked for from token `resume` on (a phrase split
   * by its subject: "أطلقت طهران سراح"); only entries of two words or more match then, and `end` is
   * where the phrase ends.
   */
  matchAt(i: number, n: number, keysOf: (k: number) => readonly string[], resume?: number): Array<SeqMatch<T>> {
    let best: Array<SeqMatch<T>> = NO_MATCH;
    let bestLen = 0;
    const from = resume === undefined ? i + 1 : resume;
    const minLen = resume === undefined ? 1 : 2;
    for (const key of keysOf(i)) {
      const list = this.byFirst.get(key);
      if (!list) continue;
      for (const e of list) {
        const len = e.keys.length;
        if (len < bestLen || len < minLen || from + len - 1 > n) continue;
        let ok = true;
        for (let j = 1; j < len && ok; j++) ok = keysOf(from + j - 1).includes(e.keys[j] as string);
        if (!ok) continue;
        if (len > bestLen || (best as unknown[]) === NO_MATCH) {
          best = [];
          bestLen = len;
        }
        best.push({ start: i, end: from + len - 1, value: e.value, keys: e.keys });
      }
    }
    return best;
  }

}
