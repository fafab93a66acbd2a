import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENGLISH_MARKERS, countMarkers, detectLanguage } from '../../src/lang/detect.js';
import { STOPWORDS } from '../../src/text/tokens.js';
import { TRICKY_CHARS, TRICKY_WORDS, hostileString, runs } from '../property/arbitraries.js';
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

  it('lower-cases as it reads: countMarkers(text, n) counts what the regex finds in text.slice(0, n).toLowerCase()', () => {
    // Every code point, alone and inside a marker word, against String#toLowerCase: this is what
    // pins the claim that only ASCII capitals, KELVIN SIGN and U+0130 lower-case into [a-z'].
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      for (const t of [ch, `th${ch}e ${ch}`]) {
        const want = reference(t.toLowerCase());
        const got = countMarkers(t);
        if (got.words !== want.words || got.hits !== want.hits) expect(got, `U+${c.toString(16)}`).toEqual(want);
      }
    }
    const pieces = [...ENGLISH_MARKERS].map((w) => w.toUpperCase()).concat(['The', 'tHE', 'İ', 'Iİ', '\u212a', 'Ｔhe', "IT'S", '😀', '\ud83d', ' ', "'", 'é', 'Σ', 'ΑΣ ']);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), hostileString(8)), { maxLength: 30 }), fc.nat(120), (p, n) => {
        const text = p.join('');
        expect(countMarkers(text, n)).toEqual(reference(text.slice(0, n).toLowerCase()));
        expect(countMarkers(text)).toEqual(reference(text.toLowerCase()));
      }),
      runs(3000),
    );
  });

  it('still tells English from other languages', () => {
    expect(detectLanguage('I think the minister is wrong about this and you know it')).toBe('eng');
    expect(detectLanguage('short')).toBe('und');
  });
});
