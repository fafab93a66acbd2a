/**
 * `mayEndInCue` of context.ts as it was before it compared the last word in place: a slice and
 * a Set look-up in the same cue list (CUE_LAST_WORDS), kept as the reference
 * tests/engine/mention-gates.test.ts compares `mayEndInCue` and `mayEndInCueAt` against.
 * Test-only; nothing in src/ imports it.
 */
import { CUE_LAST_WORDS, isAsciiWordCode } from '../../src/engine/context.js';

export function referenceMayEndInCue(before: string): boolean {
  if (before.includes('call')) return true;
  let end = before.length;
  while (end > 0 && !isAsciiWordCode(before.charCodeAt(end - 1))) end--;
  let from = end;
  while (from > 0 && isAsciiWordCode(before.charCodeAt(from - 1))) from--;
  return CUE_LAST_WORDS.has(before.slice(from, end));
}
