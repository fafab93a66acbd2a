/**
 * linkedTarget remembers, per target test, which words are persons on their own (context.ts
 * `personAt`). A remembered answer must be the one a fresh test gives: same links with the memo
 * warm (also after another target set filled one) as with a new, empty one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkDirection, linkedTarget, personWord, words } from '../../src/engine/context.js';
import { runs } from '../property/arbitraries.js';

const VOCABULARY = [
  'women', "women's", 'womens', 'wmoen', 'allwomen', 'womenare', 'thesepeople', 'people', "people's", "they're", 'they',
  'immigrants', 'migrants', 'you', 'your', 'their', 'kind', 'lot', 'are', 'is', 'so', 'really', 'all', 'the', 'those', 'of',
  'hate', 'stupid', 'vermin', 'should', 'die', 'for', 'like', 'with', 'them', 'cats', 'catsare', 'dogs', 'allcats', 'men',
  'idiots', 'scum', ',', '.', '"',
];
const sentence = fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 14 }).map((ws) => ws.join(' '));

const targetsA: ReadonlySet<string> = new Set(['women', 'people', 'immigrants', 'men']);
const targetsB: ReadonlySet<string> = new Set(['cats', 'dogs', 'migrants', 'they']);
const testOf = (targets: ReadonlySet<string>) => (w: string): boolean => targets.has(w);

/** Every link of every word of `text` to a target, as linkedTarget answers with `isTarget`. */
function links(text: string, isTarget: (w: string) => boolean): boolean[] {
  const ws = words(text);
  const out: boolean[] = [];
  for (let k = 0; k < ws.length; k++) {
    const w = ws[k]!;
    out.push(linkedTarget(text, ws, k, k, w.start, w.end, linkDirection(w.text), isTarget));
  }
  return out;
}

describe('the person memo of linkedTarget', () => {
  it('answers as a fresh target test, whatever another target test remembered', () => {
    const warmA = testOf(targetsA);
    const warmB = testOf(targetsB);
    fc.assert(
      fc.property(sentence, (text) => {
        // The warm tests have seen earlier sentences; a new function starts with an empty memo.
        expect(links(text, warmB)).toEqual(links(text, testOf(targetsB)));
        expect(links(text, warmA), text).toEqual(links(text, testOf(targetsA)));
      }),
      runs(3_000),
    );
  });

  it('keeps the answers of two target sets apart, asked in turn', () => {
    const isA = testOf(targetsA);
    const isB = testOf(targetsB);
    const last = (text: string, isTarget: (w: string) => boolean): boolean => links(text, isTarget).at(-1)!;
    for (let round = 0; round < 2; round++) {
      for (const [text, a, b] of [
        ['women are vermin', true, false],
        ['cats are vermin', false, true],
        ['allwomen are vermin', true, false],
        ['catsare vermin', false, true],
      ] as const) {
        expect(last(text, round === 0 ? isA : isB), text).toBe(round === 0 ? a : b);
        expect(last(text, round === 0 ? isB : isA), text).toBe(round === 0 ? b : a);
      }
    }
  });

  it('personWord reads targets, "you", possessives, contractions and glue', () => {
    const isTarget = testOf(targetsA);
    for (const w of ['women', "women's", 'you', "people're", 'allwomen', 'womenare']) expect(personWord(w, isTarget), w).toBe(true);
    for (const w of ['cats', 'allcats', 'stupid', 'wom']) expect(personWord(w, isTarget), w).toBe(false);
  });
});
