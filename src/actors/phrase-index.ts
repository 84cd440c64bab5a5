/** A phrase index of dictionary entries, matched over sentence tokens by their matching keys. */
import type { Token } from '../text/tokenize.js';
import { SeqIndex, type SeqMatch } from '../text/seq-index.js';
import { phraseKeys, tokenKeys } from './keys.js';

/** A match of a phrase over tokens [start, end). */
export type PhraseMatch<T> = SeqMatch<T>;

/** Builds and queries an index of multi-word phrases, longest match first. */
export class PhraseIndex<T> {
  private readonly index = new SeqIndex<T>();
  private count = 0;

  /** Add a phrase (raw text; normalized here). Empty phrases are ignored. */
  add(phrase: string, value: T): void {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) return;
    this.index.add(keys, value);
    this.count++;
  }

  /** Number of phrases. */
  get size(): number {
    return this.count;
  }

  /** The longest phrases starting at token i. */
  matchAt(tokens: Token[], i: number, keyCache: Array<string[] | undefined>): Array<PhraseMatch<T>> {
    const keysOf = (k: number): string[] => {
      if (k >= tokens.length) return [];
      let ks = keyCache[k];
      if (!ks) {
        ks = tokenKeys(tokens[k] as Token);
        keyCache[k] = ks;
      }
      return ks;
    };
    return this.index.matchAt(i, tokens.length, keysOf);
  }

  /** All non-overlapping longest matches, left to right. */
  scan(tokens: Token[], keyCache: Array<string[] | undefined> = []): Array<PhraseMatch<T>> {
    const out: Array<PhraseMatch<T>> = [];
    for (let i = 0; i < tokens.length; ) {
      const first = this.matchAt(tokens, i, keyCache)[0];
      if (first) {
        out.push(first);
        i = first.end;
      } else i++;
    }
    return out;
  }
}
