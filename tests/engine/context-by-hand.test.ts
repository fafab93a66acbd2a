import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clauseBreak, linkDirection, linkDirectionByRegex, negationBreak, withoutContraction, withoutPossessive } from '../../src/engine/context.js';
import { runs } from '../property/arbitraries.js';

/**
 * The context judgements read words and punctuation by hand where they sliced and ran a regex
 * (a split, a replace, a test per gap between words): each is held here to the regex it stands for.
 */

/** Text from the pieces the regexes care about: word characters, joiners, every break, astral and lone surrogates. */
const piece = fc.constantFrom(
  'a', 's', 'd', 're', 've', 'll', 'hate', 'should', 'are', 'women', "'", '-', '*', ' ', '  ', '.', ',', ';', ':', '!', '?', '\n',
  '(', ')', '"', 'é', 'ß', '٣', '😀', '𝐀', '\uD800', '\uDC00', '1', '_', '\t', 'x', 'them', 'for',
);
const text = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));

describe('context by hand', () => {
  it('linkDirection reads the first and last words as the split did', () => {
    fc.assert(fc.property(text, (t) => {
        expect(linkDirection(t)).toBe(linkDirectionByRegex(t));
      }), runs(5000));
    for (const t of ['should hate', 'hate', 'women are', '  are  ', "x's for", '', '...']) expect(linkDirection(t)).toBe(linkDirectionByRegex(t));
  });

  it('clauseBreak and negationBreak find what their regexes find in the slice', () => {
    fc.assert(
      fc.property(text, fc.nat(14), fc.nat(14), (t, a, b) => {
        expect(clauseBreak(t, a, b)).toBe(/[.,;:!?\n()"']/.test(t.slice(a, b)));
        expect(negationBreak(t, a, b)).toBe(/[.;:!?\n,]/.test(t.slice(a, b)));
      }),
      runs(5000),
    );
  });

  it('withoutPossessive and withoutContraction strip what the replaces strip', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(withoutPossessive(t)).toBe(t.replace(/'s$|s'$/, ''));
        expect(withoutContraction(t)).toBe(t.replace(/'(?:re|ve|ll|d)$/, ''));
      }),
      runs(5000),
    );
    for (const w of ["women's", "girls'", "s's", "'s", "s'", "they're", "we've", "you'll", "i'd", "'d", "'re", "x''re", 're', 'd']) {
      expect(withoutPossessive(w)).toBe(w.replace(/'s$|s'$/, ''));
      expect(withoutContraction(w)).toBe(w.replace(/'(?:re|ve|ll|d)$/, ''));
    }
  });
});
