/**
 * A frozen copy of normalize() as it was before the fast paths of the perf-norm branch
 * (commit 68791a1): the oracle the differential tests hold the optimised code to. Its
 * outputs are the contract (text and offset map, for every input), so it must not be edited
 * to follow src/normalize: when normalize is meant to change behaviour, change this on purpose
 * and say so. It uses the NEEDS_WORK regex (the definition) rather than the hand-written scan,
 * so a change to that definition reaches both sides (as the spaced-letters fix after 68791a1
 * did). The per-code-point fold (fold.ts) and the tables were not part of the optimisation and
 * are imported, not copied.
 */
import { CONFUSABLES, SCRIPT_CONFUSABLES } from '../../src/normalize/confusables.js';
import { foldCached, isInvisible } from '../../src/normalize/fold.js';
import { NEEDS_WORK } from '../../src/normalize/needsWork.js';

const needsWork = (s: string): boolean => NEEDS_WORK.test(s);

/**
 * Text as the matcher sees it, with a map back to the original: normalised character `i`
 * came from `original.slice(starts[i], ends[i])`. Every span reported to users goes through
 * this map, so a match found in "r.e.t.a.r.d" or "ｒｅｔａｒｄ" still points at the original letters.
 */
interface NormalizedText {
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

function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  if (c >= 'a' && c <= 'z') return true;
  const code = c.charCodeAt(0);
  // Non-ASCII letters (Cyrillic, CJK, ...) count as word characters so boundaries hold in any script.
  return code >= 0xc0 && /\p{L}/u.test(c);
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

/** Stage 1: drop invisibles, fold case, width, diacritics and Latin look-alikes, per code point. Returns the length. */
function fold(text: string): number {
  if (codes.length < text.length) grow(text.length);
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      codes[n] = code >= 65 && code <= 90 ? code + 32 : code;
      bufStarts[n] = i;
      bufEnds[n] = i + 1;
      n++;
      i += 1;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (!isInvisible(cp)) {
      const folded = foldCached(cp, text.slice(i, i + width));
      // Fixed on purpose (perf-norm3): room for the rest of the text too, which the ASCII branch
      // writes without looking; before, ASCII after an expanding fold could run past the buffer.
      if (n + folded.length + text.length - i - width > codes.length) grow(n + folded.length + text.length - i - width);
      for (let k = 0; k < folded.length; k++) {
        codes[n] = folded.charCodeAt(k);
        bufStarts[n] = i;
        bufEnds[n] = i + width;
        n++;
      }
    }
    i += width;
  }
  return n;
}

/**
 * Stage 2, per token: a token mixing Latin letters with Cyrillic/Greek look-alikes or leet
 * characters is evasion, so those are mapped to Latin letters. Tokens without Latin letters
 * are left alone: "2016", "$92" and a word written wholly in Cyrillic are not evasion.
 */
function unmaskScriptsAndLeet(n: number): void {
  const c = codes;
  const at = (k: number): number => (k >= 0 && k < n ? c[k]! : -1);
  let pos = 0;
  while (pos < n) {
    // Whitespace-separated tokens.
    while (pos < n && isSpaceCode(c[pos]!)) pos++;
    const start = pos;
    while (pos < n && !isSpaceCode(c[pos]!)) pos++;
    const end = pos;
    if (end <= start) continue;
    let latin = false;
    for (let i = start; i < end && !latin; i++) latin = isLatinCode(c[i]!);
    if (!latin) continue;
    // Look-alike letters and digits first, so the symbols below are judged against the
    // letters their neighbours really are ("b!1" is "bii", not "b!i").
    for (let i = start; i < end; i++) {
      const ch = c[i]!;
      const script = SCRIPT_UNITS[ch]!;
      if (script !== 0) c[i] = script;
      else if (ch >= 48 && ch <= 57) {
        const leet = LEET_UNITS[ch]!;
        if (leet !== 0) c[i] = leet;
      }
    }
    // "!", "$" and "@" end sentences, mark prices and mentions: only a letter right after
    // makes them letters ("sh!t", "$hit", "f@g"), or a letter before for "$" ("a$$").
    for (let i = end - 1; i >= start; i--) {
      const ch = c[i]!;
      if (ch !== BANG && ch !== DOLLAR && ch !== AT) continue;
      if (isLatinCode(at(i + 1)) || (ch === DOLLAR && (isLatinCode(at(i - 1)) || at(i - 1) === DOLLAR))) c[i] = LEET_UNITS[ch]!;
    }
    // A mask between letters hides a letter: keep it as "*" for the matcher's masked-word lookup.
    for (let i = start + 1; i < end - 1; i++) {
      if (isMaskCode(c[i]!) && isLatinCode(at(i - 1)) && (isLatinCode(at(i + 1)) || isMaskCode(at(i + 1)))) c[i] = STAR;
    }
  }
}

