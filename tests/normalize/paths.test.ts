/**
 * The fast path is a shortcut, not a second definition: for any text it accepts, it must give
 * the text and offset map the full pipeline gives. Generated from the characters the stages
 * react to (letters, leet digits and the other digits, masks, symbols, spacers) in short runs,
 * and from the non-ASCII characters the fast path folds or keeps, or must leave to the pipeline.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KEPT, ONLY_LEET, needsWorkFolded } from '../../src/normalize/needsWork.js';
import { fastReadAs, normalize, normalizeFully, originalSpan, separatedAt, type NormalizedText } from '../../src/normalize/normalize.js';
import { runs } from '../property/arbitraries.js';
import { fixtureTexts } from '../support/corpus.js';

const plain = (n: { text: string; starts: Int32Array; ends: Int32Array }) => ({ text: n.text, starts: [...n.starts], ends: [...n.ends] });

/** normalize and normalizeFully agree on `t`: text, offset map, and what match.ts reads through the map. */
function agree(t: string): void {
  const fast = normalize(t);
  const full = normalizeFully(t);
  expect(plain(fast), JSON.stringify(t)).toEqual(plain(full));
  const spans = (n: NormalizedText) => {
    const out: unknown[] = [];
    for (let i = -1; i <= n.text.length + 1; i++) {
      out.push(separatedAt(n, i));
      for (let j = i; j <= n.text.length + 1; j++) out.push(originalSpan(n, i, j));
    }
    return out;
  };
  if (t.length <= 24) expect(spans(normalize(t)), JSON.stringify(t)).toEqual(spans(normalizeFully(t)));
}

/** Does `t` take the fast path? */
const fast = (t: string): boolean => {
  const lower = t.toLowerCase();
  return lower.length === t.length && needsWorkFolded(lower, fastReadAs) >= 0;
};

const PIECES = ['a', 'f', 'g', 'A', 'z', '0', '1', '2', '4', '6', '8', '9', '@', '$', '!', '*', '#', ' ', '  ', '.', '-', '_', '/', '|', '~', '+', ',', "'", '"', '?', 'ab', 'fag', 'a b c', 'f a g', '\n', '\t'];
const asciiText = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((p) => p.join(''));

/**
 * Non-ASCII characters: folded one-to-one to ASCII (quotes, dashes, no-break and other spaces,
 * accents, fullwidth, superscripts, the Kelvin sign), kept as they are (symbols, "·", DEL), and
 * ones the fast path must refuse (expanding and vanishing folds, letters it keeps, look-alikes,
 * surrogates, the sigma whose lower case depends on its neighbours).
 */
const FOLDED = ['’', '“', '—', '\u00a0', '\u2003', 'é', 'É', 'ö', 'ｆ', 'Ａ', '¹', '²', '\u212a', 'ı', 'ł', '∗', '＊', '＠', '！', '＄', '．'];
const KEPT_CHARS = ['•', '©', '€', '°', '¿', '·', '\u007f', '\u2028', '٣'];
const REFUSED = ['…', 'ß', '½', '\u200b', '\u0301', 'ж', 'а', 'о', 'α', 'Σ', 'ς', 'İ', '😀', '\ud83d', '\u0387', '\u000b'];
const wideText = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 2, arbitrary: fc.constantFrom(...FOLDED, ...KEPT_CHARS) }, { weight: 1, arbitrary: fc.constantFrom(...REFUSED) }), { maxLength: 24 })
  .map((p) => p.join(''));

/** Words with leet in them, and what may stand next to them after unmasking: repeats, masks, symbols, spaced letters. */
const LEET_PIECES = ['g20', 'g2o0', '1d10t', 'sh1t', 'goo0d', 'n00b', 'x@', '@x', '$5a', 'a$', 'b!1', '4ss', 'h3ll0', 'l33t', '5', 'a', 'b', 'oo', '0', '7', '!', '$', '*', ' ', ' ', '.', '-', '\n', '•', '\u00a0', '’', 'é', '…'];
const leetText = fc.array(fc.constantFrom(...LEET_PIECES), { minLength: 1, maxLength: 12 }).map((p) => p.join(''));

describe('the fast path and the full pipeline agree', () => {
  it('on the fixtures and on spaced runs next to digits and symbols', () => {
    for (const t of [...fixtureTexts, '2a b c', 'call him 2f a g now', 'a b c9', '$a b c', 'a b c$', 'x 6 f a g 8', 'a•b•c', 'a · b · c', 'a\u00a0b\u00a0c', 'f©g', 'aa•a', '••• a', 'ΑΣ b', 'g²0']) agree(t);
  });

  it('on generated ASCII text', () => {
    fc.assert(
      fc.property(asciiText, (t) => {
        agree(t);
      }),
      runs(5000),
    );
  });

  it('on generated text with non-ASCII characters it folds, keeps or refuses', () => {
    let taken = 0;
    fc.assert(
      fc.property(wideText, (t) => {
        if (/[^\x00-\x7e]/.test(t) && fast(t)) taken++;
        agree(t);
      }),
      runs(10_000),
    );
    // Not a vacuous test: many of those texts take the fast path with non-ASCII in them.
    expect(taken).toBeGreaterThan(1000);
  });

  it('on text where only leet needs undoing', () => {
    for (const t of ['the g20 summit', 'G20 • ©', 'g20\u00a0summit', 'goo0d', 'g2o0 oo', 'x@ g20', '$5a', 'b!1', '1d10t.', 'a 1 b 3 c']) agree(t);
    let taken = 0;
    fc.assert(
      fc.property(leetText, (t) => {
        if (needsWorkFolded(t.toLowerCase(), fastReadAs) === ONLY_LEET) taken++;
        agree(t);
      }),
      runs(10_000),
    );
    expect(taken).toBeGreaterThan(2000);
  });

  it('at every code unit, alone and among letters, spacers and its own repeats', () => {
    for (let c = 0; c < 0x10000; c++) {
      const u = String.fromCharCode(c);
      for (const t of [u, `x${u}y`, `${u}${u}${u}`, `a ${u} b c`, `a${u}b${u}c`, `${u}a`, `ab${u}1`]) {
        const a = normalize(t);
        const b = normalizeFully(t);
        let same = a.text === b.text && a.starts.length === b.starts.length;
        for (let i = 0; same && i < b.starts.length; i++) same = a.starts[i] === b.starts[i] && a.ends[i] === b.ends[i];
        if (!same) expect(plain(a), JSON.stringify(t)).toEqual(plain(b));
      }
    }
  });

  it('reads the characters of real comments as the pipeline folds them', () => {
    expect(fastReadAs(0xa0)).toBe(32); // no-break space → space
    expect(fastReadAs(0x2019)).toBe(39); // ’ → '
    expect(fastReadAs(0xe9)).toBe(101); // é → e
    expect(fastReadAs(0x2022)).toBe(KEPT | 63); // • stays, read as "?"
    expect(fastReadAs(0xa9)).toBe(KEPT | 63); // © stays
    expect(fastReadAs(0xb7)).toBe(KEPT | 46); // · stays, read as the spacer "."
    expect(fastReadAs(0x2026)).toBe(0); // … → "...": three code units
    expect(fastReadAs(0x436)).toBe(0); // ж: a letter the squeeze stage would shorten
    for (const t of ['It’s a “deal”\u00a0— café • © 2024', 'a · b']) expect(fast(t), t).toBe(true);
  });
});
