import { englishWords } from '../lexicon/words.js';
import { mayBeWord, wordFilter, type WordFilter } from './wordFilter.js';
import { firstAtOrAfter } from '../text/sorted.js';

/**
 * Misspelled abuse words ("haet", "disgutsed", "despicble", "deathto"): a word typed with two
 * neighbouring letters swapped, one inner letter dropped, or glued to a function word is read
 * as the word it stands for, so the group-derogation rules see "hate", "disgusted",
 * "despicable", "death to". The spellings are compiled once from the insult rules' own words
 * and the target nouns into one map; each word of a comment costs one or two look-ups.
 * Slurs have their own one-slip matcher (fuzzy.ts); this one only serves insults.
 */

/** What a misspelling stands for, and where the text was changed. */
export interface Respelled {
  text: string;
  /** Position in the respelled text → position in the input, or undefined when nothing changed. */
  back?: (pos: number) => number;
}

export interface RespellTable {
  /** Misspelling → the word. */
  variants: ReadonlyMap<string, string>;
  /** Content words a glued token may be split into, beside a glue word (GLUE_WORDS, walked as tries). */
  content: ReadonlySet<string>;
  /** Length, first and last letter pairs of the content words: a cut's other side is turned away before it is sliced. */
  contentFilter: WordFilter;
  /** English words (src/lexicon): a word of the language is never a slip for another, nor glued. */
  english: ReadonlySet<string>;
  /** Words the packs know (terms, allow phrases, targets): never respelled. */
  known: ReadonlySet<string>;
  /**
   * Token → what it is read as ('' for itself), for tokens already decided. The decision is a
   * pure function of the token and this table, so the memo only saves work: comments reuse a
   * small vocabulary ("putin", "biden"), and an undecided token costs up to four set look-ups
   * and a dozen slices. Emptied when full, so a stream of unique tokens cannot grow it.
   */
  readonly memo: Map<string, string>;
}

/** Tokens the memo holds before it starts over. */
const MEMO_LIMIT = 20_000;

/**
 * Real words that are also one slip away from a listed word ("hared" from "hatred", "rash"
 * from "trash") are never respelled; nor are the listed words themselves. Every word of the
 * bundled English list (src/lexicon/words.ts) is excluded automatically; these are the rarer
 * ones it lacks, found once against /usr/share/dict/american-english-large: re-check them when
 * the insult packs gain words. Dialect spellings belong here too: "dese" ("these", from "dese
 * bitches") is one deletion from "dense".
 */
export const RESPELL_EXCLUDE: ReadonlySet<string> = new Set<string>([
  'abetter', 'alines', 'animas', 'apiece', 'apolitical', 'apse', 'arbs', 'arena', 'aright', 'awing', 'babes',
  'backs', 'barley', 'batch', 'bats', 'bearlike', 'beats', 'befool', 'befools', 'behave', 'beheaded',
  'belittle', 'belled', 'belying', 'bemean', 'berate', 'bests', 'bight', 'boos', 'botch', 'bottommost',
  'bran', 'bras', 'bred', 'brede', 'cambers', 'caner', 'cold', 'compete', 'cont', 'cooks', 'county', 'crepe',
  'crepes', 'cuts', 'deathlike', 'dene', 'denes', 'dese', 'dols', 'dose', 'dots', 'douce', 'downed', 'droned',
  'duce', 'dune', 'dunes', 'eery', 'eradiate', 'exit', 'exits', 'fils', 'finer', 'forbear', 'forever', 'formatter', 'garage',
  'garages', 'hared', 'hinds', 'hoes', 'hols', 'honesty', 'insets', 'invades', 'irate', 'juts', 'kinda',
  'lades', 'lair', 'lairs', 'lathe', 'lathed', 'lathing', 'lech', 'leches', 'leftmost', 'liker', 'ling',
  'lira', 'liras', 'looses', 'loses', 'lowermost', 'mater', 'medicks', 'mewing', 'mined', 'moneys', 'moons',
  'morn', 'morns', 'moth', 'muts', 'naive', 'noses', 'noting', 'pace', 'part', 'parts', 'pats', 'persona',
  'pice', 'pick', 'picks', 'plage', 'plans', 'plant', 'poser', 'posers', 'propr', 'psychosis', 'psychs',
  'puck', 'quiet', 'rabbis', 'rally', 'refuge', 'refuges', 'resect', 'reuse', 'rightmost', 'rocs', 'sain',
  'sake', 'sapped', 'satin', 'seep', 'seer', 'sills', 'sine', 'singe', 'sinking', 'socages', 'soever', 'soot',
  'sorn', 'sowing', 'spae', 'spinless', 'stud', 'suchlike', 'sums', 'tans', 'tarns', 'tats', 'thee', 'thees',
  'therapists', 'thus', 'tick', 'tied', 'tits', 'today', 'todies', 'tody', 'toll', 'tolls', 'tosses',
  'towing', 'trass', 'treat', 'tried', 'troats', 'trow', 'tugs', 'tuns', 'twas', 'twist', 'uttermost', 'vale',
  'violet', 'votes', 'wacks', 'weever', 'weevil', 'whacks', 'whee', 'whereof', 'whereto', 'whits', 'winglike',
  'wite', 'womanlike', 'wore', 'wort', 'wrier', 'writes', 'wroth', 'yous', 'zombielike', 'zombis',
]);

