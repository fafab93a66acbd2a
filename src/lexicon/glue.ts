/**
 * Glued words: a slur typed against its neighbour to slip past whole-word matching
 * ("manyfags", "Theretard", "fagbehaviour", and "afag" when "a f a g" is read as one run).
 * A term found inside a longer word counts when the word is no English word itself and what is
 * glued on either side is one: a common word, or (before it) an article or pronoun.
 */

/** What may stand glued before a term besides a common word: articles and pronouns ("afag", "urfag"). */
export const GLUE_BEFORE: ReadonlySet<string> = new Set(['a', 'an', 'i', 'u', 'ur', 'ya', 'yo', 'my', 'da', 'ye', 'ol', 'lil']);

/**
 * Does `word` split into [glued before] + the term at [start, end) + [glued after]? `isWord`
 * answers for common words; the whole word must not be one ("among", "homosexual", "mustard").
 */
export function gluedSplit(word: string, start: number, end: number, isWord: (w: string) => boolean): boolean {
  if (start === 0 && end === word.length) return false;
  if (isWord(word)) return false;
  const before = word.slice(0, start);
  const after = word.slice(end);
  return (before === '' || isWord(before) || GLUE_BEFORE.has(before)) && (after === '' || isWord(after));
}
