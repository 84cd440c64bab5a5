/**
 * A value remembered for the last key only: for what is computed once per sentence, when sentences are coded
 * one after another. A `WeakMap` keyed by the sentence did the same, but the collector's young generation keeps
 * an entry's value alive as long as the map holds its key, so every sentence's structures lived on past their
 * sentence, were copied and promoted, and left only with a full collection.
 */
export class LastMemo<K extends object, V> {
  private key: K | undefined;
  private value: V | undefined;

  /** The value remembered for `key`, if `key` is the last key set. */
  get(key: K): V | undefined {
    return key === this.key ? this.value : undefined;
  }

  /** Remember `value` for `key`, forgetting the key before. */
  set(key: K, value: V): void {
    this.key = key;
    this.value = value;
  }
}
