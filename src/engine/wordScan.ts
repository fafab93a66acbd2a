import { isWordChar } from '../normalize/normalize.js';
import { isSurrogate, unitClass } from '../text/unicodeClass.js';
import { OFF_TABLE, type Automaton } from './automaton.js';
import type { CompiledRules } from './compiled.js';
import type { RawHit } from './match.js';
import { scanFuzzy, type FuzzyHit } from './fuzzy.js';
import { readAs, respell } from './respell.js';
import { mayBeWord } from './wordFilter.js';
import { words, type Word } from './context.js';
import { HASH_START, hashStep } from '../text/hash.js';
import type { WordSpans } from '../text/wordSpans.js';
import { keepShape } from '../keepShape.js';
import { WordMemo as WordMemoClass, type WordMemo } from './wordMemo.js';

/**
 * The word-level stages of the matcher in one pass: respelling (respell.ts), the words the
 * context judgements read (context.ts `words`), one-slip slur spellings (fuzzy.ts) and word
 * formation ("demon"+"rats"). Each of them used to walk the text on its own, slicing and
 * hashing the same words; here every token is read once and costs one look-up in a
 * per-rule-set memo holding what all the stages make of it (`WordInfo`). The term automaton's
 * pass (automaton.ts) rides along: the matcher replays what it found.
 *
 * It is a shortcut, not a second definition: `scanWordsReference` composes the stages as they
 * are defined, and tests/engine/wordScan.test.ts holds the two equal. Text with a word that
 * respells is respelled by respell.ts first and then scanned; text the shortcut does not model
 * (an astral character, an upper-case letter, neither of which normalised comments hold in
 * practice) goes to the reference.
 */

/** Everything the word-level stages produce for one text. */
export interface WordScan {
  /** The text after respelling. */
  text: string;
  /** Respelled position → input position, when respelling changed lengths. */
  back?: (pos: number) => number;
  /**
   * `words(text)` as start, end pairs: most comments hit nothing and never read their words, so
   * the Word objects are only made when asked for (`scannedWords`).
   */
  bounds: number[];
  /** `scanFuzzy(text, rules.fuzzy)`. */
  fuzzy: FuzzyHit[];
  /** What scanAffixes(words, rules, …, true) pushes, in order. */
  affixes: RawHit[];
  /**
   * The term automaton's pass over `text`, when the scan made it on the way (see scanFast): its
   * emitting steps, for the `replay` of the automaton it stepped (scanWords' `automaton`), which
   * then reports what `each(text)` would.
   */
  termEnds?: number[];
  /**
   * The words with their memo entries, when the one-pass scan read this text itself (not the
   * reference path) and the memo did not start over on the way: what the model may reuse (`WordSpans`).
   */
  spans?: WordSpans;
}

/**
 * What the stages make of one token (a `words()` word), as a pure function of its text and the
 * rule set. Where a stage also looks at the token's neighbours, the scan checks them itself.
 */
export interface WordInfo {
  /** The respelling of an all-a–z token of 4–40 letters ('' for itself or for any other token). */
  readonly respell: string;
  /** The fuzzy entry of an all-a–z token read whole, or -1. */
  readonly fuzzy: number;
  /** The rules of the affix hits the token makes (affix allowlist applied), in report order. */
  readonly affixRules: readonly number[] | undefined;
  /** The token's letters, the term of its affix hits. */
  readonly letters: string;
}

/** Tokens the memo holds before it starts over: a stream of unique tokens cannot grow it. */
export const WORD_MEMO_LIMIT = 20_000;

/** A token none of the stages reacts to: shared, and immutable. */
const PLAIN: WordInfo = Object.freeze({ respell: '', fuzzy: -1, affixRules: undefined, letters: '' });

