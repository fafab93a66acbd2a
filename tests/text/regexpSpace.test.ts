import { describe, expect, it } from 'vitest';
import { REGEXP_SPACES, isRegExpSpace } from '../../src/text/regexpSpace.js';

describe('REGEXP_SPACES and isRegExpSpace', () => {
  it('are what /\\s/ matches, at every UTF-16 code unit', () => {
    const differs: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isRegExpSpace(c) !== /\s/.test(String.fromCharCode(c))) differs.push(c);
    expect(differs).toEqual([]);
  });

  it('the table is sorted, disjoint pairs, and lists the same units as the predicate', () => {
    for (let k = 0; k < REGEXP_SPACES.length; k += 2) {
      expect(REGEXP_SPACES[k]!).toBeLessThanOrEqual(REGEXP_SPACES[k + 1]!);
      if (k > 0) expect(REGEXP_SPACES[k]!).toBeGreaterThan(REGEXP_SPACES[k - 1]! + 1);
    }
    const listed = new Set<number>();
    for (let k = 0; k < REGEXP_SPACES.length; k += 2) for (let c = REGEXP_SPACES[k]!; c <= REGEXP_SPACES[k + 1]!; c++) listed.add(c);
    for (let c = 0; c <= 0xffff; c++) expect(listed.has(c)).toBe(isRegExpSpace(c));
  });
});
