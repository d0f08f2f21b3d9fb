import { calibratedFast } from './calibration';
import { buildClaims } from './claims';
import { type DetectedAttribution, detectAttributions, type ExtractorModel } from './detect';
import { calibrated, confidenceFeatures } from './neural/confidence';
import type { ExtractedClaim, ExtractorInfo, Span } from './types';
import { shiftClaims, textWindows } from './window';

export * from './types';
export type { ExtractorModel } from './detect';

export const EXTRACTOR_MODELS = ['accurate', 'fast'] as const satisfies readonly ExtractorModel[];
// `fast` stays the default until the neural model beats it on PolNeAR dev (it does not yet: see its model card).
export const DEFAULT_MODEL: ExtractorModel = 'fast';

/** Name and version stored with every claim, so re-extraction with a newer engine is traceable. */
// 0.2.0: speakers typed and resolved (coreference), kinds, relays, hedges, check-worthiness, page furniture dropped.
// 0.3.0: wire-copy rules (said: “…”, shared subjects, multi-paragraph quotes, Q/A answers, datelines), speaker typing
// from organisation cues, balanced quotation marks and claim text without a leading "that".
export const EXTRACTOR: ExtractorInfo = { name: 'claimtrack-attribution', version: '0.3.0' };

export interface ExtractOptions {
  /** `fast` (default): the averaged perceptrons; `accurate`: the BiLSTM tagger (see model/model-card.md). */
  model?: ExtractorModel;
  /** Keep the builder's uncalibrated confidence (used when fitting the calibration). */
  uncalibrated?: boolean;
}

/** Claims with the attribution each was built from (the builder passes span arrays through untouched). */
export function extractWithDetections(
  text: string,
  opts: ExtractOptions = {},
): { claim: ExtractedClaim; detected: DetectedAttribution | undefined }[] {
  const detected = detectAttributions(text, opts.model ?? DEFAULT_MODEL);
  const byContent = new Map<Span[], DetectedAttribution>(detected.map((d) => [d.content, d]));
  return buildClaims(text, detected).map((claim) => ({ claim, detected: byContent.get(claim.spans.content) }));
}

/** Pure: a string in, claims out. No I/O, no clock, no randomness. Long texts go window by window (window.ts). */
export function extractClaims(text: string, opts: ExtractOptions = {}): ExtractedClaim[] {
  const windows = textWindows(text);
  if (windows.length === 1) return calibrate(extractWithDetections(text, opts), opts);
  return windows.flatMap(([start, end]) =>
    shiftClaims(calibrate(extractWithDetections(text.slice(start, end), opts), opts), start),
  );
}

/**
 * Claims get a calibrated confidence: the `accurate` model's from its tagger scores (model/calibration.json), the
 * `fast` model's from what detection and the claim builder know (calibration.ts, model/calibration-fast.json).
 */
function calibrate(found: ReturnType<typeof extractWithDetections>, opts: ExtractOptions): ExtractedClaim[] {
  return found.map(({ claim, detected }) => {
    if (opts.uncalibrated || !detected) return claim;
    if (!detected.scores) return { ...claim, confidence: calibratedFast(claim, detected) };
    const features = confidenceFeatures(detected, detected.scores, claim.confidence);
    return { ...claim, confidence: calibrated(features, claim.confidence) };
  });
}
