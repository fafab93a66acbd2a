/**
 * A bounded memo from token text to a value, keyed by a hash the caller computes while it
 * scans the token's characters anyway. A Map would hash every freshly sliced token again
 * (V8 keeps no hash for a new string); here a look-up is one probe and one string comparison.
 *
 * Open addressing with linear probing in a table at least 1.5 times the limit, so probes stay
 * short; emptied when full, so a stream of unique tokens cannot grow it.
 */
export class WordMemo<V> {
  private keys: Array<string | undefined>;
  private values: Array<V | undefined>;
  private count = 0;
  private readonly mask: number;

  constructor(readonly limit: number) {
    let capacity = 16;
    while (capacity < limit + (limit >> 1)) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  /** The value of `key`, whose hash is `hash` (any 32-bit integer, the same for the same key), or undefined. */
  get(key: string, hash: number): V | undefined {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.keys[slot];
      if (k === undefined) return undefined;
      if (k === key) return this.values[slot];
    }
  }

  /**
   * get(text.slice(start, end), hash) without slicing: most tokens are met before, and the slice
   * would be garbage the moment the look-up ends.
   */
  getRange(text: string, start: number, end: number, hash: number): V | undefined {
    const n = end - start;
    probe: for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.keys[slot];
      if (k === undefined) return undefined;
      if (k.length !== n) continue;
      for (let j = 0; j < n; j++) if (k.charCodeAt(j) !== text.charCodeAt(start + j)) continue probe;
      return this.values[slot];
    }
  }

  /** Remembers `value` for a key that get() just turned away. */
  set(key: string, hash: number, value: V): void {
    if (this.count >= this.limit) this.clear();
    let slot = hash & this.mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.keys[slot] = key;
    this.values[slot] = value;
    this.count++;
  }

  clear(): void {
    this.keys.fill(undefined);
    this.values.fill(undefined);
    this.count = 0;
  }
}
