import { extractClaims } from '../../src/extraction';
import type { ExtractedClaim } from '../../src/extraction/types';

/** Both extractor models, for `test.each(MODELS)`. */
export const MODELS = ['accurate', 'fast'] as const;

/** The first claim whose text holds these words. */
export const claimWith = (claims: ExtractedClaim[], words: string): ExtractedClaim | undefined =>
  claims.find((c) => c.text.includes(words));

/** The default model's claims. */
export const readAccurate = (text: string): ExtractedClaim[] => extractClaims(text, { model: 'accurate' });
