/**
 * Every span decorum reports points into the ORIGINAL text, whatever normalisation did to find
 * it: `text.slice(start, end) === match.text`. And words hidden with the usual tricks (spaced
 * letters, zero-width characters, leet, Cyrillic look-alikes, stretched letters, fullwidth)
 * are still found, with a span that covers the hidden word.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createModerator, type Match } from '../../src/index.js';
import { CLEAN_WORDS, hostileString, runs } from './arbitraries.js';

const moderator = createModerator();

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
/** True when `i` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

function expectSpansExact(text: string, matches: readonly Match[]): void {
  for (const m of matches) {
    expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(m.start, m.end)).toBe(m.text);
  }
}

// ---------------------------------------------------------------------------------------------
// Obfuscation: each technique is a function of the word and a source of randomness.

const LEET: Record<string, string> = { i: '1', o: '0', e: '3', a: '4', s: '5', t: '7' };
const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', y: 'у', x: 'х', i: 'і' };
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
const SPACERS = [' ', '.', '-', '_', ' ', '*', '|'];

type Technique = 'spaced' | 'zero-width' | 'leet' | 'cyrillic' | 'stretched' | 'case' | 'fullwidth';

/**
 * Applies a technique to the letters of a word. `pick` is a list of random numbers in [0, 1)
 * (from fast-check, so shrinking works) consumed as needed. Leet and Cyrillic always leave at
 * least one Latin letter: a word wholly in digits or wholly in Cyrillic is not evasion (it is
 * a number, or Russian), and decorum rightly leaves it alone.
 */
function obfuscate(word: string, technique: Technique, pick: readonly number[]): string {
  let k = 0;
  const r = () => pick[k++ % pick.length]!;
  const chars = [...word];
  switch (technique) {
    case 'spaced': {
      const sep = SPACERS[Math.floor(r() * SPACERS.length)]!;
      const width = 1 + Math.floor(r() * 2);
      return chars.filter((c) => c !== '-').join(sep.repeat(width));
    }
    case 'zero-width':
      return chars.map((c, i) => (i === 0 ? c : ZERO_WIDTH[Math.floor(r() * ZERO_WIDTH.length)]! + c)).join('');
    case 'leet':
    case 'cyrillic': {
      const table = technique === 'leet' ? LEET : CYRILLIC;
      const candidates = chars.map((c, i) => (table[c.toLowerCase()] !== undefined ? i : -1)).filter((i) => i >= 0);
      const keep = candidates.length === chars.filter((c) => /[a-z]/i.test(c)).length ? candidates[Math.floor(r() * candidates.length)] : -1;
      return chars.map((c, i) => (i !== keep && table[c.toLowerCase()] !== undefined && r() < 0.7 ? table[c.toLowerCase()]! : c)).join('');
    }
    case 'stretched': {
      const letters = chars.map((c, i) => (/[a-z]/i.test(c) ? i : -1)).filter((i) => i >= 0);
      const at = letters[Math.floor(r() * letters.length)]!;
      const times = 3 + Math.floor(r() * 6);
      return chars.map((c, i) => (i === at ? c.repeat(times) : c)).join('');
    }
    case 'case':
      return chars.map((c) => (r() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join('');
    case 'fullwidth':
      return chars.map((c) => (/[a-z]/i.test(c) && r() < 0.8 ? String.fromCodePoint(c.toLowerCase().charCodeAt(0) - 97 + 0xff41) : c)).join('');
  }
}

/** An insult, an ableist slur and three partisan epithets (a listed term, an affix formation, a blend). */
const BAD_WORDS = ['idiot', 'retard', 'D-RATs', 'libtard', 'DemonRATs'];
const TECHNIQUES: Technique[] = ['spaced', 'zero-width', 'leet', 'cyrillic', 'stretched', 'case', 'fullwidth'];

const randomNumbers = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 8, maxLength: 8 });

/**
 * Combined techniques are applied in one canonical order, the order an evader would: change
 * the letters (case, width, leet, look-alikes, stretching), then space them out, then sprinkle
 * zero-width characters between what is there. (Zero-width first and spacing second would put
 * four spaces between letters once the invisibles are gone, more than any reader would call
 * one word; the normaliser allows three.)
 */
