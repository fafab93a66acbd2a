import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
});
