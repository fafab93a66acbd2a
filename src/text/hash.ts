/**
 * FNV-1a over UTF-16 code units, the hash the per-token tables fold in while a scanner reads a
 * token (engine/wordMemo.ts, the model's token table). One definition, so the rule engine's scan
 * can hand the hashes it has already made to the model (`WordSpans`).
 */

/** The FNV-1a offset basis: the hash of the empty token. */
export const HASH_START = 0x811c9dc5 | 0;

/** One step of FNV-1a over a UTF-16 code unit. */
export const hashStep = (hash: number, unit: number): number => Math.imul(hash ^ unit, 0x01000193);

/** The hash of a whole string, as hashStep folds it. */
export function hashOf(s: string): number {
  return hashOfRange(s, 0, s.length);
}

/** hashOf(s.slice(start, end)), without the slice. */
export function hashOfRange(s: string, start: number, end: number): number {
  let h = HASH_START;
  for (let k = start; k < end; k++) h = hashStep(h, s.charCodeAt(k));
  return h;
}
