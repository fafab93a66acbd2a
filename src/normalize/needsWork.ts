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

/*
 * needsWorkFolded runs NEEDS_WORK, bar its repeat alternative, as one DFA: a table look-up per
 * code unit and no branch but the rarely taken ones that end the scan. (A branch per word
 * boundary, "is this a letter after a letter?", mispredicts often enough to have cost twice as
 * much as the rest of the scan.) The DFA is the product of one small machine per alternative.
 *
 * Its input: what each code unit is to the alternatives.
 */
const LETTER = 0; // [a-z]: zero, for the repeat test
const DIGIT = 1; // [013457]: leet, and a letter of a spaced-out word
const AT = 2; // "@": leet, a letter of a spaced-out word, a symbol before a letter
const DOLLAR = 3; // "$": leet, a mask after a letter, a symbol before one; no word part
const MASK = 4; // "*", "#": a mask after a letter; a word part
const BANG = 5; // "!": a symbol before a letter
const BLANK = 6; // space, tab: whitespace, and spacers between spaced letters
const NEWLINE = 7; // \n, \r: whitespace
const SPACER = 8; // . - _ / | ~ + ,
const OTHER = 9; // any other character the first alternative allows
const CONTROL = 10; // one it does not allow
const KINDS = 16;

const KIND = (() => {
  const k = new Uint8Array(128).fill(OTHER);
  k.fill(CONTROL, 0, 0x20);
  const set = (chars: string, kind: number) => {
    for (const ch of chars) k[ch.charCodeAt(0)] = kind;
  };
  set('abcdefghijklmnopqrstuvwxyz', LETTER);
  set('013457', DIGIT);
  set('@', AT);
  set('$', DOLLAR);
  set('*#', MASK);
  set('!', BANG);
  set(' \t', BLANK);
  set('\n\r', NEWLINE);
  set('.-_/|~+,', SPACER);
  return k;
})();

/*
 * The spaced-letters alternative: "^ or a non-word character, a letter, 1-3 spacers, a letter,
 * 1-3 spacers, a letter, then no word character" ([a-z013457@] letters, [a-z013457@*#] word
 * characters). A chain further along stands for any chain that could start at a later letter
 * of it (whatever completes the later one completes it too), so one state per place in the
 * chain suffices.
 */
const AFTER_WORD = 0; // after a word character: the next letter cannot start a chain
const AFTER_OTHER = 1; // after anything else, or at the start: it can
const L1 = 2; // L1 + k: k spacers after the first letter (k = 0..3)
const L2 = 6; // L2 + k: k spacers after the second letter
const L3 = 10; // after the third letter: the next character decides
const SPACED_STATES = 11;
const SPACED_FIRED = -1;

function spacedNext(st: number, kind: number): number {
  const letter = kind === LETTER || kind === DIGIT || kind === AT;
  const word = letter || kind === MASK;
  if (st === L3) return word ? AFTER_WORD : SPACED_FIRED;
  if (kind === BLANK || kind === SPACER) {
    // Spacers count up after a letter (a fourth ends the chain); they are no word characters.
    return (st >= L1 && st < L1 + 3) || (st >= L2 && st < L2 + 3) ? st + 1 : AFTER_OTHER;
  }
  if (!letter) return word ? AFTER_WORD : AFTER_OTHER;
  // A letter after 1-3 spacers goes on with the chain; after a non-word character it starts one.
  if (st > L1 && st <= L1 + 3) return L2;
  if (st > L2 && st <= L2 + 3) return L3;
  return st === AFTER_OTHER ? L1 : AFTER_WORD;
}

/* The leet alternative: what the current whitespace-separated token holds so far. */
const TOKEN_EMPTY = 0;
const TOKEN_LETTER = 1;
const TOKEN_LEET = 2;
const TOKEN_BOTH = 3; // the alternative matches: noted in `found`, which stays set
const TOKEN_STATES = 3;

function tokenNext(token: number, kind: number): number {
  if (kind === BLANK || kind === NEWLINE) return TOKEN_EMPTY;
  const has = kind === LETTER ? TOKEN_LETTER : kind === DIGIT || kind === AT || kind === DOLLAR ? TOKEN_LEET : TOKEN_EMPTY;
  return token | has;
}

