/**
 * The words of a text as the rule engine's word scan read them (context.ts `words`: runs of
 * [\p{L}\p{N}*] joined by single hyphens and apostrophes), with the memo entry of each.
 * The model tokenises the same text: handing it these spans spares it a second pass over every
 * character, and a second look-up of every word it has met before
 * (model/naiveBayes.ts `featureIndicesOfWords`).
 */
export interface WordSpans {
  readonly text: string;
  /** Start, end pairs of the words, in order. */
  readonly bounds: readonly number[];
  /**
   * The rule engine's memo entry (engine/wordMemo.ts) of each word, in order, -1 for a word the
   * memo did not keep. Within `epoch` an entry stands for one word's text for good, so a reader
   * may cache its own work per word by entry number instead of looking the word up again.
   */
  readonly entries: readonly number[];
  /** The memo's epoch the whole scan ran in (a scan during which the memo started over hands out no spans). */
  readonly epoch: number;
  /** Indices (ascending) of the words that are not wholly a–z: digits, joiners, masks, other scripts. */
  readonly mixed: readonly number[];
}
