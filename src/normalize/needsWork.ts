/**
 * Does lower-cased text need the full normalisation pipeline? The definition is NEEDS_WORK, a
 * regex; `needsWork` answers the same question in one hand-written pass over the code units,
 * because every comment is tested and the regex (six alternatives, tried at each position)
 * cost about 5 % of a moderation. tests/normalize/needsWork.test.ts holds them equal.
 */

/**
 * Anything that could make a later stage change the text: leet or masks next to a letter, three
 * repeats, spaced letters. A spaced letter is one the join stage calls isolated: no word part
 * ([a-z013457@*#]: letters, leet digits, "@", masks) on either side. Digits 2, 6, 8, 9 and "$"
 * are not word parts there, so "a b c8" is joined and must not take the fast path.
 */
export const NEEDS_WORK =
  /[^\x20-\x7e\n\r\t]|(?<!\S)(?=\S*[a-z])\S*[013457@$]|[a-z][$*#]|[!$@][a-z]|([a-z])\1\1|(?:^|[^a-z013457@*#])[a-z013457@][ \t.\-_/|~+,]{1,3}[a-z013457@][ \t.\-_/|~+,]{1,3}[a-z013457@](?![a-z013457@*#])/;

// Character classes of the regex, as bit flags per ASCII code unit.
const LOWER = 1; // [a-z]
const LEET = 2; // [013457@$]
const SPACE = 4; // \s among the characters the first alternative allows: space, \t, \n, \r
const SPACER = 8; // [ \t.\-_/|~+,]
const WORD = 16; // [a-z013457@*#]: a word part to the join stage
const SPACED = 32; // [a-z013457@]: a letter of a spaced-out word
const MASK = 64; // [$*#], after a letter
const SYMBOL = 128; // [!$@], before a letter

const FLAGS = (() => {
  const f = new Uint8Array(128);
  const set = (chars: string, flag: number) => {
    for (const ch of chars) f[ch.charCodeAt(0)]! |= flag;
  };
  const lower = 'abcdefghijklmnopqrstuvwxyz';
  set(lower, LOWER | WORD | SPACED);
  set('013457@$', LEET);
  set(' \t\n\r', SPACE);
  set(' \t.-_/|~+,', SPACER);
  set('013457@*#', WORD);
  set('013457@', SPACED);
  set('$*#', MASK);
  set('!$@', SYMBOL);
  return f;
})();

/** `NEEDS_WORK.test(s)`, in one pass that reads each code unit once and carries what the alternatives need. */
export function needsWork(s: string): boolean {
  return needsWorkFolded(s, NO_FOLDS) < 0;
}

/**
 * How needsWorkFolded reads a code unit above 0x7e: 0 when the text needs work for it, else the
 * ASCII code unit the scan reads in its place, plus KEPT when the text keeps the character
 * itself (it only behaves like that ASCII one) rather than being folded to it.
 */
export type ReadAs = (c: number) => number;
export const KEPT = 0x80;

const NO_FOLDS: ReadAs = () => 0;

/**
 * `needsWork(t)` for the text `t` that `s` becomes when each code unit above 0x7e is read as
 * `readAs` says: -1 when it needs work, else how many code units would be folded (those read as
 * another character without KEPT). The fast path asks this of text with typographic quotes,
 * no-break spaces, accents and symbols, so one scan tells it both whether to fold them and
 * whether there are any.
 */
export function needsWorkFolded(s: string, readAs: ReadAs): number {
  const n = s.length;
  // The leet alternative: a whitespace-separated token holding both a letter and a leet character.
  let letter = false;
  let leet = false;
  // The previous code unit and its flags (0 before the start: no word character there).
  let prevC = -1;
  let prevF = 0;
  // The repeat alternative: how many times the current letter has occurred in a row.
  let run = 0;
  // The spaced-letters alternative: single letters found so far in a chain (each preceded by
  // no word character), and spacers since the last of them.
  let chain = 0;
  let gap = 0;
  let folded = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c > 0x7e) {
      c = readAs(c);
      if (c === 0) return -1;
      if (c & KEPT) c ^= KEPT;
      else folded++;
    } else if (c < 0x20 && c !== 10 && c !== 13 && c !== 9) return -1;
    const f = FLAGS[c]!;
    if (f & prevF & LOWER) {
      // A letter after a letter, most of any text: of all the alternatives only the repeat can
      // fire. (The token already had its letter, and a leet character would have ended the
      // scan there; letters share one set of flags, so prevF stays as it is.)
      run = c === prevC ? run + 1 : 1;
      if (run >= 3) return -1;
      chain = 0;
      prevC = c;
      continue;
    }
    if (f & SPACE) {
      letter = leet = false;
    } else {
      if (f & LOWER) letter = true;
      if (f & LEET) leet = true;
      if (letter && leet) return -1;
    }
    if (prevF & LOWER && f & MASK) return -1;
    if (prevF & SYMBOL && f & LOWER) return -1;
    if (f & LOWER) {
      run = c === prevC ? run + 1 : 1;
      if (run >= 3) return -1;
    }
    if (f & SPACED) {
      if (prevF & WORD) chain = 0;
      else {
        chain = chain > 0 && gap >= 1 && gap <= 3 ? chain + 1 : 1;
        gap = 0;
        // The third letter must not run on into a word character.
        if (chain >= 3 && (i + 1 >= n || !(FLAGS[readAt(s, i + 1, readAs)]! & WORD))) return -1;
      }
    } else if (f & SPACER) {
      if (chain > 0 && ++gap > 3) chain = 0;
    } else chain = 0;
    prevC = c;
    prevF = f;
  }
  return folded;
}

/** The code unit at `i` as needsWorkFolded reads it (0 for one it cannot read as ASCII). */
function readAt(s: string, i: number, readAs: ReadAs): number {
  const c = s.charCodeAt(i);
  return c <= 0x7e ? c : readAs(c) & ~KEPT;
}