const ORDER: Technique[] = ['case', 'fullwidth', 'leet', 'cyrillic', 'stretched', 'spaced', 'zero-width'];
const ordered = (techniques: readonly Technique[]): Technique[] => ORDER.filter((t) => techniques.includes(t));

/**
 * The one pairing left out, on purpose: "D-RATs" spaced out ("D R A T s", "D.R.A.T.S") reads
 * "drats", an English interjection ("Drats!"), so it is ambiguous, not evasion decorum should
 * catch; the pack lists "d-rat" because the hyphen is what marks the epithet. Spaced-out
 * formations without that ambiguity ("D e m o n R A T s") are generated and must be found.
 */
const ambiguous = (word: string, techniques: readonly Technique[]): boolean => word === 'D-RATs' && techniques.includes('spaced');

/** One obfuscated insertion: a bad word with one to three techniques. */
const insertion = fc
  .record({
    word: fc.constantFrom(...BAD_WORDS),
    techniques: fc.uniqueArray(fc.constantFrom(...TECHNIQUES), { minLength: 1, maxLength: 3 }),
    pick: randomNumbers,
  })
  .filter(({ word, techniques }) => !ambiguous(word, techniques))
  .map(({ word, techniques, pick }) => ({ word, techniques: ordered(techniques), text: ordered(techniques).reduce((w, t) => obfuscate(w, t, pick), word) }));

describe('match spans', () => {
  it('lie inside the text and slice back to match.text, for arbitrary strings', () => {
    fc.assert(
      fc.property(hostileString(120), (text) => {
        expectSpansExact(text, moderator.moderate(text).matches);
      }),
      runs(1500),
    );
  });

  it('never cut a surrogate pair in half', () => {
    fc.assert(
      fc.property(hostileString(120), (text) => {
        for (const m of moderator.moderate(text).matches) {
          expect(splitsPair(text, m.start), `start ${m.start} splits a pair`).toBe(false);
          expect(splitsPair(text, m.end), `end ${m.end} splits a pair`).toBe(false);
        }
      }),
      runs(800),
    );
  });

  it('lie inside the text for obfuscated bad words inserted into arbitrary text', () => {
    fc.assert(
      fc.property(hostileString(60), insertion, hostileString(60), (before, ins, after) => {
        const text = `${before} ${ins.text} ${after}`;
        expectSpansExact(text, moderator.moderate(text).matches);
      }),
      runs(1000),
    );
  });
});

describe('obfuscated bad words are still found', () => {
  const context = fc.array(fc.constantFrom(...CLEAN_WORDS), { maxLength: 12 }).map((ws) => ws.join(' '));

  it('one technique at a time: a match covers the insertion', () => {
    const single = fc
      .record({ word: fc.constantFrom(...BAD_WORDS), technique: fc.constantFrom(...TECHNIQUES), pick: randomNumbers })
      .filter(({ word, technique }) => !ambiguous(word, [technique]));
    fc.assert(
      fc.property(context, single, context, (before, { word, technique, pick }, after) => {
        const hidden = obfuscate(word, technique, pick);
        const text = `${before} ${hidden} ${after}`;
        const start = before.length + 1;
        const end = start + hidden.length;
        const matches = moderator.moderate(text).matches;
        expectSpansExact(text, matches);
        const covering = matches.filter((m) => m.start <= start && m.end >= end);
        expect(covering, `"${hidden}" (${technique} of ${word}) in ${JSON.stringify(text)}: matches ${JSON.stringify(matches.map((m) => [m.ruleId, m.start, m.end, m.text]))}`).not.toHaveLength(0);
      }),
      runs(1200),
    );
  });

  it('techniques combined, two or three at a time', () => {
    fc.assert(
      fc.property(context, insertion, context, (before, ins, after) => {
        const hidden = ins.text;
        const text = `${before} ${hidden} ${after}`;
        const start = before.length + 1;
        const end = start + hidden.length;
        const matches = moderator.moderate(text).matches;
        expectSpansExact(text, matches);
        const covering = matches.filter((m) => m.start <= start && m.end >= end);
        expect(covering, `"${hidden}" (${ins.techniques.join(' + ')} of ${ins.word}) in ${JSON.stringify(text)}: matches ${JSON.stringify(matches.map((m) => [m.ruleId, m.start, m.end, m.text]))}`).not.toHaveLength(0);
      }),
      runs(1200),
    );
  });
});
