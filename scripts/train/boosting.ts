import type { Tree } from '../../src/matching/trees';

/**
 * Gradient boosting with logistic loss over histogram-binned features: depth-limited trees, Newton leaf
 * values, shrinkage. Deterministic (no sampling). Small on purpose: a few thousand candidate pairs.
 */
export interface BoostOptions {
  rounds: number;
  depth: number;
  rate: number;
  minLeaf: number;
  bins: number;
  l2: number;
}

export function boost(x: number[][], y: number[], o: BoostOptions): { trees: Tree[]; base: number } {
  const n = x.length;
  const d = x[0]?.length ?? 0;
  // Candidate thresholds per feature: quantiles of its values.
  const cuts: number[][] = [];
  for (let k = 0; k < d; k++) {
    const sorted = x.map((r) => r[k]!).sort((a, b) => a - b);
    const c = new Set<number>();
    for (let b = 1; b < o.bins; b++) c.add(sorted[Math.floor((b * n) / o.bins)]!);
    cuts.push([...c].sort((a, b) => a - b));
  }
  const bin = x.map((r) => r.map((v, k) => lowerBound(cuts[k]!, v)));
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const base = Math.log(mean / (1 - mean));
  const f = new Array<number>(n).fill(base);
  const trees: Tree[] = [];
  for (let round = 0; round < o.rounds; round++) {
    const g = new Array<number>(n);
    const h = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-f[i]!));
      g[i] = y[i]! - p;
      h[i] = Math.max(p * (1 - p), 1e-6);
    }
    const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
    grow(tree, [...Array(n).keys()], 0);
    trees.push(tree);
    for (let i = 0; i < n; i++) f[i]! += scoreOne(tree, x[i]!);

    function grow(t: Tree, idx: number[], depth: number): number {
      const node = t.feature.length;
      t.feature.push(-1);
      t.threshold.push(0);
      t.left.push(-1);
      t.right.push(-1);
      let G = 0;
      let H = 0;
      for (const i of idx) {
        G += g[i]!;
        H += h[i]!;
      }
      t.value.push((o.rate * G) / (H + o.l2));
      if (depth >= o.depth || idx.length < 2 * o.minLeaf) return node;
      let best = { gain: 1e-9, k: -1, b: -1 };
      const parent = (G * G) / (H + o.l2);
      for (let k = 0; k < d; k++) {
        const nb = cuts[k]!.length + 1;
        const gs = new Float64Array(nb);
        const hs = new Float64Array(nb);
        const cs = new Int32Array(nb);
        for (const i of idx) {
          const b = bin[i]![k]!;
          gs[b]! += g[i]!;
          hs[b]! += h[i]!;
          cs[b]!++;
        }
        let gl = 0;
        let hl = 0;
        let cl = 0;
        for (let b = 0; b < nb - 1; b++) {
          gl += gs[b]!;
          hl += hs[b]!;
          cl += cs[b]!;
          if (cl < o.minLeaf || idx.length - cl < o.minLeaf) continue;
          const gain = (gl * gl) / (hl + o.l2) + ((G - gl) * (G - gl)) / (H - hl + o.l2) - parent;
          if (gain > best.gain) best = { gain, k, b };
        }
      }
      if (best.k < 0) return node;
      t.feature[node] = best.k;
      t.threshold[node] = cuts[best.k]![best.b]!;
      const left = idx.filter((i) => bin[i]![best.k]! <= best.b);
      const right = idx.filter((i) => bin[i]![best.k]! > best.b);
      t.left[node] = grow(t, left, depth + 1);
      t.right[node] = grow(t, right, depth + 1);
      return node;
    }
  }
  return { trees, base };
}

/** Bin b holds values in (cuts[b-1], cuts[b]]: the first cut at or above v. */
function lowerBound(cuts: number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function scoreOne(t: Tree, row: number[]): number {
  let n = 0;
  while (t.feature[n]! >= 0) n = row[t.feature[n]!]! <= t.threshold[n]! ? t.left[n]! : t.right[n]!;
  return t.value[n]!;
}
