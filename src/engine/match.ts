import { englishWords } from '../lexicon/words.js';
import { gluedSplit } from '../lexicon/glue.js';
import { isWordChar, originalSpan, separatedAt, type NormalizedText } from '../normalize/normalize.js';
import type { WordSpans } from '../text/wordSpans.js';
import type { Match, Severity } from '../types.js';
import type { Automaton } from './automaton.js';
import { maskKey, type CompiledPattern, type CompiledRule, type CompiledRules, type Entry } from './compiled.js';
import { PROFANITY_PACK, scanFuzzy, type FuzzyHit } from './fuzzy.js';
import { scanAffixes, scannedWords, scanWords } from './wordScan.js';
import { SECOND_PERSON, agrees, aimedByPhrase, describesThing, endorsedAfter, mentionJudge, linkDirection, linkedTarget, namedTarget, negated, negatorBefore, pluralSubjectBefore, predicative, selfAimed, transposedTargets, wordAt, words, type Word } from './context.js';
import { nearForm } from './compile.js';
import { keepShape } from '../keepShape.js';
import { firstAtOrAfter } from '../text/sorted.js';

/** A match in normalised coordinates, before context is judged. */
interface Found {
  rule: number;
  start: number;
  end: number;
  term: string;
}

/**
 * Where a raw hit came from: a listed term (its entry in the automaton), a one-slip spelling of
 * a slur term (`fuzzy`, with the entry it stands for), word formation, or a pattern.
 */
export type HitSource = { kind: 'term'; entry: number } | { kind: 'fuzzy'; entry: number } | { kind: 'affix' } | { kind: 'pattern' };

/** A hit before any allowlist or context is applied, in normalised coordinates. */
export type RawHit = Found & HitSource;

const SEVERITY_RANK = { high: 3, medium: 2, low: 1 } as const;


/**
 * Masked words ("f**k", "sh*t", "b***h"): a masked token is compared with the single-word
 * terms of the same length, letter by letter, and takes the letters of the mildest one (of the
 * packs' own terms first when at least three letters and half the word show), so the
 * rest of the pipeline (phrases such as "f**k off" included) sees the word itself.
 */
