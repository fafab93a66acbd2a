import { SCRIPT_CONFUSABLES } from './confusables.js';
import { foldCached, isInvisible } from './fold.js';
import { KEPT, needsWorkFolded, workFrom, Written } from './needsWork.js';
import { keepShape } from '../keepShape.js';
import { expectString } from '../errors.js';

/**
 * Text as the matcher sees it, with a map back to the original: normalised character `i`
 * came from `original.slice(starts[i], ends[i])`. Every span reported to users goes through
 * this map, so a match found in "r.e.t.a.r.d" or "ｒｅｔａｒｄ" still points at the original letters.
 * `starts` and `ends` may be getters that build the map on first read (when it is the
 * identity): read them by name; a spread or `Object.keys()` need not include them.
 */
export interface NormalizedText {
  readonly original: string;
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** Leet digits and symbols, undone inside words that also hold letters ("5h1t", "f@ggot"). */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i',
};

/*
 * Characters that stand for a hidden letter inside a word ("f**k", "f#ck"): "*" and "#" (isMaskCode).
 * What may sit between the letters of a spaced-out word ("r e t a r d", "r.e.t.a.r.d", "r-e-t"):
 * space, tab and . - _ / | ~ + , · (isSpacerCode).
 */

const MIN_SPACED_LETTERS = 3;
const MAX_SPACER_RUN = 3;

export function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  if (c >= 'a' && c <= 'z') return true;
  const code = c.charCodeAt(0);
  // Non-ASCII letters (Cyrillic, CJK, ...) count as word characters so boundaries hold in any script.
  return code >= 0xc0 && /\p{L}/u.test(c);
}

export function isWordChar(c: string | undefined): boolean {
  return c !== undefined && (isLetter(c) || (c >= '0' && c <= '9'));
}

/**
 * The working buffer of the slow path: one UTF-16 code unit per position with the span of the
 * original it came from. Every stage rewrites it in place (each only keeps or drops positions,
 * so its write index never passes its read index); module-level and grown on demand, so a call
 * allocates only its result.
 */
let codes = new Uint16Array(256);
let bufStarts = new Int32Array(256);
let bufEnds = new Int32Array(256);

function grow(min: number): void {
  let cap = codes.length;
  while (cap < min) cap *= 2;
  const c = new Uint16Array(cap);
  c.set(codes);
  const s = new Int32Array(cap);
  s.set(bufStarts);
  const e = new Int32Array(cap);
  e.set(bufEnds);
  codes = c;
  bufStarts = s;
  bufEnds = e;
}

/**
 * Code unit → replacement code unit (0: none), for the one-unit tables the stages apply per
 * position. Dense over the BMP (128 KB each) because the stages read them once per character:
 * a Map look-up there was most of the slow path's cost.
 */
function unitTable(map: ReadonlyMap<string, string> | Readonly<Record<string, string>>): Uint16Array {
  const out = new Uint16Array(0x10000);
  for (const [k, v] of map instanceof Map ? map : Object.entries(map)) {
    // Positions hold one code unit each, so only one-unit keys can ever match.
    if (k.length === 1 && v.length === 1 && v !== '\0') out[k.charCodeAt(0)] = v.charCodeAt(0);
    else if (k.length === 1) throw new Error(`normalize: mapping of "${k}" to "${v}" must be one code unit other than NUL`);
  }
  return out;
}

const LEET_UNITS = unitTable(LEET);
const SCRIPT_UNITS = unitTable(SCRIPT_CONFUSABLES);
const STAR = 42; // '*'
const HASH = 35; // '#'
const BANG = 33; // '!'
const DOLLAR = 36; // '$'
const AT = 64; // '@'

const isLatinCode = (c: number): boolean => c >= 97 && c <= 122;
const isMaskCode = (c: number): boolean => c === STAR || c === HASH;
const isSpaceCode = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 0xa0;
const isSpacerCode = (c: number): boolean =>
  c === 32 || c === 9 || c === 46 || c === 45 || c === 95 || c === 47 || c === 124 || c === 126 || c === 43 || c === 44 || c === 0xb7;

/** isLetter per code unit, memoised: 0 unknown, 1 letter, 2 not. */
const letterCache = new Uint8Array(0x10000);
function isLetterCode(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 0xc0) return false;
  let v = letterCache[c]!;
  if (v === 0) letterCache[c] = v = isLetter(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}

/** isLetterLike per code unit; -1 (outside the buffer) is nothing. */
function isLetterLikeCode(c: number): boolean {
  return isLatinCode(c) || (c >= 0 && ((c !== BANG && c !== DOLLAR && LEET_UNITS[c] !== 0) || SCRIPT_UNITS[c] !== 0));
}

function isWordPartCode(c: number): boolean {
  return isLetterLikeCode(c) || isMaskCode(c);
}

/*
 * The predicates above, per code unit, as bits of one table: the stages test them at every
 * position, and one load beats the chain of comparisons and look-ups behind each. Exported for
 * the test that holds it equal to the predicates at every code unit.
 */
const LETTER_LIKE = 1; // isLetterLikeCode
const WORD_PART = 2; // isWordPartCode (LETTER_LIKE << 1: joinSpacedLetters shifts one onto the other)
const UNMASKABLE = 4; // a character unmaskScriptsAndLeet may rewrite: look-alike, leet digit, "!", "$", "@" or a mask
const LATIN = 8; // isLatinCode
const SPACE = 16; // isSpaceCode
/** The class bits of code unit `c`, straight from the predicates. */
export function classOf(c: number): number {
  let f = 0;
  if (isLetterLikeCode(c)) f |= LETTER_LIKE;
  if (isWordPartCode(c)) f |= WORD_PART;
  if (SCRIPT_UNITS[c] !== 0 || (c >= 48 && c <= 57 && LEET_UNITS[c] !== 0) || c === BANG || c === DOLLAR || c === AT || isMaskCode(c)) f |= UNMASKABLE;
  if (isLatinCode(c)) f |= LATIN;
  if (isSpaceCode(c)) f |= SPACE;
  return f;
}

