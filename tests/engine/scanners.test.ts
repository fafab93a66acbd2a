/**
 * The hand-written scanners of the hot path agree with the regular expressions that define
 * them (the reference paths), on text built to hit their edges.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexWithin, words, wordsByRegex } from '../../src/engine/context.js';
import { isWordChar, normalize } from '../../src/normalize/normalize.js';
import { FUZZY_MIN_LENGTH, fuzzyIndex, scanFuzzy, type FuzzyIndex } from '../../src/engine/fuzzy.js';
import { TRICKY_CHARS, TRICKY_WORDS, runs } from '../property/arbitraries.js';
import { mayBeWord, wordFilter } from '../../src/engine/wordFilter.js';
import { tokenize, tokenizeByRegex } from '../../src/text/tokens.js';
import { fixtureTexts } from '../support/corpus.js';

const corpus = fixtureTexts;

/** Text from ASCII word characters, joiners, spacers and (sometimes) non-ASCII letters. */
const PIECES = ['a', 'Z', 'q', '7', '0', '*', "'", '-', ' ', '.', "''", '--', 'é', 'ж', '中', '😀', '\u0301', ...TRICKY_CHARS, ...TRICKY_WORDS];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));
const asciiText = fc.array(fc.constantFrom(...PIECES.filter((p) => /^[\x00-\x7f]*$/.test(p))), { maxLength: 40 }).map((p) => p.join(''));

describe('words', () => {
  it('equals the WORD regex on the corpus, normalised and not', () => {
    for (const t of corpus) {
      expect(words(t)).toEqual(wordsByRegex(t));
      const n = normalize(t).text;
      expect(words(n)).toEqual(wordsByRegex(n));
    }
  });

  it('equals the WORD regex on generated text', () => {
    fc.assert(fc.property(text, (t) => {
      expect(words(t)).toEqual(wordsByRegex(t));
    }), runs(2000));
    fc.assert(fc.property(asciiText, (t) => {
      expect(words(t)).toEqual(wordsByRegex(t));
    }), runs(2000));
  });
});

describe('scanFuzzy', () => {
  /** The reference: /[a-z]+/g runs of at least FUZZY_MIN_LENGTH letters with no word character either side. */
  const reference = (t: string, index: FuzzyIndex) => {
    const out: Array<{ entry: number; start: number; end: number }> = [];
    for (const m of t.matchAll(/[a-z]+/g)) {
      const end = m.index + m[0].length;
      if (m[0].length < FUZZY_MIN_LENGTH || isWordChar(t[m.index - 1]) || isWordChar(t[end])) continue;
      const entry = index.variants.get(m[0]);
      if (entry !== undefined) out.push({ entry, start: m.index, end });
    }
    return out;
  };
  const index: FuzzyIndex = fuzzyIndex(new Map([['aaaaa', 1], ['zaqaz', 2], ['retrd', 3], ['idiot', 4], ['zzzzzz', 5], ['éaaaaé', 6]]));

  it('equals the letter-run regex', () => {
    for (const t of [...corpus.map((c) => normalize(c).text), 'aaaaa', 'aaaaa7', 'éaaaaa', 'aaaaa retrd', 'x'.repeat(3) + ' idiot']) {
      expect(scanFuzzy(t, index)).toEqual(reference(t, index));
    }
    const fuzzyText = fc.array(fc.constantFrom('aaaaa', 'zaqaz', 'retrd', 'idiot', 'zzzzzz', ' ', '7', 'é', '-', 'A', 'q'), { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(fc.property(fuzzyText, (t) => {
      expect(scanFuzzy(t, index)).toEqual(reference(t, index));
    }), runs(2000));
    fc.assert(fc.property(text, (t) => {
      expect(scanFuzzy(t, index)).toEqual(reference(t, index));
    }), runs(1000));
  });
});

describe('wordFilter', () => {
  it('never turns away a word of its set, and turns away most others', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'z', '1', "'", '-', 'é', 'ж', '\u0080', '\u0100'), minLength: 0, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), word, (set, other) => {
        const f = wordFilter(set);
        for (const w of set) expect(mayBeWord(f, `x${w}y`, 1, w.length + 1)).toBe(true);
        if (!mayBeWord(f, other, 0, other.length)) expect(set).not.toContain(other);
      }),
      runs(3000),
    );
    const f = wordFilter(['retard', 'faggot']);
    expect(['the', 'minister', 'replied', 'fantastic'].filter((w) => mayBeWord(f, w, 0, w.length))).toEqual([]);
  });
});

describe('tokenize', () => {
  it('equals the TOKEN regex on the corpus and on generated text, non-ASCII and astral included', () => {
    for (const t of corpus) {
      const n = normalize(t).text;
      expect(tokenize(n)).toEqual(tokenizeByRegex(n));
    }
    const tokenText = fc.array(fc.constantFrom(...PIECES, 'Ǆ', '٣', 'Ⅻ', '²', 'ß', "x'", "''", 'y'.repeat(39), 'z'.repeat(41)), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(tokenText, (t) => {
        expect(tokenize(t)).toEqual(tokenizeByRegex(t));
      }),
      runs(3000),
    );
  });
});

describe('bounded look-ups of the quote check', () => {
  it('indexWithin agrees with indexOf inside its reach', () => {
    const text = fc.array(fc.constantFrom('a', ' ', '\n', '"', "'"), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.nat(70), fc.nat(30), (t, at, reach) => {
        const next = t.indexOf('"', at);
        expect(indexWithin(t, '"', at, reach)).toBe(next >= 0 && next - at <= reach ? next : -1);
      }),
      runs(3000),
    );
  });
});
