/**
 * normalize() against the frozen pre-optimisation pipeline (reference.ts): the fast paths may
 * only make it cheaper, never change the text or a single offset. Generators aim at the
 * boundaries between the paths: plain ASCII, typographic folds, one-to-one non-ASCII folds
 * (NBSP, accents), expanding folds ("…", "ß"), leet, masks, spaced letters and repeats, and the
 * inputs that take a second or later pass.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/normalize.js';
import { TRICKY_CHARS, TRICKY_WORDS, hostileString, runs } from '../property/arbitraries.js';
import { fixtureTexts } from '../support/corpus.js';
import { referenceNormalize } from './reference.js';
import { expectMapReadsAsArrays } from '../support/offsets.js';

/** The first difference between normalize and the reference for `x`, or null. */
function difference(x: string): string | null {
  const got = normalize(x);
  const want = referenceNormalize(x);
  if (got.original !== x) return 'original is not the input';
  if (got.text !== want.text) return `text ${JSON.stringify(got.text)}, want ${JSON.stringify(want.text)}`;
  if (!(got.starts instanceof Int32Array) || !(got.ends instanceof Int32Array)) return 'starts/ends are not Int32Arrays';
  if (got.starts.length !== want.starts.length || got.ends.length !== want.ends.length) return 'map lengths differ';
  for (let i = 0; i < want.starts.length; i++) {
    if (got.starts[i] !== want.starts[i] || got.ends[i] !== want.ends[i]) {
      return `char ${i}: [${got.starts[i]}, ${got.ends[i]}), want [${want.starts[i]}, ${want.ends[i]})`;
    }
  }
  return null;
}

/** Pieces that move a text between the fast path, one pass and several passes. */
const PIECES = [
  'a', 'b', 'e', 'i', 'o', 's', 't', 'x', 'A', 'E', 'I', 'O', 'Z', 'aa', 'aaa', 'AAA', 'ooo',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '@', '$', '!', '*', '#', '?', ':', ';', "'", '"', '(', ')',
  ' ', ' ', ' ', '  ', '   ', '    ', '\t', '\n', '\r', '\v', '\f', '.', '-', '_', '/', '|', '~', '+', ',', '·',
  // one-to-one folds to ASCII
  '\u00a0', 'é', 'É', 'ü', 'ñ', 'Å', 'ï', '’', '‘', '“', '”', '–', '—', '´', '«', '»', '−', 'ｒ', 'Ｅ', '\u212a', 'ł', 'ø', 'ı',
  // expanding, vanishing and non-ASCII-keeping folds
  '…', 'ß', 'æ', 'ﬁ', '½', '\u200b', '\u00ad', '\ufeff', '•', '©', '€', '😀', '𝐟', 'İ', 'ǅ', '\u0301',
  // look-alikes
  'а', 'е', 'о', 'р', 'с', 'і', 'α', 'ο', 'ι', 'ν', 'ɡ', 'Д', 'п',
];

const WORDS = ['you', 'idiot', 'r e t a r d', 'f*ck', 'f**k', 'sh!t', '$hit', 'a$$', '1d10t', 'g20', '$92', 'u.s.', 'D e m o n', 'IDIOOOT', 'x a b c', '2a b c'];

const pieced = (maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.constantFrom(...WORDS) }), { maxLength }).map((p) => p.join(''));

describe('normalize against the reference pipeline', () => {
  it('agrees on the fixture corpus, as written, lower-cased and with non-ASCII added', () => {
    for (const t of fixtureTexts) {
      for (const x of [t, t.toLowerCase(), `${t}\u00a0`, `\u2026${t}`, t.replace(/ /g, '\u00a0')]) expect(difference(x), x).toBeNull();
    }
  });

  it('agrees on edge cases', () => {
    for (const x of ['', ' ', '\u00a0', '\u200b', 'a', 'A', 'é', '…', '2a b c', '2a b c\u00a0', '2aaa b c', '2aaa b c\u00e9', 'aaa\u00a0', 'f**k\u00a0', 'x-y-z\u00a0', 'ǅ', 'İ', '\u212a']) {
      expect(difference(x), JSON.stringify(x)).toBeNull();
    }
  });

  it('agrees where the slow path decodes its buffer: lone surrogates, U+FFFD, a BOM, over 8,192 code units', () => {
    const long = 'word '.repeat(2000) + 'a b c \ud83d\u2026';
    for (const x of ['\ud800a b c', 'a b c\udc00\u2026', '\ufffd a b c', '\ufeff\u2026', long]) expect(difference(x), JSON.stringify(x.slice(0, 40))).toBeNull();
  });

  it('agrees on generated text around the fast-path boundaries', () => {
    fc.assert(
      fc.property(pieced(30), (x) => {
        expect(difference(x)).toBeNull();
      }),
      runs(30_000),
    );
  });

  it('agrees on hostile text', () => {
    const tricky = fc.array(fc.constantFrom(...TRICKY_CHARS, ...TRICKY_WORDS, ' ', 'a', 'b'), { maxLength: 24 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(hostileString(60), tricky), (x) => {
        expect(difference(x)).toBeNull();
      }),
      runs(10_000),
    );
  });

  it('maps spans and separators as the plain offset arrays do', () => {
    // The fast path's map is built lazily and read through shortcuts: compare them with the
    // same map handed over as a plain object, positions out of range included.
    const position = fc.oneof(fc.integer({ min: -2, max: 40 }), fc.constantFrom(0.5, Number.NaN));
    fc.assert(
      fc.property(pieced(30), position, position, (x, a, b) => {
        expectMapReadsAsArrays(x, a, b);
      }),
      runs(20_000),
    );
  });
});
