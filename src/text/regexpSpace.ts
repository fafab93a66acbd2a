/**
 * What the regular expression class \s matches (ECMAScript WhiteSpace and LineTerminator), as
 * sorted, disjoint, inclusive [lo, hi] pairs of code points. One table for the two readers of it:
 * the backtracking check (engine/backtracking.ts) reasons about \s in user patterns, and the
 * context checks read text the way a regex over it with \s did.
 */
export const REGEXP_SPACES: readonly number[] = [9, 13, 32, 32, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f, 0x3000, 0x3000, 0xfeff, 0xfeff];

/** Does /\s/ match this UTF-16 code unit? */
export function isRegExpSpace(c: number): boolean {
  if (c === 32) return true;
  for (let k = 0; k < REGEXP_SPACES.length && REGEXP_SPACES[k]! <= c; k += 2) if (c <= REGEXP_SPACES[k + 1]!) return true;
  return false;
}
