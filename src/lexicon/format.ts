/** The saved word list's format and version: a list built for another version is refused, not misread. */
export const WORDS_FORMAT = 'decorum-words';
export const WORDS_VERSION = 1;

export interface WordList {
  format: typeof WORDS_FORMAT;
  version: typeof WORDS_VERSION;
  /** Where the words come from (package and file), for the record. */
  source: string;
  /**
   * Sorted words, front-coded: each word is a digit (how many leading letters it shares with the
   * word before, at most 9) followed by the rest of its letters. Words are letters only, so the
   * digits delimit them; this keeps the list at 40 % of its plain size in every bundle.
   */
  words: string;
}

/** Front-codes sorted letter-only words (see WordList.words). */
export function encodeWords(sorted: readonly string[]): string {
  let out = '';
  let prev = '';
  for (const w of sorted) {
    let k = 0;
    while (k < 9 && k < prev.length && k < w.length && prev[k] === w[k]) k++;
    out += String(k) + w.slice(k);
    prev = w;
  }
  return out;
}

export function decodeWords(coded: string): string[] {
  const out: string[] = [];
  let prev = '';
  let i = 0;
  while (i < coded.length) {
    const shared = coded.charCodeAt(i) - 48;
    let j = i + 1;
    while (j < coded.length && (coded.charCodeAt(j) < 48 || coded.charCodeAt(j) > 57)) j++;
    prev = prev.slice(0, shared) + coded.slice(i + 1, j);
    out.push(prev);
    i = j;
  }
  return out;
}
