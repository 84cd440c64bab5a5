/** A sequence index: dictionary entries made of one or more word keys, matched over token key sets. */

/** An entry over tokens [start, end). */
export interface SeqMatch<T> {
  start: number;
  end: number;
  value: T;
  /** The entry's keys, in order. */
  keys: readonly string[];
}

/** Entries keyed by their first word; longest match wins. */
export class SeqIndex<T> {
  private readonly byFirst = new Map<string, Array<{ keys: string[]; value: T }>>();

  /** Add an entry as its sequence of keys. */
  add(keys: string[], value: T): void {
    if (keys.length === 0) return;
    const first = keys[0] as string;
    const list = this.byFirst.get(first);
    if (list) {
      list.push({ keys, value });
      list.sort((a, b) => b.keys.length - a.keys.length);
    } else this.byFirst.set(first, [{ keys, value }]);
  }

  /** True when some entry starts with this key. */
  has(key: string): boolean {
    return this.byFirst.has(key);
  }

  /** Longest entries starting at token i; `keysOf(k)` gives token k's keys (or [] past the end). */
  matchAt(i: number, n: number, keysOf: (k: number) => readonly string[]): Array<SeqMatch<T>> {
    let best: Array<SeqMatch<T>> = [];
    let bestLen = 0;
    for (const key of keysOf(i)) {
      const list = this.byFirst.get(key);
      if (!list) continue;
      for (const e of list) {
        const len = e.keys.length;
        if (len < bestLen || i + len > n) continue;
        let ok = true;
        for (let j = 1; j < len && ok; j++) ok = keysOf(i + j).includes(e.keys[j] as string);
        if (!ok) continue;
        if (len > bestLen) {
          best = [];
          bestLen = len;
        }
        best.push({ start: i, end: i + len, value: e.value, keys: e.keys });
      }
    }
    return best;
  }
}