export const CLASSES = (() => {
  const out = new Uint8Array(0x10000);
  // Only ASCII, the no-break space and the keys of the leet and look-alike tables can belong to
  // any class: visiting those alone builds the same table as all 65,536 code units, without
  // ~15 ms of cold start.
  const units = new Set<number>([0xa0]);
  for (let c = 0; c < 0x80; c++) units.add(c);
  for (const k of [...Object.keys(LEET), ...SCRIPT_CONFUSABLES.keys()]) if (k.length === 1) units.add(k.charCodeAt(0));
  for (const c of units) out[c] = classOf(c);
  return out;
})();

/** ASCII code unit → its lower case: a load, where a range test mispredicts at capitals. */
const ASCII_LOWER = Uint8Array.from({ length: 0x80 }, (_, c) => (c >= 65 && c <= 90 ? c + 32 : c));

/**
 * Stage 1: drop invisibles, fold case, width, diacritics and Latin look-alikes, per code point,
 * of `text` from `from` to `to` (a code point boundary), into the buffer from position `at` on.
 * Returns the buffer's new length.
 */
function fold(text: string, from: number, to: number, at: number): number {
  if (codes.length < at + to - from) grow(at + to - from);
  // The buffers in locals: the ASCII branch runs once per character. Reloaded after a grow().
  let c = codes;
  let bs = bufStarts;
  let be = bufEnds;
  const len = to;
  let n = at;
  for (let i = from; i < len; ) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      c[n] = ASCII_LOWER[code]!;
      bs[n] = i;
      be[n] = i + 1;
      n++;
      i += 1;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (!isInvisible(cp)) {
      const folded = foldCached(cp, text.slice(i, i + width));
      // Room for this fold and for the rest of the text, should it all be ASCII: the ASCII
      // branch does not look.
      if (n + folded.length + len - i - width > c.length) {
        grow(n + folded.length + len - i - width);
        c = codes;
        bs = bufStarts;
        be = bufEnds;
      }
      for (let k = 0; k < folded.length; k++) {
        c[n] = folded.charCodeAt(k);
        bs[n] = i;
        be[n] = i + width;
        n++;
      }
    }
    i += width;
  }
  return n;
}

/** Does fold() map code unit `ch` to itself? Memoised: 0 unknown, 1 yes, 2 no. */
const foldsToItselfCache = new Uint8Array(0x10000);
function foldsToItself(ch: number): boolean {
  if (ch < 0x80) return ch < 65 || ch > 90;
  let v = foldsToItselfCache[ch]!;
  if (v === 0) {
    // A surrogate is folded together with its pair, so it is never one position on its own.
    const self = String.fromCharCode(ch);
    const keeps = (ch < 0xd800 || ch > 0xdfff) && !isInvisible(ch) && foldCached(ch, self) === self;
    foldsToItselfCache[ch] = v = keeps ? 1 : 2;
  }
  return v === 1;
}

/**
 * Would fold() of the buffer's text give back the buffer, position for position (and so an
 * identity offset map)? Then a later pass can run its stages on the buffer as it is.
 */
function foldKeeps(n: number): boolean {
  const c = codes;
  for (let i = 0; i < n; i++) if (!foldsToItself(c[i]!)) return false;
  return true;
}

/**
 * Stage 2, per token: a token mixing Latin letters with Cyrillic/Greek look-alikes or leet
 * characters is evasion, so those are mapped to Latin letters. Tokens without Latin letters
 * are left alone: "2016", "$92" and a word written wholly in Cyrillic are not evasion.
 */
function unmaskScriptsAndLeet(n: number): boolean {
  const c = codes;
  const cls = CLASSES;
  const at = (k: number): number => (k >= 0 && k < n ? c[k]! : -1);
  let changed = false;
  for (let pos = 0; pos < n; pos++) {
    // Most tokens (whitespace-separated) are plain words, with no character the loops below
    // rewrite: look for such a character first, and only then for the token around it. (A
    // branch per token end, taken every few characters, cost more than the rest of the stage.)
    if ((cls[c[pos]!]! & UNMASKABLE) === 0) continue;
    let start = pos;
    while (start > 0 && (cls[c[start - 1]!]! & SPACE) === 0) start--;
    let seen = 0;
    for (let k = start; k < pos; k++) seen |= cls[c[k]!]!;
    let end = pos;
    for (; end < n; end++) {
      const f = cls[c[end]!]!;
      if ((f & SPACE) !== 0) break;
      seen |= f;
    }
    // Go on after this token: the tokens before it had nothing to rewrite.
    pos = end;
    if ((seen & LATIN) === 0) continue;
    // Look-alike letters and digits first, so the symbols below are judged against the
    // letters their neighbours really are ("b!1" is "bii", not "b!i").
    for (let i = start; i < end; i++) {
      const ch = c[i]!;
      const script = SCRIPT_UNITS[ch]!;
      if (script !== 0) {
        c[i] = script;
        changed = true;
      } else if (ch >= 48 && ch <= 57) {
        const leet = LEET_UNITS[ch]!;
        if (leet !== 0) {
          c[i] = leet;
          changed = true;
        }
      }
    }
    // "!", "$" and "@" end sentences, mark prices and mentions: only a letter right after
    // makes them letters ("sh!t", "$hit", "f@g"), or a letter before for "$" ("a$$").
    for (let i = end - 1; i >= start; i--) {
      const ch = c[i]!;
      if (ch !== BANG && ch !== DOLLAR && ch !== AT) continue;
      if (isLatinCode(at(i + 1)) || (ch === DOLLAR && (isLatinCode(at(i - 1)) || at(i - 1) === DOLLAR))) {
        c[i] = LEET_UNITS[ch]!;
        changed = true;
      }
    }
    // A mask between letters hides a letter: keep it as "*" for the matcher's masked-word lookup.
    for (let i = start + 1; i < end - 1; i++) {
      if (isMaskCode(c[i]!) && isLatinCode(at(i - 1)) && (isLatinCode(at(i + 1)) || isMaskCode(at(i + 1))) && c[i] !== STAR) {
        c[i] = STAR;
        changed = true;
      }
    }
  }
  return changed;
}