export function demask(text: string, rules: CompiledRules): string {
  let star = text.indexOf('*');
  if (star < 0) return text;
  // What `text.replace(/[a-z*]{3,32}/g, readMasked)` gives, reading only the runs that hold a
  // mask: the regex reads each maximal [a-z*] run in 32-unit pieces from its start (a last piece
  // under 3 units is no match), and a piece without a "*" is given back as it is. A long comment
  // has hundreds of runs and rarely a mask.
  let out = '';
  let copied = 0;
  while (star >= 0) {
    let from = star;
    while (from > 0 && isMaskPart(text.charCodeAt(from - 1))) from--;
    let to = star + 1;
    while (to < text.length && isMaskPart(text.charCodeAt(to))) to++;
    for (let p = from; to - p >= 3; p += 32) {
      const q = Math.min(p + 32, to);
      const token = text.slice(p, q);
      const read = readMasked(token, rules);
      if (read === token) continue;
      out += text.slice(copied, p) + read;
      copied = q;
    }
    star = text.indexOf('*', to);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** [a-z*], the units of a masked word. */
const isMaskPart = (c: number): boolean => (c >= 97 && c <= 122) || c === STAR;

/** The reading of one [a-z*] run of 3–32 units (see `demask`): the token itself when it has no reading. */
function readMasked(token: string, rules: CompiledRules): string {
  const first = token.charCodeAt(0);
  if (first === STAR || !token.includes('*')) return token;
  let visible = 0;
  for (let k = 0; k < token.length; k++) if (token.charCodeAt(k) !== STAR) visible++;
  if (visible < 2) return token;
  // When enough of the word shows (at least three letters and at least half of it), a reading
  // from the packs' own rules beats one from bad-words' profanity list; with less showing, the
  // mildest reading stands ("s**t" stays "shit").
  const preferOwn = visible >= 3 && visible * 2 >= token.length;
  // Only terms of this length that start with this letter can read it (the first unit is never a
  // mask): a few entries, where all terms of the length were ~100 per masked word, and a comment
  // of 20,000 characters of "f*ck sh*t r*tard" took 13 ms.
  const candidates = rules.maskable.get(maskKey(token.length, first));
  if (candidates === undefined) return token;
  let best = -1;
  let bestRank = 0;
  let bestOwn = -1;
  let bestOwnRank = 0;
  for (const index of candidates) {
    const entry = rules.entries[index] as Extract<Entry, { kind: 'term' }>;
    const term = entry.term;
    let k = 1;
    for (; k < token.length; k++) {
      const c = token.charCodeAt(k);
      if (c !== STAR && c !== term.charCodeAt(k)) break;
    }
    if (k < token.length) continue;
    // An ambiguous mask takes its mildest reading: "s**t" is "shit" before it is "slut".
    const rule = rules.rules[entry.rule]!;
    const rank = SEVERITY_RANK[rule.severity];
    if (best < 0 || rank < bestRank) {
      best = index;
      bestRank = rank;
    }
    if (preferOwn && rule.pack !== PROFANITY_PACK && (bestOwn < 0 || rank < bestOwnRank)) {
      bestOwn = index;
      bestOwnRank = rank;
    }
  }
  const chosen = bestOwn >= 0 ? bestOwn : best;
  return chosen < 0 ? token : (rules.entries[chosen] as Extract<Entry, { kind: 'term' }>).term;
}

const STAR = 42;

function boundaryOk(text: string, start: number, end: number, boundary: string): boolean {
  // start > 0 before text[start - 1]: text[-1] is a load of the property "-1", not an index, and
  // it turned the keyed load megamorphic for every call.
  const before = boundary === 'word' || boundary === 'prefix' ? !(start > 0 && isWordChar(text[start - 1])) : true;
  const after = boundary === 'word' || boundary === 'suffix' ? !isWordChar(text[end]) : true;
  return before && after;
}

/**
 * Does an allow phrase found ending at `end` end where a word does? Its last word may take a
 * plural or possessive ending ("retardant" covers "retardants"), nothing else: "chinks in" is not
 * "chinks invented", "smoke a fag" not "smoke a faggot", "lying to" not "lying tories".
 */
function allowEnds(text: string, end: number): boolean {
  if (!isWordChar(text[end])) return true;
  if (text[end] === 's') return !isWordChar(text[end + 1]);
  if (text[end] === 'e' && text[end + 1] === 's') return !isWordChar(text[end + 2]);
  return false;
}

/** Allow-phrase occurrences, kept sorted by start for containment look-ups (exported for its test). */
export class AllowIndex {
  /** Made on the first occurrence: most texts hold no allow phrase, and a Map per text cost ~0.1 µs. */
  private spans: Map<number, Array<[number, number]>> | undefined = undefined;

  add(entry: number, start: number, end: number): void {
    const spans = (this.spans ??= new Map());
    const list = spans.get(entry);
    if (list) list.push([start, end]);
    else spans.set(entry, [[start, end]]);
  }

  /** Does an occurrence of any of `entries` contain [start, end)? */
  covers(entries: readonly number[], start: number, end: number): boolean {
    // Most texts hold no allow phrase, and the lists asked about are long (up to ~80 phrases for
    // a rule, ~50 global): look through the phrases that occur, not the ones that could.
    const spans = this.spans;
    if (spans === undefined) return false;
    if (spans.size < entries.length) {
      for (const [e, list] of spans) if (entries.includes(e) && contains(list, start, end)) return true;
      return false;
    }
    for (const e of entries) {
      const list = spans.get(e);
      if (list && contains(list, start, end)) return true;
    }
    return false;
  }
}

/** Does one of a phrase's occurrences contain [start, end)? */
function contains(list: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  // Occurrences of one phrase never nest, so starts and ends are both sorted: binary search
  // the last occurrence starting at or before `start`.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]![0] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && list[lo - 1]![1] >= end;
}

/** The longest word `glued` splits: a longer run of word characters is no two words run together. */
const GLUED_WORD_MAX = 40;

/**
 * A slur term inside a longer word that is two words run together ("manyfags", "fagbehaviour",
 * "afag" from "a f a g"): see src/lexicon/glue.ts. `separated(i)` tells whether the original
 * text had a separator before normalised position i, so a spaced run that starts with the article
 * ("a m o n g" = "a" + "mong") is read as two words even though "among" is one.
 */
function glued(text: string, start: number, end: number, separated?: (i: number) => boolean): boolean {
  // The word around the hit, walked only as far as the length limit: walked whole, every hit
  // inside one giant token read all of it (2.5 MB of letters and digits took 21 s, not 0.2).
  let from = start;
  while (from > 0 && end - from <= GLUED_WORD_MAX && isWordChar(text[from - 1])) from--;
  let to = end;
  while (to < text.length && to - from <= GLUED_WORD_MAX && isWordChar(text[to])) to++;
  if (to - from > GLUED_WORD_MAX) return false;
  const word = text.slice(from, to);
  if (separated && to === end && start - from === 1 && (text[from] === 'a' || text[from] === 'i') && separated(start)) return true;
  const isWord = englishWords();
  return gluedSplit(word, start - from, end - from, (w) => isWord.has(w));
}

/** Where the pattern gate's strings occur in a text, and which patterns can match there. */
interface GateHits {
  /** Bit j of `runnable[k]` is set when a string of pattern k's part j occurs (see PatternGate). */
  runnable: Uint8Array;
  /** (gate string, end) for each occurrence, in order of end. */
  hits: number[];
  /** The patterns with a bit set in `runnable`, in the order their first bit was set. */
  touched: number[];
}

/**
 * The gate's per-pattern bits, zeroed: one buffer for every call, where a Uint8Array per comment
 * cost ~0.1 µs. A call sets bits only through `touched` and clears them again when done with
 * them (`releaseGate`); a call that did not get that far (it threw) leaves the buffer marked
 * dirty, and the next one zeroes all of it.
 */
let runnableBuffer = new Uint8Array(64);
let runnableDirty = false;
function runnableScratch(patterns: number): Uint8Array {
  if (runnableBuffer.length < patterns) runnableBuffer = new Uint8Array(patterns);
  else if (runnableDirty) runnableBuffer.fill(0);
  runnableDirty = true;
  return runnableBuffer;
}

/** Zeroes the bits a gate set (see runnableScratch): its buffer is the next call's. */
function releaseGate(gate: GateHits): void {
  const { runnable, touched } = gate;
  for (let i = 0; i < touched.length; i++) runnable[touched[i]!] = 0;
  runnableDirty = false;
}

/**
 * One pass of `automaton` (CompiledRules.automatonFor): term candidates that pass their boundary,
 * where each allow phrase occurs, and where the pattern gate's strings occur.
 * `termEnds`: the automaton's steps over `text`, when a pass made them already (WordScan).
 */
function scanAutomaton(
  text: string,
  rules: CompiledRules,
  automaton: Automaton,
  separated?: (i: number) => boolean,
  termEnds?: readonly number[],
): { allow: AllowIndex | undefined; candidates: RawHit[]; gate: GateHits } {
  // Made on the first allow phrase: most texts hold none, and then no hit is allowed.
  let allow: AllowIndex | undefined;
  const candidates: RawHit[] = [];
  const gate: GateHits = { runnable: runnableScratch(rules.patterns.length), hits: [], touched: [] };
  const { runnable, hits, touched } = gate;
  const entries = rules.entries;
  const { codes, until } = rules.patternGate;
  const onHit = (index: number, start: number, end: number): void => {
    if (index >= entries.length) {
      const list = codes[index - entries.length]!;
      for (let i = 0; i < list.length; i++) {
        const code = list[i]!;
        // A string past an anchored pattern's reach is in none of its matches.
        if (end > until[code >> 3]!) continue;
        if (runnable[code >> 3] === 0) touched.push(code >> 3);
        runnable[code >> 3]! |= 1 << (code & 7);
      }
      hits.push(index - entries.length, end);
      return;
    }
    const entry = entries[index]!;
    if (entry.kind === 'allow') {
      if (allowEnds(text, end)) (allow ??= new AllowIndex()).add(index, start, end);
    }
    else if (
      boundaryOk(text, start, end, entry.boundary) ||
      (rules.rules[entry.rule]!.glued && entry.term.length >= 3 && glued(text, start, end, separated))
    ) {
      candidates.push({ kind: 'term', entry: index, rule: entry.rule, start, end, term: entry.term });
    }
  };
  // The word scan has usually stepped the automaton through the text already (wordScan.ts).
  if (termEnds !== undefined) automaton.replay(termEnds, onHit);
  else automaton.each(text, onHit);
  return { allow, candidates, gate };
}

/**
 * Is a hit cancelled by an allow phrase around it? The term's own allowlist, its rule's and the
 * packs' global ones apply to every kind of hit (terms, word formation, patterns), as the pack
 * schema documents: rule `allow` phrases make "any match of this rule" innocent.
 */
function allowed(hit: RawHit, allow: AllowIndex, rules: CompiledRules): boolean {
  if ((hit.kind === 'term' || hit.kind === 'fuzzy') && allow.covers((rules.entries[hit.entry] as Extract<Entry, { kind: 'term' }>).allow, hit.start, hit.end)) return true;
  if (allow.covers(rules.ruleAllow.get(hit.rule) ?? [], hit.start, hit.end)) return true;
  return allow.covers(rules.globalAllow, hit.start, hit.end);
}

/** Sentence ends (. ! ? and newline): a context word counts only within the sentence of the match. */
const isSentenceEnd = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 10;

/**
 * Homonyms ("Dykes hold back the sea", "we call cigarettes fags"): is a word of the match's
 * sentence one of its term's or rule's `allowNear` words? Compared singular ("dogs" = "dog").
 *
 * One judge serves every hit of a text: the sentence ends are found in one pass, and a sentence's
 * words are read once per `allowNear` set. Walked per hit, a comment of one long sentence with a
 * homonym in it thousands of times ("f4g " repeated: 20,000 characters) took ~2 s.
 */
function nearJudge(text: string, words: () => readonly Word[], rules: CompiledRules): (hit: RawHit) => boolean {
  let ends: number[] | undefined;
  let answers: Map<ReadonlySet<string>, Map<number, boolean>> | undefined;
  // Does a word overlapping [from, to) have its singular in `near`? Once per (set, span).
  const holds = (near: ReadonlySet<string>, from: number, to: number): boolean => {
    answers ??= new Map();
    let bySpan = answers.get(near);
    if (bySpan === undefined) answers.set(near, (bySpan = new Map()));
    const key = from * (text.length + 1) + to;
    let answer = bySpan.get(key);
    if (answer === undefined) {
      answer = false;
      const ws = words();
      for (let k = wordAt(ws, from); k < ws.length && ws[k]!.start < to; k++) {
        if (near.has(nearForm(ws[k]!.text))) {
          answer = true;
          break;
        }
      }
      bySpan.set(key, answer);
    }
    return answer;
  };
  return (hit) => {
    const termNear = hit.kind === 'term' || hit.kind === 'fuzzy' ? (rules.entries[hit.entry] as Extract<Entry, { kind: 'term' }>).near : undefined;
    const ruleNear = rules.rules[hit.rule]!.near;
    if (termNear === undefined && ruleNear === undefined) return false;
    if (ends === undefined) {
      ends = [];
      for (let i = 0; i < text.length; i++) if (isSentenceEnd(text.charCodeAt(i))) ends.push(i);
    }
    // The span from just past the last sentence end before the hit to the first at or after its
    // end (a hit may hold a sentence end itself: "r.e.t.a.r.d").
    const after = firstAtOrAfter(ends, hit.start);
    const from = after === 0 ? 0 : ends[after - 1]! + 1;
    const next = firstAtOrAfter(ends, hit.end);
    const to = next === ends.length ? text.length : ends[next]!;
    return (termNear !== undefined && holds(termNear, from, to)) || (ruleNear !== undefined && holds(ruleNear, from, to));
  };
}

/**
 * Slur terms typed with one adjacent swap or one missing letter ("fgagot", "fagot"): whole words
 * only, and only words no hit already covers. Reported with the rule and the term they stand for.
 */
function scanFuzzyWords(text: string, rules: CompiledRules, found: RawHit[], hits: readonly FuzzyHit[] = scanFuzzy(text, rules.fuzzy)): void {
  if (hits.length === 0) return;
  // Positions inside some hit of the packs' own rules (a bad-words hit does not stop a slur
  // reading), by a difference array: linear in text and hits.
  const depth = new Int32Array(text.length + 1);
  for (const f of found) {
    if (rules.rules[f.rule]!.pack === PROFANITY_PACK) continue;
    depth[f.start]! += 1;
    depth[f.end]! -= 1;
  }
  for (let i = 1; i <= text.length; i++) depth[i]! += depth[i - 1]!;
  const covered = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) if (depth[i]! > 0) return true;
    return false;
  };
  for (const h of hits) {
    if (covered(h.start, h.end)) continue;
    const entry = rules.entries[h.entry] as Extract<Entry, { kind: 'term' }>;
    found.push({ kind: 'fuzzy', entry: h.entry, rule: entry.rule, start: h.start, end: h.end, term: entry.term });
  }
}

