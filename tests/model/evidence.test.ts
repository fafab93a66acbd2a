import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_MODEL } from '../../src/bundled/model.js';
import { parseModel } from '../../src/model/format.js';
import { combine, combineAt, combinersOf, loadModel } from '../../src/model/naiveBayes.js';
import { ruleEvidence, signalsFor, signalsOfEvidence } from '../../src/model/signals.js';
import { LABELS, type Match } from '../../src/types.js';

const match: fc.Arbitrary<Match> = fc.record(
  {
    ruleId: fc.constantFrom('a', 'b'),
    label: fc.constantFrom(...LABELS, 'profanity' as const),
    severity: fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
    start: fc.constant(0),
    end: fc.constant(1),
    text: fc.constant('x'),
    term: fc.constant('x'),
    mentioned: fc.option(fc.boolean(), { nil: undefined }),
  },
  { requiredKeys: ['ruleId', 'label', 'severity', 'start', 'end', 'text', 'term'] },
);

describe('rule evidence', () => {
  it('signalsOfEvidence(ruleEvidence(matches)) equals signalsFor(matches) for every label', () => {
    const bits = new Uint8Array(LABELS.length);
    const out = new Float64Array(6);
    fc.assert(
      fc.property(fc.array(match, { maxLength: 8 }), fc.double({ noNaN: true }), fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), (matches, nb, similarity) => {
        ruleEvidence(matches, bits);
        LABELS.forEach((label, l) => {
          const want = signalsFor(label, nb, matches, similarity);
          const got = Array.from(signalsOfEvidence(label, nb, bits[l]!, similarity, out).subarray(0, want.length));
          expect(got).toEqual(want);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('combineAt (flat combiner rows) equals combine and the two-sided logistic written out, bit for bit', () => {
    const model = loadModel(parseModel(BUNDLED_MODEL, 'bundled model'));
    const rows = combinersOf(model);
    // The logistic as it was written before e^x was computed once: the reference for the rewrite.
    const logistic = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
    const signals = new Float64Array(6);
    const bits = new Uint8Array(LABELS.length);
    fc.assert(
      fc.property(fc.array(match, { maxLength: 6 }), fc.double({ min: -40, max: 40, noNaN: true }), fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), (matches, nb, similarity) => {
        ruleEvidence(matches, bits);
        LABELS.forEach((label, l) => {
          signalsOfEvidence(label, nb, bits[l]!, similarity, signals);
          const c = model.file.labels[label].combiner;
          let z = c.bias;
          for (let i = 0; i < c.weights.length; i++) z += c.weights[i]! * signals[i]!;
          const want = logistic(z);
          expect(Object.is(combine(model, label, signals), want)).toBe(true);
          expect(Object.is(combineAt(rows, l, signals), want)).toBe(true);
        });
      }),
      { numRuns: 3000 },
    );
    // Far out on both sides, where one of the two forms would overflow or lose everything.
    for (const z of [-800, -40, -1e-9, -0, 0, 1e-9, 40, 800]) {
      const one = { ...model, file: { ...model.file, labels: { ...model.file.labels, slur: { ...model.file.labels.slur, combiner: { names: [], weights: [], bias: z } } } } };
      expect(Object.is(combineAt(combinersOf(one), 0, signals), logistic(z))).toBe(true);
    }
  });
});
