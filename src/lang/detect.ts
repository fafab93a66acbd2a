import { createLanguageGuesser } from './trigramGuess.js';
import { STOPWORDS } from '../text/tokens.js';
import { LETTER, unitClass } from '../text/unicodeClass.js';
import type { WordSpans } from '../text/wordSpans.js';

/**
 * Languages franc may choose from. Restricting candidates is what makes franc affordable: with
 * all of its languages it compares trigrams against every profile, and short comments are
 * misread as rare languages ("sco", "nds"). These cover the languages news comments arrive in.
 */
export const CANDIDATE_LANGUAGES: readonly string[] = [
  'eng', 'spa', 'fra', 'deu', 'ita', 'por', 'nld', 'rus', 'ukr', 'pol', 'tur', 'arb', 'cmn', 'jpn', 'kor', 'hin', 'swe', 'ron',
];

/** English function words that are not also common words in the other candidate languages. */
export const ENGLISH_MARKERS: ReadonlySet<string> = new Set([
  'the', 'and', 'is', 'are', 'to', 'of', 'that', 'it', 'you', 'this', 'with', 'for', 'not', 'was', 'they', 'have', 'be',
  'his', 'what', 'on', 'will', 'we', 'our', 'their', 'would', 'but', 'from', 'just', 'he', 'she', 'i', 'my', 'your', 'has', 'who',
]);

/**
 * English function words and stop words that are also common words of another candidate language:
 * natural's stop words include every single letter ("a", "o", "e", "y" are words of Spanish,
 * Italian and Portuguese; "i" is kept apart, as English "I"), "in", "an", "am", "so", "also",
 * "was", "will" are German, "me" is Spanish, French, Italian and Portuguese, "over", "had" Dutch,
 * "do", "by" Polish, "as", "do" Portuguese, "come" Italian, "under" Swedish. They count as words
 * English uses (`hits`); a text whose hits are all of these (`strong` 0) is called English only
 * when nothing in it looks like another language (FOREIGN_HINT): "Die Sanktionen treffen am Ende
 * vor allem die Verbraucher in Europa" had been called English for its "am" and "in", and an
 * English article then found it off-topic. Not listed, though other languages use them too ("is",
 * "we", "of" in Dutch, "to" in Polish, "are" in Romanian, "on" in French): short English sentences
 * lean on them ("Pelosi is a corrupt old crook"), and the trigram guess misreads a short English
 * sentence more often than they misread Dutch.
 */
export const SHARED_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...'abcdefghjklmnopqrstuvwxyz',
  'am', 'an', 'in', 'so', 'also', 'was', 'will', 'me', 'over', 'had', 'do', 'by', 'as', 'come', 'under',
]);

/**
 * What says a text whose English hits are all shared function words is in another language: a
 * letter English does not write, or a common function word of another candidate language that
 * is no English word. Read only for such texts, which are few, and at most 400 characters of them.
 */
const FOREIGN_HINT = new RegExp(
  String.raw`[äöüßñçãõáéíóúàèìòùâêîôûëïœ¿¡ąęłńśźżșțğış]|\b(?:` +
    [
      // German, Spanish, French, Italian, Portuguese, Dutch, Swedish, Polish, Romanian, Turkish
      'der', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'einen', 'den', 'mit', 'auf', 'sich', 'auch', 'ich', 'wir', 'die',
      'el', 'los', 'las', 'que', 'del', 'una', 'por', 'para', 'pero', 'muy', 'esta', 'este', 'sus', 'nunca', 'va',
      'les', 'des', 'est', 'une', 'pas', 'dans', 'avec', 'pour', 'qui', 'mais', 'cette', 'sont', 'je', 'nous', 'vous', 'ne', 'du', 'au',
      'il', 'che', 'non', 'di', 'gli', 'della', 'sono', 'anche', 'questo', 'con',
      'um', 'uma', 'os', 'com', 'mais', 'muito', 'isso', 'ele', 'sobre',
      'het', 'een', 'niet', 'zijn', 'maar', 'ook', 'wij', 'dit',
      'och', 'att', 'det', 'inte', 'jest', 'nie', 'tak', 'ale', 'nu', 'este', 'pentru', 'sunt', 've', 'bir', 'bu',
    ].join('|') +
    String.raw`)\b`,
  'i',
);