/** Where a global `u` regex resumes after an empty match: past the code point at `index`, as matchAll does. */
function advance(text: string, index: number): number {
  if (index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  if (c < 0xd800 || c > 0xdbff) return index + 1;
  const d = text.charCodeAt(index + 1);
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}

/** Below this many code units a text is scanned whole by every pattern its gate lets through. */
const WINDOWED_TEXT = 1024;

/**
 * Runs the patterns the gate lets through (from scanAutomaton over the same text), in pattern
 * order: those not gated, and the gated ones a gate string was found for. Visiting all ~60 to
 * skip most cost ~0.1 µs a comment.
 */
function scanPatterns(text: string, rules: CompiledRules, gate: GateHits, found: RawHit[]): void {
  const open = ungatedOf(rules.patterns);
  const touched = gate.touched;
  if (touched.length === 0) {
    for (let i = 0; i < open.length; i++) scanPattern(text, rules, gate, open[i]!, found);
    return;
  }
  // A pattern is in `touched` when its strings are in the gate, whether or not it is gated
  // (the tests run rules with every pattern ungated): once is enough.
  const ks = open.slice();
  for (let i = 0; i < touched.length; i++) if (rules.patterns[touched[i]!]!.gated) ks.push(touched[i]!);
  stableSort(ks, byNumber);
  for (let i = 0; i < ks.length; i++) scanPattern(text, rules, gate, ks[i]!, found);
}

const byNumber = (a: number, b: number): number => a - b;

/** The indices of the patterns that are not gated, by pattern list (a rule set's, or a test's). */
const UNGATED = new WeakMap<readonly CompiledPattern[], readonly number[]>();
function ungatedOf(patterns: readonly CompiledPattern[]): readonly number[] {
  let open = UNGATED.get(patterns);
  if (open === undefined) {
    open = [];
    for (let k = 0; k < patterns.length; k++) if (!patterns[k]!.gated) (open as number[]).push(k);
    UNGATED.set(patterns, open);
  }
  return open;
}

/**
 * Runs pattern k when the gate lets it through, over the whole text or, in a long one, only near
 * its gate strings (`windowsOf`); says whether it searched windows only.
 */
function scanPattern(text: string, rules: CompiledRules, gate: GateHits, k: number, found: RawHit[]): boolean {
  const p = rules.patterns[k]!;
  if (p.maxText !== undefined && text.length > p.maxText) return false;
  if (p.gated ? gate.runnable[k] !== rules.patternGate.full[k] : p.literal !== undefined && !text.includes(p.literal)) return false;
  const windows = p.gated && text.length >= WINDOWED_TEXT ? windowsOf(text.length, k, rules, gate.hits) : null;
  if (windows === null) execAll(text, p, found);
  else execWindows(text, p, rules.patternGate.reach[k]!, windows, found);
  return windows !== null;
}

/** Every match of a pattern in the text, as a global regex finds them. */
function execAll(text: string, p: CompiledPattern, found: RawHit[]): void {
  // exec over the compiled regex instead of matchAll, which clones the regex on every call.
  // lastIndex is the only state touched; it is 0 again before this synchronous loop ends.
  const re = p.regex;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex = advance(text, re.lastIndex);
      continue;
    }
    found.push(patternHit(p, m));
  }
  re.lastIndex = 0;
}

