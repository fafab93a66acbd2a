/**
 * L2-regularised logistic regression by Newton's method with backtracking, for the few
 * signals of the combiner (at most a handful of columns, so the Hessian is tiny). The bias is
 * not penalised. Deterministic for the same inputs.
 */
export function fitLogistic(rows: readonly (readonly number[])[], ys: readonly boolean[], lambda = 0.5): { weights: number[]; bias: number } {
  const d = rows[0]?.length ?? 0;
  const nPos = ys.filter(Boolean).length;
  const n = ys.length;
  // Platt's smoothed targets keep a separable signal (a rule that is never wrong) finite.
  const t = ys.map((y) => (y ? (nPos + 1) / (nPos + 2) : 1 / (n - nPos + 2)));
  const theta = new Array<number>(d + 1).fill(0);
  theta[d] = Math.log((nPos + 1) / (n - nPos + 1));
  const z = (row: readonly number[], th: readonly number[]) => {
    let s = th[d]!;
    for (let j = 0; j < d; j++) s += th[j]! * row[j]!;
    return s;
  };
  const loss = (th: readonly number[]) => {
    let sum = 0;
    rows.forEach((row, i) => {
      const v = z(row, th);
      sum += (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v))) - t[i]! * v;
    });
    for (let j = 0; j < d; j++) sum += 0.5 * lambda * th[j]! * th[j]!;
    return sum;
  };
  let current = loss(theta);
  for (let iter = 0; iter < 100; iter++) {
    const g = new Array<number>(d + 1).fill(0);
    const h = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    rows.forEach((row, i) => {
      const v = z(row, theta);
      const p = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
      const w = p * (1 - p);
      const x = [...row, 1];
      for (let a = 0; a <= d; a++) {
        g[a]! += (p - t[i]!) * x[a]!;
        for (let b = 0; b <= d; b++) h[a]![b]! += w * x[a]! * x[b]!;
      }
    });
    for (let j = 0; j < d; j++) {
      g[j]! += lambda * theta[j]!;
      h[j]![j]! += lambda;
    }
    h[d]![d]! += 1e-9;
    if (Math.max(...g.map(Math.abs)) < 1e-8) break;
    const step = solve(h, g);
    if (step === null) break;
    const slope = -g.reduce((s, gi, k) => s + gi * step[k]!, 0);
    let size = 1;
    let moved = false;
    while (size > 1e-10) {
      const next = theta.map((v, k) => v - size * step[k]!);
      const value = loss(next);
      if (value <= current + 1e-4 * size * slope) {
        theta.splice(0, theta.length, ...next);
        current = value;
        moved = true;
        break;
      }
      size /= 2;
    }
    if (!moved) break;
  }
  const r = (x: number) => Number(x.toFixed(6));
  return { weights: theta.slice(0, d).map(r), bias: r(theta[d]!) };
}

/** Solves A x = b by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}
