/**
 * L2-regularised logistic regression by Newton's method (IRLS): a few exact steps over a handful of
 * features, deterministic, no learning rate to tune. Also Platt scaling, which is the same fit in one
 * dimension.
 */
export interface Fitted {
  weights: number[];
  bias: number;
}

export function fitLogistic(x: number[][], y: number[], l2 = 1, iterations = 25): Fitted {
  const d = (x[0]?.length ?? 0) + 1;
  const w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < x.length; i++) {
      const row = [...x[i]!, 1];
      const z = row.reduce((s, v, k) => s + v * w[k]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      const g = p - y[i]!;
      const h = Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a < d; a++) {
        grad[a]! += g * row[a]!;
        for (let b = 0; b <= a; b++) hess[a]![b]! += h * row[a]! * row[b]!;
      }
    }
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < a; b++) hess[b]![a] = hess[a]![b]!;
      // The bias is not shrunk.
      if (a < d - 1) {
        grad[a]! += l2 * w[a]!;
        hess[a]![a]! += l2;
      }
    }
    const step = solve(hess, grad);
    let moved = 0;
    for (let k = 0; k < d; k++) {
      w[k]! -= step[k]!;
      moved = Math.max(moved, Math.abs(step[k]!));
    }
    if (moved < 1e-8) break;
  }
  return { weights: w.slice(0, -1), bias: w[d - 1]! };
}

/** Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / pivot;
      if (f) for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / (m[i]![i]! || 1e-12));
}

export function standardise(x: number[][]): { mean: number[]; std: number[] } {
  const d = x[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const row of x) for (let k = 0; k < d; k++) mean[k]! += row[k]! / x.length;
  for (const row of x) for (let k = 0; k < d; k++) std[k]! += (row[k]! - mean[k]!) ** 2 / x.length;
  return { mean, std: std.map((s) => Math.sqrt(s) || 1) };
}
