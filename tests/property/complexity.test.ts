/**
 * Linear time: moderate() on a 10x longer input must cost about 10x, never 100x (a quadratic
 * stage) — otherwise one pasted novel, or one hostile request, stalls a comment server.
 *
 * Work is counted, not timed, where it can be counted from outside: the Aho–Corasick scan's
 * hits (patched onto the shared Automaton prototype's `each` and `replay`) and the size of the verdict. Those are
 * exact and deterministic. The pipeline as a whole (normalisation, regex patterns, context,
 * features, model, language) cannot be counted without instrumenting src, so it is timed —
 * with CPU time of this process (process.cpuUsage), not wall-clock, so that being descheduled
 * on a busy CI machine does not count; the median of several runs of each size; and a
 * generous bound of 25x: linear code measures ~10x and n·log n ~12x, while a quadratic stage
 * gives ~100x, so 25x separates them with room for noise (JIT, GC, cache effects).
 */
import { describe, expect, it } from 'vitest';
import { Automaton } from '../../src/engine/automaton.js';
import { createModerator } from '../../src/index.js';

const SMALL = 32 * 1024;
const BIG = SMALL * 10;
// maxLength at BIG: by default a comment is analysed up to 20,000 characters, so both sizes would
// be cut to the same text and every ratio would be ~1 whatever the stages cost.
const moderator = createModerator({ maxLength: BIG });
const REPS = 5;
const TIME_BOUND = 25;
const COUNT_BOUND = 10.5;

const fill = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Deterministic word soup (a tiny LCG) so every run times the same strings. */
function words(size: number, vocabulary: readonly string[]): string {
  let s = '';
  let x = 12345;
  while (s.length < size) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += vocabulary[x % vocabulary.length] + ' ';
  }
  return s.slice(0, size);
}

const NEWS = 'Putin said the internal political agenda was not allowing Trump to take steps aimed at a drastic improvement of bilateral relations. '.split(' ');
const ABUSE = ['you', 'idiot', 'retard', 'D-RATs', 'libtard', 'stupid', 'people', 'the', 'word', 'is', 'a', 'slur', 'f**k', 'r e t a r d', '1d10t'];

const MIXES: Record<string, (size: number) => string> = {
  'news text': (n) => words(n, NEWS),
  'abusive text': (n) => words(n, [...NEWS, ...ABUSE]),
  'one letter': (n) => fill('a', n),
  spaces: (n) => fill(' ', n),
  punctuation: (n) => fill('!?.,;:-*#"\'()', n),
  'spaced letters': (n) => fill('a ', n),
  'masked words': (n) => fill('f**k sh*t ', n),
  'insult repeated': (n) => fill('you idiot ', n),
  // A slur that is also a homonym, in one sentence: each hit reads the sentence for allowNear words.
  'homonym repeated': (n) => fill('f4g ', n),
  // A misspelling respelled to a listed word, whose length it changes: each hit maps its ends back.
  'respelled word repeated': (n) => fill('idiota ', n),
  // One run of letters and digits, a slur glued inside it every 14 characters.
  'giant token': (n) => fill('qz7fagk2x9wkike', n),
  'surrogates + zero-width': (n) => fill('\ud800a\u200b\udfff\u200d\ufeffb\udc00\u2060', n),
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** CPU microseconds (user + system) of this process for one call. */
function cpu(text: string): number {
  const before = process.cpuUsage();
  moderator.moderate(text);
  const d = process.cpuUsage(before);
  return d.user + d.system;
}

describe('moderate() scales linearly', () => {
  describe('counted work: automaton hits and verdict size, 10x input → at most ~10x', () => {
    it.each(Object.keys(MIXES))('%s', (name) => {
      const counts = (text: string) => {
        let hits = 0;
        const counted = (onHit: Parameters<Automaton['each']>[1]): Parameters<Automaton['each']>[1] => (pattern, start, end) => {
          hits++;
          onHit(pattern, start, end);
        };
        // Every automaton hit is reported by `each` (the pass of its own; `scan` wraps it) or by
        // `replay` (the hits of the pass the word scan made on the way).
        const { each, replay } = Automaton.prototype;
        Automaton.prototype.each = function (this: Automaton, t, onHit) {
          each.call(this, t, counted(onHit));
        };
        Automaton.prototype.replay = function (this: Automaton, ends, onHit) {
          replay.call(this, ends, counted(onHit));
        };
        try {
          const v = moderator.moderate(text);
          return { hits, matches: v.matches.length, reasons: v.reasons.join('\n').length };
        } finally {
          Automaton.prototype.each = each;
          Automaton.prototype.replay = replay;
        }
      };
      const small = counts(MIXES[name]!(SMALL));
      const big = counts(MIXES[name]!(BIG));
      // The counter is live: inputs full of terms produce hits.
      if (name === 'insult repeated' || name === 'abusive text') expect(small.hits).toBeGreaterThan(0);
      // +1 and +200: a count of zero (or a constant-size reason) on the small input allows a small constant on the big one.
      expect(big.hits, `automaton hits ${small.hits} → ${big.hits}`).toBeLessThanOrEqual(COUNT_BOUND * (small.hits + 1));
      expect(big.matches, `matches ${small.matches} → ${big.matches}`).toBeLessThanOrEqual(COUNT_BOUND * (small.matches + 1));
      expect(big.reasons, `reason text ${small.reasons} → ${big.reasons} chars`).toBeLessThanOrEqual(COUNT_BOUND * (small.reasons + 200));
    });
  });

  describe(`CPU time: 10x input → at most ${TIME_BOUND}x (median of ${REPS})`, () => {
    it.each(Object.keys(MIXES))('%s', (name) => {
      const small = MIXES[name]!(SMALL);
      const big = MIXES[name]!(BIG);
      cpu(small); // warm-up: compile the paths this input takes
      const ts: number[] = [];
      const tb: number[] = [];
      for (let r = 0; r < REPS; r++) {
        ts.push(cpu(small));
        tb.push(cpu(big));
      }
      const ratio = median(tb) / Math.max(1, median(ts));
      expect(ratio, `${name}: ${(median(ts) / 1000).toFixed(1)} ms → ${(median(tb) / 1000).toFixed(1)} ms CPU`).toBeLessThanOrEqual(TIME_BOUND);
    });
  });
});
