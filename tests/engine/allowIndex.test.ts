/**
 * AllowIndex.covers answers by looking through the phrases that occur when they are fewer than
 * the phrases asked about: it must agree with the plain definition (some listed phrase has an
 * occurrence containing the span) whichever way it looks.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AllowIndex } from '../../src/engine/match.js';

/** Occurrences of one phrase (one length, so they never nest), in order of start, as the automaton reports them. */
const occurrences = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.array(fc.nat(30), { maxLength: 4 }))
  .map(([length, gaps]) => {
    const out: Array<[number, number]> = [];
    let at = 0;
    for (const gap of gaps) {
      at += gap;
      out.push([at, at + length]);
      at += 1;
    }
    return out;
  });

describe('AllowIndex.covers', () => {
  it('agrees with a scan of every occurrence of every listed phrase', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.integer({ min: 0, max: 12 }).map(String), occurrences, { maxKeys: 8 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 12 }),
        fc.nat(60),
        fc.integer({ min: 1, max: 8 }),
        (byPhrase, entries, start, length) => {
          const index = new AllowIndex();
          const phrases = Object.entries(byPhrase).map(([k, list]) => [Number(k), list] as const);
          for (const [phrase, list] of phrases) for (const [s, e] of list) index.add(phrase, s, e);
          const end = start + length;
          const expected = phrases.some(([phrase, list]) => entries.includes(phrase) && list.some(([s, e]) => s <= start && e >= end));
          expect(index.covers(entries, start, end)).toBe(expected);
        },
      ),
      { seed: 7, numRuns: 2000 },
    );
  });
});
