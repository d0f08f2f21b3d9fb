import fs from 'node:fs';
import { fromRoot } from '../paths';
import { analyse, type Candidate, FEATURE_NAMES, featureRows } from './features';
import { type Tree, treeScore } from './trees';
import { loadVectors, type WordVectors } from './vectors';

/**
 * The re-ranker as `npm run train:matching` writes it (src/matching/model/reranker.json): boosted trees
 * or a logistic regression over the features, then Platt scaling fitted on out-of-fold scores so that its
 * output is a probability that the candidate verifies the text.
 */
export interface RerankerFile {
  version: string;
  features: string[];
  /** Either boosted trees over the raw features (with their base score)… */
  trees?: Tree[];
  base?: number;
  /** …or a logistic regression over standardised features. */
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  platt: { a: number; b: number };
  thresholds: { suggest: number; auto: number };
}

export interface Matcher {
  version: string;
  thresholds: { suggest: number; auto: number };
  /** Calibrated probability per candidate, in the candidates' order. */
  score(text: string, candidates: Candidate[]): number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The raw linear score of standardised features (training uses it too, before calibration). */
export function linear(model: Pick<RerankerFile, 'mean' | 'std' | 'weights' | 'bias'>, row: number[]): number {
  let z = model.bias;
  for (let k = 0; k < row.length; k++) z += model.weights[k]! * ((row[k]! - model.mean[k]!) / model.std[k]!);
  return z;
}

/** The uncalibrated score: the trees' sum when the model has trees, else the linear score. */
export function rawScore(model: RerankerFile, row: number[]): number {
  return model.trees ? (model.base ?? 0) + treeScore(model.trees, row) : linear(model, row);
}

export function buildMatcher(model: RerankerFile, vectors: WordVectors): Matcher {
  if (model.features.join() !== FEATURE_NAMES.join())
    throw new Error('reranker.json was trained on other features: run npm run train:matching');
  return {
    version: model.version,
    thresholds: model.thresholds,
    score(text, candidates) {
      if (!candidates.length) return [];
      const rows = featureRows(vectors, analyse(vectors, text), candidates);
      return rows.map((r) => sigmoid(model.platt.a * rawScore(model, r) + model.platt.b));
    },
  };
}

let shipped: Matcher | undefined;

/** The shipped matcher, loaded once per process. */
export function defaultMatcher(): Matcher {
  shipped ??= buildMatcher(
    JSON.parse(fs.readFileSync(fromRoot('src/matching/model/reranker.json'), 'utf8')) as RerankerFile,
    loadVectors(fromRoot('src/matching/model/vectors.bin')),
  );
  return shipped;
}
