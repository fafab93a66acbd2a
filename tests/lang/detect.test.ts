import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENGLISH_MARKERS, countMarkers, detectLanguage } from '../../src/lang/detect.js';
import { STOPWORDS } from '../../src/text/tokens.js';
import { TRICKY_CHARS, TRICKY_WORDS, runs } from '../property/arbitraries.js';
import { fixtureTexts } from '../support/corpus.js';

const corpus = fixtureTexts;

/** The reference: the regex's words, looked up in both sets. */
function reference(lower: string): { words: number; hits: number } {
  const words = lower.match(/[a-z']+/g) ?? [];
  return { words: words.length, hits: words.filter((w) => ENGLISH_MARKERS.has(w) || STOPWORDS.has(w)).length };
}

describe('countMarkers', () => {
  it('counts what the word regex and the two sets count', () => {
    for (const t of [...corpus, '', "'", "it's don't ''the'' i'm", 'the and the', 'théâtre the', 'THE']) {
      const lower = t.slice(0, 600).toLowerCase();
      expect(countMarkers(lower), lower).toEqual(reference(lower));
    }
    const pieces = [...STOPWORDS].slice(0, 60).concat([...ENGLISH_MARKERS], ["'", ' ', 'x', 'é', '-', 'thee', 'an', ...TRICKY_WORDS, ...TRICKY_CHARS]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (p) => {
        const lower = p.join('').toLowerCase();
        expect(countMarkers(lower)).toEqual(reference(lower));
      }),
      runs(3000),
    );
  });

  it('still tells English from other languages', () => {
    expect(detectLanguage('I think the minister is wrong about this and you know it')).toBe('eng');
    expect(detectLanguage('short')).toBe('und');
  });
});
