import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableSort } from '../../src/engine/match.js';
import { runs } from '../property/arbitraries.js';

describe('stableSort', () => {
  // Few distinct keys, so ties are common and stability shows; lengths on both sides of the
  // insertion-sort limit.
  const item = fc.record({ rule: fc.nat(3), start: fc.nat(5), end: fc.nat(5), id: fc.nat() });
  const byRuleThenLongest = (a: { rule: number; start: number; end: number }, b: { rule: number; start: number; end: number }) =>
    a.rule - b.rule || a.start - b.start || b.end - a.end;

  it('orders exactly as Array.prototype.sort, ties included', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (list) => {
        const expected = [...list].sort(byRuleThenLongest);
        const copy = [...list];
        expect(stableSort(copy, byRuleThenLongest)).toBe(copy);
        expect(copy).toEqual(expected);
      }),
      runs(3000),
    );
  });
});