function patternHit(p: CompiledPattern, m: RegExpExecArray): RawHit {
  return { kind: 'pattern', rule: p.rule, start: m.index, end: m.index + m[0].length, term: m[0] };
}

/**
 * Where gated pattern k's matches can start in a text of `length` code units, as [first, last]
 * pairs in order, or null when they would not spare the regex much of the text. Every match
 * holds a string of each of the pattern's parts, so it starts at or before where one begins and,
 * reading at most `reach` code units, at or after its end - reach: windows around the
 * occurrences (in `hits`) of the part that has the fewest.
 */
function windowsOf(length: number, k: number, rules: CompiledRules, hits: readonly number[]): number[] | null {
  const { codes, strings, reach: reaches } = rules.patternGate;
  const reach = reaches[k]!;
  if (reach * 4 > length) return null;
  const counts = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let h = 0; h < hits.length; h += 2) {
    const list = codes[hits[h]!]!;
    for (let i = 0; i < list.length; i++) if (list[i]! >> 3 === k) counts[list[i]! & 7]!++;
  }
  let part = 0;
  for (let j = 1; j < 8; j++) if (counts[j]! > 0 && counts[j]! < counts[part]!) part = j;
  const code = k * 8 + part;
  const windows: number[] = [];
  // Each window is searched over [first, last + reach + 2): a window starting inside that is
  // joined to it rather than searched again.
  let span = 0;
  for (let h = 0; h < hits.length; h += 2) {
    if (!codes[hits[h]!]!.includes(code)) continue;
    const end = hits[h + 1]!;
    const first = Math.max(0, end - reach);
    const last = end - strings[hits[h]!]!.length;
    const n = windows.length;
    if (n > 0 && first <= windows[n - 1]! + reach + 2) {
      if (last > windows[n - 1]!) {
        span += last - windows[n - 1]!;
        windows[n - 1] = last;
      }
    } else {
      windows.push(first, last);
      span += last - first + reach + 2;
    }
    if (span * 2 > length) return null;
  }
  return windows;
}

