/** The index of the first of the ascending `xs` at or after `pos` (xs.length: none). Binary search. */
export function firstAtOrAfter(xs: ArrayLike<number>, pos: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
