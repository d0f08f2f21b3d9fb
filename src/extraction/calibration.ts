/**
 * Calibrated claim confidence for the `fast` model: a logistic model over what the detector and the claim builder
 * know about a claim (how it was found, whether and how its speaker was named, how long and how quoted its content
 * is), fitted on PolNeAR dev by `npm run eval:polnear -- --split dev --fit-calibration --model fast` so that of
 * claims at 0.9 about nine in ten are right by the scorer's attribution match. Not on train: the tagger has seen
 * train, so its claims there are right more often than on unseen text. The figure to quote is the fit's two-fold
 * (by article) held-out reliability, which the script prints first. Pure: the weights
 * ship in model/calibration-fast.json (the `accurate` model's own calibration lives in neural/confidence.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DetectedAttribution } from './detect';
import type { ExtractedClaim } from './types';

export const FAST_FEATURES = [
  'bias',
  'logit_prior',
  'has_source',
  'origin_tagger',
  'origin_rule',
  'origin_quote',
  'origin_continuation',
  'origin_hedge',
  'speaker_unknown',
  'speaker_pronoun',
  'speaker_named',
  'direct',
  'log_content_words',
  'content_pieces',
  'say_cue',
] as const;

const PRONOUN = /^(?:he|she|they|it|we|i|who)$/i;
const SAY_CUE = /^(?:said|says|say|told|tells|according to)$/i;

export function fastFeatures(claim: ExtractedClaim, d: DetectedAttribution): number[] {
  const p = Math.min(0.999, Math.max(0.001, claim.confidence));
  const words = claim.text.split(/\s+/).filter(Boolean).length;
  return [
    1,
    Math.log(p / (1 - p)),
    d.source.length ? 1 : 0,
    d.origin === 'tagger' ? 1 : 0,
    d.origin === 'rule' ? 1 : 0,
    d.origin === 'quote' ? 1 : 0,
    d.origin === 'continuation' ? 1 : 0,
    d.origin === 'hedge' ? 1 : 0,
    claim.speaker.type === 'unknown' ? 1 : 0,
    PRONOUN.test(claim.speaker.mention ?? '') ? 1 : 0,
    claim.speaker.anonymous ? 0 : 1,
    claim.kind === 'direct' ? 1 : 0,
    Math.log1p(words),
    Math.min(3, d.content.length),
    SAY_CUE.test(claim.cue ?? '') ? 1 : 0,
  ];
}

export const FAST_CALIBRATION_FILE = path.join(__dirname, 'model', 'calibration-fast.json');

/**
 * A calibration shipped as logistic weights over a fixed feature list (read once, on first use): the probability to
 * three decimals, or the prior itself when the file is missing or was written for another feature list.
 */
export function shippedCalibration(file: string, featureCount: number): (features: number[], prior: number) => number {
  let weights: number[] | null | undefined;
  return (features, prior) => {
    weights ??= readWeights(file, featureCount);
    if (!weights) return prior;
    let z = 0;
    for (let i = 0; i < weights.length; i++) z += weights[i]! * features[i]!;
    return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
  };
}

function readWeights(file: string, featureCount: number): number[] | null {
  try {
    const w = (JSON.parse(fs.readFileSync(file, 'utf8')) as { weights: number[] }).weights;
    return Array.isArray(w) && w.length === featureCount ? w : null;
  } catch {
    return null;
  }
}

const fastCalibration = shippedCalibration(FAST_CALIBRATION_FILE, FAST_FEATURES.length);

/** The probability that the claim is right (speaker, cue and content); the builder's confidence without weights. */
export function calibratedFast(claim: ExtractedClaim, d: DetectedAttribution): number {
  return fastCalibration(fastFeatures(claim, d), claim.confidence);
}
