import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KEPT, NEEDS_WORK, ONLY_LEET, needsWork, needsWorkFolded, workFrom, Written } from '../../src/normalize/needsWork.js';
import { TRICKY_CHARS, TRICKY_WORDS, runs } from '../property/arbitraries.js';
import { fixtureTexts } from '../support/corpus.js';

const corpus = fixtureTexts;

/** Every ASCII character class the regex tells apart, and a few beyond ASCII. */
const PIECES = [
  'a', 'b', 'z', 'o', 'aa', 'aaa', '0', '1', '2', '3', '4', '5', '7', '9', '@', '$', '!', '*', '#', ' ', '  ', '   ', '    ', '\t', '\n', '\r',
  '.', '-', '_', '/', '|', '~', '+', ',', "'", '"', '?', ':', 'A', '\u000b', '\u000c', '\u007f', '\u00a0', 'é', '’',
];

/** NEEDS_WORK without its leet alternative, which needsWorkFolded tells apart (ONLY_LEET). */
const LEET_ALTERNATIVE = '(?<!\\S)(?=\\S*[a-z])\\S*[013457@$]|';
const NOT_LEET = new RegExp(NEEDS_WORK.source.replace(LEET_ALTERNATIVE, ''));

/** What needsWorkFolded must answer for text that reads as `t`, with `count` folds. */
const expected = (t: string, count: number): number => (!NEEDS_WORK.test(t) ? count : NOT_LEET.test(t) ? -1 : ONLY_LEET);

