import { createHash } from 'node:crypto';
import type { ExtractedClaim } from '../extraction';

/** A text as claims compare it: compatibility forms, lower case, no punctuation or symbols, single spaces. */
export const normaliseStatement = (s: string | null | undefined) =>
  (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A claim's identity within its article: speaker and normalised content. It survives re-extraction by a
 * newer engine as long as the same person is found saying the same thing, so reviews stay attached.
 * The n-th repetition of the same statement by the same speaker gets its own key.
 */
export function claimKeys(claims: ExtractedClaim[]): string[] {
  const seen = new Map<string, number>();
  return claims.map((c) => {
    const base = createHash('sha256')
      .update(`${normaliseStatement(c.speaker.name ?? c.speaker.mention)}\u0000${normaliseStatement(c.text)}`)
      .digest('hex')
      .slice(0, 32);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}-${n}`;
  });
}