/**
 * Stage 3: join letters spaced out to dodge a filter ("r e t a r d", "D e m o n r a t s"):
 * three or more single letters in a row, each separated by at most three spacer characters,
 * lose the spacers between them. Two-letter runs ("U.S.") are left as they are.
 * Returns the new length.
 */
function joinSpacedLetters(n: number): number {
  const c = codes;
  const at = (k: number): number => (k >= 0 && k < n ? c[k]! : -1);
  const isolated = (k: number): boolean => isLetterLikeCode(at(k)) && !isWordPartCode(at(k - 1)) && !isWordPartCode(at(k + 1));
  let drop: Uint8Array | undefined;
  const letters: number[] = [];
  let i = 0;
  while (i < n) {
    if (!isolated(i)) {
      i++;
      continue;
    }
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

/** The buffer's first `n` code units as a string. */
function bufferText(n: number): string {
  const CHUNK = 8192;
  if (n <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < n; i += CHUNK) parts.push(String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]));
  return parts.join('');
}

const TYPOGRAPHIC = /[‘’‛′´“”„«»‐‑‒–—―−]/;
const TYPOGRAPHIC_ALL = /[‘’‛′´“”„«»‐‑‒–—―−]/g;

/**
 * Most comments are plain ASCII prose that no stage after case folding would change. For
 * those the normalised text is the lower-cased text and the offset map is the identity, built
 * without the per-character buffers of the full pipeline.
 */
function asciiFastPath(original: string): NormalizedText | null {
  let lower = original.toLowerCase();
  // Typographic quotes and dashes fold one-to-one to ASCII, so they keep the identity map.
  if (TYPOGRAPHIC.test(lower)) lower = lower.replace(TYPOGRAPHIC_ALL, (ch) => CONFUSABLES.get(ch) ?? ch);
  if (lower.length !== original.length || needsWork(lower)) return null;
  const n = lower.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { original, text: lower, starts, ends };
}

/**
 * Normalises text for matching and keeps the offset map. Pure and idempotent:
 * `normalize(normalize(x).text).text === normalize(x).text`.
 */
export function referenceNormalize(original: string): NormalizedText {
  const fast = asciiFastPath(original);
  if (fast !== null) return fast;
  let text = original;
  let starts: Int32Array | undefined;
  let ends: Int32Array | undefined;
  // The stages feed each other (a squeeze can leave letters to join, a join can make a token
  // leet), so the pipeline runs until its output no longer changes: normalising normalised text
  // then changes nothing. Each extra pass composes its offset map with the one before.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const n = squeezeRepeats(unmaskAndJoin(fold(text)));
    const next = bufferText(n);
    const s = bufStarts.slice(0, n);
    const e = bufEnds.slice(0, n);
    if (starts !== undefined && ends !== undefined) {
      for (let i = 0; i < s.length; i++) {
        s[i] = starts[s[i]!]!;
        e[i] = ends[e[i]! - 1]!;
      }
    }
    // Stable when nothing changed, or when the output is text the fast path would return as it
    // is (plain ASCII that no stage touches): another pass could not change it either.
    const stable = next === text || (next.length > 0 && !needsWork(next) && next === next.toLowerCase() && !TYPOGRAPHIC.test(next));
    text = next;
    starts = s;
    ends = e;
    if (stable) break;
  }
  return { original, text, starts: starts!, ends: ends! };
}

const MAX_PASSES = 4;

function unmaskAndJoin(n: number): number {
  const joined = joinSpacedLetters(n);
  unmaskScriptsAndLeet(joined);
  return joined;
}

