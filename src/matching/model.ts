import fs from 'node:fs';
import { fromRoot } from '../paths';
import { analyse, type Candidate, FEATURE_NAMES, featureRows, type Query } from './features';
import type { LibraryTerms } from './library-terms';
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
  /**
   * Platt scaling over the raw score and, with `c`, its margin over the best other candidate of the list:
   * a listwise score orders a list but says little across lists, and a clear winner is likelier right.
   */
  platt: { a: number; b: number; c?: number; floor?: number };
  thresholds: { suggest: number; auto: number };
}

export interface Matcher {
  version: string;
  thresholds: { suggest: number; auto: number };
  /**
   * Calibrated probability per candidate, in the candidates' order; `library` is the fact-check library's
   * term counts (library-words.ts), without which every term weighs alike.
   */
  score(text: string, candidates: Candidate[], library?: LibraryTerms): number[];
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
  // The pipeline scores a claim's fact-checks and its earlier claims as two lists, one call after the
  // other: the text is analysed once for both.
  let last: { text: string; query: Query } | undefined;
  return {
    version: model.version,
    thresholds: model.thresholds,
    score(text, candidates, library) {
      if (!candidates.length) return [];
      if (last?.text !== text) last = { text, query: analyse(vectors, text) };
      const rows = featureRows(vectors, last.query, candidates, library);
      return calibrate(
        model.platt,
        rows.map((r) => rawScore(model, r)),
      );
    },
  };
}

/**
 * Each raw score's margin over the best other score of its list, or over `floor` when that is higher:
 * training lists hold 50 candidates, so the runner-up is rarely weaker than the floor (a high score among
 * wrong candidates, fitted in training), while a short list — one earlier claim repeated word for word —
 * must not pass for a clear winner by having no rival, nor be held back for having none.
 */
export function margins(raw: number[], floor = Number.NEGATIVE_INFINITY): number[] {
  let first = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  for (const s of raw) {
    if (s > first) [first, second] = [s, first];
    else if (s > second) second = s;
  }
  return raw.map((s) => {
    const rival = Math.max(s === first ? second : first, floor);
    return Number.isFinite(rival) ? s - rival : 0;
  });
}

export function calibrate(platt: RerankerFile['platt'], raw: number[]): number[] {
  const m = margins(raw, platt.floor);
  return raw.map((s, i) => sigmoid(platt.a * s + (platt.c ?? 0) * m[i]! + platt.b));
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
