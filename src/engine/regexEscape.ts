/**
 * One character escape of a rule pattern (read under the `u` flag), for the readers of the
 * pattern subset: the pattern gate (prefilter.ts) and the backtracking checks (backtracking.ts).
 */

/**
 * The character the escape at `src[at]` (a backslash) stands for, and where the escape ends:
 * \n \r \t \f \v, \0 (not followed by a digit), \xHH, \uHHHH, \u{H…}, and an escaped syntax
 * character (or "-"). Null for anything else: a class shorthand, an assertion, a property, a
 * backreference, an invalid or surrogate code unit; each reader decides what that means to it.
 */
export function escapedChar(src: string, at: number): { char: string; end: number } | null {
  const n = src[at + 1];
  if (n === undefined) return null;
  const simple = SIMPLE[n];
  if (simple !== undefined) return { char: simple, end: at + 2 };
  if (n === '0') return /[0-9]/.test(src[at + 2] ?? '') ? null : { char: '\0', end: at + 2 };
  if (n === 'x') return hex(src, at + 2, 2);
  if (n === 'u') {
    if (src[at + 2] !== '{') return hex(src, at + 2, 4);
    const close = src.indexOf('}', at);
    if (close < 0) return null;
    const cp = parseInt(src.slice(at + 3, close), 16);
    return Number.isFinite(cp) && cp <= 0x10ffff ? { char: String.fromCodePoint(cp), end: close + 1 } : null;
  }
  // Under the `u` flag only syntax characters (and "-" in classes) may be escaped literally.
  return '^$\\.*+?()[]{}|/-'.includes(n) ? { char: n, end: at + 2 } : null;
}

const SIMPLE: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };

function hex(src: string, from: number, digits: number): { char: string; end: number } | null {
  const h = src.slice(from, from + digits);
  if (!(digits === 2 ? /^[0-9a-fA-F]{2}$/ : /^[0-9a-fA-F]{4}$/).test(h)) return null;
  const code = parseInt(h, 16);
  // An escaped surrogate pair is one code point under the `u` flag: not read here.
  if (code >= 0xd800 && code <= 0xdfff) return null;
  return { char: String.fromCharCode(code), end: from + digits };
}
