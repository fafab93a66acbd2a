import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { letterRuns } from '../../src/engine/compile.js';
import { readGate, readPattern, textLimit } from '../../src/engine/prefilter.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';

const shipped = BUNDLED_PACKS.flatMap(({ pack }) => (pack as { rules: Array<{ patterns?: string[] }> }).rules.flatMap((r) => r.patterns ?? []));

/** Patterns of the regex subset the prefilter reads, with what it refuses mixed in. */
const pattern: fc.Arbitrary<string> = fc.letrec<{ node: string; seq: string; alt: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('a', 'b', ' ', 'é', '😀', '\\b', '\\d', '\\w', '\\s', '.', '^', '$', '\\.', '[ab]', '[^a]', '[a-z]', 'hate', 'you', 'to'),
    fc.tuple(fc.constantFrom('(?:', '(', '(?=', '(?!', '(?<=', '(?<!'), tie('alt')).map(([open, inner]) => `${open}${inner})`),
    tie('node').chain((n) => fc.constantFrom(`${n}?`, `${n}*`, `${n}{0,2}`, `${n}{2}`, `${n}{1,3}`)),
  ),
  seq: fc.array(tie('node'), { minLength: 0, maxLength: 6 }).map((xs) => xs.join('')),
  alt: fc.array(tie('seq'), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('|')),
})).alt;

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

  it('readPattern reads what readGate and textLimit read, for the shipped patterns', () => {
    expect(shipped.length).toBeGreaterThan(20);
    for (const source of shipped) expect(readPattern(source)).toEqual({ gate: readGate(source), maxText: textLimit(source) });
  });

  it('readPattern reads what readGate and textLimit read, for generated patterns', () => {
    fc.assert(
      fc.property(fc.tuple(fc.boolean(), pattern, fc.boolean()), ([start, body, end]) => {
        const source = `${start ? '^' : ''}${body}${end ? '$' : ''}`;
        expect(readPattern(source)).toEqual({ gate: readGate(source), maxText: textLimit(source) });
      }),
      { seed: 48, numRuns: 1000 },
    );
  });
});