/** Function words a filter-dodger glues to an abuse word: "deathto", "fuckall", "sosickening". */
export const GLUE_WORDS: readonly string[] = [
  'to', 'all', 'so', 'the', 'these', 'those', 'them', 'they', 'are', 'is', 'be', 'much', 'such', 'just', 'absolute',
  'absolutely', 'i', 'we', 'you', 'my', 'me', 'of', 'for', 'a', 'an', 'like', 'should', 'their', 'really', 'very', 'most',
];

const MIN_SWAP = 4;
const MIN_DELETE = 5;

export function compileRespell(words: Iterable<string>, known: ReadonlySet<string>): RespellTable {
  // Any English word of the bundled list (src/lexicon) is itself, never a slip for another.
  const english = englishWords();
  const listed = new Set<string>();
  for (const w of words) if (/^[a-z]+$/.test(w) && w.length >= MIN_SWAP) listed.add(w);
  const variants = new Map<string, string>();
  const ambiguous = new Set<string>();
  const put = (v: string, w: string) => {
    if (listed.has(v) || known.has(v) || RESPELL_EXCLUDE.has(v) || english.has(v)) return;
    const seen = variants.get(v);
    if (seen !== undefined && seen !== w) ambiguous.add(v);
    else variants.set(v, w);
  };
  for (const w of listed) {
    // Swaps anywhere but the first letter; deletions of inner letters only.
    for (let i = 1; i + 1 < w.length; i++) if (w[i] !== w[i + 1]) put(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2), w);
    if (w.length >= MIN_DELETE) for (let i = 1; i + 1 < w.length; i++) if (w[i] !== w[i - 1]) put(w.slice(0, i) + w.slice(i + 1), w);
  }
  for (const v of ambiguous) variants.delete(v);
  const content = new Set([...listed].filter((w) => w.length >= MIN_SWAP));
  return {
    variants,
    content,
    contentFilter: wordFilter(content),
    english,
    known,
    memo: new Map(),
  };
}

/**
 * GLUE_WORDS as two tries over a–z, one read from a word's start and one from its end (letters
 * reversed): node n's child by letter c is at 26n + c - 97 (0: none), and `ends` marks the nodes
 * at which a glue word is complete. Walking a token's first and last few letters down them finds
 * every cut that leaves a glue word at one end, without slicing.
 */
interface GlueTrie {
  readonly next: Uint16Array;
  readonly ends: Uint8Array;
}

function glueTrie(words: readonly string[], reversed: boolean): GlueTrie {
  const nodes = 1 + words.reduce((sum, w) => sum + w.length, 0);
  const next = new Uint16Array(26 * nodes);
  const ends = new Uint8Array(nodes);
  let count = 1;
  for (const w of words) {
    let node = 0;
    for (let k = 0; k < w.length; k++) {
      const at = 26 * node + w.charCodeAt(reversed ? w.length - 1 - k : k) - 97;
      if (next[at] === 0) next[at] = count++;
      node = next[at]!;
    }
    ends[node] = 1;
  }
  return { next, ends };
}

const GLUE_HEADS = glueTrie(GLUE_WORDS, false);
const GLUE_TAILS = glueTrie(GLUE_WORDS, true);

/**
 * Splits a token glued from a function word and a listed word, either way round ("deathto",
 * "sosickening"): the first cut (from the left) with a glue word on one side and a content word
 * on the other. Every such cut has a glue word at one end of the token, so only the cuts the glue
 * tries reach are tried, and a content word is sliced and looked up only when its length and
 * letter pairs fit (`contentFilter`). Trying every cut within a glue word's length of either end cost
 * two slices and two to four set look-ups per cut: most of the time a new word spent in `readAs`
 * (tests/engine/respell.test.ts holds the two equal).
 */
function split(token: string, table: RespellTable): string | undefined {
  const n = token.length;
  let cut = n;
  // Glue word token[0, k), content word token[k, n).
  for (let k = 0, node = 0; k < n - 1; ) {
    const c = token.charCodeAt(k) - 97;
    if (c < 0 || c >= 26) break;
    node = GLUE_HEADS.next[26 * node + c]!;
    if (node === 0) break;
    k++;
    if (GLUE_HEADS.ends[node] === 1 && mayBeWord(table.contentFilter, token, k, n) && table.content.has(token.slice(k))) {
      cut = k;
      break;
    }
  }
  // Content word token[0, n - k), glue word token[n - k, n): the cut furthest left has the longest glue.
  for (let k = 0, node = 0; k < n - 1; ) {
    const c = token.charCodeAt(n - 1 - k) - 97;
    if (c < 0 || c >= 26) break;
    node = GLUE_TAILS.next[26 * node + c]!;
    if (node === 0) break;
    k++;
    if (n - k < cut && GLUE_TAILS.ends[node] === 1 && mayBeWord(table.contentFilter, token, 0, n - k) && table.content.has(token.slice(0, n - k))) cut = n - k;
  }
  if (cut === n || RESPELL_EXCLUDE.has(token)) return undefined;
  return `${token.slice(0, cut)} ${token.slice(cut)}`;
}

