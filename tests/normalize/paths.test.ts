/**
 * The fast path is a shortcut, not a second definition: for any text it accepts, it must give
 * the text and offset map the full pipeline gives. Generated from the characters the stages
 * react to (letters, leet digits and the other digits, masks, symbols, spacers) in short runs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize, normalizeFully } from '../../src/normalize/normalize.js';
import { runs } from '../property/arbitraries.js';
import { fixtureTexts } from '../support/corpus.js';

const plain = (n: { text: string; starts: Int32Array; ends: Int32Array }) => ({ text: n.text, starts: [...n.starts], ends: [...n.ends] });

const PIECES = ['a', 'f', 'g', 'A', 'z', '0', '1', '2', '4', '6', '8', '9', '@', '$', '!', '*', '#', ' ', '  ', '.', '-', '_', '/', '|', '~', '+', ',', "'", '"', '?', 'ab', 'fag', 'a b c', 'f a g', '\n', '\t'];
const asciiText = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((p) => p.join(''));

describe('the fast path and the full pipeline agree', () => {
  it('on the fixtures and on spaced runs next to digits and symbols', () => {
    for (const t of [...fixtureTexts, '2a b c', 'call him 2f a g now', 'a b c9', '$a b c', 'a b c$', 'x 6 f a g 8']) {
      expect(plain(normalize(t))).toEqual(plain(normalizeFully(t)));
    }
  });

  it('on generated ASCII text', () => {
    fc.assert(
      fc.property(asciiText, (t) => {
        expect(plain(normalize(t))).toEqual(plain(normalizeFully(t)));
      }),
      runs(5000),
    );
  });
});
