import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { letterRuns } from '../../src/engine/compile.js';

describe('compileRules shortcuts', () => {
  it('letterRuns is split(/[^a-z]+/).filter(Boolean)', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[a-z '\-0-9Aé]{0,30}$/));
    fc.assert(
      fc.property(text, (s) => {
        expect(letterRuns(s)).toEqual(s.split(/[^a-z]+/).filter(Boolean));
      }),
      { seed: 47, numRuns: 2000 },
    );
  });
});
