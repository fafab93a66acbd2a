/**
 * normalize() is documented as pure and idempotent, with an offset map back to the original:
 * normalised character i came from original.slice(starts[i], ends[i]). Every span decorum
 * reports goes through that map, so it has to be within bounds and in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/index.js';
import { CLEAN_WORDS, hostileString, runs } from './arbitraries.js';

/** Text that looks like comments, with evasion mixed in: where idempotence is most likely to slip. */
const commentLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(...CLEAN_WORDS),
      fc.constantFrom('r e t a r d', 'I D I O T', 'ıdıот', '1d10t', 'f**k', 'sh1t', 'f@ggot', 'iiidiooot', 'D-R-A-T-s', 'l i b t a r d', 'ᴅᴜᴍʙ', 'ｒｅｔａｒｄ', 'a', 'b', 'x', 'ааа'),
      hostileString(6),
    ),
    { maxLength: 16 },
  )
  .map((ws) => ws.join(' '));

const anyText = fc.oneof(hostileString(80), commentLike);

describe('normalize', () => {
  it('is idempotent: normalize(normalize(x).text).text === normalize(x).text', () => {
    fc.assert(
      fc.property(anyText, (x) => {
        const once = normalize(x).text;
        expect(normalize(once).text).toBe(once);
      }),
      runs(3000),
    );
  });

  it('keeps an offset map that is complete, within bounds and monotonic', () => {
    /** The first broken promise of the map, or null. (One expect per string: per-character expects are slow.) */
    const problem = (x: string): string | null => {
      const n = normalize(x);
      if (n.original !== x) return 'original is not the input';
      if (n.starts.length !== n.text.length || n.ends.length !== n.text.length) return `map lengths ${n.starts.length}/${n.ends.length} for text of ${n.text.length}`;
      for (let i = 0; i < n.text.length; i++) {
        const s = n.starts[i]!;
        const e = n.ends[i]!;
        // Each normalised character comes from a non-empty piece of the original...
        if (!(s >= 0 && e > s && e <= x.length)) return `char ${i}: [${s}, ${e}) out of bounds or empty (original length ${x.length})`;
        // ...and a later character never maps to an earlier piece of it.
        if (i > 0 && (s < n.starts[i - 1]! || e < n.ends[i - 1]!)) return `char ${i}: [${s}, ${e}) before char ${i - 1}: [${n.starts[i - 1]}, ${n.ends[i - 1]})`;
      }
      return null;
    };
    fc.assert(
      fc.property(anyText, (x) => {
        expect(problem(x)).toBeNull();
      }),
      runs(3000),
    );
  });

  it('is pure: the same input gives the same output, whatever was normalised in between', () => {
    fc.assert(
      fc.property(anyText, anyText, (x, noise) => {
        const a = normalize(x);
        normalize(noise);
        const b = normalize(x);
        expect(b.text).toBe(a.text);
        expect([...b.starts]).toEqual([...a.starts]);
        expect([...b.ends]).toEqual([...a.ends]);
      }),
      runs(500),
    );
  });
});
