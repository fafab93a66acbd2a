/**
 * `mayEndInCue` of context.ts as it was before it compared the last word in place (a slice and
 * a Set look-up), kept as the reference tests/engine/mention-gates.test.ts compares
 * `mayEndInCue` and `mayEndInCueAt` against. Test-only; nothing in src/ imports it.
 */
const CUE_LAST_WORDS: ReadonlySet<string> = new Set([
  'word', 'words', 'term', 'terms', 'slur', 'slurs', 'label', 'labels', 'epithet', 'epithets', 'insult', 'insults', 'name',
  'names', 'of', 'for', 'like', 'saying', 'using', 'say', 'use', 'calling', 'call', 'said', 'says', 'used', 'write', 'writing',
  'wrote', 'typed',
]);

const isAsciiWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;

export function referenceMayEndInCue(before: string): boolean {
  if (before.includes('call')) return true;
  let end = before.length;
  while (end > 0 && !isAsciiWordCode(before.charCodeAt(end - 1))) end--;
  let from = end;
  while (from > 0 && isAsciiWordCode(before.charCodeAt(from - 1))) from--;
  return CUE_LAST_WORDS.has(before.slice(from, end));
}
