/**
 * A value remembered for the last key only: for what is computed once per sentence, when sentences are coded
 * one after another. `WeakMap`s keyed by the sentence's structure did the same, but with them each young-generation
 * collection of the coding bench copied about 840 KB of survivors instead of about 475 KB (Node 20): the
 * structures lived on past their sentence, were promoted, and left only with a full collection.
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