describe('needsWork', () => {
  it('tells the leet alternative apart', () => {
    expect(NOT_LEET.source.length).toBe(NEEDS_WORK.source.length - LEET_ALTERNATIVE.length);
    for (const [t, want] of [['the g20 summit', ONLY_LEET], ['g20 a b c', -1], ['1d10t', ONLY_LEET], ['b!1', ONLY_LEET], ['b!i', -1], ['g200', ONLY_LEET], ['a$', -1], ['$92', 0], ['a3 aaa', -1]] as const) {
      expect(needsWorkFolded(t, () => 0), t).toBe(want);
    }
  });

  it('agrees with NEEDS_WORK on the corpus, lower-cased', () => {
    for (const t of corpus) {
      const lower = t.toLowerCase();
      expect(needsWork(lower), lower).toBe(NEEDS_WORK.test(lower));
    }
  });

  it('agrees with NEEDS_WORK on edge cases', () => {
    for (const t of ['', 'a', 'a b c', 'a b', ' a.b.c ', 'ab c d', 'a  b   c', 'a    b c', 'a b c7', 'x a-b-c', '@ 1 o', 'g20', '$92', 'f*ck', '!a', 'a!', 'zzz', 'u.s. a', 'a,b,c', 'ａ']) {
      expect(needsWork(t), JSON.stringify(t)).toBe(NEEDS_WORK.test(t));
    }
  });

  it('agrees with NEEDS_WORK on generated text', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(needsWorkFolded(t, () => 0)).toBe(/[^\x00-\x7e]/.test(t) ? -1 : expected(t, 0));
      }),
      runs(20_000),
    );
    const tricky = fc.array(fc.constantFrom(...PIECES, ...TRICKY_CHARS, ...TRICKY_WORDS), { maxLength: 16 }).map((p) => p.join('').toLowerCase());
    fc.assert(
      fc.property(tricky, (t) => {
        expect(needsWork(t)).toBe(NEEDS_WORK.test(t));
      }),
      runs(5000),
    );
  });

  it('workFrom finds where text as written, read from a position, first needs work, and writes what it read', () => {
    // The spaced-letters alternative matches at a third letter at the end of what is read, so a
    // text cut just before workFrom's answer may match it; no other alternative may.
    const SPACED_AT_END = /(?:^|[^a-z013457@*#])[a-z013457@][ \t.\-_/|~+,]{1,3}[a-z013457@][ \t.\-_/|~+,]{1,3}[a-z013457@]$/;
    // "’" folds to "'", "é" to "e", "•" is kept and read as "?"; other code units above 0x7e are work.
    const readAs = (c: number): number => (c === 0x2019 ? 39 : c === 0xe9 ? 101 : c === 0x2022 ? KEPT | 63 : 0);
    const folds: Record<string, string> = { '’': "'", é: 'e' };
    const written = (ch: string): string => folds[ch] ?? (ch < '\x7f' ? ch.toLowerCase() : ch);
    const read = (t: string): string => t.split('').map((ch) => (ch === '•' ? '?' : written(ch))).join('');
    const text = fc.array(fc.constantFrom(...PIECES, 'g20', 'The', 'A b', 'AB', 'AAA', '’', '•'), { maxLength: 24 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.nat(), (t, k) => {
        const from = k % (t.length + 1);
        const out = new Written();
        out.clear(t.length);
        const at = workFrom(t, readAs, from, out);
        const r = read(t);
        expect(at >= from && at <= t.length).toBe(true);
        if (at === t.length) {
          expect(NEEDS_WORK.test(r.slice(from)), JSON.stringify([t, from])).toBe(false);
        } else {
          expect(NEEDS_WORK.test(r.slice(from, at + 1)), JSON.stringify([t, from, at])).toBe(true);
          const before = r.slice(from, at);
          expect(!NEEDS_WORK.test(before) || SPACED_AT_END.test(before), JSON.stringify([t, from, at])).toBe(true);
        }
        // The bytes read, and where the text keeps the character rather than what it reads as.
        expect(String.fromCharCode(...out.bytes.subarray(from, at)), JSON.stringify([t, from, at])).toBe(r.slice(from, at));
        const kept = [...t.slice(from, at)].flatMap((ch, i) => (ch === '•' ? [from + i] : []));
        expect([...out.kept.subarray(0, out.keptCount)], JSON.stringify([t, from, at])).toEqual(kept);
      }),
      runs(20_000),
    );
    for (const [t, from, at] of [['the g20 summit', 0, 6], ['The G20 summit', 7, 14], ['a b c.', 0, 5], ['x a b c', 0, 5], ['a B c', 0, 4], ['aAa', 0, 2], ['ab aaa', 3, 5], ['f*ck', 0, 1]] as const) {
      const out = new Written();
      out.clear(t.length);
      expect(workFrom(t, () => 0, from, out), t).toBe(at);
    }
  });

  it('needsWorkFolded answers for the folded text and counts the folds', () => {
    // Folds to every kind of character the scan tells apart: letters, leet, spacers, masks.
    const pairs: Array<[string, string]> = [['’', "'"], ['“', '"'], ['—', '-'], ['é', 'e'], ['ö', 'o'], ['¹', '1'], ['·', '.'], ['∗', '*'], ['¡', '!'], ['\u00a0', ' ']];
    // Characters read as another but kept: they count as no fold.
    const kept: Array<[string, string]> = [['•', '?'], ['©', '?'], ['\u2027', '.'], ['\u2217', '*'], ['\u00b2', 'a']];
    const readAs = (c: number): number => {
      const ch = String.fromCharCode(c);
      const fold = pairs.find(([from]) => from === ch);
      if (fold) return fold[1].charCodeAt(0);
      const keep = kept.find(([from]) => from === ch);
      return keep ? KEPT | keep[1].charCodeAt(0) : 0;
    };
    const read = (t: string): string => t.replace(/[^\x00-\x7e]/g, (ch) => [...pairs, ...kept].find(([from]) => from === ch)?.[1] ?? ch);
    const others = [...pairs, ...kept].map(([from]) => from);
    const wide = fc.array(fc.constantFrom(...PIECES, ...others), { maxLength: 24 });
    // A small alphabet, so folded characters land next to spaced letters, leet and masks.
    const narrow = fc.array(fc.constantFrom('a', 'b', 'e', '1', '2', '$', '*', ' ', '.', ...others), { maxLength: 12 });
    const text = fc.oneof(wide, narrow).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const count = [...t].filter((ch) => pairs.some(([from]) => from === ch)).length;
        expect(needsWorkFolded(t, readAs)).toBe(expected(read(t), count));
      }),
      runs(20_000),
    );
  });
});
