/**
 * Calibrated claim confidence for the `accurate` model: a logistic model over what the tagger and the claim
 * builder know about a claim (the tagger's mean probabilities per role, how it was found, how its speaker was
 * resolved), fitted on PolNeAR dev by `npm run eval:polnear -- --fit-calibration` so that of claims at 0.9 about
 * nine in ten are right by the scorer's attribution match. Pure: weights ship in model/calibration.json.
 */
import * as path from 'node:path';
import { shippedCalibration } from '../calibration';
import type { DetectedAttribution } from '../detect';
import type { TagRun } from '../detect/spans';

/** Mean tagger probability of each role over the attribution's tokens (source: 0 when it has none). */
export interface RoleScores {
  cue: number;
  source: number;
  content: number;
}

export const FEATURE_NAMES = [
  'bias',
  'logit_prior',
  'cue',
  'source',
  'content',
  'has_source',
  'origin_tagger',
  'origin_rule',
  'origin_quote',
  'origin_continuation',
] as const;

export function meanOver(p: Float32Array, runs: TagRun[]): number {
  let sum = 0;
  let n = 0;
  for (const r of runs)
    for (let i = r.first; i <= r.last; i++) {
      sum += p[i]!;
      n++;
    }
  return n ? sum / n : 0;
}

/** `prior` is the rule-based confidence the claim builder gave (detector origin × speaker resolution trust). */
export function confidenceFeatures(d: DetectedAttribution, scores: RoleScores, prior: number): number[] {
  const p = Math.min(0.999, Math.max(0.001, prior));
  return [
    1,
    Math.log(p / (1 - p)),
    scores.cue,
    scores.source,
    scores.content,
    d.source.length ? 1 : 0,
    d.origin === 'tagger' ? 1 : 0,
    d.origin === 'rule' || d.origin === 'hedge' ? 1 : 0,
    d.origin === 'quote' ? 1 : 0,
    d.origin === 'continuation' ? 1 : 0,
  ];
}

export const CALIBRATION_FILE = path.join(__dirname, '..', 'model', 'calibration.json');

/** The calibrated probability that the claim is right; the prior itself when no calibration ships. */
export const calibrated = shippedCalibration(CALIBRATION_FILE, FEATURE_NAMES.length);

/** Plain logistic regression by gradient descent (a few hundred claims, ten features): deterministic. */
export function fitLogistic(xs: number[][], ys: boolean[], l2 = 1e-3, steps = 3000, rate = 0.5): number[] {
  const d = xs[0]?.length ?? FEATURE_NAMES.length;
  const w = new Array<number>(d).fill(0);
  for (let s = 0; s < steps; s++) {
    const g = new Array<number>(d).fill(0);
    xs.forEach((x, i) => {
      let z = 0;
      for (let k = 0; k < d; k++) z += w[k]! * x[k]!;
      const err = 1 / (1 + Math.exp(-z)) - (ys[i] ? 1 : 0);
      for (let k = 0; k < d; k++) g[k]! += err * x[k]!;
    });
    for (let k = 0; k < d; k++) w[k]! -= rate * (g[k]! / xs.length + (k ? l2 * w[k]! : 0));
  }
  return w;
}
