import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

/**
 * `franc(text, { only: candidates, minLength })`, the same answer for every string, at a fraction
 * of its cost. franc took ~127 µs per short comment: it builds a dictionary object of the text's
 * trigrams, sorts it, and then, for each of the ~120 Latin-script languages it filters on every
 * call, probes that language's 300-key object once per trigram. Every comment franc was asked
 * about cost as much as eight whole verdicts, and on a site whose comments are not in English
 * that was every comment.
 *
 * Here the trigram profiles of the candidate languages are merged, once, into one open-addressing
 * table from a trigram (three UTF-16 code units, as franc slices them) to its rank in each
 * candidate's profile; a call reads the text's trigrams once, counts them in that table and sums
 * the distances for all candidates together. franc's own data and script expressions are used,
 * and its rules are followed to the letter (tests compare the two on generated and real text):
 *
 * - the text is cut to 2,048 units; shorter than `minLength`, or empty, it is "und";
 * - the script is the one whose expression matches most often, the first in franc's order on a
 *   tie; a script with a single language answers that language (if it is a candidate);
 * - the text is cleaned (U+0021–U+0040 runs and white space to one space, trimmed, lower-cased)
 *   and padded with a space on each side; each distinct trigram adds to a language's distance
 *   |count − rank − 1| (its count in the text, not its rank: franc's formula), or 300 when the
 *   language's profile lacks it;
 * - the smallest distance wins, the first in franc's data order on a tie (its sort is stable).
 */

const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;
/** No language: a slot that holds no trigram, a trigram absent from a profile. */
const NONE = -1;

/** The trigram profiles of one script's candidate languages, merged. */
interface ScriptProfiles {
  /** The candidates written in this script, in franc's data order (its order on a tie). */
  readonly languages: readonly string[];
  readonly mask: number;
  /** Slot k: the trigram's first unit (NONE: empty), and its second and third as (b << 16) | c. */
  readonly first: Int32Array;
  readonly rest: Int32Array;
  /** Slot k, language l at k * languages.length + l: the trigram's rank in that profile, or NONE. */
  readonly ranks: Int16Array;
}