/** What the trie's terminal of a word says: a shared function word, or an English one of no other candidate. */
const WEAK_HIT = 1;
const STRONG_HIT = 2;

/** Below this many letters franc guesses, so the honest answer is "und" (undetermined). */
const MIN_LETTERS = 20;

/**
 * ENGLISH_MARKERS and STOPWORDS as a trie over [a-z'] (27 edges per node), so the words of a
 * comment are looked up as they are scanned, without a string or a hash per word. Entries are
 * the child's row offset (node × EDGES), so a step is one read with no multiplication, and a
 * missing edge leads to a dead row whose every edge leads back to itself, so a run that leaves
 * the trie goes on stepping without a test (the scan reads each character once either way).
 */
const EDGES = 27;
const edge = (c: number): number => (c >= 97 && c <= 122 ? c - 97 : c === 39 ? 26 : -1);
const WORD_TRIE = (() => {
  const children: number[][] = [new Array<number>(EDGES).fill(-1)];
  const terminal: number[] = [0];
  for (const w of new Set([...ENGLISH_MARKERS, ...STOPWORDS])) {
    // Only words made of [a-z'] can ever be a run of the scan; others could never be hit.
    if (!/^[a-z']+$/.test(w)) continue;
    let node = 0;
    for (let i = 0; i < w.length; i++) {
      const e = edge(w.charCodeAt(i));
      if (children[node]![e] === -1) {
        children[node]![e] = children.length;
        children.push(new Array<number>(EDGES).fill(-1));
        terminal.push(0);
      }
      node = children[node]![e]!;
    }
    terminal[node] = SHARED_FUNCTION_WORDS.has(w) ? WEAK_HIT : STRONG_HIT;
  }
  const dead = children.length;
  const next = new Int32Array((dead + 1) * EDGES);
  const terminalAt = new Uint8Array((dead + 1) * EDGES);
  for (let node = 0; node <= dead; node++) {
    for (let e = 0; e < EDGES; e++) {
      const child = node === dead ? -1 : children[node]![e]!;
      next[node * EDGES + e] = (child === -1 ? dead : child) * EDGES;
    }
    if (node < dead) terminalAt[node * EDGES] = terminal[node]!;
  }
  return { next, terminalAt, deadRow: dead * EDGES };
})();

/**
 * `text.toLowerCase()` read one code unit at a time, as a trie edge, for ASCII (-1: not part of
 * a word). Above ASCII only KELVIN SIGN lower-cases to [a-z'] (checked over every code point in
 * the tests), and U+0130 (İ) lower-cases to "i" plus a combining dot: a run's last letter. Any
 * other letter, of any script, is part of the word but of no marker: "año" is one word, not the
 * stop words "a" and "o", and "für" not "f" and "r" (which made short Spanish, French and German
 * comments look English).
 */
const ASCII_EDGES = Int8Array.from({ length: 128 }, (_, c) => (c >= 65 && c <= 90 ? c - 65 : edge(c)));
const KELVIN_SIGN = 0x212a;
const DOTTED_CAPITAL_I = 0x130;
/** The edge code of U+0130: the scan steps on "i" and ends the run. */
const DOTTED_I = EDGES;
/** The edge code of any other letter: the word goes on, in the dead row. */
const OTHER_LETTER = EDGES + 1;
/** The edge code of a high surrogate that starts an astral letter (a pair, read as one letter). */
const ASTRAL_LETTER = EDGES + 2;
const ASTRAL_LETTER_TEST = /^\p{L}$/u;

/** The edge code of text[i] (code unit c, not ASCII) when the text is read up to n. */
function wideEdge(text: string, i: number, c: number, n: number): number {
  if (c === KELVIN_SIGN) return 10;
  if (c === DOTTED_CAPITAL_I) return DOTTED_I;
  // A pair cut at n is a lone surrogate in the text as read: no letter.
  if (c >= 0xd800 && c <= 0xdbff) return i + 1 < n && ASTRAL_LETTER_TEST.test(text.slice(i, i + 2)) ? ASTRAL_LETTER : -1;
  // A lone surrogate is no letter (unitClass says so), as the regex with the u flag reads it.
  return unitClass(c) === LETTER ? OTHER_LETTER : -1;
}

/**
 * Words of `text.slice(0, end).toLowerCase()` (runs of letters and apostrophes, as
 * /[\p{L}']+/gu finds them) and how many of them are English markers or stop words. The text is
 * lower-cased as it is read, so no lower-case copy is made per comment.
 */
export function countMarkers(text: string, end = text.length): MarkerCount {
  const out = { words: 0, hits: 0, strong: 0 };
  runsIn(text, 0, Math.min(end, text.length), out);
  return out;
}

/** How many words a text has, how many of them are English markers or stop words, and how many of those are no other candidate language's (SHARED_FUNCTION_WORDS). */
export interface MarkerCount {
  words: number;
  hits: number;
  strong: number;
}

/** Adds to `out` the runs of letters and apostrophes of text[from, to) (lower-cased as read) and the markers among them. */
function runsIn(text: string, from: number, to: number, out: MarkerCount): void {
  const { next, terminalAt, deadRow } = WORD_TRIE;
  const n = to;
  let words = 0;
  let hits = 0;
  let strong = 0;
  let i = from;
  while (i < n) {
    let c = text.charCodeAt(i);
    let e = c < 128 ? ASCII_EDGES[c]! : wideEdge(text, i, c, n);
    if (e < 0) {
      i++;
      continue;
    }
    // A run starts here: step through the trie until a code unit that is no letter or apostrophe ends it.
    words++;
    let row = 0;
    for (;;) {
      if (e === DOTTED_I) {
        row = next[row + 8]!;
        i++;
        break;
      }
      if (e === OTHER_LETTER) row = deadRow;
      else if (e === ASTRAL_LETTER) {
        // Both units of the pair are one letter.
        row = deadRow;
        i++;
      } else row = next[row + e]!;
      if (++i >= n) break;
      c = text.charCodeAt(i);
      e = c < 128 ? ASCII_EDGES[c]! : wideEdge(text, i, c, n);
      if (e < 0) break;
    }
    // 0, WEAK_HIT or STRONG_HIT: a hit either way, strong only for the second.
    const t = terminalAt[row]!;
    hits += (t + 1) >> 1;
    strong += t >> 1;
  }
  out.words += words;
  out.hits += hits;
  out.strong += strong;
}

/**
 * A marker counter's cache keeps two bits per memo entry: 0 until the word was worked out in the
 * current memo epoch, then 1 plus what the trie says of it (0, WEAK_HIT or STRONG_HIT). Entries
 * are hash slots, so the cache is read at random: at two bits an entry the 32,768 slots of the
 * rule engine's memo take 8 KB (a byte each took 32 KB), which stays in the L1 cache beside the
 * scan's other tables.
 */
const ENTRY_BITS = 3;

/**
 * A function giving `countMarkers(spans.text, end)` from the rule engine's word spans of that
 * text, one cached look-up per word instead of a trie step per character. Each moderator keeps
 * its own (its cache is by the entry numbers of its rule engine's memo, text/wordSpans.ts).
 *
 * The two readings agree word by word except around apostrophes: a marker run is a run of
 * letters and apostrophes, a scan word a run of letters, digits and masks joined by single
 * hyphens and apostrophes. So a word of a–z alone (no apostrophe inside) is exactly one run,
 * and its answer is cached by its memo entry; any other word is read character by character
 * within its span (where its apostrophes are); and an apostrophe outside every word (a quote
 * mark, "rock''n") could join or be runs of its own, so such a text is read the character way.
 */
export function createMarkerCounter(): (spans: WordSpans, end: number) => MarkerCount {
  /** Entry e's bits are bits 2(e mod 16) and up of word e / 16. */
  let byEntry = new Uint32Array(64);
  let epoch = -1;
  return (spans, end) => {
    const text = spans.text;
    const n = Math.min(end, text.length);
    if (spans.epoch !== epoch) {
      byEntry.fill(0);
      epoch = spans.epoch;
    }
    const out = { words: 0, hits: 0, strong: 0 };
    const { bounds, entries, mixed } = spans;
    let nextMixed = 0;
    // The next apostrophe not yet found inside a word.
    let quote = text.indexOf("'");
    for (let w = 0; w < entries.length; w++) {
      const start = bounds[2 * w]!;
      if (start >= n) break;
      if (quote >= 0 && quote < start) return countMarkers(text, end);
      const stop = bounds[2 * w + 1]!;
      const isMixed = nextMixed < mixed.length && mixed[nextMixed] === w;
      if (isMixed) nextMixed++;
      const entry = entries[w]!;
      if (isMixed || stop > n || entry < 0) {
        runsIn(text, start, Math.min(stop, n), out);
        while (quote >= 0 && quote < stop) quote = text.indexOf("'", quote + 1);
        continue;
      }
      // A word of a–z alone: one run, a marker or not whatever the text around it.
      const at = entry >>> 4;
      const shift = (entry & 15) << 1;
      if (at >= byEntry.length) {
        const grown = new Uint32Array(Math.max(at + 1, byEntry.length * 2));
        grown.set(byEntry);
        byEntry = grown;
      }
      let bits = (byEntry[at]! >>> shift) & ENTRY_BITS;
      if (bits === 0) {
        const one = { words: 0, hits: 0, strong: 0 };
        runsIn(text, start, stop, one);
        bits = 1 + (one.strong > 0 ? STRONG_HIT : one.hits > 0 ? WEAK_HIT : 0);
        byEntry[at]! |= bits << shift;
      }
      // bits - 1 is the trie's answer, as in runsIn.
      out.words++;
      if (bits > 1) out.hits++;
      if (bits === 1 + STRONG_HIT) out.strong++;
    }
    if (quote >= 0 && quote < n) return countMarkers(text, end);
    return out;
  };
}

/**
 * ISO 639-3 language of a comment. Text in which English function words make up a good share
 * of the words is English without asking franc: that is most comments on English-language
 * sites, and franc (trigram distances against every candidate) was the most expensive stage of
 * the pipeline. Everything else gets franc's answer, restricted to the candidate languages,
 * from trigramGuess.ts (the same answer as franc, computed without its per-call objects).
 *
 * `normalized` is `normalize(text).text`, when the caller has it. The function words are counted
 * in it: look-alikes, leet and typographic apostrophes are undone there, so "thе" with a Cyrillic
 * "е" is "the" and "l’article" one word, not the stop word "l". The trigram guess reads the text
 * as written: its accents and scripts are what tell the languages apart.
 */
export function detectLanguage(text: string, normalized?: string, candidates: readonly string[] = CANDIDATE_LANGUAGES): string {
  return languageOf(text, countMarkers(normalized ?? text, MARKER_REACH), candidates);
}

/** How far into a text its function words are counted: enough to tell, and a megabyte costs what a comment does. */
export const MARKER_REACH = 600;

/**
 * detectLanguage for a text whose markers (`countMarkers(normalized, MARKER_REACH)`, or a marker
 * counter's answer from its word spans) the caller has counted already.
 */
export function languageOf(text: string, markers: MarkerCount, candidates: readonly string[] = CANDIDATE_LANGUAGES): string {
  let letters = 0;
  for (let i = 0; i < text.length && letters < MIN_LETTERS; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf) letters++;
  }
  if (letters < MIN_LETTERS) return 'und';
  const { words, hits, strong } = markers;
  if ((hits >= 2 && hits * 6 >= words) || (hits >= 1 && words <= 8)) {
    // Enough English function words: English, unless they are all words other languages share
    // (SHARED_FUNCTION_WORDS) and the text shows another language.
    if (strong >= 1 || !FOREIGN_HINT.test(text.length > 400 ? text.slice(0, 400) : text)) return 'eng';
  }
  // franc's cost grows with the text; 400 characters are plenty to tell languages apart.
  return guesserFor(candidates)(text.slice(0, 400));
}

/**
 * Guessers by candidate list, built on first use (merging the profiles takes a few ms). A
 * guesser's scratch is written before it is read within one synchronous call, so calls from any
 * number of moderators can share it.
 */
const guessers = new Map<string, (text: string) => string>();
function guesserFor(candidates: readonly string[]): (text: string) => string {
  const key = candidates.join(',');
  let guess = guessers.get(key);
  if (guess === undefined) guessers.set(key, (guess = createLanguageGuesser(candidates, MIN_LETTERS)));
  return guess;
}

/**
 * Can a comment's words be compared with its article's? Only in one language: a Spanish comment
 * about an English article shares none of its words, and TF-IDF would call it off topic
 * (LABELS.md: a comment in another language that discusses the subject is not). When either
 * side is undetermined ("und": short or mixed), they are compared.
 */
export function sameLanguage(comment: string, article: string): boolean {
  return comment === 'und' || article === 'und' || comment === article;
}