/** Does a character glue onto a word (letter, digit, mask, apostrophe, hyphen), so the word is not whole? */
function joins(c: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 42 || c === 39 || c === 45) return true;
  return c > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/**
 * What a whole-word token is read as: the listed word it misspells, a glued pair split, or '' for
 * itself (a word the packs know, a content word, an English word). What it could change into is
 * looked for first: most tokens have nothing, and then the three sets of words that stay
 * themselves (the English one 35,000 words, probed at random) are never asked. A variant is never
 * in those sets (compileRespell leaves them out), so the order changes no answer.
 */
export function readAs(token: string, table: RespellTable): string {
  const as = table.variants.get(token) ?? split(token, table);
  if (as === undefined || table.known.has(token) || table.content.has(token) || table.english.has(token)) return '';
  return as;
}

/**
 * Respells the words of normalised text; words the packs know (any term, target or allow word)
 * stay as they are. Scans runs of a–z by hand and builds a new string only when a word changes:
 * most comments have no misspelled abuse word and cost one pass and a memo look-up per word.
 */
export function respell(text: string, table: RespellTable): Respelled {
  const edits: Edit[] = [];
  let shift = 0;
  let out: string | undefined;
  let copied = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 97 || c > 122) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && (c = text.charCodeAt(i)) >= 97 && c <= 122) i++;
    const length = i - start;
    if (length < 4 || length > 40) continue;
    // Whole words only: a token inside a longer run of letters, digits or marks is left alone.
    if ((start > 0 && joins(text.charCodeAt(start - 1))) || (i < n && joins(text.charCodeAt(i)))) continue;
    const token = text.slice(start, i);
    let fixed = table.memo.get(token);
    if (fixed === undefined) {
      fixed = readAs(token, table);
      if (table.memo.size >= MEMO_LIMIT) table.memo.clear();
      table.memo.set(token, fixed);
    }
    if (fixed === '') continue;
    out = (out ?? '') + text.slice(copied, start) + fixed;
    copied = i;
    if (fixed.length !== token.length) {
      edits.push({ at: start + shift + token.length, from: start + token.length, to: fixed.length - token.length });
      shift += fixed.length - token.length;
    }
  }
  if (out === undefined) return { text };
  out += text.slice(copied);
  if (edits.length === 0) return { text: out };
  return { text: out, back: backOf(edits) };
}

export interface Edit {
  /** Where the respelled word would end had it kept its length (in respelled text). */
  at: number;
  /** The end of the word in the input. */
  from: number;
  /** Its change of length. */
  to: number;
}

/** Respelled position → input position, for `edits` in text order (exported for its test). */
export function backOf(edits: readonly Edit[]): (pos: number) => number {
  /** The loop over every edit that defines the mapping. */
  const walk = (pos: number): number => {
    let delta = 0;
    for (const e of edits) {
      if (pos >= e.at) delta += e.to;
      else if (pos > e.at - e.to) return e.from;
    }
    return pos - delta;
  };
  // Every hit asks back() for its ends, so walking every edit made a comment of one respelled
  // word repeated quadratic ("idiota " × 14k, 100 KB: 1.4 s). When `at` never decreases along
  // the edits (always, unless a long word respells to a far shorter one), the same answer comes
  // from a binary search: the edits at or before `pos` are a prefix, whose changes are summed in
  // advance; of the rest, only one with at - to < pos, so at < pos + maxTo, can answer.
  const ats = edits.map((e) => e.at);
  const sums = new Array<number>(edits.length + 1);
  sums[0] = 0;
  let maxTo = 0;
  let ordered = true;
  for (let k = 0; k < edits.length; k++) {
    const e = edits[k]!;
    sums[k + 1] = sums[k]! + e.to;
    if (e.to > maxTo) maxTo = e.to;
    if (k > 0 && e.at < edits[k - 1]!.at) ordered = false;
  }
  if (!ordered) return walk;
  return (pos: number) => {
    // Positions are whole numbers: the first edit past pos is the first at or after pos + 1.
    const lo = firstAtOrAfter(ats, pos + 1);
    for (let k = lo; k < edits.length && edits[k]!.at < pos + maxTo; k++) {
      if (pos > edits[k]!.at - edits[k]!.to) return edits[k]!.from;
    }
    return pos - sums[lo]!;
  };
}
