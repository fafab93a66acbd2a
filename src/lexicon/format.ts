/** The saved word list's format and version: a list built for another version is refused, not misread. */
export const WORDS_FORMAT = 'decorum-words';
export const WORDS_VERSION = 1;

export interface WordList {
  format: typeof WORDS_FORMAT;
  version: typeof WORDS_VERSION;
  /** Where the words come from (package and file), for the record. */
  source: string;
  /** Space-separated and sorted: one string keeps the JSON small and quick to parse. */
  words: string;
}
