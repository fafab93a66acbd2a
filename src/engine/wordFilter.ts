/**
 * A cheap "could this be one of these words?" test, for the per-word Map look-ups of the
 * matcher (word formation, fuzzy slur spellings). Looking a freshly sliced word up in a Map
 * means hashing it, and most words of a comment are in no such Map: checking the length and
 * the first and last two letters against tables built once turns nearly all of them away
 * without a slice or a hash.
 *
 * It never turns away a word of the set: a code unit above 0x7f is folded into the table by
 * its low seven bits on both sides, which can only let more words through.
 */
export interface WordFilter {
  readonly minLength: number;
  readonly maxLength: number;
  /** Marks (c0 << 7 | c1) of the first two code units of words of the set. */
  readonly heads: Uint8Array;
  /** The same for the last two code units. */
  readonly tails: Uint8Array;
}

const pair = (a: number, b: number): number => ((a & 0x7f) << 7) | (b & 0x7f);

export function wordFilter(words: Iterable<string>): WordFilter {
  let minLength = Infinity;
  let maxLength = -1;
  const heads = new Uint8Array(1 << 14);
  const tails = new Uint8Array(1 << 14);
  for (const w of words) {
    minLength = Math.min(minLength, w.length);
    maxLength = Math.max(maxLength, w.length);
    if (w.length < 2) continue;
    heads[pair(w.charCodeAt(0), w.charCodeAt(1))] = 1;
    tails[pair(w.charCodeAt(w.length - 2), w.charCodeAt(w.length - 1))] = 1;
  }
  return { minLength, maxLength, heads, tails };
}

/** False only when text.slice(start, end) is certainly not a word of the filter's set. */
export function mayBeWord(f: WordFilter, text: string, start: number, end: number): boolean {
  const n = end - start;
  if (n < f.minLength || n > f.maxLength) return false;
  if (n < 2) return true;
  return f.heads[pair(text.charCodeAt(start), text.charCodeAt(start + 1))] === 1 && f.tails[pair(text.charCodeAt(end - 2), text.charCodeAt(end - 1))] === 1;
}
