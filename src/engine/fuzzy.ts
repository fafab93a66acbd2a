import { isWordChar } from '../normalize/normalize.js';
import type { CompiledRule, Entry } from './compiled.js';
import { mayBeWord, wordFilter, type WordFilter } from './wordFilter.js';
import { englishWords } from '../lexicon/words.js';

/**
 * Slurs typed with one slip: two adjacent letters swapped ("fgagot", "ngiger") or one letter
 * left out ("fagot", "nigge"). Only this, never a substituted letter: "bigger", "digger" and
 * "snigger" are one substitution or insertion away from a slur and are ordinary words.
 *
 * Every variant of every eligible term is computed once, at compile time, into a Map from the
 * variant to the term's entry; matching is then one Map look-up per word of the text.
 */

/** Terms shorter than this are not fuzzed; variants shorter than this are not kept either. */
export const FUZZY_MIN_LENGTH = 5;

/**
 * English words (and a few names) that are one swap or one deletion from a listed slur. They
 * were found by generating the variants of the bundled slur terms and looking each one up in
 * a large English word list (`/usr/share/dict/american-english-large`, names included), plus
 * common informal words that list lacks (toons, roids, trads). A variant in this set is never
 * a fuzzy match. Spellings of the same word ("fagot" for "faggot") are deliberately left out.
 */
export const FUZZY_EXCLUDE: ReadonlySet<string> = new Set([
  'retrad', 'packer', 'packers', 'sacker', 'sackers', 'spacer', 'spacers', 'midge', 'midges',
  'grids', 'roids', 'chins', 'picks', 'sicks', 'hokey', 'honey', 'honeys', 'white', 'whites',
  'whity', 'trons', 'toons', 'trads', 'niger', 'murat', 'kraus', 'pooter', 'sanky', 'hinks', 'botch', 'russie',
]);

/** The pack name compile.ts gives bad-words' profanity list. */
export const PROFANITY_PACK = 'bad-words';

export interface FuzzyIndex {
  /** Variant → index of the term entry it was derived from. */
  readonly variants: ReadonlyMap<string, number>;
  /** The variants' keys: most words are turned away before they are sliced or hashed. */
  readonly filter: WordFilter;
}

export function fuzzyIndex(variants: ReadonlyMap<string, number>): FuzzyIndex {
  return { variants, filter: wordFilter(variants.keys()) };
}

/** The one-swap and one-deletion variants of a word, without the word itself. */
export function editVariants(term: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] !== term[i + 1]) out.add(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  for (let i = 0; i < term.length; i++) out.add(term.slice(0, i) + term.slice(i + 1));
  out.delete(term);
  return out;
}

/**
 * Builds the variant map for the `slur` rules' single-word terms of at least five letters.
 * A variant is dropped when it is itself a term of any pack, an allow phrase, a target noun, in
 * `exclude`, or a variant of two different slurs (ambiguous: no guess is made).
 */
export function compileFuzzy(
  entries: readonly Entry[],
  rules: readonly CompiledRule[],
  targets: ReadonlySet<string>,
  exclude: ReadonlySet<string> = FUZZY_EXCLUDE,
): FuzzyIndex {
  const known = new Set<string>();
  // bad-words' list is evidence, not a pack: its spelling of a slur ("fagot") stays a slur variant.
  for (const e of entries) if (e.kind === 'allow' || rules[e.rule]?.pack !== PROFANITY_PACK) known.add(e.kind === 'term' ? e.term : e.phrase);
  // A word of the bundled English list is never a slip for a slur ("itches", "batch"); the
  // hand-found exclusions above cover rarer words and names the list lacks.
  const english = englishWords();
  const variants = new Map<string, number>();
  const ambiguous = new Set<string>();
  entries.forEach((e, index) => {
    if (e.kind !== 'term' || rules[e.rule]?.label !== 'slur') return;
    if (e.term.length < FUZZY_MIN_LENGTH || !/^[a-z]+$/.test(e.term)) return;
    for (const v of editVariants(e.term)) {
      if (v.length < FUZZY_MIN_LENGTH || known.has(v) || targets.has(v) || exclude.has(v) || english.has(v)) continue;
      const seen = variants.get(v);
      if (seen === undefined) {
        if (!ambiguous.has(v)) variants.set(v, index);
      } else if ((entries[seen] as Extract<Entry, { kind: 'term' }>).rule !== e.rule) {
        variants.delete(v);
        ambiguous.add(v);
      }
    }
  });
  return fuzzyIndex(variants);
}

/** A fuzzy hit in normalised coordinates: a whole word and the term entry it stands for. */
export interface FuzzyHit {
  entry: number;
  start: number;
  end: number;
}

/**
 * Whole words of `text` (runs of letters a–z with no word character on either side) that are a
 * variant of a slur term. One Map look-up per word of five letters or more: linear in the text.
 */
export function scanFuzzy(text: string, index: FuzzyIndex): FuzzyHit[] {
  const out: FuzzyHit[] = [];
  if (index.variants.size === 0) return out;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 97 || c > 122) {
      i++;
      continue;
    }
    const start = i;
    // Never read past the end: charCodeAt would return NaN and turn the loop's arithmetic to doubles.
    for (i++; i < n; i++) {
      const d = text.charCodeAt(i);
      if (d < 97 || d > 122) break;
    }
    if (i - start < FUZZY_MIN_LENGTH || !mayBeWord(index.filter, text, start, i) || isWordChar(text[start - 1]) || isWordChar(text[i])) continue;
    const entry = index.variants.get(text.slice(start, i));
    if (entry !== undefined) out.push({ entry, start, end: i });
  }
  return out;
}
