import { expect } from 'vitest';
import { normalize, originalSpan, separatedAt, type NormalizedText } from '../../src/normalize/normalize.js';

/**
 * normalize(text)'s offset map may be built on first read and read through shortcuts: it must
 * answer originalSpan(a, b) and separatedAt(a) as the same map handed over as plain arrays does,
 * for any positions, out of range and non-integer ones included.
 */
export function expectMapReadsAsArrays(text: string, a: number, b: number): void {
  const n = normalize(text);
  const plain: NormalizedText = { original: n.original, text: n.text, starts: Int32Array.from(n.starts), ends: Int32Array.from(n.ends) };
  const lazy = normalize(text);
  expect(originalSpan(lazy, a, b)).toEqual(originalSpan(plain, a, b));
  expect(separatedAt(lazy, a)).toBe(separatedAt(plain, a));
}