/**
 * `execAll`, searching only the windows (from `windowsOf`) where matches can start: exactly the
 * matches a global regex finds in the whole text. Each window [first, last] is searched in the
 * text cut after last + reach + 2, from `first` or from where the previous match ended: for a
 * start at or before `last` the regex reads no further than last + reach (and \b one more), so
 * it sees what it would in the whole text; a match found after `last` is not taken, the next
 * window looks again. No match starts outside the windows, so none is skipped between them.
 */
function execWindows(text: string, p: CompiledPattern, reach: number, windows: readonly number[], found: RawHit[]): void {
  const re = p.regex;
  let from = 0;
  for (let w = 0; w < windows.length; w += 2) {
    const last = windows[w + 1]!;
    if (from > last) continue;
    const cut = last + reach + 2;
    const slice = cut >= text.length ? text : text.slice(0, cut);
    re.lastIndex = Math.max(from, windows[w]!);
    for (let m = re.exec(slice); m !== null && m.index <= last; m = re.exec(slice)) {
      if (m[0].length === 0) re.lastIndex = advance(text, re.lastIndex);
      else found.push(patternHit(p, m));
      from = re.lastIndex;
    }
  }
  re.lastIndex = 0;
}

/**
 * The matches of pattern k (of `rules.patterns`) in normalised text as `rawHits` finds them, and
 * whether only windows of the text were searched: for the tests, which hold the windows to a
 * whole-text search.
 */
export function patternHits(text: string, rules: CompiledRules, k: number): { hits: RawHit[]; windowed: boolean } {
  const hits: RawHit[] = [];
  const { gate } = scanAutomaton(text, rules, rules.automatonFor(undefined));
  const windowed = scanPattern(text, rules, gate, k, hits);
  releaseGate(gate);
  return { hits, windowed };
}

/**
 * Every hit of every term, affix and pattern in normalised text, before allowlists and context:
 * what an allow phrase could cancel. The lint runs it over allow phrases to find ones that protect nothing.
 */
export function rawHits(normalizedText: string, rules: CompiledRules): RawHit[] {
  const text = demask(normalizedText, rules);
  const { candidates, gate } = scanAutomaton(text, rules, rules.automatonFor(undefined));
  const hits = [...candidates];
  scanFuzzyWords(text, rules, hits);
  scanAffixes(words(text), rules, hits, false);
  scanPatterns(text, rules, gate, hits);
  releaseGate(gate);
  return hits;
}

const byRuleThenLongest = (a: Found, b: Found): number => a.rule - b.rule || a.start - b.start || b.end - a.end;
const byPosition = (a: Found, b: Found): number => a.start - b.start || a.rule - b.rule;

/** Keeps one match per rule per overlapping stretch: the longest, then the earliest. */
function dedupe(found: Found[]): Found[] {
  stableSort(found, byRuleThenLongest);
  const out: Found[] = [];
  for (const f of found) {
    // Not out[-1] when out is empty: a property name, which made the keyed load megamorphic.
    const last = out.length > 0 ? out[out.length - 1] : undefined;
    if (last && last.rule === f.rule && f.start < last.end) continue;
    out.push(f);
  }
  return stableSort(out, byPosition);
}

/** Above this many items stableSort leaves the work to Array.prototype.sort. */
const INSERTION_SORT_MAX = 16;

/**
 * Array.prototype.sort, which is stable, for the few hits of a comment: an insertion sort (as
 * stable) spares the builtin's set-up and its calls out to the comparator, which cost more than
 * the sorting of two or three items. Exported for its test.
 */
export function stableSort<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > INSERTION_SORT_MAX) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i - 1;
    for (; j >= 0 && compare(list[j]!, item) > 0; j--) list[j + 1] = list[j]!;
    list[j + 1] = item;
  }
  return list;
}

const TARGET_WINDOW = 3;
/**
 * Group-derogation rules ("insult.group.*": "I hate X", "X are vermin", "X should all die")
 * count only when linked to their target through grammatical glue in the same clause, on the
 * side their verb takes it (see `linkedTarget`); the ±3-word window is too loose for them.
 */
const LINKED_ONLY = 'insult.group.';
/**
 * Group-derogation phrases that state the speaker's feeling ("I hate X", "X disgust me"): said of
 * a group they are hate, said of one person by name ("I hate Putin") an opinion of a public
 * figure, not an attack on who they are. The other phrases count of a named person too: "fuck
 * Putin", "Lavrov can go fuck himself", "death to Biden".
 */
const FEELING_RULES: ReadonlySet<string> = new Set(['insult.group.hate', 'insult.group.disgust', 'insult.group.emotion']);
/** What may stand between a negator and the good quality it denies: "not [our] equal", "never [be as] smart". */
const NEGATION_GLUE: ReadonlySet<string> = new Set([
  'our', 'any', 'ever', 'be', 'been', 'as', 'a', 'an', 'very', 'so', 'that', 'really', 'truly', 'even', 'at', 'all', 'remotely',
  'particularly', 'going', 'to', 'gonna', 'the', 'slightest', 'bit',
]);
const STANDALONE_LABELS = new Set(['slur', 'insult', 'partisan_epithet']);

