/**
 * A boosted ensemble of small regression trees, as `train:matching` writes it: each node splits on one
 * feature at a threshold (`row[feature] <= threshold` goes left), each leaf adds its value to the score.
 * Pure and tiny: inference is a few hundred comparisons per candidate.
 */
export interface Tree {
  /** Per node: feature index, or -1 for a leaf. */
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

export function treeScore(trees: Tree[], row: number[]): number {
  let z = 0;
  for (const t of trees) {
    let n = 0;
    while (t.feature[n]! >= 0) n = row[t.feature[n]!]! <= t.threshold[n]! ? t.left[n]! : t.right[n]!;
    z += t.value[n]!;
  }
  return z;
}
