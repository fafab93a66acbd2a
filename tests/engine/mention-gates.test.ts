/**
 * The shortcuts of isMention (context.ts) against what they stand for: each gate may only say
 * "no" where its regex cannot match, and the quotation check finds the same quotes as the
 * character-by-character walk it replaced.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MENTION_BEFORE, REPORTED_CLAIM, enclosingQuote, mayEndInCue, mayEndInCueAt, mayReportClaim, mayReportClaimAt } from '../../src/engine/context.js';
import { referenceMayEndInCue } from './cueReference.js';
import { runs } from '../property/arbitraries.js';
import { referenceEnclosingQuote } from './mentionReference.js';

/** Words of the cues (and near misses: "so-called", "misused", "x_used", "USED"), joined by the separators the regexes read. */
function phrase(vocabulary: readonly string[]): fc.Arbitrary<string> {
  const separator = fc.constantFrom(' ', ' ', ' ', '  ', '"', "'", ' "', '" ', " '", '-', '.', ',', ';', '\n', '\u00a0', '_', '', '\t', '\u2003', ' é', '(');
  return fc.array(fc.tuple(fc.constantFrom(...vocabulary), separator), { maxLength: 10 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
}

const CUE_WORDS = [
  'the', 'that', 'this', 'a', 'an', 'word', 'words', 'term', 'terms', 'slur', 'slurs', 'label', 'labels', 'epithet', 'insult',
  'insults', 'name', 'names', 'of', 'for', 'like', 'call', 'calling', 'called', 'calls', 'such', 'bunch', 'stop', 'quit', "don't",
  'dont', 'never', 'not', 'no more', 'avoid', 'ban', 'banning', 'saying', 'using', 'say', 'use', 'said', 'says', 'used', 'write',
  'writing', 'wrote', 'typed', 'so', 'so-called', 'recall', 'misused', 'sword', 'x_used', 'USED', 'Said', 'them', 'people', 'you',
  'idiots', 'i', 'we', '',
];

const CLAIM_WORDS = [
  'saying', 'claiming', 'suggesting', 'implying', 'insisting', 'arguing', 'pretending', 'believing', 'thinking', 'posting',
  'tweeting', 'writing', 'shouting', 'chanting', 'keep', 'keeps', 'still', 'really', 'just', 'would', 'always', 'say', 'says',
  'said', 'think', 'thinks', 'thought', 'claim', 'claimed', 'believe', 'believes', 'insist', 'suggests', 'imply', 'implied',
  'tweet', 'tweeted', 'post', 'posted', 'write', 'wrote', 'shout', 'chant', 'chanted', 'that', 'they', 'people', 'he', "he's",
  'women', 'are', 'vermin', 'i', 'we', 'SAYS', 'essay', 'unsaid', '',
];

/** Runs `check` over generated strings; returns how many of them the regex matched, so a test can show it reached real matches. */
function gateHolds(vocabulary: readonly string[], regex: RegExp, gate: (s: string) => boolean): number {
  let matched = 0;
  fc.assert(
    fc.property(phrase(vocabulary), (s) => {
      if (!regex.test(s)) return;
      matched++;
      expect(gate(s), JSON.stringify(s)).toBe(true);
    }),
    runs(20_000),
  );
  return matched;
}

describe('the gates of isMention', () => {
  it('mayEndInCue is true wherever MENTION_BEFORE matches', () => {
    expect(gateHolds(CUE_WORDS, MENTION_BEFORE, mayEndInCue)).toBeGreaterThan(2000);
    for (const s of ['the word "', "calling people '", 'stop saying ', 'they mis-used', 'words like']) {
      expect(MENTION_BEFORE.test(s), s).toBe(true);
      expect(mayEndInCue(s), s).toBe(true);
    }
  });

  it('mayEndInCue is false for most text without a cue', () => {
    for (const s of ['you are such an ', 'what a total ', 'abused ', 'he misused', 'the sword ']) expect(mayEndInCue(s), s).toBe(false);
  });

  it('mayEndInCue and mayEndInCueAt answer as the slice-and-Set reference, in place anywhere in a text', () => {
    const pad = fc.constantFrom('', 'a', 'word', 'call', ' said', 'x ', 'é');
    fc.assert(
      fc.property(pad, phrase(CUE_WORDS), pad, (left, s, right) => {
        expect(mayEndInCue(s), JSON.stringify(s)).toBe(referenceMayEndInCue(s));
        expect(mayEndInCueAt(left + s + right, left.length, left.length + s.length), JSON.stringify([left, s, right])).toBe(referenceMayEndInCue(s));
      }),
      runs(20_000),
    );
  });

  it('mayReportClaimAt is true wherever REPORTED_CLAIM matches, in place anywhere in a text', () => {
    const pad = fc.constantFrom('', 'a', 'said', 'say ', 'é');
    let matched = 0;
    fc.assert(
      fc.property(pad, phrase(CLAIM_WORDS), pad, (left, s, right) => {
        if (!REPORTED_CLAIM.test(s)) return;
        matched++;
        expect(mayReportClaimAt(left + s + right, left.length, left.length + s.length), JSON.stringify([left, s, right])).toBe(true);
      }),
      runs(20_000),
    );
    expect(matched).toBeGreaterThan(2000);
    // Seven runs reach the verb: "that" and five words after it.
    const gated = (s: string): boolean => mayReportClaimAt(s, 0, s.length);
    expect(REPORTED_CLAIM.test('they keep saying that a b c d e ')).toBe(true);
    expect(gated('they keep saying that a b c d e ')).toBe(true);
    expect(REPORTED_CLAIM.test('they keep saying that a b c d e f ')).toBe(false);
    expect(gated('they keep saying that a b c d e f ')).toBe(false);
    // What is not a word or a space parts the verb from the match; beyond ASCII, the whole range is gated.
    expect(gated('he said, you are ')).toBe(false);
    expect(gated('he said\u00a0that they are ')).toBe(true);
  });

  it('mayReportClaim is true wherever REPORTED_CLAIM matches', () => {
    expect(gateHolds(CLAIM_WORDS, REPORTED_CLAIM, mayReportClaim)).toBeGreaterThan(2000);
    expect(mayReportClaim('people who think that ')).toBe(true);
    expect(mayReportClaim('you are all such ')).toBe(false);
  });
});

describe('enclosingQuote', () => {
  /** Text of quotes, newlines, letters and long runs, so both reaches (160 and 200 characters) and line starts come into play. */
  const run = fc.tuple(fc.constantFrom('a', ' ', 'b '), fc.integer({ min: 1, max: 210 })).map(([c, n]) => c.repeat(n));
  const text = fc
    .array(fc.oneof(fc.constantFrom('a', 'b', ' ', '\n', '"', "'", 'é', '1', '.', '-', '\ud800', "x'", "'y", '" '), run), { maxLength: 30 })
    .map((parts) => parts.join(''));

  it('finds the quotes the character-by-character walk found', () => {
    fc.assert(
      fc.property(text, fc.nat(600), fc.nat(12), (t, at, length) => {
        const start = Math.min(at, t.length);
        const end = Math.min(t.length, start + length);
        expect(enclosingQuote(t, start, end)).toEqual(referenceEnclosingQuote(t, start, end));
      }),
      runs(20_000),
    );
  });

  it('agrees at every span of texts with quotes', () => {
    const texts = ['he said "you are a "moron" ok" and left', "the 'idiot' said 'don't' and 'no'", `${'x '.repeat(120)}"a b" c 'd' e`, 'a\n"b c\nd" e'];
    // A quote at every distance around both reaches (160 and 200 characters) before the span.
    for (const open of ["'", '"']) texts.push(`${open}a${' b'.repeat(110)}${open === '"' ? '"' : "' x"}`, `${open}a${' b'.repeat(110)}\n a'`);
    for (const t of texts) {
      for (let start = 0; start <= t.length; start++) {
        for (const length of [0, 1, 3]) {
          const end = Math.min(t.length, start + length);
          expect(enclosingQuote(t, start, end), `${start}:${end} of ${JSON.stringify(t)}`).toEqual(referenceEnclosingQuote(t, start, end));
        }
      }
    }
  });
});
