/**
 * Hashes of any range of one text in O(1) each, after one O(n) pass: polynomial hashes of every
 * prefix, mod 2^32. For bucketing only — two ranges with one hash are not known to be equal, so
 * callers compare the text itself before they trust a bucket (mod 2^32 a crafted text can make
 * ranges collide whatever the base; what that costs is a comparison, never a wrong answer).
 */
export class RangeHashes {
  readonly #prefix: Int32Array;
  /** BASE^k mod 2^32 for k up to the longest range asked for so far. */
  #powers: Int32Array;

  constructor(text: string) {
    const n = text.length;
    const prefix = new Int32Array(n + 1);
    let h = 0;
    for (let i = 0; i < n; i++) prefix[i + 1] = h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
    this.#prefix = prefix;
    this.#powers = powersTo(new Int32Array(0), 64);
  }

  /** The hash of text.slice(start, end); 0 <= start <= end <= text.length. */
  of(start: number, end: number): number {
    const length = end - start;
    if (length >= this.#powers.length) this.#powers = powersTo(this.#powers, Math.max(length + 1, this.#powers.length * 2));
    return (this.#prefix[end]! - Math.imul(this.#prefix[start]!, this.#powers[length]!)) | 0;
  }
}

/** FNV's prime: odd, so multiplying by it mod 2^32 loses no bits of what came before. */
const BASE = 0x01000193;

function powersTo(have: Int32Array, size: number): Int32Array {
  const powers = new Int32Array(size);
  powers.set(have);
  let k = have.length;
  if (k === 0) powers[k++] = 1;
  for (; k < size; k++) powers[k] = Math.imul(powers[k - 1]!, BASE);
  return powers;
}
