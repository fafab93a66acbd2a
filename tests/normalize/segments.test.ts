/**
 * normalize runs the pipeline on the regions of a text that need work and takes the text
 * between them as the fast path writes it (normalize.ts says why that is the same). It must
 * give exactly what normalizeFully gives on the whole text: the text, every offset, and what
 * match.ts reads through them. Generated texts are words between separators, so that split
 * points (a space between two words that end and start with two different letters) are many and
 * everything the stages react to lands next to them: single and doubled letters, spaced-out
 * and masked words, leet, repeats, expanding, vanishing and one-to-one folds, look-alikes,
 * surrogates, and words that take several passes.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { needsWorkFolded } from '../../src/normalize/needsWork.js';
import { fastReadAs, normalize, normalizeFully, originalSpan, separatedAt, workRegions, type NormalizedText } from '../../src/normalize/normalize.js';
import { KEPT } from '../../src/normalize/needsWork.js';
import { runs } from '../property/arbitraries.js';
import { fixtureTexts } from '../support/corpus.js';
import { expectMapReadsAsArrays } from '../support/offsets.js';

/** The first difference between normalize and normalizeFully on `t`, or null. */
function difference(t: string): string | null {
  const got = normalize(t);
  const want = normalizeFully(t);
  if (got.text !== want.text) return `text ${JSON.stringify(got.text)}, want ${JSON.stringify(want.text)}`;
  if (got.starts.length !== want.starts.length) return 'map lengths differ';
  for (let i = 0; i < want.starts.length; i++) {
    if (got.starts[i] !== want.starts[i] || got.ends[i] !== want.ends[i]) return `char ${i}: [${got.starts[i]}, ${got.ends[i]}), want [${want.starts[i]}, ${want.ends[i]})`;
  }
  return null;
}

/** What match.ts reads through the map, at every position and span (and a few out of range). */
function readings(n: NormalizedText): unknown[] {
  const out: unknown[] = [];
  for (let i = -1; i <= n.text.length + 1; i++) {
    out.push(separatedAt(n, i));
    for (let j = i; j <= n.text.length + 1; j++) out.push(originalSpan(n, i, j));
  }
  return out;
}

/** Words with two different letters at either end: a space between two of them is a split point. */
const PLAIN = ['the', 'ed', 'th', 'ab', 'ba', 'cd', 'Ed', 'TH', 'word', 'said', 'to', 'Mr', 'ok'];

/** Everything else the stages react to. */
const WORDS = [
  // no split point next to them: doubled or single letters, digits
  'aa', 'all', 'see', 'Aa', 'a', 'b', 'I', 'x', 'u', '2', '42',
  // work: repeats, leet, masks, symbols, spaced-out letters, several passes
  'sooo', 'aaa', 'AAAH', 'g20', '1d10t', 'n00b', 'f*ck', 'F**K', 'f#ck', 'sh!t', '$hit', 'a$$', '$92', 'x@', '@x', 'b!1',
  'r e t', 'a.b.c', 'a-b', 'u.s.', 'r e e e t', 'IDIOOOT', 'x a b c', '2a b c', 'D e m o n', 'aa a a',
  // folds: expanding, vanishing, one-to-one, kept; look-alikes; surrogates
  '…', 'ab…', '…ab', 'ß', 'ﬁx', 'é', 'É', 'café', 'ж', 'idiоt', 'ра', 'Σ', 'İ', '\u200bab', 'a\u00adb', '•', '©', '’', 'don’t', '“ab”', '😀', '\ud83d', 'ｒｅｔ', '\u212a',
  // punctuation
  '!', '*', '#', '.', ',', '?', "'", '',
];
const SEPARATORS = ['  ', '\n', '\n\n', '\t', '. ', ', ', '\u00a0', '-', ' - ', ' . ', '…'];

/** Words and separators, mostly plain words and single spaces, so that texts have several regions. */
const text = (maxWords: number, plainWeight = 3): fc.Arbitrary<string> =>
  fc
    .array(
      fc.tuple(
        fc.oneof({ weight: plainWeight, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 1, arbitrary: fc.constantFrom(...WORDS) }),
        fc.oneof({ weight: 4, arbitrary: fc.constant(' ') }, { weight: 1, arbitrary: fc.constantFrom(...SEPARATORS) }),
      ),
      { maxLength: maxWords, size: 'max' },
    )
    .map((parts) => parts.map(([w, s]) => w + s).join(''));

/**
 * A few words and single spaces: runs that squeeze to a single letter ("aaa" → "a"), single
 * letters and leet next to plain words, so that a letter beside a split point often ends up
 * alone and could be joined across it (were a split point allowed beside a double letter).
 */
