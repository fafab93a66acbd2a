/**
 * Builds the English word list the matcher uses to read glued words (src/lexicon/glue.ts) from
 * natural's English part-of-speech lexicon, a dependency already, so no new data source:
 * - common words of 3–10 letters written in lower case there (so no proper nouns): the words a
 *   slur may be glued to;
 * - every lexicon word, of any length or case, that would otherwise split into a slur term and
 *   glued words ("homosexual" = homo + sexual, "Pakistan", "Yiddish"): real words are never split.
 * Deterministic: the same lexicon and packs give the same bytes (a test rebuilds and compares).
 */
import { normalizeTerm } from '../engine/compile.js';
import { rulePackSchemas } from '../schemas/rulePack.js';
import { WORDS_FORMAT, WORDS_VERSION, encodeWords, type WordList } from './format.js';
import { gluedSplit } from './glue.js';


const COMMON = /^[a-z]{3,10}$/;
const LETTERS = /^[a-z]+$/;

/** Single-word slur terms of the packs, normalised as the matcher sees them. */
export function slurTerms(packs: readonly unknown[]): string[] {
  const terms = new Set<string>();
  for (const raw of packs) {
    for (const rule of rulePackSchemas().RulePackSchema.parse(raw).rules) {
      if (rule.label !== 'slur' || !rule.glued) continue;
      for (const t of rule.terms ?? []) {
        const term = normalizeTerm(typeof t === 'string' ? t : t.term);
        if (term.length >= 3 && LETTERS.test(term)) terms.add(term);
      }
    }
  }
  return [...terms].sort();
}

export function buildWordList(lexiconWords: readonly string[], packs: readonly unknown[], source: string): WordList {
  const common = new Set(lexiconWords.filter((w) => COMMON.test(w)));
  const out = new Set(common);
  const terms = slurTerms(packs);
  for (const raw of lexiconWords) {
    const word = raw.toLowerCase();
    if (!LETTERS.test(word) || out.has(word)) continue;
    const splits = terms.some((t) => {
      for (let i = word.indexOf(t); i >= 0; i = word.indexOf(t, i + 1)) if (gluedSplit(word, i, i + t.length, (w) => common.has(w))) return true;
      return false;
    });
    if (splits) out.add(word);
  }
  return { format: WORDS_FORMAT, version: WORDS_VERSION, source, words: encodeWords([...out].sort()) };
}
