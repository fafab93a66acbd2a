import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RangeHashes } from '../../src/text/rangeHash.js';

/** Thue–Morse over two symbols: the classic string pair that collides under any odd base mod 2^32. */
const thueMorse = (n: number, zero: string, one: string): string =>
  Array.from({ length: n }, (_, i) => (popcount(i) % 2 === 1 ? one : zero)).join('');
const popcount = (i: number): number => (i === 0 ? 0 : (i & 1) + popcount(i >>> 1));

describe('RangeHashes', () => {
  it('hashes a range by its characters alone, wherever it sits and however long it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'é', '\uD83D', ' '), maxLength: 300 }), fc.nat(), fc.nat(), (s, x, y) => {
        const start = x % (s.length + 1);
        const end = start + (y % (s.length - start + 1));
        const inText = new RangeHashes(s).of(start, end);
        expect(new RangeHashes(s.slice(start, end)).of(0, end - start)).toBe(inText);
        expect(new RangeHashes(`zz${s}`).of(start + 2, end + 2)).toBe(inText);
      }),
    );
  });

  it('tells ranges of one length apart by their content, mostly', () => {
    const text = 'you idiot, you moron, you clown, you idiot';
    const h = new RangeHashes(text);
    expect(h.of(0, 9)).toBe(h.of(33, 42));
    expect(h.of(0, 9)).not.toBe(h.of(11, 20));
    expect(h.of(4, 4)).toBe(h.of(0, 0));
  });

  it('can collide on different text, which is why callers compare before they trust a bucket', () => {
    const a = thueMorse(128, 'x', '"');
    const b = thueMorse(128, '"', 'x');
    const h = new RangeHashes(a + b);
    expect(a).not.toBe(b);
    expect(h.of(0, 128)).toBe(h.of(128, 256));
  });
});