/* The mask and symbol alternatives: the previous character. */
const PREV_OTHER = 0;
const PREV_LETTER = 1;
const PREV_SYMBOL = 2; // [!$@]
const PREV_STATES = 3;

/** State (spaced, token, prev, found) → its number; FIRED: an alternative matched. */
const stateOf = (spaced: number, token: number, prev: number, found: number): number =>
  spaced + SPACED_STATES * (token + TOKEN_STATES * (prev + PREV_STATES * found));
const FIRED = stateOf(0, 0, 0, 2);
const START = stateOf(AFTER_OTHER, TOKEN_EMPTY, PREV_OTHER, 0);

function next(state: number, kind: number): number {
  if (state === FIRED || kind === CONTROL) return FIRED;
  const spaced = state % SPACED_STATES;
  const token = Math.floor(state / SPACED_STATES) % TOKEN_STATES;
  const prev = Math.floor(state / (SPACED_STATES * TOKEN_STATES)) % PREV_STATES;
  const found = Math.floor(state / (SPACED_STATES * TOKEN_STATES * PREV_STATES));
  if (prev === PREV_LETTER && (kind === DOLLAR || kind === MASK)) return FIRED;
  if (prev === PREV_SYMBOL && kind === LETTER) return FIRED;
  const spacedAfter = spacedNext(spaced, kind);
  if (spacedAfter === SPACED_FIRED) return FIRED;
  const tokenAfter = tokenNext(token, kind);
  const prevAfter = kind === LETTER ? PREV_LETTER : kind === BANG || kind === AT || kind === DOLLAR ? PREV_SYMBOL : PREV_OTHER;
  if (tokenAfter === TOKEN_BOTH) return stateOf(spacedAfter, TOKEN_LETTER, prevAfter, 1);
  return stateOf(spacedAfter, tokenAfter, prevAfter, found);
}

