/**
 * Letter / number classes of UTF-16 code units, for the hand-written word scanners: the same
 * answers as /\p{L}/u and /\p{N}/u on a single BMP code point, each code unit classified by
 * regex once and remembered (a pure function's cache, like normalize's letterCache).
 * A lone surrogate classifies as neither, as the regexes say of it; scanners that must read an
 * astral character as one code point hand such text to their regex instead.
 */
export const LETTER = 1;
export const NUMBER = 2;
const NEITHER = 3;

const classes = new Uint8Array(0x10000);
const L = /^\p{L}$/u;
const N = /^\p{N}$/u;

/** LETTER, NUMBER or 0 for a UTF-16 code unit. */
export function unitClass(c: number): number {
  let v = classes[c]!;
  if (v === 0) {
    const ch = String.fromCharCode(c);
    classes[c] = v = L.test(ch) ? LETTER : N.test(ch) ? NUMBER : NEITHER;
  }
  return v === NEITHER ? 0 : v;
}

export const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;