function slotOf(a: number, bc: number, mask: number): number {
  const h = Math.imul(a ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(bc, 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}

function mergeProfiles(languages: readonly string[], profiles: ReadonlyArray<readonly string[]>): ScriptProfiles {
  const total = profiles.reduce((n, p) => n + p.length, 0);
  let size = 64;
  while (size < total * 2) size *= 2;
  const mask = size - 1;
  const first = new Int32Array(size).fill(NONE);
  const rest = new Int32Array(size);
  const ranks = new Int16Array(size * languages.length).fill(NONE);
  profiles.forEach((profile, l) => {
    // franc fills its object from the last trigram to the first: a trigram listed twice keeps
    // its first rank. Going downwards here does the same.
    for (let rank = profile.length - 1; rank >= 0; rank--) {
      const t = profile[rank]!;
      const a = t.charCodeAt(0);
      const bc = (t.charCodeAt(1) << 16) | t.charCodeAt(2);
      let k = slotOf(a, bc, mask);
      while (first[k] !== NONE && (first[k] !== a || rest[k] !== bc)) k = (k + 1) & mask;
      first[k] = a;
      rest[k] = bc;
      ranks[k * languages.length + l] = rank;
    }
  });
  return { languages, mask, first, rest, ranks };
}

/**
 * How franc's script expressions read a text. Each is a global regular expression whose
 * alternatives are either a class of single code units outside the surrogates, or a surrogate
 * pair beginning with a high surrogate (a test pins this shape). So a code unit that is not a
 * surrogate matches a script's expression on its own or not at all, a low surrogate never
 * starts a match, and only a high surrogate that some pair alternative begins with needs the
 * expressions themselves. Which scripts a unit matches is worked out on first sight and kept
 * (a pure function of the unit, the same for every caller).
 */
const SCRIPTS = Object.keys(expressions);
const LATIN = SCRIPTS.indexOf('Latin');
const singleUnit = SCRIPTS.map((script) => new RegExp(expressions[script]!.source));
/** Per code unit: 1 + the bit mask of the scripts it matches alone (0: not worked out yet). */
const UNIT_SCRIPTS = new Int32Array(0x10000);
/** Per high surrogate: 0 not worked out, 1 no pair alternative begins with it, 2 one may. */
const PAIR_START = new Uint8Array(0x400);
/**
 * What one call may work out before it leaves the rest of its text to the expressions: new code
 * units (each ~30 tests of one character), and new high surrogates (each ~30 scans of 3,072
 * units, ~0.2 ms). A text of unseen surrogates, crafted or not, so costs a few ms at most, and
 * over the life of the process the tables fill at most once.
 */
const NEW_UNITS_PER_CALL = 64;
const NEW_PAIR_STARTS_PER_CALL = 4;

function scriptsOfUnit(u: number): number {
  let mask = 0;
  const ch = String.fromCharCode(u);
  for (let s = 0; s < singleUnit.length; s++) if (singleUnit[s]!.test(ch)) mask |= 1 << s;
  return mask;
}

/** Does some script's pair alternative begin with high surrogate `h`? Tried against h followed by every low surrogate. */
function mayStartPair(h: number): boolean {
  const high = String.fromCharCode(h);
  // NUL between the pairs: no expression matches it, so no match can straddle two pairs.
  const pairs = Array.from({ length: 0x400 }, (_, j) => high + String.fromCharCode(0xdc00 + j)).join('\0');
  return singleUnit.some((re) => re.test(pairs));
}

/** Each script's matches as franc counts them, with its expressions, into `counts` (SCRIPTS order). */
function countByExpressions(value: string, counts: Int32Array): void {
  for (let s = 0; s < SCRIPTS.length; s++) counts[s] = value.match(expressions[SCRIPTS[s]!]!)?.length ?? 0;
}

/**
 * franc's getTopScript, counting each script's matches in one pass over the code units (or, past
 * the per-call budgets or at a possible pair, with the expressions), then the most frequent, the
 * first on a tie. Also says whether the text is all ASCII, which lets the cleaning skip its
 * regular expressions.
 */
function topScript(value: string, counts: Int32Array): { script: string | undefined; count: number; ascii: boolean } {
  counts.fill(0);
  let ascii = true;
  let budget = NEW_UNITS_PER_CALL;
  let pairBudget = NEW_PAIR_STARTS_PER_CALL;
  scan: for (let i = 0; i < value.length; i++) {
    const u = value.charCodeAt(i);
    if (u < 0x80) {
      if ((u >= 65 && u <= 90) || (u >= 97 && u <= 122)) counts[LATIN]!++;
      continue;
    }
    ascii = false;
    if ((u & 0xfc00) === 0xdc00) continue;
    if ((u & 0xfc00) === 0xd800) {
      let state = PAIR_START[u - 0xd800]!;
      if (state === 0) {
        if (--pairBudget < 0) {
          countByExpressions(value, counts);
          break scan;
        }
        PAIR_START[u - 0xd800] = state = mayStartPair(u) ? 2 : 1;
      }
      if (state === 2) {
        countByExpressions(value, counts);
        break scan;
      }
      continue;
    }
    let mask = UNIT_SCRIPTS[u]!;
    if (mask === 0) {
      if (--budget < 0) {
        countByExpressions(value, counts);
        break scan;
      }
      UNIT_SCRIPTS[u] = mask = 1 + scriptsOfUnit(u);
    }
    mask -= 1;
    while (mask !== 0) {
      const s = 31 - Math.clz32(mask);
      counts[s]!++;
      mask &= ~(1 << s);
    }
  }
  let top = 0;
  for (let s = 1; s < SCRIPTS.length; s++) if (counts[s]! > counts[top]!) top = s;
  return { script: SCRIPTS[top], count: counts[top]!, ascii };
}

/**
 * franc's cleaning of a sample, padded with a space on each side, as code units in `out`;
 * returns how many. Cleaning: each run of U+0021–U+0040 and of white space becomes one space,
 * the ends are trimmed, and the text is lower-cased. ASCII text is cleaned here unit by unit;
 * other text by franc's own string operations (JavaScript's white space and lower-casing).
 */
function cleanPadded(value: string, ascii: boolean, out: Uint16Array): number {
  let n = 0;
  out[n++] = 32;
  if (ascii) {
    let gap = false;
    for (let i = 0; i < value.length; i++) {
      const u = value.charCodeAt(i);
      // 0x21–0x40 and \s in ASCII (tab, line feed, vertical tab, form feed, carriage return, space).
      if ((u >= 0x21 && u <= 0x40) || u === 32 || (u >= 9 && u <= 13)) {
        gap = true;
        continue;
      }
      if (gap && n > 1) out[n++] = 32;
      gap = false;
      out[n++] = u >= 65 && u <= 90 ? u + 32 : u;
    }
  } else {
    const cleaned = value
      .replace(/[\u0021-\u0040]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
    for (let i = 0; i < cleaned.length; i++) out[n++] = cleaned.charCodeAt(i);
  }
  out[n++] = 32;
  return n;
}

/** A guesser's per-call scratch: counts of the profile slots the text hits, and the set of the trigrams no profile has. */
interface Scratch {
  stamp: number;
  readonly slotStamp: Uint32Array;
  readonly slotCount: Int32Array;
  readonly touched: Int32Array;
  readonly unknownStamp: Uint32Array;
  readonly unknownFirst: Int32Array;
  readonly unknownRest: Int32Array;
  /** The cleaned, padded sample. */
  readonly units: Uint16Array;
  /** Matches per script, in SCRIPTS order. */
  readonly scriptCounts: Int32Array;
}

/**
 * The most trigrams a sample has: lower-casing can lengthen it (U+0130 becomes two units), so
 * twice MAX_LENGTH, and the two spaces of padding.
 */
const MAX_TRIGRAMS = 2 * MAX_LENGTH + 2;
/** A table for the trigrams no profile has, at most half full. */
const UNKNOWN_SIZE = 16384;

/**
 * A function that answers as `franc(text, { only: candidates, minLength })` does. It keeps a
 * few typed arrays of scratch that each call overwrites before reading: calls are synchronous,
 * so they never see each other's values.
 */
export function createLanguageGuesser(candidates: readonly string[], minLength: number): (text: string) => string {
  // As franc's `only`: an empty list allows every language.
  const allows = (language: string): boolean => candidates.length === 0 || candidates.includes(language);
  const scripts = new Map<string, ScriptProfiles>();
  for (const [script, languages] of Object.entries(data)) {
    const names = Object.keys(languages).filter(allows);
    scripts.set(script, mergeProfiles(names, names.map((l) => languages[l]!.split('|'))));
  }
  const largest = Math.max(...[...scripts.values()].map((s) => s.first.length));
  const scratch: Scratch = {
    stamp: 0,
    slotStamp: new Uint32Array(largest),
    slotCount: new Int32Array(largest),
    touched: new Int32Array(MAX_TRIGRAMS),
    unknownStamp: new Uint32Array(UNKNOWN_SIZE),
    unknownFirst: new Int32Array(UNKNOWN_SIZE),
    unknownRest: new Int32Array(UNKNOWN_SIZE),
    units: new Uint16Array(MAX_TRIGRAMS + 2),
    scriptCounts: new Int32Array(SCRIPTS.length),
  };
  const distances = new Float64Array(Math.max(1, ...[...scripts.values()].map((s) => s.languages.length)));

  return (text: string): string => {
    if (!text || text.length < minLength) return 'und';
    const value = text.slice(0, MAX_LENGTH);
    const { script, count, ascii } = topScript(value, scratch.scriptCounts);
    const profiles = script === undefined ? undefined : scripts.get(script);
    if (profiles === undefined) {
      // A script franc has no profiles for belongs to one language (cmn, jpn, kor, …).
      return script === undefined || count === 0 || !allows(script) ? 'und' : script;
    }
    const n = profiles.languages.length;
    if (n === 0) return 'und';
    distance(profiles, scratch.units, cleanPadded(value, ascii, scratch.units), scratch, distances);
    let best = 0;
    for (let l = 1; l < n; l++) if (distances[l]! < distances[best]!) best = l;
    return profiles.languages[best]!;
  };
}

/** Writes into `out` each of the script's languages' distance from the trigrams of units[0, length). */
function distance(p: ScriptProfiles, units: Uint16Array, length: number, s: Scratch, out: Float64Array): void {
  const n = p.languages.length;
  if (++s.stamp === 0xffffffff) {
    s.slotStamp.fill(0);
    s.unknownStamp.fill(0);
    s.stamp = 1;
  }
  const stamp = s.stamp;
  const { first, rest, mask } = p;
  let touched = 0;
  let unknown = 0;
  const unknownMask = UNKNOWN_SIZE - 1;
  for (let i = 0; i + 3 <= length; i++) {
    const a = units[i]!;
    const bc = (units[i + 1]! << 16) | units[i + 2]!;
    let k = slotOf(a, bc, mask);
    while (first[k] !== NONE && (first[k] !== a || rest[k] !== bc)) k = (k + 1) & mask;
    if (first[k] !== NONE) {
      if (s.slotStamp[k] !== stamp) {
        s.slotStamp[k] = stamp;
        s.slotCount[k] = 0;
        s.touched[touched++] = k;
      }
      s.slotCount[k]!++;
      continue;
    }
    // In no profile: it costs every language MAX_DIFFERENCE once, however often it occurs.
    let u = slotOf(a, bc, unknownMask);
    while (s.unknownStamp[u] === stamp && (s.unknownFirst[u] !== a || s.unknownRest[u] !== bc)) u = (u + 1) & unknownMask;
    if (s.unknownStamp[u] !== stamp) {
      s.unknownStamp[u] = stamp;
      s.unknownFirst[u] = a;
      s.unknownRest[u] = bc;
      unknown++;
    }
  }
  for (let l = 0; l < n; l++) out[l] = unknown * MAX_DIFFERENCE;
  for (let t = 0; t < touched; t++) {
    const k = s.touched[t]!;
    const c = s.slotCount[k]!;
    const row = k * n;
    for (let l = 0; l < n; l++) {
      const rank = p.ranks[row + l]!;
      out[l] = out[l]! + (rank === NONE ? MAX_DIFFERENCE : Math.abs(c - rank - 1));
    }
  }
}
