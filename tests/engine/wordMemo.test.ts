import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WordMemo } from '../../src/engine/wordMemo.js';
import { hashOf } from '../../src/text/hash.js';
import { runs } from '../property/arbitraries.js';

describe('WordMemo', () => {
  it('answers as a Map would, whatever the hashes collide on', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer({ min: 0, max: 7 })), { maxLength: 60 }), (ops) => {
        const memo = new WordMemo<number>(1000);
        const map = new Map<string, number>();
        // A hash that collides often: the key's length plus a small constant per key.
        const hash = (k: string) => k.length * 3 + (hashOf(k) & 1);
        for (const [key, value] of ops) {
          expect(memo.get(key, hash(key))).toBe(map.get(key));
          // The same look-up of the key as a stretch of a longer text.
          const text = `ab${key}cd`;
          expect(memo.getRange(text, 2, 2 + key.length, hash(key))).toBe(map.get(key));
          if (!map.has(key)) {
            memo.set(key, hash(key), value);
            map.set(key, value);
          }
        }
        expect(memo.size).toBe(map.size);
      }),
      runs(500),
    );
  });

  it('numbers its entries: an entry names one key until the memo starts over, and epochs tell memos and start-overs apart', () => {
    const memo = new WordMemo<number>(10);
    const other = new WordMemo<number>(10);
    expect(other.epoch).not.toBe(memo.epoch);
    const epoch = memo.epoch;
    const entries = new Map<string, number>();
    for (let i = 0; i < 10; i++) {
      const key = `k${i}`;
      expect(memo.find(`<${key}>`, 1, 1 + key.length, hashOf(key))).toBe(-1);
      const entry = memo.add(`<${key}>`, 1, 1 + key.length, hashOf(key), i);
      expect(entry).toBeGreaterThanOrEqual(0);
      entries.set(key, entry);
    }
    expect(new Set(entries.values()).size).toBe(10);
    expect(memo.epoch).toBe(epoch);
    for (const [key, entry] of entries) {
      expect(memo.find(key, 0, key.length, hashOf(key))).toBe(entry);
      expect(memo.valueAt(entry)).toBe(Number(key.slice(1)));
    }
    // The eleventh key empties the memo: a new epoch, unlike any other memo's.
    memo.add('k10', 0, 3, hashOf('k10'), 10);
    expect(memo.epoch).not.toBe(epoch);
    expect(memo.epoch).not.toBe(other.epoch);
    expect(memo.find('k0', 0, 2, hashOf('k0'))).toBe(-1);
    expect(memo.add('x'.repeat(0x10000), 0, 0x10000, 1, 0)).toBe(-1);
  });

  it('starts over when full, so it never holds more than its limit', () => {
    const memo = new WordMemo<number>(10);
    for (let i = 0; i < 25; i++) {
      memo.set(`k${i}`, hashOf(`k${i}`), i);
      expect(memo.size).toBeLessThanOrEqual(10);
    }
    expect(memo.get('k24', hashOf('k24'))).toBe(24);
    expect(memo.get('k0', hashOf('k0'))).toBeUndefined();
  });

  it('forgets rather than misanswers when its pool of key units fills, and keeps no key over 0xffff units', () => {
    const memo = new WordMemo<number>(1000);
    const keys = Array.from({ length: 40 }, (_, i) => String.fromCharCode(97 + (i % 26)).repeat(30_000 + i));
    keys.forEach((k, i) => {
      memo.set(k, hashOf(k), i);
      expect(memo.get(k, hashOf(k))).toBe(i);
      // Every key set before is either still there with its value or forgotten.
      keys.slice(0, i).forEach((old, j) => expect([j, undefined]).toContain(memo.get(old, hashOf(old))));
    });
    // 40 keys of 30,000 units are more than the pool holds: it started over on the way.
    expect(memo.get(keys[0]!, hashOf(keys[0]!))).toBeUndefined();
    const huge = 'x'.repeat(0x10000);
    memo.set(huge, hashOf(huge), 1);
    expect(memo.get(huge, hashOf(huge))).toBeUndefined();
    expect(memo.get('x', hashOf('x'))).toBeUndefined();
  });
});
