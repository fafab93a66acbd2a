import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUNDLED_PATTERNS } from '../../src/bundled/rules.js';
import { decodePatternReads, encodePatternReads } from '../../src/bundled/patternReads.js';
import { SHIPPED_PATTERN_READS } from '../../src/bundled/shippedPatternReads.js';
import { readPattern } from '../../src/engine/prefilter.js';

/**
 * The build writes decodePatternReads(encodePatternReads(shipped patterns)) into
 * shippedPatternReads.ts (tsup.config.ts): each must read back as readPattern reads the source.
 */
describe('pattern reads, as the build writes them', () => {
  it('read back as readPattern reads every shipped pattern', () => {
    expect(BUNDLED_PATTERNS.size).toBeGreaterThan(20);
    const reads = decodePatternReads(encodePatternReads(BUNDLED_PATTERNS));
    expect(reads.size).toBe(BUNDLED_PATTERNS.size);
    for (const source of BUNDLED_PATTERNS) expect(reads.get(source), source).toStrictEqual(readPattern(source));
  });

  it('read back as readPattern reads generated patterns (unbounded reach, anchors, no gate)', () => {
    const atom = fc.constantFrom('a', 'bc', ' x', 'é', '\\b', '\\d', '[ab]', '.', '(?:hate|you)', '(?:a|b)?', 'a{0,3}', 'a*', 'a+', '$', '^');
    const source = fc.array(atom, { minLength: 1, maxLength: 6 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(source, { minLength: 1, maxLength: 8 }), (sources) => {
        const reads = decodePatternReads(encodePatternReads(sources));
        for (const s of sources) expect(reads.get(s)).toStrictEqual(readPattern(s));
      }),
      { seed: 49, numRuns: 300 },
    );
  });

  it('is left to the build: run from source, every pattern is read at load', () => {
    expect(SHIPPED_PATTERN_READS).toBeUndefined();
  });
});
