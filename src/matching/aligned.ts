import type { Analysed } from './features';
import { bestAt, bestOf, coverWith, type WordSims } from './soft';

/**
 * How well a candidate and the text say the same thing word by word, BERTScore-style: recall is how much of
 * the text finds a near word in the claim or its title, precision how much of the claim (or, if better, of
 * the title) finds one in the text, each word weighted by its rarity. Soft coverage (soft.ts) is the same
 * alignment one way at a time; what it lacks is that most words have some word at cosine 0.3–0.4 in any
 * fact-check, which it counts as partial agreement, and that a candidate must cover the text *and* keep to
 * it: the harmonic mean of the two ways, over cosines floored at ALIGNED_FLOOR, is what tells paraphrases.
 * (CheckThat! 2020 train, the floor chosen there: 0.4 against 0.5 and 0.6; see the model card.)
 */
export const ALIGNED_FLOOR = 0.4;

/** A cosine at or below the floor counts 0, the rest rescaled to (0, 1]; the same word (Infinity) counts 1. */
const count = (c: number) => (c >= 1 ? 1 : c <= ALIGNED_FLOOR ? 0 : (c - ALIGNED_FLOOR) / (1 - ALIGNED_FLOOR));

/**
 * The aligned F1 of a candidate (claim and title) against the query whose word similarities `sims` gives
 * (soft.ts: shared with soft coverage, each word pair's cosine computed once per list).
 */
export function alignedF1(sims: WordSims, query: Analysed, claim: Analysed, title: Analysed): number {
  // The query's own text (an earlier claim repeated word for word): every word meets itself, so recall and the
  // claim's precision are 1 exactly (each weight times 1 over the same weights) and the title cannot beat that.
  // On bench:import data most earlier claims are such copies, and their word-pair cosines were a tenth of matching's CPU.
  if (claim === query) return query.content.length ? 1 : 0;
  const claimSims = claim.content.map(sims);
  const titleSims = title === claim ? claimSims : title.content.map(sims);
  const both = title === claim ? claimSims : [...claimSims, ...titleSims];
  const recall = coverWith(query.content, (_, i) => count(bestAt(both, i)));
  const precisionOf = (a: Analysed, s: Float64Array[]) => coverWith(a.content, (_, j) => count(bestOf(s[j]!)));
  const precision = Math.max(precisionOf(claim, claimSims), title === claim ? 0 : precisionOf(title, titleSims));
  return recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
}