/**
 * Stage 3: join letters spaced out to dodge a filter ("r e t a r d", "D e m o n r a t s"):
 * three or more single letters in a row, each separated by at most three spacer characters,
 * lose the spacers between them. Two-letter runs ("U.S.") are left as they are.
 * Returns the new length.
 */
function joinSpacedLetters(n: number): number {
  const c = codes;
  const cls = CLASSES;
  // A letter-like with no word part on either side (nothing lies outside the buffer).
  const isolated = (k: number): boolean =>
    k < n && (cls[c[k]!]! & LETTER_LIKE) !== 0 && (k === 0 || (cls[c[k - 1]!]! & WORD_PART) === 0) && (k + 1 >= n || (cls[c[k + 1]!]! & WORD_PART) === 0);
  let drop: Uint8Array | undefined;
  const letters: number[] = [];
  let i = 0;
  while (i < n) {
    // On to the next isolated letter-like: the classes of a position and its neighbours roll
    // along, so each position is read once. One test of the three bits (WORD_PART shifted onto
    // LETTER_LIKE), not a branch each: the first would flip at every word boundary.
    let prev = i > 0 ? cls[c[i - 1]!]! : 0;
    let cur = cls[c[i]!]!;
    for (; i < n; i++) {
      const next = i + 1 < n ? cls[c[i + 1]!]! : 0;
      if ((cur & ~((prev | next) >> 1) & LETTER_LIKE) !== 0) break;
      prev = cur;
      cur = next;
    }
    if (i >= n) break;
    letters.length = 0;
    letters.push(i);
    let k = i + 1;
    for (;;) {
      let j = k;
      while (j < n && j - k < MAX_SPACER_RUN && isSpacerCode(c[j]!)) j++;
      if (j === k || j >= n || !isolated(j)) break;
      letters.push(j);
      k = j + 1;
    }
    let hasLatin = false;
    for (const p of letters) if (isLatinCode(c[p]!)) hasLatin = true;
    if (letters.length >= MIN_SPACED_LETTERS && hasLatin) {
      drop ??= new Uint8Array(n);
      for (let p = 0; p + 1 < letters.length; p++) for (let q = letters[p]! + 1; q < letters[p + 1]!; q++) drop[q] = 1;
      i = letters[letters.length - 1]! + 1;
    } else {
      i = k;
    }
  }
  if (drop === undefined) return n;
  let w = 0;
  for (let p = 0; p < n; p++) {
    if (drop[p]) continue;
    codes[w] = codes[p]!;
    bufStarts[w] = bufStarts[p]!;
    bufEnds[w] = bufEnds[p]!;
    w++;
  }
  return w;
}

/**
 * Stage 4: squeeze runs of three or more of the same letter to one ("IDIOOOOT" → "idiot").
 * Runs of two stay, so "ass" and "as" remain different words. Returns the new length.
 */
function squeezeRepeats(n: number): number {
  const c = codes;
  let needed = false;
  for (let i = 2; i < n && !needed; i++) needed = c[i] === c[i - 1] && c[i] === c[i - 2] && isLetterCode(c[i]!);
  if (!needed) return n;
  let w = 0;
  let i = 0;
  while (i < n) {
    const ch = c[i]!;
    let j = i + 1;
    while (j < n && c[j] === ch) j++;
    if (j - i >= 3 && isLetterCode(ch)) {
      c[w] = ch;
      bufStarts[w] = bufStarts[i]!;
      bufEnds[w] = bufEnds[j - 1]!;
      w++;
    } else {
      for (let k = i; k < j; k++) {
        c[w] = c[k]!;
        bufStarts[w] = bufStarts[k]!;
        bufEnds[w] = bufEnds[k]!;
        w++;
      }
    }
    i = j;
  }
  return w;
}

/**
 * Decodes code units as they are: a UTF-16 decoder copies the buffer in bulk, several times
 * faster than String.fromCharCode over its spread. It keeps a leading U+FEFF (ignoreBOM) and
 * gives a one-byte string for Latin-1 text, like fromCharCode.
 */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** Decodes ASCII bytes: several times faster than UTF16 decodes code units, and the same one-byte string. */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The buffer's first `n` code units as a string. */
function bufferText(n: number): string {
  return unitsText(codes, n);
}

/** Where unitsText copies ASCII code units to decode them as bytes. */
let asciiUnits = new Uint8Array(256);

