import { buildClaims } from './claims';
import { detectAttributions } from './detect';
import type { ExtractedClaim, ExtractorInfo } from './types';
import { shiftClaims, textWindows } from './window';

export * from './types';

/** Name and version stored with every claim, so re-extraction with a newer engine is traceable. */
// 0.2.0: speakers typed and resolved (coreference), kinds, relays, hedges, check-worthiness, page furniture dropped.
// 0.3.0: wire-copy rules (said: “…”, shared subjects, multi-paragraph quotes, Q/A answers, datelines), speaker typing
// from organisation cues, balanced quotation marks and claim text without a leading "that".
export const EXTRACTOR: ExtractorInfo = { name: 'claimtrack-attribution', version: '0.3.0' };

/** Pure: a string in, claims out. No I/O, no clock, no randomness. Long texts go window by window (window.ts). */
export function extractClaims(text: string): ExtractedClaim[] {
  const windows = textWindows(text);
  if (windows.length === 1) return buildClaims(text, detectAttributions(text));
  return windows.flatMap(([start, end]) => {
    const part = text.slice(start, end);
    return shiftClaims(buildClaims(part, detectAttributions(part)), start);
  });
}
