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
 * Code units below U+0370 that franc's Latin expression matches. No other script's expression
 * matches any unit below U+0370 (checked in the tests), so a text made only of such units needs
 * no regular expression to find its script.
 */
const LATIN_BELOW_0370 = Uint8Array.from({ length: 0x370 }, (_, u) => (new RegExp(expressions.Latin!.source).test(String.fromCharCode(u)) ? 1 : 0));

/** franc's getTopScript: the script whose expression matches most often, and how often. */
function topScript(value: string): [string | undefined, number] {
  let latin = 0;
  let i = 0;
  for (; i < value.length; i++) {
    const u = value.charCodeAt(i);
    if (u >= 0x370) break;
    latin += LATIN_BELOW_0370[u]!;
  }
  if (i === value.length) {
    // franc's loop starts with the first script at a count of 0 > -1; only a Latin count above 0 beats it.
    return latin > 0 ? ['Latin', latin] : [Object.keys(expressions)[0], 0];
  }
  let top: string | undefined;
  let topCount = -1;
  for (const script of Object.keys(expressions)) {
    const count = value.match(expressions[script]!)?.length ?? 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
}

/** franc's cleaning of a sample: symbols, digits and punctuation of ASCII and white space to one space, trimmed, lower-cased. */
const clean = (value: string): string =>
  value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** A guesser's per-call scratch: counts of the profile slots the text hits, and the set of the trigrams no profile has. */
interface Scratch {
  stamp: number;
  readonly slotStamp: Uint32Array;
  readonly slotCount: Int32Array;
  readonly touched: Int32Array;
  readonly unknownStamp: Uint32Array;
  readonly unknownFirst: Int32Array;
  readonly unknownRest: Int32Array;
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
  };
  const distances = new Float64Array(Math.max(1, ...[...scripts.values()].map((s) => s.languages.length)));

  return (text: string): string => {
    if (!text || text.length < minLength) return 'und';
    const value = text.slice(0, MAX_LENGTH);
    const [script, count] = topScript(value);
    const profiles = script === undefined ? undefined : scripts.get(script);
    if (profiles === undefined) {
      // A script franc has no profiles for belongs to one language (cmn, jpn, kor, …).
      return script === undefined || count === 0 || !allows(script) ? 'und' : script;
    }
    const n = profiles.languages.length;
    if (n === 0) return 'und';
    distance(profiles, ' ' + clean(value) + ' ', scratch, distances);
    let best = 0;
    for (let l = 1; l < n; l++) if (distances[l]! < distances[best]!) best = l;
    return profiles.languages[best]!;
  };
}

/** Writes into `out` each of the script's languages' distance from the trigrams of `padded`. */
function distance(p: ScriptProfiles, padded: string, s: Scratch, out: Float64Array): void {
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
  for (let i = 0; i + 3 <= padded.length; i++) {
    const a = padded.charCodeAt(i);
    const bc = (padded.charCodeAt(i + 1) << 16) | padded.charCodeAt(i + 2);
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
    let u = slotOf(a, bc, UNKNOWN_SIZE - 1);
    while (s.unknownStamp[u] === stamp && (s.unknownFirst[u] !== a || s.unknownRest[u] !== bc)) u = (u + 1) & (UNKNOWN_SIZE - 1);
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