/** The first `n` code units of `units` as a string. */
function unitsText(units: Uint16Array, n: number): string {
  // ASCII (the usual case) is copied to bytes and decoded as UTF-8: the UTF-16 decoder (ICU) took
  // 0.18 µs for 16 code units and 0.5 µs for 220, the UTF-8 one 0.13 and 0.16 (measured), and
  // decoding a region cost a tenth of normalising a short comment with one.
  if (asciiUnits.length < n) asciiUnits = new Uint8Array(Math.max(n, 2 * asciiUnits.length));
  const bytes = asciiUnits;
  let i = 0;
  for (; i < n; i++) {
    const unit = units[i]!;
    if (unit >= 0x80) break;
    bytes[i] = unit;
  }
  if (i === n) return UTF8.decode(bytes.subarray(0, n));
  const text = UTF16.decode(units.subarray(0, n));
  // The decoder turns a lone surrogate into U+FFFD: where one may have been, copy unit by unit.
  return text.indexOf('\ufffd') < 0 ? text : unitsTextOneByOne(units, n);
}

function unitsTextOneByOne(units: Uint16Array, n: number): string {
  const CHUNK = 8192;
  if (n <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < n; i += CHUNK) parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]));
  return parts.join('');
}

/*
 * How the fast path reads a non-ASCII code unit (needsWorkFolded's ReadAs), derived from what
 * fold() and the stages do with it:
 * - one that fold() maps to one ASCII character (typographic quotes and dashes, the no-break
 *   space, most accented and fullwidth letters) is read as that character and replaced by it;
 * - one that fold() keeps and no stage treats as a letter, space, mask or leet character (•, ©,
 *   €, °: CLASSES is 0 and isLetterCode false) acts in every stage as "?" does, or as "." if it
 *   is the spacer "·": it is read as that and kept;
 * - anything else (letters fold() keeps, expanding or vanishing folds, surrogates) needs the
 *   full pipeline: 0.
 * Both kinds keep one position per code unit, so the offset map stays the identity. fold()
 * lower-cases, so a code unit reads as its lower case does: the fast path reads the text as
 * written (ASCII lower-cased by workFrom), which spares a toLowerCase() of the whole text;
 * tests/normalize/paths.test.ts checks over every code unit that folding it gives what reading
 * it says.
 */
const FAST_UNKNOWN = 0;
const FAST_NONE = 0xff; // memoised 0: needs the full pipeline
const fastReads = new Uint8Array(0x10000);

/** The ReadAs of the fast path, memoised per code unit (fold() is a Map look-up or an NFKD). */
export function fastReadAs(c: number): number {
  let v = fastReads[c]!;
  if (v === FAST_UNKNOWN) fastReads[c] = v = fastReadOf(c) || FAST_NONE;
  return v === FAST_NONE ? 0 : v;
}

function fastReadOf(c: number): number {
  // A surrogate is folded together with its pair, which maps both units to the pair's span.
  if ((c >= 0xd800 && c <= 0xdfff) || isInvisible(c)) return 0;
  const self = String.fromCharCode(c);
  const folded = foldCached(c, self);
  if (folded.length !== 1) return 0;
  const f = folded.charCodeAt(0);
  // fold() lower-cases, so no fold is an upper-case letter (which a pass would fold again).
  if (((f >= 0x20 && f <= 0x7e) || f === 10 || f === 13 || f === 9) && !(f >= 65 && f <= 90)) return f;
  if (f === c && CLASSES[c] === 0 && !isLetterCode(c)) return KEPT | (isSpacerCode(c) ? DOT : QUESTION);
  return 0;
}

const DOT = 46; // '.'
const QUESTION = 63; // '?'

/** An identity offset map of length n: character i came from original character i. */
function identity(n: number, offset: 0 | 1): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i + offset;
  return out;
}

/**
 * The fast path's result. Its offset map is the identity, and most callers never read it (only
 * a match or a glued hit does), while two typed arrays cost more than the rest of the fast path:
 * so `starts` and `ends` are built on first read. They are getters on the prototype, so they
 * do not show up in Object.keys() or a spread; every reader in decorum reads them by name.
 */
class IdentityNormalized implements NormalizedText {
  #starts: Int32Array | undefined;
  #ends: Int32Array | undefined;

  constructor(
    readonly original: string,
    readonly text: string,
  ) {}