/** Is every code unit of the token a–z? */
function allLower(token: string): boolean {
  for (let k = 0; k < token.length; k++) {
    const c = token.charCodeAt(k);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** The word-formation hits of a token, as scanAffixes decides them (useAffixAllow true). */
function affixInfo(token: string, rules: CompiledRules): { rules: number[]; letters: string } | undefined {
  if (rules.stems.size === 0) return undefined;
  const limit = rules.maxStem + rules.maxSuffix;
  if (token.length > limit + 4 || token.length < rules.affixFilter.minLength) return undefined;
  const letters = token.includes('-') || token.includes("'") ? token.replace(/[-']/g, '') : token;
  if (letters.length > limit || !mayBeWord(rules.affixFilter, letters, 0, letters.length)) return undefined;
  const forms = rules.affixWords.get(letters);
  if (forms === undefined) return undefined;
  const out: number[] = [];
  for (const s of forms) if (!s.allow.has(letters)) out.push(s.rule);
  return out.length === 0 ? undefined : { rules: out, letters };
}

/** Decides a token once: respelling, whole-token fuzzy entry, affix hits. */
export function wordInfo(token: string, rules: CompiledRules): WordInfo {
  const lower = allLower(token);
  const n = token.length;
  const respelling = lower && n >= 4 && n <= 40 ? readAs(token, rules.respell) : '';
  let fuzzy = -1;
  if (lower && n >= 5 && mayBeWord(rules.fuzzy.filter, token, 0, n)) fuzzy = rules.fuzzy.variants.get(token) ?? -1;
  const affix = affixInfo(token, rules);
  if (respelling === '' && fuzzy < 0 && affix === undefined) return PLAIN;
  return { respell: respelling, fuzzy, affixRules: affix?.rules, letters: affix?.letters ?? '' };
}

/** The memo a rule set keeps for scanWords. */
export const wordMemo = (): WordMemo<WordInfo> => new WordMemoClass<WordInfo>(WORD_MEMO_LIMIT);

/**
 * A word of a scan whose text is sliced when first read: the judgements read the few words
 * around a hit, and slicing all of them was most of the cost of the word list of a long comment.
 */
class ScannedWord implements Word {
  #text: string | undefined;
  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
  ) {}

  get text(): string {
    return (this.#text ??= this.source.slice(this.start, this.end));
  }
}

// Dies with its call: one live keeps its maps through a full GC (keepShape.ts).
keepShape(new ScannedWord('', 0, 0));

/** The words of a scan, `words(scan.text)` (each word's `text` is read on demand). */
export function scannedWords(scan: WordScan): Word[] {
  const b = scan.bounds;
  const out: Word[] = new Array<Word>(b.length >> 1);
  for (let k = 0; k < b.length; k += 2) out[k >> 1] = new ScannedWord(scan.text, b[k]!, b[k + 1]!);
  return out;
}

function boundsOf(ws: readonly Word[]): number[] {
  const b: number[] = [];
  for (const w of ws) b.push(w.start, w.end);
  return b;
}

/**
 * What a code unit is to the scan: not a word character, a–z, another word character
 * ([\p{L}\p{N}*] as in context.ts `words`), or one the shortcut does not model (a surrogate,
 * or upper-case ASCII, a word character to `words` but not to respell's or fuzzy's a–z runs).
 */
const NON_WORD = 0;
const LOWER = 1;
const OTHER_WORD = 2;
const UNMODELLED = 3;

const ASCII_CLASS = ((): Uint8Array => {
  const t = new Uint8Array(0x80);
  for (let c = 97; c <= 122; c++) t[c] = LOWER;
  for (let c = 48; c <= 57; c++) t[c] = OTHER_WORD;
  t[42] = OTHER_WORD;
  for (let c = 65; c <= 90; c++) t[c] = UNMODELLED;
  return t;
})();

function codeClass(c: number): number {
  if (c < 0x80) return ASCII_CLASS[c]!;
  if (isSurrogate(c)) return UNMODELLED;
  return unitClass(c) !== 0 ? OTHER_WORD : NON_WORD;
}

/** A hyphen or an apostrophe: joins two runs into one word, and keeps a neighbour from being respelled. */
const isJoiner = (c: number): boolean => c === 39 || c === 45;

/**
 * Fuzzy hits on the a–z runs inside a token that is not all a–z ("it's", "don't-fagot",
 * "*faggt"): such a run's neighbours are inside the token, so scanFuzzy's boundary test applies.
 */
function fuzzyInside(text: string, start: number, end: number, rules: CompiledRules, out: FuzzyHit[]): void {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 97 || c > 122) {
      i++;
      continue;
    }
    const from = i;
    for (i++; i < end; i++) {
      const d = text.charCodeAt(i);
      if (d < 97 || d > 122) break;
    }
    // from > 0: text[-1] is a load of the property "-1", which turns the keyed load megamorphic.
    if (i - from < 5 || !mayBeWord(rules.fuzzy.filter, text, from, i) || (from > 0 && isWordChar(text[from - 1])) || isWordChar(text[i])) continue;
    const entry = rules.fuzzy.variants.get(text.slice(from, i));
    if (entry !== undefined) out.push({ entry, start: from, end: i });
  }
}

/**
 * Scratch for scanFast's per-word output, fully overwritten by every call and copied out at its
 * end (`slice` of a packed array is one allocation and a block copy). Pushing onto fresh arrays
 * grew each of them from nothing several times per comment (13% of the scan of a short comment,
 * measured by leaving the pushes out).
 * An array that grew past SCRATCH_KEEP for a long text is dropped after the call. The bound is
 * well past V8's large-object size (16k elements): growing a JS array beyond that costs ~10x more
 * per element than below it (measured, and the cause of a 1 MiB comment of punctuation scanning
 * ~1.7x slower per character than 100 KiB of it), so the arrays a long comment grew are kept for
 * the next one. Kept at most: 4 arrays of 256k numbers, only after a comment that needed them
 * (a raised maxLength: by default a comment is cut at 20,000 characters).
 */
let BOUNDS: number[] = [];
let ENTRIES: number[] = [];
let ENDS: number[] = [];
let MIXED: number[] = [];
const SCRATCH_KEEP = 1 << 18;

/**
 * The one pass. Returns undefined for text it does not model: a surrogate or an upper-case
 * letter anywhere, or (when `withRespell`) a word that respells, since then every stage after
 * respelling must read the new text.
 *
 * It also steps the term automaton through every character (`termEnds`). That pass is a chain
 * of dependent table reads, one per character, often missing the cache; interleaved with the
 * word work the processor overlaps the two, where a pass of its own waits on every read
 * (word scan and automaton ~3.2 µs apart on a short comment, ~2.9 µs together).
 */
function scanFast(text: string, rules: CompiledRules, withRespell: boolean, automaton: Automaton): WordScan | undefined {
  const bounds = BOUNDS;
  const entries = ENTRIES;
  const ends = ENDS;
  let nb = 0;
  let ne = 0;
  let nt = 0;
  const memo = rules.wordMemo;
  const epoch = memo.epoch;
  const fuzzy: FuzzyHit[] = [];
  const affixes: RawHit[] = [];
  const mixed = MIXED;
  let nm = 0;
  const classes = automaton.asciiTable(ASCII_CLASS);
  const n = text.length;
  let state = 0;
  // The token being read: its start (-1: none), whether it is all a–z, and its memo hash.
  let start = -1;
  let lower = true;
  let hash = HASH_START;
  for (let i = 0; i <= n; i++) {
    let k = NON_WORD;
    let c = 0;
    if (i < n) {
      c = text.charCodeAt(i);
      // The unit's class and its column in the automaton's table in one read (asciiTable): a
      // read and a range check per unit fewer than next() and ASCII_CLASS, ~6% of the scan.
      let entry: number;
      if (c < 0x80) {
        const x = classes[c]!;
        k = x & 3;
        entry = x >> 2 !== OFF_TABLE ? automaton.nextInColumn(state, x >> 2) : automaton.next(state, c);
      } else {
        k = codeClass(c);
        entry = automaton.next(state, c);
      }
      state = entry >> 1;
      if ((entry & 1) !== 0) {
        ends[nt++] = state;
        ends[nt++] = i;
      }
      if (k === LOWER || k === OTHER_WORD) {
        if (start < 0) {
          start = i;
          lower = true;
          hash = HASH_START;
        }
        if (k !== LOWER) lower = false;
        hash = hashStep(hash, c);
        continue;
      }
      if (k === UNMODELLED) return undefined;
      if (start < 0) continue;
      // A hyphen or apostrophe joins two runs ("don't", "lib-tards"), as in `words`: the
      // character after it is classified (and an unmodelled one turned away) on the next step.
      if (isJoiner(c) && i + 1 < n && codeClass(text.charCodeAt(i + 1)) !== NON_WORD) {
        lower = false;
        hash = hashStep(hash, c);
        continue;
      }
    } else if (start < 0) break;
    // The token text[start, i) ends here.
    let entry = memo.find(text, start, i, hash);
    if (entry < 0) entry = remember(text, start, i, hash, rules);
    const info = entry >= 0 ? memo.valueAt(entry) : wordInfo(text.slice(start, i), rules);
    if (info !== PLAIN || !lower) {
      if (!unusual(text, start, i, lower, info, rules, withRespell, fuzzy, affixes)) return undefined;
      if (!lower) mixed[nm++] = ne;
    }
    bounds[nb++] = start;
    bounds[nb++] = i;
    entries[ne++] = entry;
    start = -1;
  }
  const out = wordScan(text, bounds.slice(0, nb), fuzzy, affixes, ends.slice(0, nt));
  // The memo started over on the way: the entry numbers are of two epochs, and name no word.
  if (memo.epoch === epoch) out.spans = { text, bounds: out.bounds, entries: entries.slice(0, ne), mixed: mixed.slice(0, nm), epoch };
  if (nb > SCRATCH_KEEP) BOUNDS = [];
  if (ne > SCRATCH_KEEP) ENTRIES = [];
  if (nt > SCRATCH_KEEP) ENDS = [];
  if (nm > SCRATCH_KEEP) MIXED = [];
  return out;
}

/** Adds the token text[start, end) to the memo; its entry (-1: too long to keep). */
function remember(text: string, start: number, end: number, hash: number, rules: CompiledRules): number {
  const token = text.slice(start, end);
  return rules.wordMemo.add(token, 0, token.length, hash, wordInfo(token, rules));
}

/**
 * What a token that is not all a–z, or that some stage reacts to, adds to `fuzzy` and
 * `affixes`; false when it respells (and `withRespell`), which scanFast does not model.
 */
function unusual(
  text: string,
  start: number,
  end: number,
  lower: boolean,
  info: WordInfo,
  rules: CompiledRules,
  withRespell: boolean,
  fuzzy: FuzzyHit[],
  affixes: RawHit[],
): boolean {
  if (lower) {
    // An all-a–z token is a whole a–z run with no word character, mask or joiner inside, so
    // respell and scanFuzzy read it whole; respell also wants no joiner on either side.
    if (withRespell && info.respell !== '' && !isJoiner(text.charCodeAt(start - 1)) && !isJoiner(text.charCodeAt(end))) return false;
    if (info.fuzzy >= 0) fuzzy.push({ entry: info.fuzzy, start, end });
  } else {
    fuzzyInside(text, start, end, rules, fuzzy);
  }
  if (info.affixRules !== undefined) {
    for (const rule of info.affixRules) affixes.push({ kind: 'affix', rule, start, end, term: info.letters });
  }
  return true;
}

/**
 * A WordScan with every field in place, in one order: the scan reaches findMatches from three
 * paths (fast, respelled, reference), and the objects they built had five shapes (fields added
 * or spread in), so findMatches' six reads of the scan were megamorphic loads.
 */
function wordScan(text: string, bounds: number[], fuzzy: FuzzyHit[], affixes: RawHit[], termEnds: number[] | undefined): WordScan {
  return { text, back: undefined, bounds, fuzzy, affixes, termEnds, spans: undefined };
}

/** The word-level stages of `findMatches` over (demasked) normalised text. */
export function scanWords(text: string, rules: CompiledRules, automaton: Automaton = rules.automatonFor(undefined)): WordScan {
  const fast = scanFast(text, rules, true, automaton);
  if (fast !== undefined) return fast;
  const respelled = respell(text, rules.respell);
  const rest = scanFast(respelled.text, rules, false, automaton) ?? scanWordsReference(respelled.text, rules, false);
  if (respelled.back !== undefined) rest.back = respelled.back;
  return rest;
}

/**
 * The definition `scanWords` stands for: respell, then `words`, `scanFuzzy` and the affix
 * scan, each over the respelled text. `withRespell` false skips the respelling.
 */
export function scanWordsReference(text: string, rules: CompiledRules, withRespell = true): WordScan {
  const respelled = withRespell ? respell(text, rules.respell) : { text };
  const ws = words(respelled.text);
  const out = wordScan(respelled.text, boundsOf(ws), scanFuzzy(respelled.text, rules.fuzzy), [], undefined);
  scanAffixes(ws, rules, out.affixes, true);
  if (respelled.back !== undefined) out.back = respelled.back;
  return out;
}

/**
 * Word formation: one word = a listed stem + a listed suffix ("demon"+"rats", "trump"+"tards").
 * `useAffixAllow` false keeps words the affixes' own allowlist names (the lint wants them).
 */
export function scanAffixes(ws: readonly Word[], rules: CompiledRules, found: RawHit[], useAffixAllow: boolean): void {
  if (rules.stems.size === 0) return;
  const limit = rules.maxStem + rules.maxSuffix;
  for (const w of ws) {
    if (w.text.length > limit + 4 || w.text.length < rules.affixFilter.minLength) continue;
    const letters = w.text.includes('-') || w.text.includes("'") ? w.text.replace(/[-']/g, '') : w.text;
    // Every stem + suffix word is precomputed (affixWords): at most one look-up per word, and
    // only for words the filter lets through.
    if (letters.length > limit || !mayBeWord(rules.affixFilter, letters, 0, letters.length)) continue;
    const forms = rules.affixWords.get(letters);
    if (forms === undefined) continue;
    for (const s of forms) {
      if (!(useAffixAllow && s.allow.has(letters))) found.push({ kind: 'affix', rule: s.rule, start: w.start, end: w.end, term: letters });
    }
  }
}
