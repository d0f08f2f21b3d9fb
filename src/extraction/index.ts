import { buildClaims } from './claims';
import { detectAttributions } from './detect';
import type { ExtractedClaim, ExtractorInfo } from './types';

export * from './types';

/** Name and version stored with every claim, so re-extraction with a newer engine is traceable. */
// 0.2.0: speakers typed and resolved (coreference), kinds, relays, hedges, check-worthiness, page furniture dropped.
// 0.3.0: wire-copy rules (said: “…”, shared subjects, multi-paragraph quotes, Q/A answers, datelines), speaker typing
// from organisation cues, balanced quotation marks and claim text without a leading "that".
export const EXTRACTOR: ExtractorInfo = { name: 'claimtrack-attribution', version: '0.3.0' };

/** Pure: a string in, claims out. No I/O, no clock, no randomness. */
export function extractClaims(text: string): ExtractedClaim[] {
  return buildClaims(text, detectAttributions(text));
}
