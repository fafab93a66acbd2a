import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecorumError } from '../../src/errors.js';
import { evaluate } from '../../src/harness/evaluate.js';
import { computeReport } from '../../src/harness/metrics.js';
import { DEFAULT_SWEEP_THRESHOLDS, sweep, type ScoredRow } from '../../src/harness/sweep.js';
import { LABELS, type Label } from '../../src/types.js';
import { fakeClassify, fixturesOf, SMALL } from './fakes.js';
import { thrown } from './thrown.js';

const run = evaluate(fixturesOf(SMALL), fakeClassify(SMALL));
const result = sweep(run);

function at(label: Label, threshold: number) {
  const point = result.labels[label].find((p) => p.threshold === threshold);
  if (point === undefined) throw new Error(`no point at ${threshold}`);
  return point;
}

describe('sweep', () => {
  it('defaults to 0.05 … 0.95 in steps of 0.05, exact decimals', () => {
    expect(DEFAULT_SWEEP_THRESHOLDS).toHaveLength(19);
    expect(DEFAULT_SWEEP_THRESHOLDS[0]).toBe(0.05);
    expect(DEFAULT_SWEEP_THRESHOLDS[2]).toBe(0.15);
    expect(DEFAULT_SWEEP_THRESHOLDS[18]).toBe(0.95);
    expect(result.thresholds).toEqual([...DEFAULT_SWEEP_THRESHOLDS]);
  });

  // insult scores: c1 .9 gold, c2 .6, c3 .3 gold, c5 .05, c6 .8 gold.
  it('computes insult by hand at several cut-offs (score >= t)', () => {
    expect(at('insult', 0.05)).toMatchObject({ tp: 3, fp: 2, fn: 0, precision: 0.6, recall: 1 });
    expect(at('insult', 0.05).f1).toBeCloseTo(0.75, 12);
    expect(at('insult', 0.3)).toMatchObject({ tp: 3, fp: 1, fn: 0, precision: 0.75, recall: 1 });
    expect(at('insult', 0.3).f1).toBeCloseTo(6 / 7, 12);
    expect(at('insult', 0.35)).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(at('insult', 0.65)).toMatchObject({ tp: 2, fp: 0, fn: 1, precision: 1, support: 3 });
    expect(at('insult', 0.65).f1).toBeCloseTo(0.8, 12);
    expect(at('insult', 0.95)).toMatchObject({ tp: 0, fp: 0, fn: 3, precision: 0, recall: 0, f1: 0 });
  });

  it('ignores the verdict labels: only the score decides', () => {
    // c4 was never predicted off_topic by the verdict, but its score 0.4 clears 0.4.
    expect(at('off_topic', 0.4)).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(at('off_topic', 0.45)).toMatchObject({ tp: 0, fp: 0, fn: 1 });
  });

  it('picks the best F1, preferring the higher threshold on ties, and null when nothing scores', () => {
    expect(result.best.insult?.threshold).toBe(0.3);
    expect(result.best.off_topic?.threshold).toBe(0.4);
    expect(result.best.off_topic?.f1).toBe(1);
    expect(result.best.slur).toBeNull(); // no gold slurs
  });

  it('sorts and de-duplicates custom thresholds', () => {
    const custom = sweep(run, [0.5, 0.2, 0.5]);
    expect(custom.thresholds).toEqual([0.2, 0.5]);
    expect(custom.labels.insult.map((p) => p.threshold)).toEqual([0.2, 0.5]);
  });

  it('can sweep a saved report, whose rows carry gold and scores', () => {
    expect(sweep(computeReport(run))).toEqual(result);
  });

  it('rejects empty or out-of-range thresholds', () => {
    for (const bad of [[], [1.2], [Number.NaN], [-0.01]]) {
      const err = thrown(() => sweep(run, bad));
      expect(err).toBeInstanceOf(DecorumError);
      expect((err as DecorumError).code).toBe('INVALID_OPTION');
    }
  });

  it('recall never rises and predictions never grow as the threshold rises (any data)', () => {
    const row: fc.Arbitrary<ScoredRow> = fc.record({
      gold: fc.subarray([...LABELS]),
      scores: fc.record({
        slur: fc.double({ min: 0, max: 1, noNaN: true }),
        insult: fc.double({ min: 0, max: 1, noNaN: true }),
        partisan_epithet: fc.double({ min: 0, max: 1, noNaN: true }),
        off_topic: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const swept = sweep({ rows });
        for (const label of LABELS) {
          const points = swept.labels[label];
          for (let i = 1; i < points.length; i += 1) {
            const prev = points[i - 1];
            const next = points[i];
            if (prev === undefined || next === undefined) throw new Error('unreachable');
            expect(next.recall).toBeLessThanOrEqual(prev.recall);
            expect(next.tp + next.fp).toBeLessThanOrEqual(prev.tp + prev.fp);
            expect(next.support).toBe(prev.support);
          }
        }
      }),
      { seed: 20240611, numRuns: 200 },
    );
  });
});
