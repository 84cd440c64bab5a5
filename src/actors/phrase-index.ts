/** A phrase index of dictionary entries, matched over sentence tokens by their matching keys. */
import type { Token } from '../text/tokenize.js';
import type { SeqMatch } from '../text/seq-index.js';
import { SentenceMatches, TaggedIndex, type Dictionary } from '../text/tagged-index.js';
import { phraseKeys, tokenKeys } from './keys.js';

/** A match of a phrase over tokens [start, end). */
export type PhraseMatch<T> = SeqMatch<T>;

/**
 * A sentence's tokens matched against every phrase index sharing one tagged index: each token's keys
 * are computed once, and each position is walked once for all of them.
 */
export function phraseMatches(index: TaggedIndex, tokens: Token[]): SentenceMatches {
  const keys: Array<readonly string[] | undefined> = new Array(tokens.length);
  return new SentenceMatches(index, tokens.length, (k) => {
    if (k >= tokens.length) return [];
    return (keys[k] ??= tokenKeys(tokens[k] as Token));
  });
}

/** Builds and queries an index of multi-word phrases, longest match first. */
export class PhraseIndex<T> {
  private readonly dict: Dictionary<T>;

  /** @param index the tagged index this phrase index shares with others (matched together), or one of its own */
  constructor(readonly index: TaggedIndex = new TaggedIndex()) {
    this.dict = index.dictionary<T>();
  }

  /** Add a phrase (raw text; normalized here). Empty phrases are ignored. */
  add(phrase: string, value: T): void {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) return;
    this.dict.add(keys, value);
  }

  /** Number of phrases. */
  get size(): number {
    return this.dict.size;
  }

  /** The sentence's matches to use for this index: `shared` when it is over the same tagged index. */
  matchesOf(tokens: Token[], shared?: SentenceMatches): SentenceMatches {
    return shared?.index === this.index ? shared : phraseMatches(this.index, tokens);
  }

  /** The longest phrases starting at token i (shared: never change them). */
  matchAt(matches: SentenceMatches, i: number): ReadonlyArray<PhraseMatch<T>> {
    return matches.at(this.dict, i);
  }

  /** All non-overlapping longest matches, left to right; `accept` may pass over a reading (then the next one counts). */
  scan(tokens: Token[], shared?: SentenceMatches, accept?: (m: PhraseMatch<T>) => boolean): Array<PhraseMatch<T>> {
    const matches = this.matchesOf(tokens, shared);
    const out: Array<PhraseMatch<T>> = [];
    for (let i = 0; i < tokens.length; ) {
      const at = matches.at(this.dict, i);
      const first = accept ? at.find(accept) : at[0];
      if (first) {
        out.push(first);
        i = first.end;
      } else i++;
    }
    return out;
  }
}