/**
 * Which rules are group-derogation rules (LINKED_ONLY), by rule index: read once per rule list
 * (a rule set's, or a test's), where a `startsWith` on every match's rule id showed in profiles.
 */
const LINKED_ONLY_RULES = new WeakMap<readonly CompiledRule[], Uint8Array>();
function linkedOnlyOf(list: readonly CompiledRule[]): Uint8Array {
  let flags = LINKED_ONLY_RULES.get(list);
  if (flags === undefined) {
    flags = new Uint8Array(list.length);
    for (let r = 0; r < list.length; r++) if (list[r]!.id.startsWith(LINKED_ONLY)) flags[r] = 1;
    LINKED_ONLY_RULES.set(list, flags);
  }
  return flags;
}

/** Words that carry a standalone label aim nearby adjectives ("stupid, ignorant D-RATs"): their indices. */
function standaloneAnchors(found: readonly Found[], rules: CompiledRules, ws: readonly Word[]): Set<number> {
  const anchors = new Set<number>();
  for (const f of found) {
    const rule = rules.rules[f.rule]!;
    if (!rule.requiresTarget && STANDALONE_LABELS.has(rule.label)) anchors.add(wordAt(ws, f.start));
  }
  return anchors;
}

/**
 * Runs every compiled rule over normalised text and returns matches with spans in the
 * original text. Rules marked `requires: target` (and profanity) are kept only when aimed at
 * someone, and aimed insults only when not denied ("I don't hate X"); name-calling aimed at the
 * speaker is dropped; slurs, epithets and insults named in order to condemn them are flagged `mentioned`.
 * `innocent`, when given, receives the normalised spans of hits an allowlist or a homonym's context
 * cancelled ("faggots" in "bought faggots at the butcher"), so the model can be kept from them too.
 * `reading`, when given, receives the word scan's spans of the text it read (after demasking and
 * respelling: compare `words.text` before reusing them for another text). `skip`, when given, holds
 * rule numbers whose hits are dropped before any judging: subject rules moderation knows cannot
 * count for this comment (no article, or an article on the same subject).
 */
