import type { Ranked } from './rank';

/**
 * Twins are fact-checks of the same claim under the same title but for case, quote marks, punctuation and
 * spacing: one feed imported under two URLs, or the same review in two feeds. Migration 000022 gives each
 * fact-check its group's key (`twin_key`, from the claim and title so compared; two that differ in any word or
 * number never share it) and its place in the order the library stored them (`seq`). A newsroom wants one
 * result per fact-check, so matching names each candidate by its group's first stored member (`firstOfTwins`,
 * which stays the same as feeds add twins later and need not be a candidate itself), scores the candidates as
 * found, and keeps each group once, at the place of its best-scored member (`foldTwins`). The others are listed
 * on the result (targets.ts). Scores are the matcher's as before: folding comes after scoring.
 */

/**
 * A lateral join giving fact-check rows `r` (with their `twin_key`) the first stored of their twins as
 * `first_id`, `first_at` (the date a link's age is judged by): one probe of the (twin_key, seq) index each, in
 * the candidates' own statement rather than a round trip of its own (which was 1.7 ms at the median, 7 % of a
 * ranking, on a loaded machine).
 */
export const firstOfTwins = (r: string) =>
  `left join lateral (select t.id as first_id, coalesce(t.claim_date, t.published_at) as first_at from factcheck t
                       where t.twin_key = ${r}.twin_key order by t.seq limit 1) first on true`;

/**
 * A ranking, best first, with each fact-check once: twins, named alike by `firstOfTwins`, keep the place and
 * score of the best-scored of them. Earlier claims are left alone (repeats.ts collapses those). Pure.
 */
export function foldTwins(ranked: Ranked[]): Ranked[] {
  const seen = new Set<string>();
  return ranked.filter((r) => {
    if (r.type !== 'factcheck') return true;
    if (seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
}
