import { describe, expect, it } from 'vitest';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { compileRules } from '../../src/engine/compile.js';
import type { CompiledRules } from '../../src/engine/compiled.js';
import { words } from '../../src/engine/context.js';
import { rawHits } from '../../src/engine/match.js';
import { normalize } from '../../src/normalize/normalize.js';
import { fixtureTexts } from '../support/corpus.js';

const corpus = fixtureTexts;

/** The reference: every cut of the word into a listed stem and a rest, the rest looked up in that stem's suffixes. */
function referenceAffixHits(text: string, rules: CompiledRules): Array<{ rule: number; start: number; end: number; term: string }> {
  const out: Array<{ rule: number; start: number; end: number; term: string }> = [];
  const limit = rules.maxStem + rules.maxSuffix;
  for (const w of words(text)) {
    const letters = w.text.replace(/[-']/g, '');
    if (letters.length > limit) continue;
    for (let cut = 1; cut <= Math.min(rules.maxStem, letters.length); cut++) {
      for (const s of rules.stems.get(letters.slice(0, cut)) ?? []) {
        if (s.suffixes.has(letters.slice(cut))) out.push({ rule: s.rule, start: w.start, end: w.end, term: letters });
      }
    }
  }
  return out;
}

describe('word formation by precomputed words', () => {
  const rules = compileRules(BUNDLED_PACKS, { profanity: badWordsList() });

  it('finds what cutting every word into stem + suffix finds, in the same order', () => {
    // Every word the packs' stems and suffixes can form, plain and hyphenated, and the corpus.
    const formed: string[] = [];
    for (const [stem, list] of rules.stems) for (const s of list) for (const suffix of s.suffixes) formed.push(`${stem}${suffix}`, `${stem}-${suffix}`, `x${stem}${suffix}`);
    let checked = 0;
    for (const raw of [formed.join(' '), ...corpus]) {
      const text = normalize(raw).text;
      const got = rawHits(text, rules)
        .filter((h) => h.kind === 'affix')
        .map(({ rule, start, end, term }) => ({ rule, start, end, term }));
      expect(got).toEqual(referenceAffixHits(text, rules));
      checked += got.length;
    }
    expect(checked).toBeGreaterThan(formed.length / 2);
  });
});