export function findMatches(
  norm: NormalizedText,
  rules: CompiledRules,
  innocent?: Array<[number, number]>,
  reading?: { words?: WordSpans },
  skip?: ReadonlySet<number>,
): Match[] {
  // Misspelled insult words are read as meant ("haet" → "hate"); spans map back through `back`.
  // Respelling, words, fuzzy and affix hits in one pass (wordScan.ts).
  const automaton = rules.automatonFor(skip);
  const scan = scanWords(demask(norm.text, rules), rules, automaton);
  if (reading !== undefined && scan.spans !== undefined) reading.words = scan.spans;
  const text = scan.text;
  const back = scan.back ?? ((pos: number) => pos);
  const { allow, candidates: raw, gate } = scanAutomaton(text, rules, automaton, (i) => separatedAt(norm, back(i)), scan.termEnds);
  scanFuzzyWords(text, rules, raw, scan.fuzzy);
  for (const hit of scan.affixes) raw.push(hit);
  scanPatterns(text, rules, gate, raw);
  releaseGate(gate);
  // The automaton searched for no term of a skipped rule; its patterns, affixes and slips go here.
  if (skip !== undefined && raw.length > 0) dropRules(raw, skip);
  // Most comments hit nothing: skip the judging machinery (closures, Set, sorts) built below.
  if (raw.length === 0) return [];
  // The words, and the anchors among them, are made when a judgement first reads them: most hit
  // comments hold only off-topic furniture and stand-alone epithets, judged from the text alone.
  let wordList: Word[] | undefined;
  const words = (): Word[] => (wordList ??= scannedWords(scan));
  const nearAllowed = nearJudge(text, words, rules);
  const found = dedupe(
    raw.filter((hit) => {
      if (!(allow !== undefined && allowed(hit, allow, rules)) && !nearAllowed(hit)) return true;
      // An allowed subject word ("political football") is innocent of off-topic, not of abuse:
      // the model reads it as any other word, whatever the article.
      if (rules.rules[hit.rule]!.requiresUnrelated !== true) innocent?.push([back(hit.start), back(hit.end)]);
      return false;
    }),
  );
  if (found.length === 0) return [];

  let anchorSet: Set<number> | undefined;
  const anchors = (): Set<number> => (anchorSet ??= standaloneAnchors(found, rules, words()));
  const aimed = (f: Found): boolean => {
    const ws = words();
    const first = wordAt(ws, f.start);
    const last = Math.max(first, wordAt(ws, f.end - 1));
    const isAim = (k: number): boolean => SECOND_PERSON.has(ws[k]!.text) || rules.targets.has(ws[k]!.text) || anchors().has(k);
    // Within the clause only: "The policy is stupid, but he is fine" says nothing of him.
    // Leftwards from first - 1 down to 0 at least (ws[-1] is a load of the property "-1", which
    // made ws[k] a megamorphic load).
    for (let k = first - 1; k >= Math.max(0, first - TARGET_WINDOW); k--) {
      if (aimBreak(text, ws[k]!.end, ws[k + 1]!)) break;
      // "Banning Muslims is disgusting", "Calling disabled people X is disgusting": a plural
      // before a singular verb is not what the verb describes.
      if (isAim(k) && agreesUpTo(ws, k, first)) return true;
    }
    for (let k = last + 1; k <= Math.min(ws.length - 1, last + TARGET_WINDOW); k++) {
      if (aimBreak(text, ws[k - 1]!.end, ws[k]!) || newNounPhrase(ws, k)) break;
      if (isAim(k)) return true;
    }
    if (rules.rules[f.rule]!.label === 'insult') return pluralSubjectBefore(text, ws, first, isAim);
    return aimedByPhrase(text, f.start);
  };
  const isTarget = targetTestOf(rules.targets);
  const linked = (f: Found): boolean => {
    const ws = words();
    const first = wordAt(ws, f.start);
    const last = Math.max(first, wordAt(ws, f.end - 1));
    return linkedTarget(text, ws, first, last, f.start, f.end, linkDirection(text.slice(f.start, f.end)), isTarget, anchors());
  };
  const named = (f: Found, claim = false): boolean => {
    if (rules.names.size === 0) return false;
    const ws = words();
    const first = wordAt(ws, f.start);
    const last = Math.max(first, wordAt(ws, f.end - 1));
    return namedTarget(text, ws, first, last, rules.names, claim ? linkDirection(text.slice(f.start, f.end)) : undefined);
  };

  const mentioned = mentionJudge(text);
  const linkedOnlyRules = linkedOnlyOf(rules.rules);
  const out: Match[] = [];
  // Matches that can be mentioned, in text order, with their spans in `text`: a list shares its framing.
  let listed: Listed[] | undefined;
  for (const f of found) {
    const rule = rules.rules[f.rule]!;
    const linkedOnly = linkedOnlyRules[f.rule] === 1;
    if (rule.negatedOnly) {
      // A good quality denied to a group: "X are not our equal", "no X is ever valuable". The
      // negator must itself stand undenied ("nobody says X are not equal"), and the target is
      // linked to the quality or to the negator ("X are [not] our equal").
      const ws = words();
      const neg = negatorBefore(text, ws, wordAt(ws, f.start));
      if (neg < 0 || negated(text, ws, neg)) continue;
      const first = wordAt(ws, f.start);
      const glued = ws.slice(neg + 1, first).every((w) => NEGATION_GLUE.has(w.text));
      if (!linked(f) && !(glued && linkedTarget(text, ws, neg, neg, ws[neg]!.start, ws[neg]!.end, 'both', isTarget, anchors()))) continue;
    } else {
      if (rule.requiresTarget && !(linkedOnly ? linked(f) || (!FEELING_RULES.has(rule.id) && named(f, true)) : aimed(f) || linked(f) || named(f))) continue;
      // "I don't hate X", "nobody thinks X are vermin": a denied attack is no attack.
      // Group-derogation phrases are claims; other insults only when said of someone ("you're not an idiot").
      if (rule.label === 'insult') {
        const ws = words();
        // Unless taken back right after: "I won't call you a moron. You are one though."
        if ((linkedOnly || predicative(ws, wordAt(ws, f.start))) && negated(text, ws, wordAt(ws, f.start)) && !saidAfterAll(text, f.end)) continue;
      }
    }
    // Name-calling aimed at the speaker ("I was such an idiot") attacks nobody.
    // A group-derogation phrase is already linked to someone else ("I want to kill all X").
    if ((rule.label === 'insult' || rule.label === 'profanity') && !linkedOnly && selfAimed(text, f.start, f.end)) continue;
    // A name used to describe a thing ("a dumbass idea", "a real dickhead move") criticises the thing.
    if (rule.label === 'insult' && !linkedOnly && describesThing(text, f.end)) continue;
    const span = originalSpan(norm, back(f.start), back(f.end));
    const match = newMatch(rule.id, rule.label, rule.severity, span.start, span.end, norm.original.slice(span.start, span.end), f.term);
    if (rule.label === 'slur' || rule.label === 'partisan_epithet' || rule.label === 'insult') {
      (listed ??= []).push({ start: f.start, end: f.end, match, mentioned: mentioned(f.start, f.end) });
    }
    out.push(match);
  }
  if (listed !== undefined) markMentions(text, listed);
  return out;
}

/** Words after a comma that open another clause: "stupid, but he is fine", "stupid, and he knows it". */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['but', 'and', 'or', 'so', 'yet', 'while', 'whereas', 'although', 'though', 'because', 'however']);

/**
 * Does a clause end between a word ending at `from` and the word `next`: a comma before a word
 * that opens another clause? A comma alone does not ("stupid, ignorant D-RATs" is one phrase),
 * and sentence punctuation is left alone: a pronoun in the next sentence often is whom the word
 * is said of ("Pathetic. She is …"), and tweets and comments use ".." and "&amp;" inside a thought
 * (stopping at . ; and line breaks cost 13 of Davidson's offensive tweets their insult and one OLID
 * attack, for none of their clean ones).
 */
function aimBreak(text: string, from: number, next: Word): boolean {
  if (!CLAUSE_OPENERS.has(next.text)) return false;
  for (let i = from; i < next.start; i++) if (text.charCodeAt(i) === 44) return true;
  return false;
}

/** Words that open a noun phrase of their own. */
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my']);

/**
 * Does ws[k] join a new noun phrase on ("and the", "but his")? An adjective before it describes
 * nothing after it: "That idea is idiotic and the minister should drop it" says nothing of the
 * minister. Without a determiner the two sides may be one phrase ("stupid and ignorant voters").
 * Read rightwards only: leftwards a possessive ties the phrase to the target ("Stupid Demonrats
 * and their lying media").
 */
function newNounPhrase(ws: readonly Word[], k: number): boolean {
  return k + 1 < ws.length && CLAUSE_OPENERS.has(ws[k]!.text) && DETERMINERS.has(ws[k + 1]!.text);
}