  get starts(): Int32Array {
    return (this.#starts ??= identity(this.text.length, 0));
  }

  get ends(): Int32Array {
    return (this.#ends ??= identity(this.text.length, 1));
  }
}

/**
 * normalizeRegions' result. Its offset map is the identity but in the regions, and most of it is
 * never read (match.ts reads it at a match or a glued hit), while building two typed arrays as
 * long as the text cost a fifth of normalising a long comment: so it keeps the regions' part of
 * the map, separatedAt and originalSpan read a position through startAt and endAt, and `starts`
 * and `ends` are built on first read (getters on the prototype, as IdentityNormalized's).
 */
class RegionsNormalized implements NormalizedText {
  #starts: Int32Array | undefined;
  #ends: Int32Array | undefined;

  constructor(
    readonly original: string,
    readonly text: string,
    /** placeRegions() of the regions. */
    private readonly placed: Int32Array,
    /** The regions' part of the map (regionMap): start and end of each of their positions, in turn. */
    private readonly inRegions: Int32Array | number[],
  ) {}

  get starts(): Int32Array {
    return (this.#starts ??= this.#map(0));
  }

  get ends(): Int32Array {
    return (this.#ends ??= this.#map(1));
  }

  /** starts[i], for an integer i from 0 to text.length - 1. */
  startAt(i: number): number {
    return this.#at(i, 0);
  }

  /** ends[i], for an integer i from 0 to text.length - 1. */
  endAt(i: number): number {
    return this.#at(i, 1);
  }

  #at(i: number, shift: 0 | 1): number {
    const p = this.placed;
    // The last region that starts at or before i (binary search: a hostile text has many).
    let lo = 0;
    let hi = p.length / 4;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (p[mid * 4]! <= i) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return i + shift;
    const k = (lo - 1) * 4;
    const into = i - p[k]!;
    const length = p[k + 1]!;
    return into < length ? this.inRegions[2 * (p[k + 2]! + into) + shift]! : p[k + 3]! + into - length + shift;
  }

  /** The whole map: the identity (plus `shift`) between the regions, the regions' map (its starts, or ends: `shift`) in them. */
  #map(shift: 0 | 1): Int32Array {
    const p = this.placed;
    const inRegions = this.inRegions;
    const out = new Int32Array(this.text.length);
    let o = 0;
    let from = 0;
    for (let k = 0; k < p.length; k += 4) {
      for (; o < p[k]!; o++) out[o] = from++ + shift;
      for (let b = p[k + 2]!, end = b + p[k + 1]!; b < end; b++) out[o++] = inRegions[2 * b + shift]!;
      from = p[k + 3]!;
    }
    for (; o < out.length; o++) out[o] = from++ + shift;
    return out;
  }
}

// Results die with their call: one live each keeps their maps, and the code optimised
// against them, through a full GC (keepShape.ts).
keepShape(new IdentityNormalized('', ''));
keepShape(new RegionsNormalized('', '', new Int32Array(0), new Int32Array(0)));

/**
 * `normalize` as the package exports it: the same result as a plain object whose offset maps are
 * own data properties, so it spreads, clones and serialises like any value. Moderation calls
 * `normalize` itself and keeps the fast path's maps lazy (they are read only for matches).
 */
export function normalizeToObject(original: string): NormalizedText {
  // The public entry point: moderate() checks its text itself and calls normalize() directly.
  expectString(original, 'normalize(text)', 'text');
  const n = normalize(original);
  return { original: n.original, text: n.text, starts: n.starts, ends: n.ends };
}

/**
 * Normalises text for matching and keeps the offset map. Pure and idempotent:
 * `normalize(normalize(x).text).text === normalize(x).text`.
 *
 * Most comments are plain prose that no stage after folding would change: ASCII with maybe
 * typographic quotes, no-break spaces, accents or symbols that fold one-to-one or stay. For
 * those the normalised text is the lower-cased, folded text and the offset map is the identity,
 * built without the per-character buffers of the full pipeline (the fast path). Most of the
 * rest, long comments above all, need work in a few places only: a "…", a leet token ("g20"),
 * a masked or spaced-out word. The pipeline runs on the stretches around those (regions) and
 * takes the text between them as the fast path would. That gives what normalizeFully gives on
 * the whole text because the regions end at split points (isSplitAt: a space between two words
 * that end and start with two different ASCII letters, "...cd ef...") and nothing reaches
 * across one:
 * - fold works per code point, unmasking per whitespace-separated token;
 * - the join reaches across a space only from a letter with no letter beside it, and a squeeze
 *   across a run of one letter; the letters around a split point stay as they are through every
 *   pass (ASCII letters fold to themselves, unmasking and the join rewrite or drop no Latin
 *   letter, and a squeeze leaves a letter next to a different one), so no pass ever does;
 * - NEEDS_WORK (needsWorkFolded, workFrom, isFinal) reads a text after a split point as it
 *   reads a text that starts there.
 * So the text between regions comes out of the first pass as the fast path writes it, with the
 * identity map, and no later pass changes it (tests/normalize/paths.test.ts holds the fast
 * path to that): the passes run on the regions alone, folded one after the other into the
 * buffer (where they meet at split points too), and the loop stops where it would on the
 * whole text. tests/normalize/segments.test.ts holds the result to normalizeFully's.
 */
export function normalize(original: string): NormalizedText {
  const regions = workRegions(original);
  if (regions.length === 0) return new IdentityNormalized(original, writtenText(original));
  if (regions[0] === 0 && regions[1] === original.length) return normalizeFully(original);
  return normalizeRegions(original, regions);
}

/**
 * The pipeline on `regions` of `original` (workRegions), with the text between them as the
 * fast path writes it (in `written`): see normalize.
 */
function normalizeRegions(original: string, regions: readonly number[]): NormalizedText {
  const n = original.length;
  let m = 0;
  let covered = 0;
  for (let k = 0; k < regions.length; k += 2) {
    m = fold(original, regions[k]!, regions[k + 1]!, m);
    covered += regions[k + 1]! - regions[k]!;
  }
  // The loop stops where it would on the whole text (isStable): when, stitched together, it is
  // what it was before the pass, or when the regions are final (the rest is final already: the
  // fast path's text is lower-case and needs no work).
  let previous = original;
  let final: string | undefined;
  const text = settle(stages(m), '', (next) => {
    // The whole text is as long as before only if the regions together are: stitch it only then.
    const whole = n - covered + next.length === previous.length ? stitch(original, regions, next.length) : undefined;
    if (whole === previous || isFinal(next)) {
      final = whole;
      return true;
    }
    previous = whole ?? stitch(original, regions, next.length);
    return false;
  });
  const whole = final ?? stitch(original, regions, text.length);
  if (whole.length === n && regionsKeepPlaces(regions, text.length)) return new IdentityNormalized(original, whole);
  return new RegionsNormalized(original, whole, placeRegions(regions, text.length), regionMap(text.length));
}

/**
 * The buffer's first `m` offsets, start and end of each position in turn. Not a slice of each
 * map: a typed array over 64 bytes is allocated off the heap (~0.3 µs each, measured), and two
 * of them were a tenth of normalising a short text with a "…" in it. A plain array for a few
 * regions' positions, which V8 allocates on its heap; a typed one past SMALL_MAP, where pushing
 * to a plain array cost several times as much (a 1 MB hostile text: 94 ms, not 18).
 */
function regionMap(m: number): Int32Array | number[] {
  if (m <= SMALL_MAP) {
    const small: number[] = [];
    for (let b = 0; b < m; b++) small.push(bufStarts[b]!, bufEnds[b]!);
    return small;
  }
  const out = new Int32Array(2 * m);
  for (let b = 0; b < m; b++) {
    out[2 * b] = bufStarts[b]!;
    out[2 * b + 1] = bufEnds[b]!;
  }
  return out;
}

const SMALL_MAP = 256;

/**
 * Where each of `regions` lies in the stitched text and in the buffer's first `m` positions:
 * four numbers a region, its first position in the text, its length there, its first position
 * in the buffer, and its end in the original (the text after it maps one to one from there).
 */
function placeRegions(regions: readonly number[], m: number): Int32Array {
  const placed = new Int32Array(regions.length * 2);
  let o = 0;
  let b = 0;
  let from = 0;
  for (let k = 0; k < regions.length; k += 2) {
    const to = regionEnd(b, regions[k + 1]!, m);
    o += regions[k]! - from;
    placed[k * 2] = o;
    placed[k * 2 + 1] = to - b;
    placed[k * 2 + 2] = b;
    placed[k * 2 + 3] = regions[k + 1]!;
    o += to - b;
    b = to;
    from = regions[k + 1]!;
  }
  return placed;
}

/**
 * Is `i` a split point of `t`: a space with two different ASCII letters before it and two after
 * it ("ed th" in "painted the")? Read in the original, so the letters are ASCII in it.
 */
function isSplitAt(t: string, i: number): boolean {
  if (t.charCodeAt(i) !== 32 || i < 2 || i + 2 >= t.length) return false;
  const c = asciiLetter(t.charCodeAt(i - 2));
  const d = asciiLetter(t.charCodeAt(i - 1));
  const e = asciiLetter(t.charCodeAt(i + 1));
  const f = asciiLetter(t.charCodeAt(i + 2));
  return c !== 0 && d !== 0 && e !== 0 && f !== 0 && c !== d && e !== f;
}

/** An ASCII letter's lower case, else 0. */
function asciiLetter(code: number): number {
  const lower = code | 32;
  return lower >= 97 && lower <= 122 ? lower : 0;
}

/**
 * The regions of `original` the pipeline must see, as [start, end) pairs in order: each starts
 * at 0 or a split point and ends at a split point or the end, and holds every place where
 * NEEDS_WORK matches the lower-cased text, leet included. Between two regions there is always
 * text, which is left in `written` as the fast path writes it. Exported for the tests.
 */
export function workRegions(original: string): number[] {
  const n = original.length;
  written.clear(n);
  const out: number[] = [];
  let pos = 0;
  while (pos < n) {
    // pos is 0 or a split point, so what comes before cannot change what workFrom finds.
    const at = workFrom(original, fastReadAs, pos, written);
    if (at >= n) break;
    // The split points on either side: spaces, which indexOf finds faster than a loop.
    let start = original.lastIndexOf(' ', at - 1);
    while (start > pos && !isSplitAt(original, start)) start = original.lastIndexOf(' ', start - 1);
    if (start < pos) start = pos;
    // Text with no split point for a long way (hostile text, such as spaced letters) is left to
    // the pipeline from there on: looking further would cost more than it could spare.
    let end = original.indexOf(' ', at + 1);
    while (end >= 0 && end - at < FAR && !isSplitAt(original, end)) end = original.indexOf(' ', end + 1);
    if (end < 0 || end - at >= FAR) end = n;
    // A region close to the one before joins it: the pipeline on a few words costs less than
    // handling one more region.
    if (out.length > 0 && start - out[out.length - 1]! < NEAR) out[out.length - 1] = end;
    else out.push(start, end);
    pos = end;
  }
  return out;
}

/** How far workRegions looks for the split point that ends a region, and how close two regions may be. */
const FAR = 4096;
const NEAR = 32;

/** The text as the fast path writes it, where workRegions read it (see Written). */
const written = new Written();

/** The first of the buffer's positions from `b` on (up to `m`) that comes from original character `end` or later. */
function regionEnd(b: number, end: number, m: number): number {
  while (b < m && bufStarts[b]! < end) b++;
  return b;
}

/** Where stitch() puts the whole text together: as bytes while it is ASCII, else as code units. */
let stitchedBytes = new Uint8Array(256);
let stitched = new Uint16Array(256);


const NO_REGIONS: readonly number[] = [];

/**
 * `written.bytes.subarray(0, n)`, the view a decoder reads, kept per length up to MAX_VIEW: a
 * subarray() per text cost a fifth of decoding it (0.025 µs of 0.11, measured), which is a
 * thirtieth of the fast path. Views of the buffer only, dropped when it grows, so they never
 * change a result; at most MAX_VIEW + 1 of them.
 */
function writtenBytes(n: number): Uint8Array {
  const bytes = written.bytes;
  if (n > MAX_VIEW) return bytes.subarray(0, n);
  if (viewsOf !== bytes) {
    views.fill(undefined);
    viewsOf = bytes;
  }
  return (views[n] ??= bytes.subarray(0, n));
}

const MAX_VIEW = 1024;
// Filled with undefined up front: an array written at scattered indices from empty may turn sparse (a dictionary).
const views: (Uint8Array | undefined)[] = new Array<undefined>(MAX_VIEW + 1).fill(undefined);
let viewsOf: Uint8Array | undefined;

/** The whole of `original` as the fast path writes it (workRegions left it in `written`). */
function writtenText(original: string): string {
  const text = UTF8.decode(writtenBytes(original.length));
  return written.keptCount === 0 ? text : keepOriginal(text, original, NO_REGIONS, 0);
}

/**
 * The whole text of `original`: between the regions as the fast path writes it (`written`),
 * the regions as the buffer's first `m` positions have them. Put together as ASCII bytes when
 * the regions are ASCII, else as code units.
 */
function stitch(original: string, regions: readonly number[], m: number): string {
  const n = original.length;
  let length = n + m;
  for (let k = 0; k < regions.length; k += 2) length -= regions[k + 1]! - regions[k]!;
  if (isAscii(codes, m)) {
    let text: string;
    if (length === n && stitchInPlace(regions, m)) {
      text = UTF8.decode(writtenBytes(n));
    } else {
      if (stitchedBytes.length < length) stitchedBytes = new Uint8Array(Math.max(length, 2 * stitchedBytes.length));
      stitchInto(stitchedBytes, regions, n, m);
      text = UTF8.decode(stitchedBytes.subarray(0, length));
    }
    return written.keptCount === 0 ? text : keepOriginal(text, original, regions, m);
  }
  if (stitched.length < length) stitched = new Uint16Array(Math.max(length, 2 * stitched.length));
  stitchInto(stitched, regions, n, m);
  const count = placeKept(regions, m, n);
  for (let j = 0; j < count; j++) if (keptPlaces[j]! >= 0) stitched[keptPlaces[j]!] = original.charCodeAt(written.kept[j]!);
  return unitsText(stitched, length);
}

/**
 * If each region keeps its length in the buffer's first `m` positions (a leet token, "g20" to
 * "g2o"), writes them (ASCII) over their own places in `written.bytes`, which then holds the whole
 * text, and says so. Only the text between the regions is read from `written.bytes` (stitchInto,
 * stitch), so their places are free. Spares copying the whole text, in one subarray() and set()
 * a piece, which with its decode cost a tenth of normalising a short comment with a region.
 */
function stitchInPlace(regions: readonly number[], m: number): boolean {
  let b = 0;
  for (let k = 0; k < regions.length; k += 2) {
    const to = regionEnd(b, regions[k + 1]!, m);
    if (to - b !== regions[k + 1]! - regions[k]!) return false;
    b = to;
  }
  const bytes = written.bytes;
  b = 0;
  for (let k = 0; k < regions.length; k += 2) for (let p = regions[k]!; p < regions[k + 1]!; p++) bytes[p] = codes[b++]!;
  return true;
}

/** Puts `written` between the regions and the buffer's first `m` positions in them one after the other into `out`. */
function stitchInto(out: Uint8Array | Uint16Array, regions: readonly number[], n: number, m: number): void {
  const bytes = written.bytes;
  let o = 0;
  let b = 0;
  let from = 0;
  for (let k = 0; k < regions.length; k += 2) {
    out.set(bytes.subarray(from, regions[k]!), o);
    o += regions[k]! - from;
    const to = regionEnd(b, regions[k + 1]!, m);
    out.set(codes.subarray(b, to), o);
    o += to - b;
    b = to;
    from = regions[k + 1]!;
  }
  out.set(bytes.subarray(from, n), o);
}

/**
 * `text`, put together from `written` and `regions` (stitch), with the original's code unit at
 * each of written's KEPT places: a few slices joined, where decoding the whole text as code
 * units would cost more than the rest of normalising a long text. Joined, not concatenated:
 * join() gives a flat string, where `+` gives a rope that every later charCodeAt pays for.
 */
function keepOriginal(text: string, original: string, regions: readonly number[], m: number): string {
  const count = placeKept(regions, m, original.length);
  const parts: string[] = [];
  let last = 0;
  for (let j = 0; j < count; j++) {
    const q = keptPlaces[j]!;
    if (q < 0) continue;
    parts.push(text.slice(last, q), original[written.kept[j]!]!);
    last = q + 1;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** Where stitch() puts each of written's KEPT places: the index in the whole text, or -1 in a region (the buffer has those). */
let keptPlaces = new Int32Array(256);

/** Fills keptPlaces for `regions` (`m` positions of the buffer) of an original of `n` code units; returns their count. */
function placeKept(regions: readonly number[], m: number, n: number): number {
  const count = written.keptCount;
  if (keptPlaces.length < count) keptPlaces = new Int32Array(Math.max(count, 2 * keptPlaces.length));
  // The text between two regions that holds p: from `from` to `to` in the original, from `o` on in the whole text.
  let from = 0;
  let to = regions.length > 0 ? regions[0]! : n;
  let o = 0;
  let b = 0;
  let k = 0;
  for (let j = 0; j < count; j++) {
    const p = written.kept[j]!;
    while (p >= to) {
      const end = regionEnd(b, regions[k + 1]!, m);
      o += to - from + end - b;
      b = end;
      from = regions[k + 1]!;
      k += 2;
      to = k < regions.length ? regions[k]! : n;
    }
    keptPlaces[j] = p < from ? -1 : o + p - from;
  }
  return count;
}

/** Are the first `n` code units of `units` ASCII? */
function isAscii(units: Uint16Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (units[i]! >= 0x80) return false;
  return true;
}

/** Does each region keep its place in the buffer (`m` positions), one position per original character? */
function regionsKeepPlaces(regions: readonly number[], m: number): boolean {
  let b = 0;
  for (let k = 0; k < regions.length; k += 2) {
    const length = regions[k + 1]! - regions[k]!;
    if (b + length > m || !mapsOnto(b, b + length, regions[k]!)) return false;
    b += length;
  }
  return b === m;
}

/**
 * The full pipeline, without the shortcuts. normalize must give exactly what this gives for
 * every text (tests/normalize/paths.test.ts and segments.test.ts hold them equal).
 */
export function normalizeFully(original: string): NormalizedText {
  const text = settle(stages(fold(original, 0, original.length, 0)), original, isStable);
  const n = text.length;
  // Text whose only changes were one-to-one folds (a no-break space, an accent) keeps the
  // identity map, which IdentityNormalized gives without allocating it.
  if (n === original.length && mapsOnto(0, n, 0)) return new IdentityNormalized(original, text);
  return { original, text, starts: bufStarts.slice(0, n), ends: bufEnds.slice(0, n) };
}

/**
 * The passes after the first, whose output is the buffer's first `n` positions: the stages feed
 * each other (a squeeze can leave letters to join, a join can make a token leet), so the
 * pipeline runs again until `stable(text, previous)` says a pass's output is final, up to
 * MAX_PASSES passes: normalising normalised text then changes nothing. `first` is the text
 * before the first pass. The buffer keeps the offsets into the original throughout, so a pass's
 * map composes with the one before as it runs. Returns the text of the buffer's positions.
 */
function settle(n: number, first: string, stable: (text: string, previous: string) => boolean): string {
  let text = bufferText(n);
  let previous = first;
  for (let pass = 1; pass < MAX_PASSES && !stable(text, previous); pass++) {
    previous = text;
    if (foldKeeps(n)) {
      // fold() would give back the buffer with an identity map: run the stages on it as it is.
      const before = n;
      const joined = joinSpacedLetters(n);
      const rewrote = unmaskScriptsAndLeet(joined);
      n = squeezeRepeats(joined);
      // Nothing dropped and nothing rewritten: the text is what it was, so it is stable.
      if (n === before && !rewrote) break;
      text = bufferText(n);
    } else {
      const starts = bufStarts.slice(0, n);
      const ends = bufEnds.slice(0, n);
      n = stages(fold(text, 0, text.length, 0));
      for (let i = 0; i < n; i++) {
        bufStarts[i] = starts[bufStarts[i]!]!;
        bufEnds[i] = ends[bufEnds[i]! - 1]!;
      }
      text = bufferText(n);
    }
  }
  return text;
}

/** Do buffer positions `from` to `to` come from original characters `at`, `at + 1`, ... one each? */
function mapsOnto(from: number, to: number, at: number): boolean {
  const s = bufStarts;
  const e = bufEnds;
  const shift = at - from;
  for (let i = from; i < to; i++) if (s[i] !== i + shift || e[i] !== i + shift + 1) return false;
  return true;
}

const MAX_PASSES = 4;

/** A pass's output is final when nothing changed, or when it is text the fast path would return as it is (isFinal). */
function isStable(next: string, previous: string): boolean {
  return next === previous || isFinal(next);
}

/**
 * Is a pass's output text the fast path would return as it is: lower-case, nothing to fold
 * (ASCII, or symbols such as "•" that fold to themselves) and nothing needsWorkFolded() calls
 * work? A further pass would fold nothing and its stages would change nothing, which is what
 * the fast path relies on too (tests/normalize/paths.test.ts); saying so here spares text that
 * keeps a symbol ("•", "©") a second run of the stages.
 */
function isFinal(next: string): boolean {
  return next.length > 0 && needsWorkFolded(next, fastReadAs) === 0 && next === next.toLowerCase();
}

/** Stages 2 to 4 on the buffer's first `n` positions. Returns the new length. */
function stages(n: number): number {
  const joined = joinSpacedLetters(n);
  unmaskScriptsAndLeet(joined);
  return squeezeRepeats(joined);
}

/** Maps a span of normalised text back to the original text. */
const SEPARATOR = /[\s.\-_/|~+,\u00b7]/;

/**
 * Did the original text have a separator (space or a spacer of spaced-out words) between
 * normalised positions i - 1 and i? "a m o n g" became "among"; "IDIOOOT" lost only letters.
 */
export function separatedAt(n: NormalizedText, i: number): boolean {
  // Under an identity map nothing lies between two positions (and the map need not be built).
  if (n instanceof IdentityNormalized) return false;
  if (n instanceof RegionsNormalized) return Number.isInteger(i) && i > 0 && i < n.text.length && separated(n.original, n.endAt(i - 1), n.startAt(i));
  if (i <= 0 || i >= n.starts.length) return false;
  return separated(n.original, n.ends[i - 1]!, n.starts[i]!);
}

/** Is there a separator in `original` from `from` to `to`? */
function separated(original: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (SEPARATOR.test(original[k]!)) return true;
  return false;
}

export function originalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  // Under an identity map a span in range is its own original span (and the map need not be built).
  if (n instanceof IdentityNormalized && inRange(start, n.text.length) && inRange(end, n.text.length)) {
    return end <= start ? { start, end: start } : { start, end };
  }
  // The same for the map of normalizeRegions, read where asked.
  if (n instanceof RegionsNormalized && inRange(start, n.text.length) && inRange(end, n.text.length)) {
    if (end > start) return { start: n.startAt(start), end: n.endAt(end - 1) };
    const at = start < n.text.length ? n.startAt(start) : n.original.length;
    return { start: at, end: at };
  }
  if (end <= start) {
    const at = start < n.starts.length ? n.starts[start]! : n.original.length;
    return { start: at, end: at };
  }
  return { start: n.starts[start]!, end: n.ends[end - 1]! };
}

/** An integer position from 0 to `length`, both included. */
function inRange(i: number, length: number): boolean {
  return Number.isInteger(i) && i >= 0 && i <= length;
}