/** state * KINDS + kind → next state * KINDS (pre-multiplied: one add per code unit). */
const NEXT = (() => {
  const t = new Uint16Array((FIRED + 1) * KINDS).fill(FIRED * KINDS);
  for (let st = 0; st < FIRED; st++) for (let kind = 0; kind <= CONTROL; kind++) t[st * KINDS + kind] = next(st, kind) * KINDS;
  return t;
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

/** needsWorkFolded's answer when, of all the alternatives of NEEDS_WORK, only the leet one matches. */
export const ONLY_LEET = -2;

/**
 * `needsWork(t)` for the text `t` that `s` becomes when each code unit above 0x7e is read as
 * `readAs` says: negative when it needs work (ONLY_LEET when the leet alternative is the only
 * one that matches, -1 otherwise), else how many code units would be folded (those read as
 * another character without KEPT). The fast path asks this of text with typographic quotes,
 * no-break spaces, accents and symbols, so one scan tells it both whether to fold them and
 * whether there are any, and whether leet is all there is to undo ("the g20 summit").
 */
export function needsWorkFolded(s: string, readAs: ReadAs): number {
  discarded.clear(s.length);
  if (scan(s, readAs, 0, NEXT, AS_IS, discarded) < s.length) return -1;
  const state = endState / KINDS;
  // A third spaced letter at the very end has nothing after it.
  if (state % SPACED_STATES === L3) return -1;
  return state >= stateOf(0, 0, 0, 1) ? ONLY_LEET : endFolds;
}

/**
 * NEXT, but a token holding both letters and leet fires at once, as the other alternatives do:
 * for workFrom, to which leet is work like any other.
 */
const NEXT_STRICT = NEXT.map((to) => (to >= stateOf(0, 0, 0, 1) * KINDS ? FIRED * KINDS : to));

/**
 * Where text `s`, read from `from` on as a text of its own (ASCII in lower case, code units above
 * 0x7e as `readAs` says), first needs work: the index of the code unit at which NEEDS_WORK, leet
 * included, is sure to match the lower-cased text (the last one for a spaced-out word at the
 * very end), or `s.length` when it never does. A match ends there and starts at or after
 * `from`. Each code unit read before is written to `out` (see Written).
 */
export function workFrom(s: string, readAs: ReadAs, from: number, out: Written): number {
  const at = scan(s, readAs, from, NEXT_STRICT, LOWER, out);
  if (at < s.length) return at;
  return (endState / KINDS) % SPACED_STATES === L3 ? s.length - 1 : s.length;
}

/**
 * What workFrom writes as it reads a text: at each code unit's index in `bytes`, the ASCII code
 * unit it reads as (ASCII in lower case, one above 0x7e as `readAs` says); and in `kept`, in
 * order, the indices of those read with KEPT, where the text keeps the code unit as it is
 * (`readAs` must then read it as its own lower case). Bytes, not code units: a UTF-8 decoder
 * turns ASCII bytes into a string several times faster than a UTF-16 one does code units, and
 * KEPT code units are rare (a "•", a "©").
 */
export class Written {
  bytes = new Uint8Array(256);
  kept = new Int32Array(256);
  keptCount = 0;

  /** Room for a text of `n` code units, with nothing kept yet. */
  clear(n: number): void {
    if (this.bytes.length < n) {
      const cap = Math.max(n, 2 * this.bytes.length);
      this.bytes = new Uint8Array(cap);
      this.kept = new Int32Array(cap);
    }
    this.keptCount = 0;
  }
}

/** Where needsWorkFolded has scan() write what it reads, which it does not need. */
const discarded = new Written();

/**
 * ASCII as scan() reads it, as it is (lower-cased text) or in lower case (text as written): the
 * code unit read, and its KIND shifted left by 8, in one load (two cost a tenth of the scan).
 */
const asciiReads = (lower: boolean): Uint16Array =>
  Uint16Array.from({ length: 0x80 }, (_, c) => {
    const read = lower && c >= 65 && c <= 90 ? c + 32 : c;
    return (KIND[read]! << 8) | read;
  });
const AS_IS = asciiReads(false);
const LOWER = asciiReads(true);

/** What scan() leaves besides its result when it reads to the end: its state (times KINDS) and the folds it counted. */
let endState = 0;
let endFolds = 0;

/**
 * Runs the DFA `table` over `s` from `from` on, from the state at the start of a text, reading
 * ASCII as `ascii` maps it: the index of the code unit at which it fired (or met a code unit
 * `readAs` refuses, or a third repeat), else `s.length`, leaving the end state and the count of
 * folds in endState and endFolds. Writes what it reads to `out` (see workFrom): always, as a
 * branch on whether to cost more than the store.
 */
function scan(s: string, readAs: ReadAs, from: number, table: Uint16Array, ascii: Uint16Array, out: Written): number {
  const n = s.length;
  const bytes = out.bytes;
  // In a local: TurboFan reads module-level bindings from their context at every use, so
  // FIRED * KINDS in the loop cost two loads, their checks and a multiplication per code unit
  // (a tenth of the scan).
  const fired = FIRED * KINDS;
  let state = START * KINDS;
  // The repeat alternative: the previous two code units.
  let prevC = -1;
  let prevC2 = -1;
  let folded = 0;
  for (let i = from; i < n; i++) {
    // Not s.charCodeAt(i): this loop reads the comment as the caller made it, and strings come
    // in many representations (one- or two-byte, sliced, internalized: six among the bench's
    // short comments and the packs' terms), so the method load on `s` goes megamorphic and
    // TurboFan redoes it at every code unit (LoadIC_Megamorphic was 5.5% of moderate()'s CPU
    // profile). The method read off String.prototype is a constant it folds, and the call
    // inlines to the same load of the code unit: moderate() on short comments ~7% faster.
    let c = String.prototype.charCodeAt.call(s, i);
    let kind: number;
    if (c > 0x7e) {
      const read = readAs(c);
      if (read === 0) return i;
      // Counted, listed and read without a branch on KEPT, which cost a tenth of the scan.
      const keep = (read & KEPT) >>> 7;
      folded += 1 - keep;
      out.kept[out.keptCount] = i;
      out.keptCount += keep;
      bytes[i] = c = read & ~KEPT;
      kind = KIND[c]!;
    } else {
      const read = ascii[c]!;
      bytes[i] = c = read & 0xff;
      kind = read >> 8;
    }
    state = table[state + kind]!;
    if (state === fired) return i;
    // Three of the same letter (LETTER is 0; one test, as double letters are too common to
    // branch on).
    if (((c ^ prevC) | (c ^ prevC2) | kind) === 0) return i;
    prevC2 = prevC;
    prevC = c;
  }
  endState = state;
  endFolds = folded;
  return n;
}
