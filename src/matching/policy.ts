import type { Matcher } from './model';

/** Texts shorter than this match too easily ("Taxes went up.") to be linked without a person. */
export const MIN_WORDS_FOR_AUTO = 8;
/** A claim fact-checked this long before it reappears may have become true or false since. */
export const MAX_AUTO_AGE_DAYS = 730;

/**
 * What the matcher may do with a scored pair, pure: above the high threshold it links on its own, between
 * the two it suggests, below it stays silent. Short texts and old targets are only ever suggestions.
 */
export function linkState(
  matcher: Pick<Matcher, 'thresholds'>,
  score: number,
  pair: { words: number; claimAt: Date | null; targetAt: Date | null },
): 'auto' | 'suggested' | null {
  if (score < matcher.thresholds.suggest) return null;
  if (score < matcher.thresholds.auto || pair.words < MIN_WORDS_FOR_AUTO) return 'suggested';
  if (pair.claimAt && pair.targetAt) {
    const days = Math.abs(pair.claimAt.getTime() - pair.targetAt.getTime()) / 86_400_000;
    if (days > MAX_AUTO_AGE_DAYS) return 'suggested';
  }
  return 'auto';
}