/** Can ws[k] be the subject of every word after it up to ws[to] (the match's first word)? See `agrees`. */
function agreesUpTo(ws: readonly Word[], k: number, to: number): boolean {
  for (let j = k + 1; j <= to; j++) if (!agrees(ws[k]!.text, ws[j]!.text)) return false;
  return true;
}

/** Drops, in place, the hits of the rules in `skip`. */
function dropRules(raw: RawHit[], skip: ReadonlySet<number>): void {
  let kept = 0;
  for (let i = 0; i < raw.length; i++) if (!skip.has(raw[i]!.rule)) raw[kept++] = raw[i]!;
  raw.length = kept;
}

interface Listed {
  start: number;
  end: number;
  match: Match;
  /** What the mention judge said of this match alone. */
  mentioned: boolean;
}

/** What joins the items of a list: a comma, a slash, "and", "or", "nor", with quotes and spaces around. */
const LIST_GLUE = /^["'\s]*(?:,\s*(?:and|or|nor)?|\/|&|and|or|nor)["'\s]*$/;
/** Glue that makes a list: a comma alone may part a vocative or an apposition ("call her dumb, bitch"). */
const CONJUNCTION = /[/&]|\b(?:and|or|nor)\b/;
/** The longest stretch between two items read as list glue (", and " with quotes and spaces). */
const LIST_GLUE_MAX = 12;

/**
 * Marks the mentioned matches. Words named in one list share how they are named: in "names like
 * Obummer or Drumpf" the cue comes before the first item only, and in "retard, libtard or
 * Trumptard have no place here" the judgement after the last. When one item of a list is
 * mentioned, every item is, unless the list is endorsed right after its last item ("calling them
 * libtards and retards is accurate"): then none is. `listed` is in text order; items that overlap
 * (one word matched by two rules) belong to the same list. Items joined by commas only are not a
 * list unless a conjunction joins two of them: "you all call her dumb, bitch" names "dumb" and
 * uses "bitch".
 */
function markMentions(text: string, listed: readonly Listed[]): void {
  for (let i = 0; i < listed.length; ) {
    let j = i;
    let any = listed[i]!.mentioned;
    let joined = false;
    while (j + 1 < listed.length) {
      const a = listed[j]!;
      const b = listed[j + 1]!;
      if (b.start < a.end) joined = true;
      else {
        const glue = b.start - a.end <= LIST_GLUE_MAX ? text.slice(a.end, b.start) : '';
        if (!LIST_GLUE.test(glue)) break;
        if (CONJUNCTION.test(glue)) joined = true;
      }
      j++;
      if (b.mentioned) any = true;
    }
    const list = joined && j > i;
    const all = list && any && !endorsedAfter(text, listed[j]!.end);
    // "Nobody should call the senator a retard. He is one anyway": the word is named, then said of
    // someone after all. Asked of the last item only, as the "one" comes after the whole list.
    const reclaimed = (list ? all : any) && saidAfterAll(text, listed[j]!.end);
    for (let k = i; k <= j; k++) {
      const item = listed[k]!;
      if ((list ? all : item.mentioned) && !reclaimed) item.match.mentioned = true;
    }
    i = j + 1;
  }
}

/**
 * The named word taken back as a use by "one" standing for it within the next sentence or two:
 * "he is one anyway", "but you are one", "they're ones too". "He is one of the best" and "you are
 * one who …" are other "one"s, so the "one" must end its clause (or be followed by a word that
 * only closes it: "too", "anyway", "though").
 */
const SAID_AFTER_ALL =
  /\b(?:he|she|they|you|u|him|that\s+[a-z]+|this\s+[a-z]+)(?:\s+(?:is|are|was|were|r)|'s|'re)\s+(?:(?:still|definitely|clearly|obviously|totally|really|surely|certainly|absolutely|just|truly|literally|actually|indeed|exactly|also|sure)\s+)?ones?(?=\s*(?:[.!?,;)]|$)|\s+(?:too|anyway|anyways|though|tho|lol|regardless|nonetheless|himself|herself|themselves|yourself)\b)/;

/** How far after the named word `SAID_AFTER_ALL` is looked for: the rest of its sentence and the next. */
const SAID_AFTER_REACH = 100;

function saidAfterAll(text: string, end: number): boolean {
  return SAID_AFTER_ALL.test(text.slice(end, end + SAID_AFTER_REACH));
}

const TARGET_TESTS = new WeakMap<ReadonlySet<string>, (w: string) => boolean>();

/**
 * A target word or a transposed spelling of one ("wmoen"): one function per target set, so that
 * what linkedTarget remembers per target test (context.ts `personAt`) serves every text.
 */
function targetTestOf(targets: ReadonlySet<string>): (w: string) => boolean {
  let test = TARGET_TESTS.get(targets);
  if (test === undefined) {
    // The transposed spellings are looked up once per set, not per word asked about (a WeakMap get each).
    const transposed = transposedTargets(targets);
    test = (w: string): boolean => targets.has(w) || transposed.has(w);
    TARGET_TESTS.set(targets, test);
  }
  return test;
}

/** A Match as findMatches builds it: one place, so that the one keepShape holds has the same maps. */
function newMatch(ruleId: string, label: Match['label'], severity: Severity, start: number, end: number, text: string, term: string): Match {
  return { ruleId, label, severity, start, end, text, term };
}

// Per-call objects: one live each keeps their maps, and the code optimised against them, through
// a full GC (keepShape.ts). A match gains `mentioned` after it is built: that map too.
keepShape(new AllowIndex());
const keptMatch = newMatch('', 'slur', 'low', 0, 0, '', '');
keptMatch.mentioned = true;
keepShape(keptMatch);