const narrow = (maxWords: number, plainWeight = 1): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: plainWeight, arbitrary: fc.constantFrom('the', 'ab', 'ok', 'said') },
        { weight: 1, arbitrary: fc.constantFrom('aaa', 'eee', 'OOO', 'a', 'b', 'e', 'x', 'g20', '3', 'see', 'x.', '…') },
      ),
      { maxLength: maxWords, size: 'max' },
    )
    .map((words) => words.join(' '));

/** Does `t` go through the regions: at least two, with text between? */
const segmented = (t: string): boolean => workRegions(t).length >= 4;

/** Does normalize run the pipeline on part of `t` only? */
const partly = (t: string): boolean => {
  const regions = workRegions(t);
  return regions.length > 0 && !(regions[0] === 0 && regions[1] === t.length);
};

describe('normalize on the regions that need work', () => {
  it('gives what normalizeFully gives on the fixture corpus, as written and with work added around it', () => {
    for (const t of fixtureTexts) {
      for (const x of [t, `${t} and g20 said… ok`, `g20 the ${t} r e t ard`, t.replace(/ /g, ' x… ')]) expect(difference(x), x).toBeNull();
    }
  });

  it('gives what normalizeFully gives where squeezed runs leave single letters beside split points', () => {
    // Plain words between them, so that the regions stay apart (close ones are joined).
    const plain = ' the word said to the word said to the word said ';
    for (const t of ['x aaa|eee b c', 'x aaa|aaa b c', 'aaa|eee b c.', 'b c aaa|eee', 'x ooo ok|ooo x y', 'AAA b c|x EEE']) {
      const x = t.replace('|', plain);
      expect(workRegions(x).length, x).toBe(4);
      expect(difference(x), x).toBeNull();
    }
  });

  it('gives what normalizeFully gives where every region keeps its length, and where one does not', () => {
    // Regions that keep their length ("g20" → "g2o") are written over the fast path's bytes in
    // place (stitchInPlace); one that does not ("…", "aaa") sends all of them through a copy,
    // even where the text as a whole keeps its length ("…" and "aaa").
    const plain = ' the word said to the word said to the word said ';
    const same = ['g20', '1d10t', 'x@y', 'F*ck', 'sh!t', 'n00b', '$hit', 'idiоt', 'G20•', 'Σx'];
    const other = ['…', 'aaa', 'r e t', 'ß', '\u200bab', 'ab…'];
    for (const a of [...same, ...other]) {
      for (const b of [...same, ...other]) {
        for (const kept of ['', ' •', ' ©', ' €•']) {
          const t = `${a}${kept}${plain}${b}${plain}${a}${kept}`;
          expect(workRegions(t).length, t).toBeGreaterThanOrEqual(4);
          expect(difference(t), t).toBeNull();
        }
      }
    }
  });

  it('gives what normalizeFully gives where no split point follows work for thousands of characters', () => {
    // workRegions then leaves the rest of the text to the pipeline.
    const tail = ' the word said to the word said g20 and so… on';
    // A token whose letters and leet straddle any place the search might stop at.
    const straddle = 'ab'.repeat(2040) + '0'.repeat(40);
    for (const run of ['x '.repeat(2100), 'ab1'.repeat(1400), 'a-'.repeat(2100), 'word, '.repeat(700), 'aa '.repeat(1400), straddle, `x${straddle}`, `x ${straddle}`]) {
      for (const t of [`the g20 ${run}${tail}`, `the word said ${run}g20${tail}`, `${run}${tail}`]) expect(difference(t), t.slice(0, 40)).toBeNull();
    }
  });

  it('gives what normalizeFully gives on generated text', () => {
    let taken = 0;
    fc.assert(
      // Regions closer than a few words are one: plain words between them, so that many are not.
      fc.property(fc.oneof(text(60, 8), narrow(60, 4)), (t) => {
        if (segmented(t)) taken++;
        expect(difference(t), JSON.stringify(t)).toBeNull();
      }),
      runs(30_000),
    );
    // Not a vacuous test: many texts have several regions.
    expect(taken).toBeGreaterThan(6000);
  });

  it('puts kept characters back between regions, whether the regions come out ASCII or not', () => {
    // The fast path writes bytes and lists where the text keeps a character ("•", "©", "€", the
    // spacer "·", U+FFFD itself): stitch() puts those back into ASCII regions as strings and
    // into others ("ж", a look-alike word, "Σ") as code units. Kept characters next to, inside
    // and between regions, at either end, and texts with none of them.
    const KEPT_CHARS = ['•', '©', '€', '·', '\ufffd', '°'];
    const WORK = ['g20', 'f*ck', 'sooo', '…', 'a b c', 'ж', 'idiоt', 'Σ', 'ß', '•g20', 'g20©'];
    const piece = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PLAIN) },
      { weight: 2, arbitrary: fc.constantFrom(...KEPT_CHARS) },
      { weight: 1, arbitrary: fc.constantFrom(...WORK) },
    );
    const kept = fc.array(piece, { maxLength: 40 }).map((p) => p.join(' '));
    let taken = 0;
    fc.assert(
      fc.property(kept, (t) => {
        if (partly(t) && KEPT_CHARS.some((ch) => t.includes(ch))) taken++;
        expect(difference(t), JSON.stringify(t)).toBeNull();
      }),
      runs(20_000),
    );
    expect(taken).toBeGreaterThan(4000);
    for (const t of ['• the g20 ed ©', 'ed • th ж ab © cd', '€', 'the ed\ufffd g20 th \ufffd', 'ab · cd f*ck ed · th']) expect(difference(t), t).toBeNull();
  });

  it('maps spans and separators as normalizeFully does', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.oneof(text(10), narrow(10)), (t) => {
        if (partly(t)) taken++;
        expect(readings(normalize(t)), JSON.stringify(t)).toEqual(readings(normalizeFully(t)));
      }),
      runs(3000),
    );
    expect(taken).toBeGreaterThan(500);
  });

  it('maps spans and separators as the plain offset arrays do, where they are built on first read', () => {
    // Positions out of range and no integers included: they must read as the arrays read them.
    const position = fc.oneof(fc.integer({ min: -2, max: 60 }), fc.constantFrom(0.5, Number.NaN, Infinity));
    let taken = 0;
    fc.assert(
      fc.property(fc.oneof(text(12), narrow(12)), position, position, (t, a, b) => {
        if (partly(t)) taken++;
        expectMapReadsAsArrays(t, a, b);
      }),
      runs(20_000),
    );
    expect(taken).toBeGreaterThan(4000);
  });

  it('cuts regions at split points only, and leaves between them text the fast path takes', () => {
    fc.assert(
      fc.property(text(30), (t) => {
        const regions = workRegions(t);
        // The fast path reads ASCII lower-cased, the rest as written (fold() lower-cases).
        const read = (piece: string) => piece.replace(/[A-Z]/g, (c) => c.toLowerCase());
        const split = (i: number) => / $/.test(t.slice(i, i + 1)) && /[a-z]{2}$/i.test(t.slice(0, i)) && /^[a-z]{2}/i.test(t.slice(i + 1));
        let from = 0;
        for (let k = 0; k < regions.length; k += 2) {
          const [start, end] = [regions[k]!, regions[k + 1]!];
          expect(start === 0 || split(start), JSON.stringify([t, start])).toBe(true);
          expect(end === t.length || split(end), JSON.stringify([t, end])).toBe(true);
          expect(start >= from && end > start && (k === 0 || start > from)).toBe(true);
          expect(needsWorkFolded(read(t.slice(from, start)), fastReadAs), JSON.stringify([t, from, start])).toBeGreaterThanOrEqual(0);
          from = end;
        }
        expect(needsWorkFolded(read(t.slice(from)), fastReadAs), JSON.stringify([t, from])).toBeGreaterThanOrEqual(0);
      }),
      runs(10_000),
    );
  });

  it('relies on characters the fast path keeps being their own lower case', () => {
    // The text between regions is then lower-case, so the whole text is final when the regions are.
    for (let c = 0x7f; c < 0x10000; c++) {
      if ((fastReadAs(c) & KEPT) === 0) continue;
      const u = String.fromCharCode(c);
      if (u.toLowerCase() !== u) expect(c.toString(16)).toBe('its own lower case');
    }
  });

  it('keeps the end of a text whose folded form outgrows the buffer', async () => {
    // fold() once grew its buffer at non-ASCII characters only, so ASCII after "…" could run
    // past its end and the text's end came out as NULs: on a fresh module, whose buffer is small.
    const size = 1 << 17;
    let t = '… said the g20 ';
    while (t.length < size) t += 'the word said ';
    t = t.slice(0, size - 4) + ' g20';
    vi.resetModules();
    const fresh = await import('../../src/normalize/normalize.js');
    for (const n of [fresh.normalizeFully(t), fresh.normalize(t)]) expect(n.text.endsWith('word said g2o'), n.text.slice(-20)).toBe(true);
  });
});
