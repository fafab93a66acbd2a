/**
 * Pool units (two bytes each) a memo fills before it starts over: far more than `limit` keys of
 * ordinary words need, and more than the longest key (0xffff units) it keeps.
 */
const POOL_LIMIT = 1 << 20;

/** The last epoch handed out, over all memos (see `WordMemo.epoch`). */
let lastEpoch = 0;

/**
 * A bounded memo from token text to a value, keyed by a hash the caller computes while it
 * scans the token's characters anyway. A Map would hash every freshly sliced token again
 * (V8 keeps no hash for a new string); here a look-up is one probe and one comparison.
 *
 * The keys are not kept as strings but copied, code unit by code unit, into one pool, with
 * each slot's hash and pool offset side by side in one typed array. Comparing a stretch of
 * the text with a key string cost two generic charCodeAt calls per unit (keys and texts come
 * one- and two-byte alike) and reads of scattered string objects: about half the word scan
 * of a short comment. A slot with another hash is passed over without reading its key.
 *
 * Open addressing with linear probing in a table at least 1.5 times the limit, so probes stay
 * short; emptied when full (or when its pool is), so a stream of unique tokens cannot grow it.
 *
 * Each key has an entry number (`find`, `add`) that stands for that key until the memo is next
 * emptied. `epoch` names the memo between two emptyings, unique over all memos, so
 * (epoch, entry) names one key for good: a caller can cache its own per-key work by entry
 * number (the model caches its token rows so; text/wordSpans.ts `entries`).
 */
export class WordMemo<V> {
  /** Slot k: its key's hash at 2k, its key's offset in `pool` at 2k + 1 (-1: empty slot). */
  private readonly slots: Int32Array;
  private readonly values: Array<V | undefined>;
  /** The keys, each as its length then its code units. */
  private pool = new Uint16Array(1024);
  private used = 0;
  private count = 0;
  private readonly mask: number;
  /** Changes whenever the memo is emptied, and differs between memos: entry numbers are only comparable within one epoch. */
  epoch = 0;

  constructor(readonly limit: number) {
    let capacity = 16;
    while (capacity < limit + (limit >> 1)) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(2 * capacity);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.clear();
  }

  get size(): number {
    return this.count;
  }

  /** The value of `key`, whose hash is `hash` (any 32-bit integer, the same for the same key), or undefined. */
  get(key: string, hash: number): V | undefined {
    return this.getRange(key, 0, key.length, hash);
  }

  /**
   * get(text.slice(start, end), hash) without slicing: most tokens are met before, and the slice
   * would be garbage the moment the look-up ends.
   */
  getRange(text: string, start: number, end: number, hash: number): V | undefined {
    const entry = this.find(text, start, end, hash);
    return entry < 0 ? undefined : this.values[entry];
  }

  /** The entry number of the key text.slice(start, end), whose hash is `hash`, or -1 when the memo does not hold it. */
  find(text: string, start: number, end: number, hash: number): number {
    const n = end - start;
    const slots = this.slots;
    const pool = this.pool;
    probe: for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slots[2 * slot + 1]!;
      if (at < 0) return -1;
      if (slots[2 * slot] !== hash || pool[at] !== n) continue;
      for (let j = 0; j < n; j++) if (pool[at + 1 + j] !== text.charCodeAt(start + j)) continue probe;
      return slot;
    }
  }

  /** The value of the entry `find` or `add` numbered (in the current epoch). */
  valueAt(entry: number): V {
    return this.values[entry]!;
  }

  /** Remembers `value` for a key that get() just turned away. */
  set(key: string, hash: number, value: V): void {
    this.setRange(key, 0, key.length, hash, value);
  }

  /**
   * set(text.slice(start, end), hash, value). A key too long for a pool slot's length field is
   * not kept: the memo only saves work, and such tokens do not recur.
   */
  setRange(text: string, start: number, end: number, hash: number, value: V): void {
    this.add(text, start, end, hash, value);
  }

  /** setRange, returning the key's entry number (-1 when the key is too long to keep). It may empty the memo first: a new epoch. */
  add(text: string, start: number, end: number, hash: number, value: V): number {
    const n = end - start;
    if (n > 0xffff) return -1;
    if (this.count >= this.limit) this.clear();
    if (this.used + n + 1 > this.pool.length) this.makeRoom(n + 1);
    const at = this.used;
    const pool = this.pool;
    pool[at] = n;
    for (let j = 0; j < n; j++) pool[at + 1 + j] = text.charCodeAt(start + j);
    this.used = at + n + 1;
    let slot = hash & this.mask;
    while (this.slots[2 * slot + 1]! >= 0) slot = (slot + 1) & this.mask;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = at;
    this.values[slot] = value;
    this.count++;
    return slot;
  }

  /** Room for `units` more pool units: the pool doubles as needed, but past POOL_LIMIT the memo starts over. */
  private makeRoom(units: number): void {
    if (this.used + units > POOL_LIMIT) this.clear();
    let size = this.pool.length;
    while (size < this.used + units) size *= 2;
    if (size === this.pool.length) return;
    const grown = new Uint16Array(size);
    grown.set(this.pool.subarray(0, this.used));
    this.pool = grown;
  }

  clear(): void {
    for (let k = 1; k < this.slots.length; k += 2) this.slots[k] = -1;
    this.values.fill(undefined);
    this.count = 0;
    this.used = 0;
    this.epoch = ++lastEpoch;
  }
}
