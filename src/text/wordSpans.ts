/**
 * The words of a text as the rule engine's word scan read them (context.ts `words`: runs of
 * [\p{L}\p{N}*] joined by single hyphens and apostrophes), with the hash of each (text/hash.ts).
 * The model tokenises the same text: handing it these spans spares it a second pass over every
 * character and a second hash per word (model/naiveBayes.ts `featureIndicesOfWords`).
 */
export interface WordSpans {
  readonly text: string;
  /** Start, end pairs of the words, in order. */
  readonly bounds: readonly number[];
  /** hashOf(word) for each word, in order. */
  readonly hashes: readonly number[];
  /** Indices (ascending) of the words that are not wholly a–z: digits, joiners, masks, other scripts. */
  readonly mixed: readonly number[];
}
